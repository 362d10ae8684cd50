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
        // one group-by into the most buckets ever used; merged down to the number the contacts support
        int most = ActivityProfile.groupsFor(Long.MAX_VALUE, 1);
        double[][] fine = new double[most][lookbackDays];
        long contacts = 0;
        for (Row r : ties.filter(col("first_ms").lt(baselineStartMs))
                .select(col("a"), col("b"), explode(col("contact_days")).as("day"))
                .groupBy(pmod(hash(col("a"), col("b")), lit(most)).as("g"), col("day"))
                .agg(count(lit(1)).as("n"))
                .collectAsList()) {
            int day = r.getInt(1);
            if (day < 0 || day >= lookbackDays) continue;
            fine[r.getInt(0)][day] = r.getLong(2);
            contacts += r.getLong(2);
        }
        if (contacts < 20L * lookbackDays) return ActivityProfile.flat(lookbackDays);
        int groups = ActivityProfile.groupsFor(contacts, lookbackDays);
        double[][] counts = new double[groups][lookbackDays];
        for (int g = 0; g < most; g++) for (int d = 0; d < lookbackDays; d++) counts[g % groups][d] += fine[g][d];
        return ActivityProfile.estimate(counts);
    }
}
