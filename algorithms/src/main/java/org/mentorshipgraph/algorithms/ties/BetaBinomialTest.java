package org.mentorshipgraph.algorithms.ties;

/**
 * One-sided tails of the beta-binomial distribution, the binomial test for over-dispersed counts.
 *
 * <p>When a tie's contacts come in bursts (several on one day, busy weeks and quiet weeks), its counts vary more than
 * Poisson: the variance of a window's count is φ times its mean, φ &gt; 1. Given n contacts in R ∪ B, the count in R
 * then varies about φ times as much as {@code Binomial(n, p)} says, and the exact binomial test calls bursts "drops".
 * The beta-binomial with mean share p and intra-class correlation ρ,
 *
 * <pre>
 *   X ~ BetaBinomial(n, α, β),  α = p(1/ρ − 1),  β = (1 − p)(1/ρ − 1),
 *   E X = n p,  Var X = n p (1 − p) [1 + (n − 1) ρ],
 * </pre>
 *
 * matches that variance with {@code ρ = (φ − 1)/(n − 1)} ({@link #rhoForDispersion}); ρ = 0 is the binomial
 * (D. A. Williams, "Extra-binomial variation in logistic linear models", Applied Statistics 31, 1982; the dispersion
 * φ as in quasi-likelihood, P. McCullagh &amp; J. A. Nelder, <i>Generalized Linear Models</i>, 2nd ed., 1989, §4.5).
 *
 * <p>The pmf is walked from {@code P(X=0) = Π_{i<n} (β+i)/(α+β+i)} by the ratio {@code P(X=j+1)/P(X=j) = (n−j)/(j+1) ·
 * (α+j)/(β+n−j−1)}, in log space with log-sum-exp, so neither large n nor small tails underflow. Time O(n) per tail,
 * memory O(1).
 */
public final class BetaBinomialTest {
    private BetaBinomialTest() {}

    /** ρ for a dispersion φ ≥ 1 of counts at n trials: {@code (φ − 1)/(n − 1)}, capped below 1; 0 when n ≤ 1. */
    public static double rhoForDispersion(double phi, int n) {
        if (!(phi >= 1)) throw new IllegalArgumentException("dispersion must be >= 1: " + phi);
        if (n <= 1 || phi == 1) return 0.0;
        return Math.min(0.999, (phi - 1) / (n - 1));
    }

    /** {@code P(X ≤ k)}. */
    public static double lowerTail(int k, int n, double p, double rho) {
        check(n, p, rho);
        if (rho == 0) return BinomialTest.lowerTail(k, n, p);
        if (k < 0) return 0.0;
        if (k >= n) return 1.0;
        if (p == 0.0) return 1.0;
        if (p == 1.0) return 0.0;
        return Math.min(1.0, Math.exp(logSum(0, k, n, p, rho)));
    }

    /** Mid-p lower tail {@code P(X < k) + ½·P(X = k)} (see {@link BinomialTest#lowerTailMidP}). */
    public static double lowerTailMidP(int k, int n, double p, double rho) {
        check(n, p, rho);
        if (rho == 0) return BinomialTest.lowerTailMidP(k, n, p);
        if (k < 0) return 0.0;
        if (k > n) return 1.0;
        if (p == 0.0) return k == 0 ? 0.5 : 1.0;
        if (p == 1.0) return k == n ? 0.5 : 0.0;
        double below = k == 0 ? 0.0 : Math.exp(logSum(0, k - 1, n, p, rho));
        double point = Math.exp(logSum(k, k, n, p, rho));
        return Math.min(1.0, below + 0.5 * point);
    }

    /** {@code P(X ≥ k)}. */
    public static double upperTail(int k, int n, double p, double rho) {
        check(n, p, rho);
        if (rho == 0) return BinomialTest.upperTail(k, n, p);
        if (k <= 0) return 1.0;
        if (k > n) return 0.0;
        if (p == 0.0) return 0.0;
        if (p == 1.0) return 1.0;
        return Math.min(1.0, Math.exp(logSum(k, n, n, p, rho)));
    }

    /** log Σ_{j=from..to} P(X=j). */
    private static double logSum(int from, int to, int n, double p, double rho) {
        double s = 1 / rho - 1, a = p * s, b = (1 - p) * s;
        double lp = 0;
        for (int i = 0; i < n; i++) lp += Math.log((b + i) / (a + b + i));
        double max = Double.NEGATIVE_INFINITY, first = lp;
        for (int j = 0; j <= to; j++) {
            if (j >= from) max = Math.max(max, lp);
            if (j < n) lp += Math.log((double) (n - j) / (j + 1)) + Math.log((a + j) / (b + n - j - 1));
        }
        double sum = 0;
        lp = first;
        for (int j = 0; j <= to; j++) {
            if (j >= from) sum += Math.exp(lp - max);
            if (j < n) lp += Math.log((double) (n - j) / (j + 1)) + Math.log((a + j) / (b + n - j - 1));
        }
        return max + Math.log(sum);
    }

    private static void check(int n, double p, double rho) {
        if (n < 0) throw new IllegalArgumentException("n must be >= 0: " + n);
        if (!(p >= 0.0 && p <= 1.0)) throw new IllegalArgumentException("p must be in [0,1]: " + p);
        if (!(rho >= 0.0 && rho < 1.0)) throw new IllegalArgumentException("rho must be in [0,1): " + rho);
    }
}
