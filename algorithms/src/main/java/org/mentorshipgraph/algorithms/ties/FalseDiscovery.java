package org.mentorshipgraph.algorithms.ties;

import java.util.Arrays;

/**
 * False discovery control over all the tests of a run: Benjamini–Hochberg q-values (Y. Benjamini &amp; Y. Hochberg,
 * "Controlling the false discovery rate: a practical and powerful approach to multiple testing", JRSS B 57, 1995; the
 * q-value as the smallest FDR level at which a test is called, J. D. Storey, JRSS B 64, 2002).
 *
 * <p>With m tests and p-values sorted ascending, {@code p_(1) ≤ … ≤ p_(m)}:
 *
 * <pre>
 *   q_(i) = min_{j ≥ i} min(1, m · p_(j) / j)
 * </pre>
 *
 * Calling every test with {@code q ≤ fdr} is the BH step-up procedure at level fdr: the expected share of false calls
 * among the calls is at most {@code (m₀/m)·fdr ≤ fdr} for independent or positively dependent (PRDS) p-values
 * (Benjamini &amp; Yekutieli, Annals of Statistics 29, 2001); the tie tests of different ties are independent under the
 * null, apart from the shared activity profile. Tied p-values get the same q whatever their order.
 *
 * <h2>In Spark</h2>
 *
 * The same formula with two windows over the tests of the run ({@code m} = their count): {@code i = row_number() over
 * (order by p)}, {@code raw = least(1, m·p/i)}, {@code q = min(raw) over (order by p desc, i desc rows between unbounded
 * preceding and current row)} — a global sort, O(m log m). {@link #qValues} is the pure-Java reference the tests use.
 *
 * <h2>Expected false alarms in a list</h2>
 *
 * {@link #expectedFalseAlarms}: for a list whose largest p-value is t, the expected number of true nulls with p ≤ t is
 * {@code m₀·t ≤ m·t} (p-values of true nulls are uniform or conservative), so {@code min(R, m·t)} is an upper estimate of
 * the false alarms in a list of R (the BH estimate with π₀ = 1); for the BH list of size R at level fdr it is at most {@code
 * fdr·R}. A list filtered further (the ratio rule) is a subset and can only hold fewer.
 */
public final class FalseDiscovery {
    private FalseDiscovery() {}

    /** Benjamini–Hochberg q-values, in the order of {@code p}. O(m log m) time, O(m) memory. NaN p counts as 1. */
    public static double[] qValues(double[] p) {
        int m = p.length;
        double[] q = new double[m];
        if (m == 0) return q;
        Integer[] order = new Integer[m];
        double[] v = new double[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
            double x = p[i];
            if (Double.isNaN(x)) x = 1.0;
            if (x < 0 || x > 1) throw new IllegalArgumentException("p-value out of [0,1] at " + i + ": " + x);
            v[i] = x;
        }
        Arrays.sort(order, (a, b) -> Double.compare(v[a], v[b]));
        double running = 1.0;
        for (int rank = m; rank >= 1; rank--) {
            int i = order[rank - 1];
            running = Math.min(running, Math.min(1.0, m * v[i] / rank));
            q[i] = running;
        }
        return q;
    }

    /**
     * The family of a run's discrete tests, by Tarone's rule (R. E. Tarone, "A modified Bonferroni method for discrete
     * data", Biometrics 46, 1990) in the false-discovery form of P. B. Gilbert ("A modified false discovery rate
     * multiple-comparisons procedure for discrete data", JRSS C 54, 2005): a test whose smallest attainable p-value is
     * above every level it could be called at can never be called, and only dilutes the others. With {@code m(k) =
     * #{i : pMin_i ≤ fdr/k}}, K is the smallest k with {@code m(k) ≤ k}; the family is the tests with {@code pMin ≤
     * fdr/K}, and Benjamini–Hochberg runs over those at level fdr. Most ties of an organisation are sparse (a handful of
     * contacts), so the family is far smaller than the number of ties, and the list keeps its power.
     *
     * <p>O(m log m). NaN entries are ignored.
     *
     * @return fdr/K, the largest pMin admitted to the family
     */
    public static double taroneThreshold(double[] pMin, double fdr) {
        double[] v = Arrays.stream(pMin).filter(x -> !Double.isNaN(x)).sorted().toArray();
        if (v.length == 0) return fdr;
        for (int k = 1; k <= v.length; k++) {
            double t = fdr / k;
            int mk = upperBound(v, t);
            if (mk <= k) return t;
        }
        return fdr / v.length;
    }

    /** Entries ≤ t in a sorted array. */
    static int upperBound(double[] sorted, double t) {
        int lo = 0, hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= t) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /**
     * Upper estimate of the expected number of false alarms in a list of {@code listSize} calls drawn from m tests,
     * the largest p-value in the list being {@code largestP}: {@code min(listSize, m · largestP)} (see the class
     * comment); 0 for an empty list.
     */
    public static double expectedFalseAlarms(int m, int listSize, double largestP) {
        if (listSize <= 0 || Double.isNaN(largestP)) return 0.0;
        return Math.min(listSize, m * Math.max(0.0, largestP));
    }
}
