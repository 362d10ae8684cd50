package org.mentorshipgraph.algorithms.centrality;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.mentorshipgraph.algorithms.graph.CompactGraph;

/**
 * Which sources Brandes' algorithm searches from: all of them (exact betweenness), or a uniform sample of
 * k without replacement (U. Brandes and C. Pich, "Centrality estimation in large networks", Int. J.
 * Bifurcation and Chaos 17(7), 2007), whose raw sums are scaled by n / k ({@link #scaleFactor()}) so
 * that the estimate is unbiased: E[(n/k) Σ<sub>s∈S</sub> δ<sub>s•</sub>(v)] = Σ<sub>s</sub> δ<sub>s•</sub>(v).
 *
 * <h2>Choosing k for a stated error</h2>
 * Two bounds are offered. Both give k such that, with probability at least 1 − δ, <em>every</em> node's
 * reported (NetworkX-normalized, see {@link BrandesBetweenness#normalize}) score is within ε of its exact
 * value.
 * <ul>
 *   <li>{@link #sampleSizeFor(double, double, int, int)}: M. Riondato and E. M. Kornaropoulos, "Fast
 *       approximation of betweenness centrality through sampling", Data Min. Knowl. Disc. 30, 2016:
 *       k = ⌈(c/ε'²)(⌊log<sub>2</sub>(VD − 2)⌋ + 1 + ln(1/δ))⌉ with c = 0.5 and VD the vertex diameter
 *       (the most nodes on any shortest path). Their betweenness is divided by n(n − 1), NetworkX's by
 *       (n − 1)(n − 2); the two scales differ by the factor n / (n − 2), so an error ε on the NetworkX scale
 *       is ε' = ε·(n − 2)/n on theirs, and that ε' is what goes into the formula. The bound has no log n
 *       term. Caveat: R&amp;K prove it for their estimator, which samples one shortest path per sample; the
 *       job samples sources. A source's contribution is the conditional expectation of R&amp;K's path
 *       indicator given the path's first node, so source sampling's largest error is dominated by theirs
 *       in convex order (Jensen), and in practice it is far smaller; but the 1 − δ tail bound itself is
 *       proven for path sampling only.</li>
 *   <li>{@link #sourceSampleSizeFor(double, double, int)}: the bound that is proven for source sampling.
 *       Per source, a node's contribution to its NetworkX-normalized estimate,
 *       n·δ<sub>s•</sub>(v) / ((n − 1)(n − 2)), lies in [0, n/(n − 1)] because δ<sub>s•</sub>(v) ≤ n − 2;
 *       Hoeffding's inequality (which also holds for sampling without replacement, Hoeffding 1963 §6)
 *       and a union bound over the n nodes give k = ⌈(n/(n − 1))² · ln(2n/δ) / (2ε²)⌉.</li>
 * </ul>
 * When k ≥ n the sample is every node, i.e. the exact result.
 *
 * <p>{@link #vertexDiameterUpperBound(CompactGraph, boolean)} bounds VD cheaply: per connected component,
 * one search from its highest-degree node r; every shortest path is at most twice r's eccentricity long
 * (triangle inequality). Unweighted that gives VD ≤ 2·ecc(r) + 1; weighted (length 1/weight) a shortest
 * path of length L has at most L / ℓ<sub>min</sub> edges, so VD ≤ ⌊2·ecc<sub>w</sub>(r) / ℓ<sub>min</sub>⌋ + 1
 * with ℓ<sub>min</sub> the component's shortest edge; both are capped by the component's size.
 * Running time O(n + m) unweighted, O(m log n) weighted; memory O(n).
 */
public sealed interface SourceSelection permits SourceSelection.All, SourceSelection.Sampled {

    /** The sources to search from, ascending. */
    int[] sources();

    /** n / k: multiply raw sums by this (through {@link BrandesBetweenness#normalize}); 1 when exact. */
    double scaleFactor();

    /** Whether every node is a source (the result is exact). */
    boolean exact();

    /** Every node of an n-node graph. */
    static SourceSelection all(int n) {
        return new All(n);
    }

    /** k sources drawn uniformly without replacement from 0..n−1 with the given seed; all when k ≥ n. */
    static SourceSelection sampled(int n, int k, long seed) {
        if (k < 1 && n > 0) {
            throw new IllegalArgumentException("sample size must be >= 1, was " + k);
        }
        return k >= n ? new All(n) : new Sampled(n, k, seed);
    }

    /**
     * Riondato–Kornaropoulos sample size for an error ε on <em>their</em> scale (betweenness divided by
     * n(n − 1)) with probability 1 − δ: ⌈(0.5/ε²)(⌊log<sub>2</sub>(VD − 2)⌋ + 1 + ln(1/δ))⌉; for VD &lt; 3
     * the log term is 0 (no node is ever between two others). Use the four-argument form for ε on the
     * NetworkX scale that {@link BrandesBetweenness#normalize} reports.
     */
    static int sampleSizeFor(double epsilon, double delta, int vertexDiameter) {
        checkBound(epsilon, delta);
        double log = vertexDiameter >= 3 ? Math.floor(log2(vertexDiameter - 2)) + 1 : 0;
        double k = Math.ceil(0.5 / (epsilon * epsilon) * (log + Math.log(1 / delta)));
        return k >= Integer.MAX_VALUE ? Integer.MAX_VALUE : Math.max(1, (int) k);
    }

    /**
     * Riondato–Kornaropoulos sample size for an error ε on the NetworkX scale of an n-node graph: the
     * three-argument form with ε' = ε·(n − 2)/n. See the type's documentation for what is proven.
     */
    static int sampleSizeFor(double epsilon, double delta, int vertexDiameter, int n) {
        if (n <= 2) {
            return Math.max(n, 1);
        }
        return sampleSizeFor(epsilon * (n - 2) / n, delta, vertexDiameter);
    }

    /**
     * Hoeffding and union-bound sample size, proven for source sampling: every node's NetworkX-normalized
     * estimate within ε of exact with probability 1 − δ when k = ⌈(n/(n−1))² ln(2n/δ) / (2ε²)⌉.
     */
    static int sourceSampleSizeFor(double epsilon, double delta, int n) {
        checkBound(epsilon, delta);
        if (n <= 2) {
            return Math.max(n, 1);
        }
        double range = (double) n / (n - 1);
        double k = Math.ceil(range * range * Math.log(2.0 * n / delta) / (2 * epsilon * epsilon));
        return k >= Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) k;
    }

    /** Upper bound on the unweighted vertex diameter (most nodes on a shortest path); see the type's doc. */
    static int vertexDiameterUpperBound(CompactGraph g) {
        return vertexDiameterUpperBound(g, false);
    }

    /** Upper bound on the vertex diameter for paths by hops or, weighted, by length 1/weight. */
    static int vertexDiameterUpperBound(CompactGraph g, boolean weighted) {
        return DiameterBound.vertexDiameterUpperBound(g, weighted);
    }

    private static void checkBound(double epsilon, double delta) {
        if (!(epsilon > 0 && epsilon < 1) || !(delta > 0 && delta < 1)) {
            throw new IllegalArgumentException("need 0 < epsilon < 1 and 0 < delta < 1, got " + epsilon + ", " + delta);
        }
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    /** All n nodes: exact betweenness. */
    record All(int n) implements SourceSelection {
        @Override
        public int[] sources() {
            int[] s = new int[n];
            for (int v = 0; v < n; v++) {
                s[v] = v;
            }
            return s;
        }

        @Override
        public double scaleFactor() {
            return 1.0;
        }

        @Override
        public boolean exact() {
            return true;
        }
    }

    /** k of n nodes uniformly without replacement (partial Fisher–Yates over a seeded SplittableRandom). */
    record Sampled(int n, int k, long seed) implements SourceSelection {
        public Sampled {
            if (k < 1 || k > n) {
                throw new IllegalArgumentException("need 1 <= k <= n, got k=" + k + ", n=" + n);
            }
        }

        @Override
        public int[] sources() {
            int[] pool = new int[n];
            for (int v = 0; v < n; v++) {
                pool[v] = v;
            }
            SplittableRandom random = new SplittableRandom(seed);
            for (int i = 0; i < k; i++) {
                int j = i + random.nextInt(n - i);
                int x = pool[i];
                pool[i] = pool[j];
                pool[j] = x;
            }
            int[] s = Arrays.copyOf(pool, k);
            Arrays.sort(s);
            return s;
        }

        @Override
        public double scaleFactor() {
            return (double) n / k;
        }

        @Override
        public boolean exact() {
            return k == n;
        }
    }
}
