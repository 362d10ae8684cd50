package org.mentorshipgraph.tools.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.mentorshipgraph.algorithms.centrality.Louvain;
import org.mentorshipgraph.algorithms.centrality.Modularity;
import org.mentorshipgraph.algorithms.centrality.StructuralHoles;
import org.mentorshipgraph.algorithms.graph.CompactGraph;
import org.mentorshipgraph.algorithms.graph.RandomGraphs;
import org.mentorshipgraph.config.BetweennessMode;
import org.mentorshipgraph.config.JobConfig;
import org.mentorshipgraph.config.Setting;
import org.mentorshipgraph.connectors.DistributedBetweenness;
import org.mentorshipgraph.job.Sparks;

/**
 * scripts/bench-connectors: the connector step at scale through the same Spark path the job uses (broadcast graph,
 * sources split across partitions, partial vectors summed). Prints seconds, sources, the error bound and peak heap.
 * Arguments: people ties mode [threads], e.g. {@code 100000 1000000 epsilon:0.01}.
 */
public final class ConnectorsAtScale {
    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        int m = Integer.parseInt(args[1]);
        BetweennessMode mode = BetweennessMode.parse(args[2]);
        String master = args.length > 3 ? "local[" + args[3] + "]" : "local[*]";
        long t0 = System.nanoTime();
        CompactGraph g = RandomGraphs.organisation(n, m, 0.8, 42);
        System.out.printf(
                Locale.ROOT,
                "graph: %,d people, %,d ties, generated in %.1f s%n",
                g.nodeCount(),
                g.edgeCount(),
                (System.nanoTime() - t0) / 1e9);
        SparkSession spark = Sparks.session(JobConfig.defaults().with(Map.of(Setting.SPARK_MASTER, master)));
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        t0 = System.nanoTime();
        DistributedBetweenness.Result r = DistributedBetweenness.compute(jsc, g, mode, false, 0, 0.01, 0.1, 42);
        double bs = (System.nanoTime() - t0) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "betweenness %s on %s: %d sources, epsilon %.3g, delta %.2g, vertex-diameter bound %d, %.1f s (%,.0f edges traversed/s)%n",
                r.mode(),
                master,
                r.sources(),
                r.epsilon(),
                r.delta(),
                r.vertexDiameterBound(),
                bs,
                2.0 * g.edgeCount() * r.sources() / bs);
        t0 = System.nanoTime();
        StructuralHoles.constraint(g);
        StructuralHoles.effectiveSize(g);
        double hs = (System.nanoTime() - t0) / 1e9;
        t0 = System.nanoTime();
        int[] c = Louvain.communities(g, 42);
        double q = Modularity.of(g, c);
        double ls = (System.nanoTime() - t0) / 1e9;
        System.out.printf(
                Locale.ROOT, "constraint + effective size %.1f s; Louvain %.1f s (modularity %.3f)%n", hs, ls, q);
        long peak = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans())
            if (p.getType() == MemoryType.HEAP) peak += p.getPeakUsage().getUsed();
        System.out.printf(
                Locale.ROOT,
                "peak heap (sum of pool peaks, driver and local executors share this JVM): %,d MB%n",
                peak >> 20);
        spark.stop();
    }
}
