package org.mentorshipgraph.algorithms.ties;

import java.util.Arrays;

/**
 * What the calibrated tie tests ({@link TieTests}) need to know about one tie: its contacts per day over the look-back.
 *
 * <p>Days are indexed from the start of the look-back (day 0 its first day, L − 1 the last day before the run date),
 * as in {@link ActivityProfile}. In Spark: {@code day = floor((ts_ms − lookbackStartMs) / 86400000)}, then per tie
 * {@code groupBy(a, b, day).count()} and {@code array_sort(collect_list(struct(day, n)))}, split into the two arrays.
 *
 * @param days           sorted distinct days with at least one contact
 * @param contacts       contacts on each of those days (≥ 1), same length as {@code days}
 * @param recentWeight   channel-weighted contacts in R, for the rates shown (the rates shown in the ties table)
 * @param baselineWeight channel-weighted contacts in B
 */
public record TieHistory(int[] days, int[] contacts, double recentWeight, double baselineWeight)
        implements java.io.Serializable {

    public TieHistory {
        if (days.length == 0) throw new IllegalArgumentException("a tie has at least one contact day");
        if (days.length != contacts.length) throw new IllegalArgumentException("days and contacts differ in length");
        for (int i = 0; i < days.length; i++) {
            if (days[i] < 0) throw new IllegalArgumentException("negative day " + days[i]);
            if (i > 0 && days[i] <= days[i - 1]) throw new IllegalArgumentException("days must be sorted and distinct");
            if (contacts[i] < 1) throw new IllegalArgumentException("a contact day has at least one contact");
        }
    }

    /** A tie whose contacts all weigh 1: the weights are the counts in R and B of the given windows. */
    public static TieHistory unweighted(
            int[] days, int[] contacts, int lookbackDays, int recentDays, int baselineDays) {
        int rs = lookbackDays - recentDays, bs = rs - baselineDays;
        double r = 0, b = 0;
        for (int i = 0; i < days.length; i++) {
            if (days[i] >= rs) r += contacts[i];
            else if (days[i] >= bs) b += contacts[i];
        }
        return new TieHistory(days, contacts, r, b);
    }

    /** A tie with one contact on each of the given days. */
    public static TieHistory ofDays(int lookbackDays, int recentDays, int baselineDays, int... days) {
        int[] ones = new int[days.length];
        Arrays.fill(ones, 1);
        return unweighted(days, ones, lookbackDays, recentDays, baselineDays);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TieHistory t
                && Arrays.equals(days, t.days)
                && Arrays.equals(contacts, t.contacts)
                && Double.compare(recentWeight, t.recentWeight) == 0
                && Double.compare(baselineWeight, t.baselineWeight) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(days) + Arrays.hashCode(contacts);
    }

    @Override
    public String toString() {
        return "TieHistory[" + days.length + " contact days, last " + days[days.length - 1] + "]";
    }
}
