package org.mentorshipgraph.trends;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.hash;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.mentorshipgraph.algorithms.ties.ActivityProfile;

/**
 * The organisation's activity per day of the look-back ({@link ActivityProfile}), estimated in Spark from the ties
 * that already existed before the baseline window (first contact before B, so that new ties and new hires do not raise
 * R against B): their contacts per (hash bucket of the tie, day), {@code G × L} numbers collected to the driver, then
 * the trimmed mean of ratios of {@link ActivityProfile#estimate}. Cost: one pass over the ties' contact days and a
 * group-by into at most {@code 64 · L} rows.
 */
final class ActivityEstimate {
    private ActivityEstimate() {}

    /**
     * The profile over {@code lookbackDays} days; flat (every day ordinary) when no tie existed before B or too few
     * contacts were made to tell.
     *
     * @param ties            rows with {@code a}, {@code b}, {@code first_ms}, {@code contact_days}
     * @param baselineStartMs start of B
     */
    static ActivityProfile of(Dataset<Row> ties, int lookbackDays, long baselineStartMs) {
        Dataset<Row> old = ties.filter(col("first_ms").lt(baselineStartMs));
        Dataset<Row> days =
                old.select(col("a"), col("b"), explode(col("contact_days")).as("day"));
        long contacts = days.count();
        if (contacts < 20L * lookbackDays) return ActivityProfile.flat(lookbackDays);
        int groups = ActivityProfile.groupsFor(contacts, lookbackDays);
        double[][] counts = new double[groups][lookbackDays];
        for (Row r : days.groupBy(pmod(hash(col("a"), col("b")), lit(groups)).as("g"), col("day"))
                .agg(count(lit(1)).as("n"))
                .collectAsList()) {
            int day = r.getInt(1);
            if (day >= 0 && day < lookbackDays) counts[r.getInt(0)][day] = r.getLong(2);
        }
        return ActivityProfile.estimate(counts);
    }
}
