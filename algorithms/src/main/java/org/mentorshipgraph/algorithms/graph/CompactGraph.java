package org.mentorshipgraph.algorithms.graph;

import java.util.Arrays;

/**
 * An immutable undirected weighted graph over the dense node ids {@code 0..n-1}, stored in compressed
 * sparse row (CSR) form.
 *
 * <p>Node {@code v}'s neighbours are {@code targets()[offsets()[v] .. offsets()[v+1]-1]}, sorted
 * ascending, and the weight of the tie to {@code targets()[i]} is {@code weights()[i]}. Every undirected
 * edge {u, v} is stored twice, once in each endpoint's row, so {@code targets().length == 2 * edgeCount()}.
 * The strength of a node is the sum of its tie weights, s(v) = Σ<sub>u∈N(v)</sub> w(v,u) (Barrat et al.,
 * PNAS 101, 2004).
 *
 * <p>Building from an edge list ({@link #fromEdges}) takes O(n + m log d<sub>max</sub>) time for m input
 * edges and maximum degree d<sub>max</sub>; the graph holds (n + 1) ints, 2m ints, 2m doubles and n
 * doubles, about 8n + 24m bytes.
 *
 * <p>The arrays returned by {@link #offsets()}, {@link #targets()} and {@link #weights()} are the graph's
 * own storage, shared for speed and never copied: callers must treat them as read-only.
 */
public final class CompactGraph implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    private final int n;
    private final int[] offsets;
    private final int[] targets;
    private final double[] weights;
    private final double[] strength;

    private CompactGraph(int n, int[] offsets, int[] targets, double[] weights) {
        this.n = n;
        this.offsets = offsets;
        this.targets = targets;
        this.weights = weights;
        this.strength = new double[n];
        for (int v = 0; v < n; v++) {
            double s = 0;
            for (int i = offsets[v]; i < offsets[v + 1]; i++) {
                s += weights[i];
            }
            strength[v] = s;
        }
    }

    /**
     * Builds the undirected graph with nodes {@code 0..n-1} and the edges {a[i], b[i]} of weight w[i].
     * Parallel edges (in either direction) are merged into one whose weight is their sum; self-loops are
     * dropped.
     *
     * @param n number of nodes, at least 0
     * @param a first endpoints, each in {@code [0, n)}
     * @param b second endpoints, same length as {@code a}
     * @param w weights, same length, each finite and &gt; 0; {@code null} means every weight is 1.0
     * @throws IllegalArgumentException on a bad length, node id or weight
     */
    public static CompactGraph fromEdges(int n, int[] a, int[] b, double[] w) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, was " + n);
        }
        if (a == null || b == null || a.length != b.length || (w != null && w.length != a.length)) {
            throw new IllegalArgumentException("edge arrays must be non-null and of equal length");
        }
        int e = a.length;
        int[] degree = new int[n];
        for (int i = 0; i < e; i++) {
            int u = a[i];
            int v = b[i];
            if (u < 0 || u >= n || v < 0 || v >= n) {
                throw new IllegalArgumentException("edge " + i + " (" + u + ", " + v + ") outside 0.." + (n - 1));
            }
            if (w != null) {
                double x = w[i];
                if (!(x > 0) || Double.isInfinite(x)) {
                    throw new IllegalArgumentException("edge " + i + " weight must be finite and > 0, was " + x);
                }
            }
            if (u != v) {
                degree[u]++;
                degree[v]++;
            }
        }
        // Rows of (target << 32 | input edge index), sorted: equal targets become adjacent, and parallel
        // edges are summed in input order, so the result does not depend on the sort's internals.
        int[] start = new int[n + 1];
        for (int v = 0; v < n; v++) {
            start[v + 1] = start[v] + degree[v];
        }
        long[] keys = new long[start[n]];
        int[] fill = Arrays.copyOf(start, n);
        for (int i = 0; i < e; i++) {
            int u = a[i];
            int v = b[i];
            if (u != v) {
                keys[fill[u]++] = ((long) v << 32) | i;
                keys[fill[v]++] = ((long) u << 32) | i;
            }
        }
        int[] offsets = new int[n + 1];
        int[] targets = new int[keys.length];
        double[] weights = new double[keys.length];
        int out = 0;
        for (int v = 0; v < n; v++) {
            offsets[v] = out;
            Arrays.sort(keys, start[v], start[v + 1]);
            int last = -1;
            for (int k = start[v]; k < start[v + 1]; k++) {
                int t = (int) (keys[k] >>> 32);
                int edge = (int) keys[k];
                double x = w == null ? 1.0 : w[edge];
                if (t == last) {
                    weights[out - 1] += x;
                } else {
                    targets[out] = t;
                    weights[out] = x;
                    out++;
                    last = t;
                }
            }
        }
        offsets[n] = out;
        if (out < targets.length) {
            targets = Arrays.copyOf(targets, out);
            weights = Arrays.copyOf(weights, out);
        }
        return new CompactGraph(n, offsets, targets, weights);
    }

    /**
     * The same graph with node v renamed {@code newId[v]} ({@code newId} must be a permutation of
     * 0..n−1). Rows stay sorted. O(n + m log d<sub>max</sub>) time, a new graph of the same size.
     */
    public CompactGraph relabel(int[] newId) {
        if (newId.length != n) {
            throw new IllegalArgumentException(
                    "permutation has length " + newId.length + ", graph has " + n + " nodes");
        }
        int[] oldId = new int[n];
        Arrays.fill(oldId, -1);
        for (int v = 0; v < n; v++) {
            int x = newId[v];
            if (x < 0 || x >= n || oldId[x] >= 0) {
                throw new IllegalArgumentException("not a permutation of 0.." + (n - 1));
            }
            oldId[x] = v;
        }
        int[] newOffsets = new int[n + 1];
        for (int x = 0; x < n; x++) {
            newOffsets[x + 1] = newOffsets[x] + degree(oldId[x]);
        }
        int[] newTargets = new int[targets.length];
        double[] newWeights = new double[weights.length];
        long[] row = new long[0];
        for (int x = 0; x < n; x++) {
            int v = oldId[x];
            int d = degree(v);
            if (row.length < d) {
                row = new long[Math.max(d, 2 * row.length)];
            }
            for (int k = 0; k < d; k++) {
                row[k] = ((long) newId[targets[offsets[v] + k]] << 32) | k;
            }
            Arrays.sort(row, 0, d);
            for (int k = 0; k < d; k++) {
                int at = newOffsets[x] + k;
                newTargets[at] = (int) (row[k] >>> 32);
                newWeights[at] = weights[offsets[v] + (int) row[k]];
            }
        }
        return new CompactGraph(n, newOffsets, newTargets, newWeights);
    }

    /** Number of nodes n. */
    public int nodeCount() {
        return n;
    }

    /** Number of undirected edges m, after merging parallel edges and dropping self-loops. */
    public int edgeCount() {
        return targets.length / 2;
    }

    /** Number of distinct neighbours of {@code v}. */
    public int degree(int v) {
        return offsets[v + 1] - offsets[v];
    }

    /** Sum of the weights of {@code v}'s ties, s(v) = Σ<sub>u∈N(v)</sub> w(v,u); 0 for an isolated node. */
    public double strength(int v) {
        return strength[v];
    }

    /** Row starts, length n + 1 (shared, read-only). */
    public int[] offsets() {
        return offsets;
    }

    /** Neighbour ids, row by row, ascending within a row, length 2m (shared, read-only). */
    public int[] targets() {
        return targets;
    }

    /** Tie weights aligned with {@link #targets()}, length 2m (shared, read-only). */
    public double[] weights() {
        return weights;
    }

    @Override
    public String toString() {
        return "CompactGraph[n=" + n + ", m=" + edgeCount() + "]";
    }
}
