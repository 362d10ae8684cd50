package org.mentorshipgraph.algorithms.ties;

/**
 * The verdict of {@link TieTests} on one tie, with its evidence and its q-value.
 *
 * @param status   the verdict
 * @param evidence what the per-tie tests found
 * @param qValue   the tie's Benjamini–Hochberg q-value in the run ({@link FalseDiscovery}); NaN when new
 * @param reason   one human-readable sentence
 */
public record TieVerdict(TieStatus status, TieEvidence evidence, double qValue, String reason)
        implements java.io.Serializable {

    /** Whether the tie is in the list of fading ties (weakening or dormant), the list whose false share is controlled. */
    public boolean fading() {
        return status == TieStatus.WEAKENING || status == TieStatus.DORMANT;
    }

    /** Whether the tie is silent or quieter because one side was away, and nothing faded with the absence set aside. */
    public boolean paused() {
        return status == TieStatus.PAUSED;
    }

    /**
     * The verdict in today's shape, for the columns the job writes now: the raw rates and the ratio on the calendar,
     * {@code pDrop} the fading p-value (the silence test's for a silent tie), {@code pRise} the rise test's.
     */
    public TieTrend toTrend() {
        TieEvidence e = evidence;
        double ratio = e.baselineRate() > 0 ? e.recentRate() / e.baselineRate() : Double.NaN;
        double pDrop = e.isNew() ? 1.0 : e.pFade();
        return new TieTrend(status, e.recentRate(), e.baselineRate(), ratio, pDrop, e.pRise(), reason);
    }
}
