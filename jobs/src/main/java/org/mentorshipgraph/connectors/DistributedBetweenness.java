package org.mentorshipgraph.connectors;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.mentorshipgraph.algorithms.centrality.AdaptiveBetweenness;
import org.mentorshipgraph.algorithms.centrality.BrandesBetweenness;
import org.mentorshipgraph.algorithms.centrality.SourceSelection;
import org.mentorshipgraph.algorithms.graph.CompactGraph;
import org.mentorshipgraph.config.BetweennessMode;

/**
 * Brandes betweenness across Spark executors: the graph's arrays are broadcast once, the source vertices are
 * split into chunks, each partition runs {@link BrandesBetweenness#accumulate} for its sources and returns one
 * partial score vector, and the partials are summed. The same path runs on {@code local[*]} and on a cluster.
 *
 * <p>Exact mode uses every source. Sampled mode uses k uniform sources (Brandes &amp; Pich 2007) scaled by n/k;
 * k is given, or chosen for an absolute error ε with probability 1−δ (Riondato &amp; Kornaropoulos 2016).
 *
 * <p>Adaptive mode ({@code adaptive:E}, and {@code auto} above the exact threshold) runs KADABRA
 * ({@link AdaptiveBetweenness}, Borassi &amp; Natale 2016) on the driver, where the graph already is, with one
 * thread per driver core (capped by the local master's parallelism): it samples shortest paths between random
 * pairs until every score is certified within ε with probability 1 − δ, which on 100,000 people and 1,000,000
 * ties takes seconds where the epsilon mode's 31,515 Brandes sources take minutes. Weighted betweenness is
 * covered too (a Dijkstra per sample, slower per sample than the unweighted bidirectional search).
 */
public final class DistributedBetweenness {
    private DistributedBetweenness() {}

    /**
     * Scores (NetworkX-normalized) and how they were obtained, so that a reader knows how far to trust them.
     *
     * @param mode "exact", "sample", "epsilon" or "adaptive"
     * @param sources Brandes sources searched (0 in adaptive mode, which samples paths instead)
     * @param epsilon the error bound (epsilon and adaptive modes), else 0
     * @param delta the failure probability of the bound (epsilon and adaptive modes), else 0
     * @param vertexDiameterBound the vertex-diameter bound behind the sample size (epsilon and adaptive), else 0
     * @param samples adaptive mode: shortest paths sampled for the scores (a calibration phase of about 1% more
     *     comes before them); 0 otherwise
     * @param sampleBound adaptive mode: ω, the Riondato–Kornaropoulos cap on the samples; 0 otherwise
     * @param stoppedEarly adaptive mode: whether KADABRA's rule certified the bound before ω (otherwise the bound
     *     rests on ω samples, Riondato &amp; Kornaropoulos); false otherwise
     */
    public record Result(
            double[] scores,
            String mode,
            int sources,
            double epsilon,
            double delta,
            int vertexDiameterBound,
            long samples,
            long sampleBound,
            boolean stoppedEarly) {
        /** A Brandes result (exact, sample or epsilon mode). */
        public Result(
                double[] scores, String mode, int sources, double epsilon, double delta, int vertexDiameterBound) {
            this(scores, mode, sources, epsilon, delta, vertexDiameterBound, 0, 0, false);
        }
    }

    /** The graph as plain arrays: what is broadcast. */
    record EdgeArrays(int n, int[] a, int[] b, double[] w) implements Serializable {
        static EdgeArrays of(CompactGraph g) {
            int m = g.edgeCount();
            int[] a = new int[m], b = new int[m];
            double[] w = new double[m];
            int[] off = g.offsets(), tgt = g.targets();
            double[] wt = g.weights();
            int e = 0;
            for (int u = 0; u < g.nodeCount(); u++) {
                for (int k = off[u]; k < off[u + 1]; k++) {
                    if (tgt[k] > u) {
                        a[e] = u;
                        b[e] = tgt[k];
                        w[e] = wt[k];
                        e++;
                    }
                }
            }
            return new EdgeArrays(g.nodeCount(), a, b, w);
        }

        CompactGraph graph() {
            return CompactGraph.fromEdges(n, a, b, w);
        }
    }

    public static Result compute(
            JavaSparkContext jsc,
            CompactGraph g,
            BetweennessMode mode,
            boolean weighted,
            double exactMaxWork,
            double autoEpsilon,
            double delta,
            long seed) {
        int n = g.nodeCount();
        if (n < 3 || g.edgeCount() == 0) return new Result(new double[n], "exact", n, 0, 0, 0);
        String label;
        int[] sources;
        double eps = 0;
        int vd = 0;
        BetweennessMode.Kind kind = mode.kind();
        if (kind == BetweennessMode.Kind.AUTO) {
            kind = (double) n * g.edgeCount() <= exactMaxWork
                    ? BetweennessMode.Kind.EXACT
                    : BetweennessMode.Kind.ADAPTIVE;
        }
        if (kind == BetweennessMode.Kind.ADAPTIVE) {
            double e = mode.kind() == BetweennessMode.Kind.ADAPTIVE ? mode.epsilon() : autoEpsilon;
            AdaptiveBetweenness.Estimate a =
                    AdaptiveBetweenness.estimate(g, e, delta, weighted, seed, driverThreads(jsc));
            return new Result(
                    a.scores(),
                    "adaptive",
                    0,
                    e,
                    delta,
                    a.vertexDiameterBound(),
                    a.samples(),
                    a.sampleBound(),
                    a.stoppedEarly());
        }
        switch (kind) {
            case SAMPLE -> {
                int k = Math.min(n, mode.sampleSize());
                sources = SourceSelection.sampled(n, k, seed).sources();
                label = k == n ? "exact" : "sample";
            }
            case EPSILON -> {
                eps = mode.kind() == BetweennessMode.Kind.EPSILON ? mode.epsilon() : autoEpsilon;
                vd = SourceSelection.vertexDiameterUpperBound(g, weighted);
                int k = Math.min(n, SourceSelection.sampleSizeFor(eps, delta, vd, n));
                sources = SourceSelection.sampled(n, k, seed).sources();
                label = k == n ? "exact" : "epsilon";
            }
            default -> {
                sources = new int[n];
                for (int i = 0; i < n; i++) sources[i] = i;
                label = "exact";
            }
        }
        double[] raw = accumulate(jsc, g, sources, weighted);
        double[] scores = BrandesBetweenness.normalize(raw, n, (double) n / sources.length);
        return new Result(
                scores,
                label,
                sources.length,
                label.equals("exact") ? 0 : eps,
                label.equals("epsilon") ? delta : 0,
                vd);
    }

    /** Threads for driver-side work: the driver's cores, no more than a local master's parallelism. */
    static int driverThreads(JavaSparkContext jsc) {
        int cores = Runtime.getRuntime().availableProcessors();
        return jsc.isLocal() ? Math.max(1, Math.min(cores, jsc.defaultParallelism())) : cores;
    }

    /** Sums the raw dependencies of the given sources, computed in parallel by Spark. */
    static double[] accumulate(JavaSparkContext jsc, CompactGraph g, int[] sources, boolean weighted) {
        int n = g.nodeCount();
        Broadcast<EdgeArrays> graph = jsc.broadcast(EdgeArrays.of(g));
        int slices = Math.max(
                1, Math.min(Math.min(sources.length, jsc.defaultParallelism() * 4), 64)); // partials come to the driver
        List<int[]> chunks = new ArrayList<>(slices);
        for (int s = 0; s < slices; s++) {
            int from = (int) ((long) sources.length * s / slices),
                    to = (int) ((long) sources.length * (s + 1) / slices);
            int[] c = new int[to - from];
            System.arraycopy(sources, from, c, 0, c.length);
            chunks.add(c);
        }
        try {
            List<scala.Tuple2<Integer, double[]>> partials = jsc.parallelize(chunks, slices)
                    .mapPartitionsWithIndex(
                            (index, it) -> {
                                CompactGraph local = graph.value().graph();
                                double[] sum = new double[local.nodeCount()];
                                while (it.hasNext()) {
                                    double[] part = BrandesBetweenness.accumulate(local, it.next(), weighted);
                                    for (int i = 0; i < sum.length; i++) sum[i] += part[i];
                                }
                                return Collections.singletonList(new scala.Tuple2<>(index, sum))
                                        .iterator();
                            },
                            true)
                    .collect();
            // summed in partition order, not arrival order: the same run gives the same bits
            double[] total = new double[n];
            partials.stream()
                    .sorted(java.util.Comparator.comparingInt(t -> t._1()))
                    .forEach(t -> {
                        for (int i = 0; i < n; i++) total[i] += t._2()[i];
                    });
            return total;
        } finally {
            graph.destroy();
        }
    }
}
