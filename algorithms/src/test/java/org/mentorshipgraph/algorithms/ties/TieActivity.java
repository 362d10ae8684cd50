package org.mentorshipgraph.algorithms.ties;

// The tie-status rules of earlier versions (dormant after three usual gaps; weakening by an exact binomial test at α
// with a flat share of R), kept in the tests as the reference the calibrated TieTests are measured against.

/**
 * What the tie-trend rules need to know about one tie, as of the run date T.
 *
 * @param recentCount      contacts in the recent window R = [T − |R|, T)
 * @param baselineCount    contacts in the baseline window B = [T − |R| − |B|, T − |R|)
 * @param recentWeight     channel-weighted contacts in R (group events count 1/(N−1))
 * @param baselineWeight   channel-weighted contacts in B
 * @param contactsBeforeRecent all contacts before R inside the look-back (B and earlier)
 * @param daysSinceFirst   days from the first contact (inside the look-back) to T
 * @param daysSinceLast    days from the last contact to T
 * @param usualGapDays     median gap in days between consecutive distinct contact days; NaN with fewer than two
 */
public record TieActivity(
        int recentCount,
        int baselineCount,
        double recentWeight,
        double baselineWeight,
        int contactsBeforeRecent,
        double daysSinceFirst,
        double daysSinceLast,
        double usualGapDays) {}
