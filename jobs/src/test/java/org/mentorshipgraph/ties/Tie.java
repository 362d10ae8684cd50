package org.mentorshipgraph.ties;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** A tie row of {@link TieAggregation#TIES} read by column name, for tests. */
record Tie(
        String personA,
        String personB,
        double strength,
        int interactions,
        int channels,
        String channelList,
        double reciprocity,
        long firstMs,
        long lastMs,
        int recentCount,
        int baselineCount,
        double recentWeight,
        double baselineWeight,
        int beforeRecent,
        double usualGapDays) {

    static Tie of(Row r) {
        return new Tie(
                r.getAs("a"),
                r.getAs("b"),
                r.<Double>getAs("strength"),
                (int) (long) r.<Long>getAs("interactions"),
                r.<Integer>getAs("channels"),
                r.getAs("channel_list"),
                r.<Double>getAs("reciprocity"),
                r.<Long>getAs("first_ms"),
                r.<Long>getAs("last_ms"),
                (int) (long) r.<Long>getAs("recent_count"),
                (int) (long) r.<Long>getAs("baseline_count"),
                r.<Double>getAs("recent_weight"),
                r.<Double>getAs("baseline_weight"),
                (int) (long) r.<Long>getAs("before_recent"),
                r.<Double>getAs("usual_gap"));
    }

    /** The ties sorted by pair. */
    static List<Tie> collect(Dataset<Row> ties) {
        return ties.orderBy("a", "b").collectAsList().stream().map(Tie::of).toList();
    }
}
