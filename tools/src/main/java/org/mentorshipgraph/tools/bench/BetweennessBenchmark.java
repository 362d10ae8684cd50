package org.mentorshipgraph.tools.bench;

import java.util.concurrent.TimeUnit;
import org.mentorshipgraph.algorithms.centrality.BetweennessWorkspace;
import org.mentorshipgraph.algorithms.centrality.SourceSelection;
import org.mentorshipgraph.algorithms.graph.CompactGraph;
import org.mentorshipgraph.algorithms.graph.RandomGraphs;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time of one Brandes single-source search plus accumulation on the organisation-like graph, averaged
 * over 256 fixed sources. Run with JMH's main on the tools classpath (the command is in tools/README.md).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class BetweennessBenchmark {
    @Param({"40000"})
    public int nodes;

    @Param({"false", "true"})
    public boolean weighted;

    private BetweennessWorkspace workspace;
    private double[] into;
    private int[] sources;
    private int next;

    @Setup
    public void setUp() {
        CompactGraph g = RandomGraphs.organisation(nodes, nodes * 9 / 2, 0.5, 1);
        workspace = new BetweennessWorkspace(g, weighted);
        into = new double[g.nodeCount()];
        sources = SourceSelection.sampled(g.nodeCount(), 256, 3).sources();
    }

    @Benchmark
    public int singleSource() {
        int s = sources[next++ & 255];
        return workspace.accumulateFrom(s, into);
    }
}
