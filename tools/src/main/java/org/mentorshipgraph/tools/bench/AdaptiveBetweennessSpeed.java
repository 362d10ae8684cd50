package org.mentorshipgraph.tools.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.mentorshipgraph.algorithms.centrality.AdaptiveBetweenness;
import org.mentorshipgraph.algorithms.centrality.BrandesBetweenness;
import org.mentorshipgraph.algorithms.centrality.SourceSelection;
import org.mentorshipgraph.algorithms.graph.CompactGraph;
import org.mentorshipgraph.algorithms.graph.RandomGraphs;

/**
 * Adaptive sampled betweenness (KADABRA, {@link AdaptiveBetweenness}) against the job's epsilon mode
 * (Riondato–Kornaropoulos' k sources through Brandes' accumulation, what {@code epsilon:E} runs) at the same
 * ε and δ, on one graph, and both against exact betweenness.
 *
 * <p>Graph: {@code --input FILE} (an edge list, e.g. ego-Facebook) or the organisation model
 * ({@code --nodes N --edges M --p P --seed S}: {@link RandomGraphs#organisation}; scripts/bench-connectors uses
 * 100000 1000000 0.8 42, scripts/bench-betweenness 40000 180000 0.5 1). Other arguments: {@code --epsilon 0.01
 * --delta 0.1 --threads 2 --seeds 5 --weighted false --epsilon-mode true --exact true --exact-scores FILE}
 * ({@code --exact-scores} caches the exact scores: read when the file exists, written otherwise).
 *
 * <p>Prints RESULT lines: adaptive runs with 1 and {@code --threads} threads (samples, calibration samples, ω,
 * stopped early, seconds, adjacency entries per sample, max |error| against exact per seed), the epsilon mode
 * (sources, seconds, max |error|) and exact (seconds).
 */
public final class AdaptiveBetweennessSpeed {
    private AdaptiveBetweennessSpeed() {}

    public static void main(String[] args) throws IOException {
        Path input = null;
        int nodes = 100_000;
        int edges = 1_000_000;
        double p = 0.8;
        long seed = 42;
        double epsilon = 0.01;
        double delta = 0.1;
        int threads = 2;
        int seeds = 5;
        boolean weighted = false;
        boolean epsilonMode = true;
        boolean exact = true;
        Path exactScoresFile = null;
        for (int i = 0; i < args.length; i += 2) {
            String v = args[i + 1];
            switch (args[i]) {
                case "--input" -> input = Path.of(v);
                case "--nodes" -> nodes = Integer.parseInt(v);
                case "--edges" -> edges = Integer.parseInt(v);
                case "--p" -> p = Double.parseDouble(v);
                case "--seed" -> seed = Long.parseLong(v);
                case "--epsilon" -> epsilon = Double.parseDouble(v);
                case "--delta" -> delta = Double.parseDouble(v);
                case "--threads" -> threads = Integer.parseInt(v);
                case "--seeds" -> seeds = Integer.parseInt(v);
                case "--weighted" -> weighted = Boolean.parseBoolean(v);
                case "--epsilon-mode" -> epsilonMode = Boolean.parseBoolean(v);
                case "--exact" -> exact = Boolean.parseBoolean(v);
                case "--exact-scores" -> exactScoresFile = Path.of(v);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        long t0 = System.nanoTime();
        CompactGraph g =
                input != null ? BetweennessSpeed.read(input) : RandomGraphs.organisation(nodes, edges, p, seed);
        int n = g.nodeCount();
        System.out.printf(
                Locale.ROOT,
                "graph: n=%d m=%d (%s, %.1fs); epsilon %s, delta %s, weighted %b; %d cores%n",
                n,
                g.edgeCount(),
                input != null
                        ? input.getFileName()
                        : "organisation(" + nodes + ", " + edges + ", " + p + ", " + seed + ")",
                (System.nanoTime() - t0) / 1e9,
                epsilon,
                delta,
                weighted,
                Runtime.getRuntime().availableProcessors());

        // JIT warm-up on a looser run, not timed
        AdaptiveBetweenness.estimate(g, Math.min(0.5, epsilon * 4), delta, weighted, 999, threads);

        double[] truth = null;
        if (exact) {
            if (exactScoresFile != null && Files.exists(exactScoresFile)) {
                truth = readScores(exactScoresFile, n);
                System.out.println("exact scores read from " + exactScoresFile);
            } else {
                long e0 = System.nanoTime();
                long c0 = BetweennessSpeed.processCpuNanos();
                truth = BrandesBetweenness.exact(g, weighted, threads);
                double es = (System.nanoTime() - e0) / 1e9;
                System.out.printf(
                        Locale.ROOT,
                        "RESULT exact threads=%d sources=%d seconds=%.2f cpu_seconds=%.2f%n",
                        threads,
                        n,
                        es,
                        (BetweennessSpeed.processCpuNanos() - c0) / 1e9);
                if (exactScoresFile != null) {
                    writeScores(exactScoresFile, truth);
                }
            }
        }

        for (int t : threads == 1 ? List.of(1) : List.of(1, threads)) {
            for (int s = 0; s < (t == threads ? seeds : 1); s++) {
                long c0 = BetweennessSpeed.processCpuNanos();
                AdaptiveBetweenness.Estimate e = AdaptiveBetweenness.estimate(g, epsilon, delta, weighted, s, t);
                double cpu = (BetweennessSpeed.processCpuNanos() - c0) / 1e9;
                long all = e.samples() + e.calibrationSamples();
                System.out.printf(
                        Locale.ROOT,
                        "RESULT adaptive threads=%d seed=%d samples=%d calibration=%d omega=%d vd_bound=%d"
                                + " stopped_early=%b certified=%.5f seconds=%.3f cpu_seconds=%.3f edges_per_sample=%.0f"
                                + " max_error=%s%n",
                        t,
                        s,
                        e.samples(),
                        e.calibrationSamples(),
                        e.sampleBound(),
                        e.vertexDiameterBound(),
                        e.stoppedEarly(),
                        e.certifiedError(),
                        e.seconds(),
                        cpu,
                        all == 0 ? 0.0 : (double) e.edgesScanned() / all,
                        truth == null ? "n/a" : String.format(Locale.ROOT, "%.5f", maxError(e.scores(), truth)));
            }
        }

        if (epsilonMode) {
            // what the job's epsilon:E mode computes: the R&K k sources (all when k >= n), Brandes, scaled by n/k
            long e0 = System.nanoTime();
            long c0 = BetweennessSpeed.processCpuNanos();
            int vd = SourceSelection.vertexDiameterUpperBound(g, weighted);
            int k = Math.min(n, SourceSelection.sampleSizeFor(epsilon, delta, vd, n));
            int[] sources = SourceSelection.sampled(n, k, seed).sources();
            double[] scores = BrandesBetweenness.normalize(
                    BrandesBetweenness.accumulate(g, sources, weighted, threads), n, (double) n / k);
            double es = (System.nanoTime() - e0) / 1e9;
            double cpu = (BetweennessSpeed.processCpuNanos() - c0) / 1e9;
            System.out.printf(
                    Locale.ROOT,
                    "RESULT epsilon threads=%d sources=%d vd_bound=%d seconds=%.2f cpu_seconds=%.2f max_error=%s%n",
                    threads,
                    k,
                    vd,
                    es,
                    cpu,
                    truth == null ? "n/a" : String.format(Locale.ROOT, "%.5f", maxError(scores, truth)));
        }
    }

    static double maxError(double[] estimate, double[] exact) {
        double worst = 0;
        for (int v = 0; v < exact.length; v++) {
            worst = Math.max(worst, Math.abs(estimate[v] - exact[v]));
        }
        return worst;
    }

    static double[] readScores(Path file, int n) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.size() != n) {
            throw new IllegalArgumentException(file + " has " + lines.size() + " scores, the graph " + n + " nodes");
        }
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = Double.parseDouble(lines.get(i));
        }
        return s;
    }

    static void writeScores(Path file, double[] scores) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (double x : scores) {
                out.write(Double.toString(x));
                out.write('\n');
            }
        }
    }
}
