package org.mentorshipgraph.tools.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.mentorshipgraph.algorithms.centrality.BrandesBetweenness;
import org.mentorshipgraph.algorithms.centrality.SourceSelection;
import org.mentorshipgraph.algorithms.graph.CompactGraph;
import org.mentorshipgraph.algorithms.graph.RandomGraphs;

/**
 * Times exact betweenness (all sources) on one graph with 1 and with 2 threads, for
 * scripts/bench-betweenness. A graph is either generated ({@code --nodes N --edges M --seed S}, the
 * organisation model of {@link RandomGraphs#organisation}) or read from an edge list ({@code --input}).
 *
 * <p>Throughput is reported as traversed edges per second per core: (sources × m) / seconds / threads,
 * m the number of undirected edges, i.e. one unit per undirected edge per single-source search.
 *
 * <p>Arguments: {@code --nodes 40000 --edges 180000 --seed 1 --write-edges FILE --write-scores FILE
 * --threads 1,2 --weighted false --input FILE --warmup-sources 2000 --sources K --shuffle false}: {@code --sources K}
 * times K sampled sources instead of all, {@code --shuffle true} renames nodes at random (as hashed ids
 * would). Each timed run prints a RESULT line with wall seconds and the process CPU seconds, so that a
 * busy machine can be told apart from a slow kernel.
 */
public final class BetweennessSpeed {
    private BetweennessSpeed() {}

    public static void main(String[] args) throws IOException {
        int nodes = 40_000;
        int edges = 180_000;
        long seed = 1;
        Path writeEdges = null;
        Path writeScores = null;
        Path input = null;
        String threadList = "1,2";
        boolean weighted = false;
        int warmup = 2000;
        boolean shuffle = false;
        int timedSources = 0;
        for (int i = 0; i < args.length; i += 2) {
            String v = args[i + 1];
            switch (args[i]) {
                case "--nodes" -> nodes = Integer.parseInt(v);
                case "--edges" -> edges = Integer.parseInt(v);
                case "--seed" -> seed = Long.parseLong(v);
                case "--write-edges" -> writeEdges = Path.of(v);
                case "--write-scores" -> writeScores = Path.of(v);
                case "--input" -> input = Path.of(v);
                case "--threads" -> threadList = v;
                case "--weighted" -> weighted = Boolean.parseBoolean(v);
                case "--warmup-sources" -> warmup = Integer.parseInt(v);
                case "--shuffle" -> shuffle = Boolean.parseBoolean(v);
                case "--sources" -> timedSources = Integer.parseInt(v);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        long t0 = System.nanoTime();
        CompactGraph g = input != null ? read(input) : RandomGraphs.organisation(nodes, edges, 0.5, seed);
        System.out.printf(
                Locale.ROOT,
                "graph: n=%d m=%d (%s, %.2fs)%n",
                g.nodeCount(),
                g.edgeCount(),
                input != null ? input : "organisation model, seed " + seed,
                (System.nanoTime() - t0) / 1e9);
        if (shuffle) {
            g = g.relabel(randomPermutation(g.nodeCount(), seed + 1));
        }
        if (writeEdges != null) {
            write(g, writeEdges);
        }
        // Warm the JIT on a sample of sources so that the timed runs measure compiled code.
        int k = Math.min(warmup, g.nodeCount());
        if (k > 0) {
            long w0 = System.nanoTime();
            int[] warmSources = SourceSelection.sampled(g.nodeCount(), k, 7).sources();
            BrandesBetweenness.accumulate(g, warmSources, weighted);
            BrandesBetweenness.accumulate(g, warmSources, weighted, 2);
            System.out.printf(Locale.ROOT, "warm-up: %d sources, %.2fs%n", k, (System.nanoTime() - w0) / 1e9);
        }
        double[] scores = null;
        for (String part : threadList.split(",")) {
            int threads = Integer.parseInt(part.trim());
            int[] sources = timedSources > 0
                    ? SourceSelection.sampled(g.nodeCount(), timedSources, 11).sources()
                    : SourceSelection.all(g.nodeCount()).sources();
            long start = System.nanoTime();
            long cpuStart = processCpuNanos();
            double[] s = BrandesBetweenness.normalize(
                    BrandesBetweenness.accumulate(g, sources, weighted, threads),
                    g.nodeCount(),
                    (double) g.nodeCount() / sources.length);
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpu = (processCpuNanos() - cpuStart) / 1e9;
            double work = (double) sources.length * g.edgeCount();
            System.out.printf(
                    Locale.ROOT,
                    "RESULT java threads=%d weighted=%b sources=%d seconds=%.3f cpu_seconds=%.3f"
                            + " edges_per_s_per_core=%.4e edges_per_cpu_s=%.4e%n",
                    threads,
                    weighted,
                    sources.length,
                    seconds,
                    cpu,
                    work / seconds / threads,
                    work / cpu);
            if (scores == null) {
                scores = s;
            }
        }
        if (writeScores != null && scores != null) {
            try (BufferedWriter out = Files.newBufferedWriter(writeScores, StandardCharsets.UTF_8)) {
                for (double x : scores) {
                    out.write(Double.toString(x));
                    out.write('\n');
                }
            }
        }
    }

    /** CPU time of the whole JVM process (all threads), in nanoseconds. */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    static int[] randomPermutation(int n, long seed) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int x = p[i];
            p[i] = p[j];
            p[j] = x;
        }
        return p;
    }

    static CompactGraph read(Path file) throws IOException {
        int size = 0;
        int[] a = new int[1024];
        int[] b = new int[1024];
        double[] w = new double[1024];
        int n = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] f = line.split("[\t ]");
                if (f.length < 2 || !Character.isDigit(f[0].charAt(0))) {
                    continue;
                }
                if (size == a.length) {
                    a = java.util.Arrays.copyOf(a, 2 * size);
                    b = java.util.Arrays.copyOf(b, 2 * size);
                    w = java.util.Arrays.copyOf(w, 2 * size);
                }
                a[size] = Integer.parseInt(f[0]);
                b[size] = Integer.parseInt(f[1]);
                w[size] = f.length > 2 ? Double.parseDouble(f[2]) : 1.0;
                n = Math.max(n, Math.max(a[size], b[size]) + 1);
                size++;
            }
        }
        return CompactGraph.fromEdges(
                n,
                java.util.Arrays.copyOf(a, size),
                java.util.Arrays.copyOf(b, size),
                java.util.Arrays.copyOf(w, size));
    }

    static void write(CompactGraph g, Path file) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("a\tb\tweight\n");
            int[] off = g.offsets();
            int[] tgt = g.targets();
            double[] wt = g.weights();
            for (int v = 0; v < g.nodeCount(); v++) {
                for (int i = off[v]; i < off[v + 1]; i++) {
                    if (tgt[i] > v) {
                        out.write(v + "\t" + tgt[i] + "\t" + wt[i] + "\n");
                    }
                }
            }
        }
    }
}
