package org.mentorshipgraph.algorithms.centrality;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.mentorshipgraph.algorithms.graph.CompactGraph;

/**
 * Betweenness with a proven absolute error by adaptive path sampling: KADABRA (M. Borassi and E. Natale,
 * "KADABRA is an ADaptive Algorithm for Betweenness via Random Approximation", ESA 2016; ACM J. Exp.
 * Algorithmics 24, 2019). With probability at least 1 − δ, every node's reported score is within ε of its
 * exact NetworkX-normalized betweenness ({@link BrandesBetweenness#exact}).
 *
 * <h2>Estimator</h2>
 * KADABRA's betweenness is b(v) = Σ<sub>s≠t</sub> σ<sub>st</sub>(v)/σ<sub>st</sub> / (n(n − 1)), over ordered
 * pairs, a pair in different components contributing 0. One sample draws an ordered pair (s, t), s ≠ t,
 * uniformly, then one shortest s–t path uniformly among the σ<sub>st</sub> ({@link BidirectionalPathSampler},
 * balanced bidirectional BFS; weighted, {@link DijkstraPathSampler}, lengths 1/weight), and counts +1 for each
 * inner node of the path (pairs in different components draw no path). After τ samples, b̃(v) = c(v)/τ is
 * unbiased for b(v) (Riondato &amp; Kornaropoulos 2016). Counts are integers.
 *
 * <h2>Scale</h2>
 * NetworkX divides the sum over unordered pairs {s, t} by (n − 1)(n − 2)/2, i.e. the ordered sum by
 * (n − 1)(n − 2), so NX(v) = b(v)·n/(n − 2). The reported score is b̃(v)·n/(n − 2), and an error ε on the
 * NetworkX scale is ε' = ε(n − 2)/n on KADABRA's, which is what the stopping rule is given.
 *
 * <h2>Stopping rule, and why it is proven</h2>
 * See {@link AdaptiveErrorBound}: a calibration phase of ⌈ω/100⌉ samples fixes per-node confidences
 * δ<sub>L</sub>(v) = δ<sub>U</sub>(v) summing to δ/2 and is then discarded; the counted phase stops at the first
 * checkpoint where f(b̃(v)) &lt; ε' and g(b̃(v)) &lt; ε' for every node (failing with probability ≤ δ/2 by a
 * martingale inequality valid for any stopping time ≤ ω and a union bound), and at the latest after ω =
 * ⌈(0.5/ε'²)(⌊log<sub>2</sub>(VD − 2)⌋ + 1 + ln(2/δ))⌉ samples, Riondato &amp; Kornaropoulos' bound at δ/2 with VD
 * an upper bound on the vertex diameter ({@link SourceSelection#vertexDiameterUpperBound}). Both together: all
 * within ε' with probability ≥ 1 − δ. {@link Estimate#stoppedEarly()} says which of the two ended the run.
 *
 * <h2>Determinism</h2>
 * Sample i of a phase uses its own generator seeded from (seed, phase, i); samples are processed in batches
 * between fixed checkpoints (every {@link #checkpointInterval} samples) and the rule is evaluated only there,
 * on integer counts. So a seed gives the same samples, the same stopping point and bit-identical scores
 * whatever the number of threads.
 *
 * <h2>Cost</h2>
 * Per sample, balanced bidirectional BFS scans the adjacency of two balls around s and t: O(m) in the worst
 * case, m<sup>1/2 + o(1)</sup> with high probability on the random graph models Borassi &amp; Natale analyse and
 * similar on real networks (the reported {@link Estimate#edgesScanned()} measures it). The weighted sampler is
 * a one-sided Dijkstra stopped at t, O(m log n). At most ω(1 + 1/100) samples. Plus O(n + m) for the vertex
 * diameter bound and the components, O(n) per checkpoint at worst. Memory O(n) per thread: about 25n bytes
 * unweighted (the sampler's 17n, counts and a path buffer 8n), 40n weighted; shared, 4n bytes of component ids
 * and, weighted, 16m bytes of inverse weights.
 */
public final class AdaptiveBetweenness {
    /** Calibration phase length: ω divided by this (the paper's "start factor"). */
    static final int CALIBRATION_DIVISOR = 100;

    private static final int CHUNK = 8;
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private AdaptiveBetweenness() {}

    /**
     * The result.
     *
     * @param scores NetworkX-normalized betweenness estimates, one per node
     * @param samples counted samples τ (ordered pairs drawn) behind the scores
     * @param calibrationSamples samples of the calibration phase, drawn before and not counted
     * @param sampleBound ω, the most counted samples the run could have taken
     * @param epsilon the requested error on the NetworkX scale
     * @param delta the requested failure probability
     * @param vertexDiameterBound the upper bound on the vertex diameter that ω was computed from
     * @param stoppedEarly true when the adaptive rule certified the error before ω; false when the run went to ω
     *     (then the error bound is Riondato &amp; Kornaropoulos')
     * @param certifiedError when stopped early, the largest per-node error bound at the stop (NetworkX scale,
     *     below epsilon); NaN otherwise
     * @param weighted whether shortest paths were by length 1/weight
     * @param edgesScanned adjacency entries scanned by all samples, calibration included
     * @param seconds wall time
     */
    public record Estimate(
            double[] scores,
            long samples,
            long calibrationSamples,
            long sampleBound,
            double epsilon,
            double delta,
            int vertexDiameterBound,
            boolean stoppedEarly,
            double certifiedError,
            boolean weighted,
            long edgesScanned,
            double seconds) {}

    /**
     * Estimates every node's NetworkX-normalized betweenness within ±epsilon with probability at least
     * 1 − delta.
     *
     * @param g the graph
     * @param epsilon absolute error on the NetworkX scale, in (0, 1)
     * @param delta failure probability, in (0, 1)
     * @param weighted shortest paths by length 1/weight instead of by hops
     * @param seed the same seed gives the same result, whatever {@code threads}
     * @param threads worker threads, at least 1
     */
    public static Estimate estimate(
            CompactGraph g, double epsilon, double delta, boolean weighted, long seed, int threads) {
        if (!(epsilon > 0 && epsilon < 1) || !(delta > 0 && delta < 1)) {
            throw new IllegalArgumentException("need 0 < epsilon < 1 and 0 < delta < 1, got " + epsilon + ", " + delta);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, was " + threads);
        }
        long start = System.nanoTime();
        int n = g.nodeCount();
        int[] candidates = candidates(g);
        int vd = n == 0 ? 0 : SourceSelection.vertexDiameterUpperBound(g, weighted);
        if (n < 3 || candidates.length == 0 || vd < 3) {
            // nobody is ever between two others: every score is exactly 0
            return new Estimate(new double[n], 0, 0, 0, epsilon, delta, vd, true, 0, weighted, 0, seconds(start));
        }
        double kadabraEpsilon = epsilon * (n - 2) / n;
        long omega = AdaptiveErrorBound.omega(kadabraEpsilon, delta, vd);
        if (omega > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("epsilon " + epsilon + " needs up to " + omega + " samples: too many");
        }
        long calibration = Math.max(1, (omega + CALIBRATION_DIVISOR - 1) / CALIBRATION_DIVISOR);
        try (Sampling sampling = new Sampling(g, weighted, seed, threads)) {
            sampling.run(0, 0, calibration);
            AdaptiveErrorBound bound = AdaptiveErrorBound.calibrate(
                    candidates, sampling.totals(), calibration, kadabraEpsilon, delta, omega);
            sampling.clearCounts();
            long interval = checkpointInterval(omega);
            long tau = 0;
            boolean certified = false;
            while (tau < omega && !certified) {
                long next = Math.min(omega, tau + interval);
                sampling.run(1, tau, next);
                tau = next;
                certified = bound.certified(sampling.counts, tau);
            }
            int[] counts = sampling.totals();
            double scale = (double) n / ((double) tau * (n - 2));
            double[] scores = new double[n];
            for (int v = 0; v < n; v++) {
                scores[v] = counts[v] * scale;
            }
            boolean early = certified && tau < omega;
            return new Estimate(
                    scores,
                    tau,
                    calibration,
                    omega,
                    epsilon,
                    delta,
                    vd,
                    early,
                    early ? bound.certifiedWidth() * n / (n - 2) : Double.NaN,
                    weighted,
                    sampling.edgesScanned(),
                    seconds(start));
        }
    }

    /** Samples between two checks of the stopping rule: about ω/1000, at least 32. */
    static long checkpointInterval(long omega) {
        return Math.max(32, (omega + 999) / 1000);
    }

    /** Nodes with at least two neighbours: the only ones that can be inner nodes of a shortest path. */
    static int[] candidates(CompactGraph g) {
        int n = g.nodeCount();
        int k = 0;
        for (int v = 0; v < n; v++) {
            if (g.degree(v) >= 2) {
                k++;
            }
        }
        int[] c = new int[k];
        k = 0;
        for (int v = 0; v < n; v++) {
            if (g.degree(v) >= 2) {
                c[k++] = v;
            }
        }
        return c;
    }

    /** Connected component id per node, by BFS in node order. */
    static int[] components(CompactGraph g) {
        int n = g.nodeCount();
        int[] off = g.offsets();
        int[] tgt = g.targets();
        int[] comp = new int[n];
        java.util.Arrays.fill(comp, -1);
        int[] queue = new int[n];
        int id = 0;
        for (int root = 0; root < n; root++) {
            if (comp[root] >= 0) {
                continue;
            }
            int size = 0;
            queue[size++] = root;
            comp[root] = id;
            for (int head = 0; head < size; head++) {
                int v = queue[head];
                for (int i = off[v]; i < off[v + 1]; i++) {
                    int w = tgt[i];
                    if (comp[w] < 0) {
                        comp[w] = id;
                        queue[size++] = w;
                    }
                }
            }
            id++;
        }
        return comp;
    }

    /** The generator seed of sample i of a phase: SplitMix64's finalizer over (seed, phase, i). */
    static long sampleSeed(long seed, int phase, long i) {
        return mix(mix(seed ^ (phase + 1) * GOLDEN) + (i + 1) * GOLDEN);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    /** The workers: one sampler and one count array each; batches of sample indices split among them. */
    private static final class Sampling implements AutoCloseable {
        final int[][] counts;
        private final Worker[] workers;
        private final ExecutorService pool;
        private final int n;

        Sampling(CompactGraph g, boolean weighted, long seed, int threads) {
            this.n = g.nodeCount();
            int[] component = components(g);
            double[] length = weighted ? BetweennessWorkspace.inverseWeights(g) : null;
            workers = new Worker[threads];
            counts = new int[threads][];
            for (int i = 0; i < threads; i++) {
                ShortestPathSampler sampler = ShortestPathSampler.of(g, length);
                workers[i] = new Worker(sampler, component, seed, n);
                counts[i] = workers[i].counts;
            }
            pool = threads == 1
                    ? null
                    : Executors.newFixedThreadPool(threads, r -> {
                        Thread t = new Thread(r, "adaptive-betweenness");
                        t.setDaemon(true);
                        return t;
                    });
        }

        /** Draws samples from (inclusive) .. to (exclusive) of a phase into the workers' counts. */
        void run(int phase, long from, long to) {
            AtomicLong next = new AtomicLong(from);
            if (pool == null) {
                workers[0].drain(phase, next, to);
                return;
            }
            List<Callable<Void>> tasks = new ArrayList<>(workers.length);
            for (Worker w : workers) {
                tasks.add(() -> {
                    w.drain(phase, next, to);
                    return null;
                });
            }
            try {
                for (Future<Void> f : pool.invokeAll(tasks)) {
                    f.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while sampling shortest paths", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("shortest-path sampling failed", e.getCause());
            }
        }

        int[] totals() {
            int[] total = new int[n];
            for (int[] row : counts) {
                for (int v = 0; v < n; v++) {
                    total[v] += row[v];
                }
            }
            return total;
        }

        void clearCounts() {
            for (int[] row : counts) {
                java.util.Arrays.fill(row, 0);
            }
        }

        long edgesScanned() {
            long sum = 0;
            for (Worker w : workers) {
                sum += w.sampler.edgesScanned();
            }
            return sum;
        }

        @Override
        public void close() {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    private static final class Worker {
        final ShortestPathSampler sampler;
        final int[] counts;
        private final int[] component;
        private final int[] inner;
        private final long seed;
        private final int n;

        Worker(ShortestPathSampler sampler, int[] component, long seed, int n) {
            this.sampler = sampler;
            this.component = component;
            this.seed = seed;
            this.n = n;
            this.counts = new int[n];
            this.inner = new int[n];
        }

        void drain(int phase, AtomicLong next, long to) {
            for (long i = next.getAndAdd(CHUNK); i < to; i = next.getAndAdd(CHUNK)) {
                long end = Math.min(to, i + CHUNK);
                for (long k = i; k < end; k++) {
                    sampleOne(phase, k);
                }
            }
        }

        private void sampleOne(int phase, long i) {
            SplittableRandom random = new SplittableRandom(sampleSeed(seed, phase, i));
            int s = random.nextInt(n);
            int t = random.nextInt(n - 1);
            if (t >= s) {
                t++;
            }
            if (component[s] != component[t]) {
                return; // no path: the sample counts, nobody gets +1
            }
            int k = sampler.sample(s, t, random, inner);
            for (int j = 0; j < k; j++) {
                counts[inner[j]]++;
            }
        }
    }
}
