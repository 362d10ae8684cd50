package org.mentorshipgraph.ties;

/**
 * One tie: an unordered pair {@code personA < personB} with its interaction history as of the run date.
 *
 * @param strength       Σ w(channel)·share·2^(−age/h) over the look-back (Burt 2000 decay; share = 1/(N−1) for a group event of N)
 * @param interactions   contacts in the look-back (a group event counts once per pair)
 * @param channels       distinct channels (multiplexity)
 * @param channelList    the channels, ';'-separated, sorted
 * @param reciprocity    share of directed contacts initiated by the less active side, in [0, 0.5]; NaN when none is directed
 * @param firstMs        first contact in the look-back, epoch ms
 * @param lastMs         last contact, epoch ms
 * @param recentCount    contacts in the recent window R
 * @param baselineCount  contacts in the baseline window B
 * @param recentWeight   weighted contacts in R
 * @param baselineWeight weighted contacts in B
 * @param beforeRecent   contacts before R (B and earlier)
 * @param usualGapDays   median gap between consecutive distinct contact days; NaN with fewer than two
 */
public record Tie(
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
        double usualGapDays) {}
