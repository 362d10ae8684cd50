package org.mentorshipgraph.algorithms.ties;

// The tie-status rules of earlier versions (dormant after three usual gaps; weakening by an exact binomial test at α
// with a flat share of R), kept in the tests as the reference the calibrated TieTests are measured against.

import java.util.Locale;

/**
 * The tie-status rules, in one place.
 *
 * <p>As of the run date T, with a recent window R (default 28 days) and the baseline window B before it
 * (default 84 days), rates are channel-weighted contacts per day: {@code rR = wR/|R|}, {@code rB = wB/|B|}.
 * Under an unchanged rate, given the {@code n = cR + cB} contacts in R ∪ B, the recent count is
 * {@code cR ~ Binomial(n, |R|/(|R|+|B|))} (Kossinets &amp; Watts, Science 311, 2006, on ties in an e-mail
 * network). The rules, first match wins:
 * <ol>
 *   <li><b>new</b>: no contact before R;</li>
 *   <li><b>dormant</b>: no contact in R, and the silence is at least {@code max(|R|, k · usual gap)}, the usual gap
 *       being the tie's median gap between contact days (k = {@code dormantGapMultiple}, default 3). A tie with a
 *       single contact day has no rhythm to be silent against and is never called dormant;</li>
 *   <li><b>weakening</b>: {@code rR/rB < ratio} and {@code P(X ≤ cR) < α};</li>
 *   <li><b>strengthening</b>: {@code rR/rB > 1/ratio} and {@code P(X ≥ cR) < α};</li>
 *   <li><b>stable</b>: everything else, including ties with too few contacts for the test to decide.</li>
 * </ol>
 * A fixed ratio alone never decides: a tie with one or two contacts cannot reach significance, so it stays
 * stable rather than crying wolf.
 *
 * <p>The dormant rule is not a test: on steady sparse Poisson ties it calls about one tie in six (issue 12; measured in
 * TieTestsCalibrationTest). {@link TieTests} replaces these rules with calibrated tests under false-discovery control;
 * this class stays unchanged until the job switches.
 *
 * @param recentDays          |R| in days, &gt; 0
 * @param baselineDays        |B| in days, &gt; 0
 * @param weakeningRatio      ratio threshold in (0, 1), default 0.5
 * @param significance        α in (0, 1), default 0.05
 * @param dormantGapMultiple  k &gt; 0, default 3
 */
public record TieTrendRules(
        double recentDays, double baselineDays, double weakeningRatio, double significance, double dormantGapMultiple)
        implements java.io.Serializable {

    public TieTrendRules {
        if (!(recentDays > 0)) throw new IllegalArgumentException("recent window must be > 0 days");
        if (!(baselineDays > 0)) throw new IllegalArgumentException("baseline window must be > 0 days");
        if (!(weakeningRatio > 0 && weakeningRatio < 1))
            throw new IllegalArgumentException("weakening ratio must be in (0,1)");
        if (!(significance > 0 && significance < 1))
            throw new IllegalArgumentException("significance must be in (0,1)");
        if (!(dormantGapMultiple > 0)) throw new IllegalArgumentException("dormant gap multiple must be > 0");
    }

    public static TieTrendRules defaults() {
        return new TieTrendRules(28, 84, 0.5, 0.05, 3);
    }

    /** Judges one tie. */
    public TieTrend judge(TieActivity a) {
        double recentRate = a.recentWeight() / recentDays;
        double baselineRate = a.baselineWeight() / baselineDays;
        double ratio = baselineRate > 0 ? recentRate / baselineRate : Double.NaN;
        int n = a.recentCount() + a.baselineCount();
        double pShare = recentDays / (recentDays + baselineDays);
        double pDrop = n > 0 ? BinomialTest.lowerTail(a.recentCount(), n, pShare) : 1.0;
        double pRise = n > 0 ? BinomialTest.upperTail(a.recentCount(), n, pShare) : 1.0;

        if (a.contactsBeforeRecent() == 0) {
            return new TieTrend(
                    TieStatus.NEW,
                    recentRate,
                    baselineRate,
                    ratio,
                    pDrop,
                    pRise,
                    String.format(
                            Locale.ROOT,
                            "first contact %.0f days ago, %d contact(s) since",
                            a.daysSinceFirst(),
                            a.recentCount()));
        }
        if (a.recentCount() == 0 && !Double.isNaN(a.usualGapDays())) {
            double needed = Math.max(recentDays, dormantGapMultiple * a.usualGapDays());
            if (a.daysSinceLast() >= needed) {
                return new TieTrend(
                        TieStatus.DORMANT,
                        recentRate,
                        baselineRate,
                        ratio,
                        pDrop,
                        pRise,
                        String.format(
                                Locale.ROOT,
                                "silent for %.0f days against a usual gap of %.1f days",
                                a.daysSinceLast(),
                                a.usualGapDays()));
            }
        }
        if (!Double.isNaN(ratio) && ratio < weakeningRatio && pDrop < significance) {
            return new TieTrend(
                    TieStatus.WEAKENING,
                    recentRate,
                    baselineRate,
                    ratio,
                    pDrop,
                    pRise,
                    String.format(
                            Locale.ROOT,
                            "%.2f/week recently vs %.2f/week before (%.0f%%), p=%.3g",
                            recentRate * 7,
                            baselineRate * 7,
                            ratio * 100,
                            pDrop));
        }
        if ((Double.isNaN(ratio) || ratio > 1 / weakeningRatio) && pRise < significance) {
            return new TieTrend(
                    TieStatus.STRENGTHENING,
                    recentRate,
                    baselineRate,
                    ratio,
                    pDrop,
                    pRise,
                    String.format(
                            Locale.ROOT,
                            "%.2f/week recently vs %.2f/week before, p=%.3g",
                            recentRate * 7,
                            baselineRate * 7,
                            pRise));
        }
        String why = Double.isNaN(a.usualGapDays())
                ? "a single contact day: too little to judge a trend"
                : String.format(
                        Locale.ROOT, "%.2f/week recently vs %.2f/week before", recentRate * 7, baselineRate * 7);
        return new TieTrend(TieStatus.STABLE, recentRate, baselineRate, ratio, pDrop, pRise, why);
    }
}
