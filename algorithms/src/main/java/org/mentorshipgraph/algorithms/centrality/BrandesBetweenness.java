package org.mentorshipgraph.algorithms.centrality;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.mentorshipgraph.algorithms.graph.CompactGraph;

/**
 * Shortest-path betweenness centrality on an undirected graph, by Brandes' algorithm (U. Brandes,
 * "A faster algorithm for betweenness centrality", J. Mathematical Sociology 25(2), 2001).
 *
 * <p>Definition: c<sub>B</sub>(v) = Σ<sub>s ≠ v ≠ t</sub> σ<sub>st</sub>(v) / σ<sub>st</sub>, where
 * σ<sub>st</sub> is the number of shortest s–t paths and σ<sub>st</sub>(v) the number of those through v.
 * Brandes computes it as Σ<sub>s</sub> δ<sub>s•</sub>(v), one single-source search per source s (see
 * {@link BetweennessWorkspace}). On an undirected graph that sum over all sources counts every unordered
 * pair {s, t} twice.
 *
 * <p>Unweighted: breadth-first search, path length = number of edges. Weighted: Dijkstra with
 * ℓ(u,v) = 1 / w(u,v), because the weight is a tie strength (a stronger tie is a shorter distance).
 *
 * <p>Normalization ({@link #normalize}): as NetworkX {@code betweenness_centrality(G, normalized=True)}
 * on an undirected graph, the raw sum over all sources is divided by (n − 1)(n − 2), i.e. by twice the
 * number of unordered pairs not containing v; the result lies in [0, 1]. For n ≤ 2 every score is 0.
 * With a sample of k sources (Brandes &amp; Pich, "Centrality estimation in large networks", Int. J.
 * Bifurcation and Chaos 17(7), 2007) the sum is first scaled by n / k, as NetworkX's {@code k=} does.
 *
 * <p>Running time: O(k·m) unweighted and O(k·(m + n) log n) weighted for k sources; all sources gives
 * O(nm) and O(nm log n). Memory: O(n + m): per thread about 24n + 4m bytes unweighted and 28n bytes weighted,
 * plus one n-double partial result; shared, 16m bytes of inverse weights (weighted) and, for graphs of
 * at least 4,096 nodes, a relabelled copy of the graph (about 8n + 24m bytes).
 */
public final class BrandesBetweenness {
    private static final int BLOCK = 16;

    private BrandesBetweenness() {}

    /**
     * Raw dependency sums Σ<sub>s ∈ sources</sub> δ<sub>s•</sub>(v), unnormalized (for all sources this is
     * twice the undirected pair count, as in Brandes 2001). Single-threaded.
     */
    public static double[] accumulate(CompactGraph g, int[] sources, boolean weighted) {
        return accumulate(g, sources, weighted, 1);
    }

    /**
     * As {@link #accumulate(CompactGraph, int[], boolean)}, with the sources split over {@code threads}
     * threads (fixed blocks of 16 sources dealt round-robin, so the result does not depend on scheduling),
     * each summing into its own partial array; the partials are then added in thread order.
     *
     * <p>Graphs of at least {@value #LOCALITY_MIN_NODES} nodes are first relabelled in breadth-first order
     * ({@link LocalityOrder}) for cache locality, which costs one copy of the graph and O(m log d) time;
     * the results are mapped back, so callers see their own ids.
     */
    public static double[] accumulate(CompactGraph g, int[] sources, boolean weighted, int threads) {
        return accumulate(g, sources, weighted, threads, g.nodeCount() >= LOCALITY_MIN_NODES);
    }

    static final int LOCALITY_MIN_NODES = 4096;

    static double[] accumulate(CompactGraph g, int[] sources, boolean weighted, int threads, boolean relabel) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, was " + threads);
        }
        int n = g.nodeCount();
        for (int s : sources) {
            if (s < 0 || s >= n) {
                throw new IllegalArgumentException("source " + s + " outside 0.." + (n - 1));
            }
        }
        if (!relabel) {
            return run(g, sources, weighted, threads);
        }
        int[] newId = LocalityOrder.breadthFirst(g);
        int[] mapped = new int[sources.length];
        for (int i = 0; i < sources.length; i++) {
            mapped[i] = newId[sources[i]];
        }
        double[] relabelled = run(g.relabel(newId), mapped, weighted, threads);
        double[] raw = new double[n];
        for (int v = 0; v < n; v++) {
            raw[v] = relabelled[newId[v]];
        }
        return raw;
    }

    private static double[] run(CompactGraph g, int[] sources, boolean weighted, int threads) {
        double[] length = weighted ? BetweennessWorkspace.inverseWeights(g) : null;
        int t = Math.min(threads, Math.max(1, (sources.length + BLOCK - 1) / BLOCK));
        if (t == 1) {
            double[] raw = new double[g.nodeCount()];
            BetweennessWorkspace ws = new BetweennessWorkspace(g, length);
            for (int s : sources) {
                ws.accumulateFrom(s, raw);
            }
            return raw;
        }
        ExecutorService pool = Executors.newFixedThreadPool(t, r -> {
            Thread th = new Thread(r, "brandes-betweenness");
            th.setDaemon(true);
            return th;
        });
        try {
            List<Future<double[]>> parts = new ArrayList<>(t);
            for (int i = 0; i < t; i++) {
                final int id = i;
                final int stride = t;
                parts.add(pool.submit(() -> {
                    double[] raw = new double[g.nodeCount()];
                    BetweennessWorkspace ws = new BetweennessWorkspace(g, length);
                    for (int b = id * BLOCK; b < sources.length; b += stride * BLOCK) {
                        int end = Math.min(sources.length, b + BLOCK);
                        for (int k = b; k < end; k++) {
                            ws.accumulateFrom(sources[k], raw);
                        }
                    }
                    return raw;
                }));
            }
            double[] total = new double[g.nodeCount()];
            for (Future<double[]> f : parts) {
                double[] raw = f.get();
                for (int v = 0; v < total.length; v++) {
                    total[v] += raw[v];
                }
            }
            return total;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while computing betweenness", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("betweenness worker failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * NetworkX-normalized scores: raw[v] · scaleFactor / ((n − 1)(n − 2)) for n &gt; 2, and a copy of
     * {@code raw} (all zeros for any graph with n ≤ 2) otherwise.
     *
     * @param raw         raw sums from {@link #accumulate}
     * @param n           number of nodes of the graph
     * @param scaleFactor 1 for all sources; n / k for k sampled sources
     */
    public static double[] normalize(double[] raw, int n, double scaleFactor) {
        double[] out = raw.clone();
        if (n <= 2) {
            return out;
        }
        double scale = 1.0 / ((double) (n - 1) * (double) (n - 2));
        if (scaleFactor != 1.0) {
            scale *= scaleFactor;
        }
        for (int v = 0; v < out.length; v++) {
            out[v] *= scale;
        }
        return out;
    }

    /** Exact normalized betweenness over all sources, single-threaded; equals NetworkX's. */
    public static double[] exact(CompactGraph g, boolean weighted) {
        return exact(g, weighted, 1);
    }

    /** Exact normalized betweenness over all sources on {@code threads} threads. */
    public static double[] exact(CompactGraph g, boolean weighted, int threads) {
        int n = g.nodeCount();
        int[] all = new int[n];
        for (int v = 0; v < n; v++) {
            all[v] = v;
        }
        return normalize(accumulate(g, all, weighted, threads), n, 1.0);
    }
}
