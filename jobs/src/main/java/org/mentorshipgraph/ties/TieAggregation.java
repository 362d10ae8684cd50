package org.mentorshipgraph.ties;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.flatten;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.min_by;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.mentorshipgraph.schema.Schemas;

/**
 * Interactions to ties, in Spark: the data-moving half of tie strength.
 *
 * <ol>
 *   <li><b>pairs</b>: a direct interaction is one contact of the pair {min(s,t), max(s,t)}, initiated by s.
 *       Rows sharing an {@code event_id} are one group event; its N participants form N(N−1)/2 pairs, each
 *       counting {@code 1/(N−1)} (Newman, Phys. Rev. E 64, 2001), at the event's first timestamp, initiated by
 *       the organiser (the source of the event's first row).</li>
 *   <li><b>ties</b>: per pair, as of T (end of the as-of day) over the look-back, the decayed strength
 *       {@code Σ w(channel)·share·2^(−(T−t)/h)}, counts, channels, reciprocity, first/last contact, and the counts
 *       and weights in the recent window R and the baseline window B, plus the median gap between contact days, and
 *       {@code contact_days}: the day of every contact (days since the look-back's start, sorted, one entry per
 *       contact), what the calibrated tie tests read ({@code org.mentorshipgraph.algorithms.ties.TieHistory}).</li>
 * </ol>
 */
public final class TieAggregation {
    private TieAggregation() {}

    static final double DAY_MS = 86_400_000.0;

    /** The time frame of a run: all instants in epoch ms. */
    public record Windows(
            long asOfEndMs, long recentStartMs, long baselineStartMs, long lookbackStartMs, double halfLifeDays) {}

    /** What {@link #pairs} reads: the valid interactions of the ingest step. */
    public static final StructType INTERACTIONS = Schemas.of(
            "ts_ms", DataTypes.LongType,
            "source_id", DataTypes.StringType,
            "target_id", DataTypes.StringType,
            "channel", DataTypes.StringType,
            "event_id", DataTypes.StringType);

    /** What {@link #ties} writes: one row per pair {@code a < b}. */
    public static final StructType TIES = Schemas.of(
            "a", DataTypes.StringType,
            "b", DataTypes.StringType,
            "strength", DataTypes.DoubleType,
            "interactions", DataTypes.LongType,
            "channels", DataTypes.IntegerType,
            "channel_list", DataTypes.StringType,
            "reciprocity", DataTypes.DoubleType,
            "first_ms", DataTypes.LongType,
            "last_ms", DataTypes.LongType,
            "recent_count", DataTypes.LongType,
            "baseline_count", DataTypes.LongType,
            "recent_weight", DataTypes.DoubleType,
            "baseline_weight", DataTypes.DoubleType,
            "before_recent", DataTypes.LongType,
            "usual_gap", DataTypes.DoubleType,
            "contact_days", DataTypes.createArrayType(DataTypes.IntegerType, false));

    /** {@link #pairs(Dataset, Map, int)} with group events of any size. */
    public static Dataset<Row> pairs(Dataset<Row> valid, Map<String, Double> channelWeights) {
        return pairs(valid, channelWeights, 0);
    }

    /**
     * Pairs with columns a, b, ts_ms, channel, contrib (= weight × share), initiator (a, b or null).
     *
     * @param maxEventSize a group event with more participants than this is left out (0: no limit); see
     *     {@link #largeEvents}
     */
    public static Dataset<Row> pairs(Dataset<Row> valid, Map<String, Double> channelWeights, int maxEventSize) {
        Schemas.require(INTERACTIONS, valid, "ties step");
        Column weight = lit(1.0);
        if (!channelWeights.isEmpty()) {
            Column w = null;
            for (Map.Entry<String, Double> e : channelWeights.entrySet()) {
                w = (w == null
                        ? when(col("channel").equalTo(e.getKey()), lit(e.getValue()))
                        : w.when(col("channel").equalTo(e.getKey()), lit(e.getValue())));
            }
            weight = w.otherwise(lit(1.0));
        }
        Dataset<Row> weighted = valid.withColumn("w", weight);

        Dataset<Row> direct = weighted.filter(col("event_id").isNull())
                .select(
                        least(col("source_id"), col("target_id")).as("a"),
                        greatest(col("source_id"), col("target_id")).as("b"),
                        col("ts_ms"),
                        col("channel"),
                        col("w").as("contrib"),
                        col("source_id").as("initiator"));

        // the event's first row, in a total order (its rows usually share one timestamp)
        Column firstRow =
                org.apache.spark.sql.functions.struct(col("ts_ms"), col("source_id"), col("target_id"), col("channel"));
        Dataset<Row> events = weighted.filter(col("event_id").isNotNull())
                .groupBy("event_id")
                .agg(
                        min("ts_ms").as("ts_ms"),
                        min_by(col("channel"), firstRow).as("channel"),
                        min_by(col("w"), firstRow).as("w"),
                        min_by(col("source_id"), firstRow).as("organiser"),
                        array_sort(array_distinct(flatten(collect_list(array(col("source_id"), col("target_id"))))))
                                .as("people"))
                .withColumn("n", size(col("people")));
        if (maxEventSize > 0) events = events.filter(col("n").leq(maxEventSize));
        Dataset<Row> eventPairs = events.selectExpr(
                        "ts_ms", "channel", "w", "organiser", "n", "posexplode(people) as (i, a)", "people")
                .selectExpr("ts_ms", "channel", "w", "organiser", "n", "i", "a", "posexplode(people) as (j, b)")
                .filter(col("i").lt(col("j")))
                .select(
                        col("a"),
                        col("b"),
                        col("ts_ms"),
                        col("channel"),
                        col("w").divide(col("n").minus(1)).as("contrib"),
                        when(
                                        col("organiser")
                                                .equalTo(col("a"))
                                                .or(col("organiser").equalTo(col("b"))),
                                        col("organiser"))
                                .as("initiator"));
        return direct.unionByName(eventPairs);
    }

    /**
     * The group events with more than {@code maxEventSize} participants, which {@link #pairs} leaves out: an all-hands
     * meeting or a mailing list would give each of its N(N−1)/2 pairs a contact of weight w/(N−1), too faint to make a
     * tie active (a weekly event reaches the default floor of 0.5 only up to about 14 people) but a contact all the
     * same for the fading tests, which count contacts: no pair in it is ever silent, and its pairs swamp the
     * organisation's activity profile. One aggregation over the rows with an event id.
     *
     * @return events left out, their rows, and the largest one's participants (0, 0, 0 when none or no limit)
     */
    public static long[] largeEvents(Dataset<Row> valid, int maxEventSize) {
        if (maxEventSize <= 0) return new long[3];
        Row r = valid.filter(col("event_id").isNotNull())
                .groupBy("event_id")
                .agg(
                        size(array_distinct(flatten(collect_list(array(col("source_id"), col("target_id"))))))
                                .as("n"),
                        count(lit(1)).as("rows"))
                .filter(col("n").gt(maxEventSize))
                .agg(count(lit(1)), sum("rows"), max("n"))
                .first();
        return new long[] {r.getLong(0), r.isNullAt(1) ? 0 : r.getLong(1), r.isNullAt(2) ? 0 : r.getInt(2)};
    }

    /** Aggregates pairs into ties for the given windows; keeps pairs with at least {@code minInteractions} contacts. */
    public static Dataset<Row> ties(Dataset<Row> pairs, Windows w, int minInteractions) {
        Column ts = col("ts_ms");
        Column inRecent = ts.geq(w.recentStartMs());
        Column inBaseline = ts.geq(w.baselineStartMs()).and(ts.lt(w.recentStartMs()));
        Column decay = expr(String.format(
                Locale.ROOT,
                "pow(2.0D, -(double(%d - ts_ms) / 86400000D) / %sD)",
                w.asOfEndMs(),
                Double.toString(w.halfLifeDays())));
        Dataset<Row> agg = pairs.filter(ts.geq(w.lookbackStartMs()).and(ts.lt(w.asOfEndMs())))
                .groupBy("a", "b")
                .agg(
                        ordered(collect_list(col("contrib").multiply(decay))).as("strength"),
                        count(lit(1)).as("interactions"),
                        array_sort(collect_set(col("channel"))).as("channel_set"),
                        sum(when(col("initiator").equalTo(col("a")), 1).otherwise(0))
                                .as("from_a"),
                        sum(when(col("initiator").equalTo(col("b")), 1).otherwise(0))
                                .as("from_b"),
                        min(ts).as("first_ms"),
                        max(ts).as("last_ms"),
                        sum(when(inRecent, 1).otherwise(0)).as("recent_count"),
                        sum(when(inBaseline, 1).otherwise(0)).as("baseline_count"),
                        ordered(collect_list(when(inRecent, col("contrib")))).as("recent_weight"),
                        ordered(collect_list(when(inBaseline, col("contrib")))).as("baseline_weight"),
                        sum(when(ts.lt(w.recentStartMs()), 1).otherwise(0)).as("before_recent"),
                        array_sort(collect_set(expr("floor(ts_ms / 86400000)"))).as("days"),
                        array_sort(collect_list(expr(String.format(
                                        Locale.ROOT, "int(floor((ts_ms - %d) / 86400000D))", w.lookbackStartMs()))))
                                .as("contact_days"))
                .filter(col("interactions").geq(minInteractions));
        // median gap between consecutive distinct contact days, computed where the data is
        return agg.withColumn(
                        "gaps",
                        expr(
                                "CASE WHEN size(days) < 2 THEN array() ELSE array_sort(transform(sequence(2, size(days)), i -> element_at(days, i) - element_at(days, i - 1))) END"))
                .withColumn(
                        "usual_gap",
                        expr(
                                "CASE WHEN size(gaps) = 0 THEN double('NaN') "
                                        + "WHEN size(gaps) % 2 = 1 THEN double(element_at(gaps, int((size(gaps) + 1) / 2))) "
                                        + "ELSE (element_at(gaps, int(size(gaps) / 2)) + element_at(gaps, int(size(gaps) / 2) + 1)) / 2.0D END"))
                .select(
                        col("a"),
                        col("b"),
                        col("strength"),
                        col("interactions"),
                        size(col("channel_set")).as("channels"),
                        expr("array_join(channel_set, ';')").as("channel_list"),
                        expr("CASE WHEN from_a + from_b = 0 THEN double('NaN') ELSE least(from_a, from_b) / double(from_a + from_b) END")
                                .as("reciprocity"),
                        col("first_ms"),
                        col("last_ms"),
                        col("recent_count"),
                        col("baseline_count"),
                        col("recent_weight"),
                        col("baseline_weight"),
                        col("before_recent"),
                        col("usual_gap"),
                        col("contact_days"));
    }

    /**
     * A sum in a fixed order (the values sorted), so that the same input gives the same bits whatever order Spark's
     * shuffle delivers rows in: re-running a date must reproduce the graph exactly.
     */
    static Column ordered(Column values) {
        return org.apache.spark.sql.functions.aggregate(
                org.apache.spark.sql.functions.array_sort(values), lit(0.0), (acc, x) -> acc.plus(x));
    }
}
