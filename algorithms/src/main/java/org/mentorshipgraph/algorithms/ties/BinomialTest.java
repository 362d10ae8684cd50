package org.mentorshipgraph.algorithms.ties;

/**
 * Exact one-sided binomial tail probabilities, the test behind "is this drop real or noise?".
 *
 * <p>For {@code X ~ Binomial(n, p)}: {@link #lowerTail} is {@code P(X ≤ k)} and {@link #upperTail} is
 * {@code P(X ≥ k)}. Terms are summed in log space from {@code log P(X=0) = n·log(1−p)} with the ratio
 * {@code P(X=i+1)/P(X=i) = (n−i)/(i+1) · p/(1−p)}, so large {@code n} neither underflows nor loses
 * the small tails that matter for significance. Time O(n), memory O(1).
 *
 * <p>Used as in Kossinets &amp; Watts (Science 311, 2006) reasoning about tie decay: given the total number
 * of contacts of a tie over the recent window R plus the baseline window B, under an unchanged rate each
 * contact falls in R with probability {@code |R| / (|R| + |B|)}.
 */
public final class BinomialTest {
    private BinomialTest() {}

    /** {@code P(X ≤ k)} for {@code X ~ Binomial(n, p)}. */
    public static double lowerTail(int k, int n, double p) {
        check(n, p);
        if (k < 0) return 0.0;
        if (k >= n) return 1.0;
        if (p == 0.0) return 1.0;
        if (p == 1.0) return 0.0;
        return Math.min(1.0, Math.exp(logSum(0, k, n, p)));
    }

    /**
     * The mid-p lower tail {@code P(X < k) + ½·P(X = k)} for {@code X ~ Binomial(n, p)} (H. O. Lancaster, "Significance
     * tests in discrete distributions", JASA 56, 1961; A. Agresti, <i>Categorical Data Analysis</i>, 3rd ed., §1.4.5):
     * it counts only half of the observed outcome's own probability, so the test is less conservative than {@link
     * #lowerTail}; its level is not guaranteed at every n, but it is close to nominal on average (measured in
     * TieTestsCalibrationTest). Time O(k), memory O(1).
     */
    public static double lowerTailMidP(int k, int n, double p) {
        check(n, p);
        if (k < 0) return 0.0;
        if (k > n) return 1.0;
        double point = pmf(k, n, p);
        double below = k == 0 ? 0.0 : lowerTail(k - 1, n, p);
        return Math.min(1.0, below + 0.5 * point);
    }

    /** {@code P(X = k)} for {@code X ~ Binomial(n, p)}, in log space. */
    public static double pmf(int k, int n, double p) {
        check(n, p);
        if (k < 0 || k > n) return 0.0;
        if (p == 0.0) return k == 0 ? 1.0 : 0.0;
        if (p == 1.0) return k == n ? 1.0 : 0.0;
        return Math.exp(logChoose(n, k) + k * Math.log(p) + (n - k) * Math.log1p(-p));
    }

    /** log C(n, k) by summing logs: O(min(k, n − k)). */
    static double logChoose(int n, int k) {
        int m = Math.min(k, n - k);
        double s = 0;
        for (int i = 1; i <= m; i++) s += Math.log(n - m + i) - Math.log(i);
        return s;
    }

    /** {@code P(X ≥ k)} for {@code X ~ Binomial(n, p)}. */
    public static double upperTail(int k, int n, double p) {
        check(n, p);
        if (k <= 0) return 1.0;
        if (k > n) return 0.0;
        if (p == 0.0) return 0.0;
        if (p == 1.0) return 1.0;
        return Math.min(1.0, Math.exp(logSum(k, n, n, p)));
    }

    /** log Σ_{i=from..to} P(X=i), by walking the pmf ratio from i = 0 in log space. */
    private static double logSum(int from, int to, int n, double p) {
        double logRatio = Math.log(p) - Math.log1p(-p);
        double logPmf = n * Math.log1p(-p);
        double max = Double.NEGATIVE_INFINITY;
        // first pass: pmf values are unimodal; track the maximum of the summed range for log-sum-exp
        double lp = logPmf;
        for (int i = 0; i <= to; i++) {
            if (i >= from) max = Math.max(max, lp);
            lp += Math.log(n - i) - Math.log(i + 1) + logRatio;
        }
        double sum = 0.0;
        lp = logPmf;
        for (int i = 0; i <= to; i++) {
            if (i >= from) sum += Math.exp(lp - max);
            lp += Math.log(n - i) - Math.log(i + 1) + logRatio;
        }
        return max + Math.log(sum);
    }

    private static void check(int n, double p) {
        if (n < 0) throw new IllegalArgumentException("n must be >= 0: " + n);
        if (!(p >= 0.0 && p <= 1.0)) throw new IllegalArgumentException("p must be in [0,1]: " + p);
    }
}
