package org.mentorshipgraph.algorithms.centrality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mentorshipgraph.algorithms.graph.CompactGraph;
import org.mentorshipgraph.algorithms.graph.RandomGraphs;

/**
 * KADABRA against exact Brandes betweenness (itself checked against NetworkX in BrandesBetweennessTest):
 * the certified error holds on published networks and random graphs over many seeds.
 */
class AdaptiveBetweennessTest {
    private static final double DELTA = 0.1;

    static Stream<Arguments> networks() {
        return Stream.of(
                // name, graph, weighted, epsilon, seeds
                Arguments.of("karate", ReferenceGraph.load("karate").graph, false, 0.01, 20),
                Arguments.of("lesmis", ReferenceGraph.load("lesmis").graph, false, 0.01, 20),
                Arguments.of("lesmis weighted", ReferenceGraph.load("lesmis").graph, true, 0.01, 20),
                Arguments.of("ego-Facebook", ReferenceGraph.load("ego_facebook").graph, false, 0.01, 10),
                Arguments.of("karate + lesmis, disconnected", disjointKarateAndLesMis(), false, 0.01, 20),
                Arguments.of("powerlaw-cluster 2000", RandomGraphs.powerlawCluster(2000, 3, 0.3, 4), false, 0.01, 20),
                Arguments.of("organisation 4000", RandomGraphs.organisation(4000, 20_000, 0.5, 9), false, 0.01, 20),
                Arguments.of(
                        "organisation 1200 weighted", RandomGraphs.organisation(1200, 6000, 0.5, 3), true, 0.02, 10));
    }

    /**
     * Every node within ε of exact in at least 1 − δ of the runs (the guarantee allows a fraction δ of
     * failures), and the typical run far inside ε. Deterministic: the seeds are fixed.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void everyScoreWithinEpsilonOfExact(String name, CompactGraph g, boolean weighted, double epsilon, int seeds) {
        double[] exact = BrandesBetweenness.exact(g, weighted, 2);
        double[] worst = new double[seeds];
        int failures = 0;
        for (int seed = 0; seed < seeds; seed++) {
            AdaptiveBetweenness.Estimate e = AdaptiveBetweenness.estimate(g, epsilon, DELTA, weighted, seed, 2);
            worst[seed] = maxError(e.scores(), exact);
            if (worst[seed] > epsilon) {
                failures++;
            }
            assertThat(e.samples()).isPositive().isLessThanOrEqualTo(e.sampleBound());
            assertThat(e.epsilon()).isEqualTo(epsilon);
            assertThat(e.delta()).isEqualTo(DELTA);
            assertThat(e.weighted()).isEqualTo(weighted);
            if (e.stoppedEarly()) {
                assertThat(e.certifiedError()).isLessThan(epsilon);
            } else {
                assertThat(e.samples()).isEqualTo(e.sampleBound());
            }
        }
        Arrays.sort(worst);
        assertThat(failures).as(name + ": runs with an error above epsilon").isLessThanOrEqualTo((int) (DELTA * seeds));
        assertThat(worst[seeds / 2]).as(name + ": median of the largest errors").isLessThan(epsilon / 2);
    }

    /**
     * The check above is sharp enough to catch an estimate left on KADABRA's own scale (divided by n(n − 1)
     * instead of NetworkX's (n − 1)(n − 2)): on karate, n/(n − 2) = 1.0625 moves the top scores by about
     * 0.027, well beyond ε = 0.01.
     */
    @Test
    void anEstimateOnTheWrongScaleFailsTheCheck() {
        CompactGraph g = ReferenceGraph.load("karate").graph;
        int n = g.nodeCount();
        double[] exact = BrandesBetweenness.exact(g, false);
        for (int seed = 0; seed < 5; seed++) {
            double[] scores =
                    AdaptiveBetweenness.estimate(g, 0.01, DELTA, false, seed, 1).scores();
            assertThat(maxError(scores, exact)).isLessThan(0.01);
            double[] kadabraScale =
                    Arrays.stream(scores).map(x -> x * (n - 2) / n).toArray();
            assertThat(maxError(kadabraScale, exact)).isGreaterThan(0.01);
        }
    }

    static Stream<Arguments> determinismCases() {
        return Stream.of(
                // stops early: the checkpoints decide where
                Arguments.of("organisation 4000", RandomGraphs.organisation(4000, 20_000, 0.5, 9), false),
                Arguments.of("organisation 1200 weighted", RandomGraphs.organisation(1200, 6000, 0.5, 3), true),
                // runs to omega
                Arguments.of("lesmis", ReferenceGraph.load("lesmis").graph, false),
                Arguments.of("lesmis weighted", ReferenceGraph.load("lesmis").graph, true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("determinismCases")
    void sameSeedGivesIdenticalScoresWithOneOrTwoThreads(String name, CompactGraph g, boolean weighted) {
        AdaptiveBetweenness.Estimate one = AdaptiveBetweenness.estimate(g, 0.02, DELTA, weighted, 42, 1);
        AdaptiveBetweenness.Estimate two = AdaptiveBetweenness.estimate(g, 0.02, DELTA, weighted, 42, 2);
        AdaptiveBetweenness.Estimate three = AdaptiveBetweenness.estimate(g, 0.02, DELTA, weighted, 42, 3);
        assertThat(two.scores()).isEqualTo(one.scores());
        assertThat(three.scores()).isEqualTo(one.scores());
        assertThat(two.samples()).isEqualTo(one.samples());
        assertThat(three.samples()).isEqualTo(one.samples());
        assertThat(two.edgesScanned()).isEqualTo(one.edgesScanned());
        AdaptiveBetweenness.Estimate other = AdaptiveBetweenness.estimate(g, 0.02, DELTA, weighted, 43, 2);
        assertThat(other.scores()).isNotEqualTo(one.scores());
    }

    /**
     * Where no node has a large betweenness (an organisation of 4,000: teams, a reporting tree, cross-team
     * ties) the adaptive rule stops at about half of Riondato &amp; Kornaropoulos' sample size for the same ε
     * and δ (the union bound over n nodes keeps it above about √(2ω ln(4n/δ)/ε)), and each sample scans a small
     * fraction of what one Brandes source does.
     */
    @Test
    void stopsFarBelowTheRiondatoKornaropoulosSampleSize() {
        CompactGraph g = RandomGraphs.organisation(4000, 20_000, 0.5, 9);
        AdaptiveBetweenness.Estimate e = AdaptiveBetweenness.estimate(g, 0.01, DELTA, false, 1, 2);
        int rk = SourceSelection.sampleSizeFor(0.01, DELTA, e.vertexDiameterBound(), g.nodeCount());
        assertThat(e.stoppedEarly()).isTrue();
        assertThat(e.samples() + e.calibrationSamples()).isLessThan((long) (0.6 * rk));
        assertThat(e.sampleBound()).isGreaterThan(rk); // omega: R&K at delta / 2
        // and a sample is far cheaper than a Brandes source (a full search, 2m adjacency entries)
        double perSample = (double) e.edgesScanned() / (e.samples() + e.calibrationSamples());
        assertThat(perSample).isLessThan(0.05 * 2 * g.edgeCount());
    }

    /**
     * With a node of betweenness 0.48 (ego-Facebook's node 107) the variance-aware bound cannot beat the
     * VC-dimension one, so the run goes to ω and the guarantee is Riondato &amp; Kornaropoulos'.
     */
    @Test
    void aDominantHubRunsToOmega() {
        CompactGraph g = ReferenceGraph.load("ego_facebook").graph;
        AdaptiveBetweenness.Estimate e = AdaptiveBetweenness.estimate(g, 0.01, DELTA, false, 1, 2);
        assertThat(e.stoppedEarly()).isFalse();
        assertThat(e.samples()).isEqualTo(e.sampleBound());
        assertThat(e.certifiedError()).isNaN();
        assertThat(e.scores()[107]).isCloseTo(0.4805, within(0.01));
    }

    @Test
    void starCentreIsOnEveryPathBetweenLeaves() {
        int leaves = 20;
        int[] a = new int[leaves];
        int[] b = IntStream.rangeClosed(1, leaves).toArray();
        CompactGraph star = CompactGraph.fromEdges(leaves + 1, a, b, null);
        AdaptiveBetweenness.Estimate e = AdaptiveBetweenness.estimate(star, 0.01, DELTA, false, 7, 2);
        assertThat(e.scores()[0]).isCloseTo(1.0, within(0.01));
        for (int v = 1; v <= leaves; v++) {
            assertThat(e.scores()[v]).isZero();
        }
    }

    @Test
    void graphsWhereNobodyIsBetweenAreExactlyZero() {
        CompactGraph empty = CompactGraph.fromEdges(0, new int[0], new int[0], null);
        CompactGraph pair = CompactGraph.fromEdges(2, new int[] {0}, new int[] {1}, null);
        CompactGraph isolated = CompactGraph.fromEdges(4, new int[0], new int[0], null);
        CompactGraph matching = CompactGraph.fromEdges(6, new int[] {0, 2, 4}, new int[] {1, 3, 5}, null);
        for (CompactGraph g : new CompactGraph[] {empty, pair, isolated, matching}) {
            // nobody has two neighbours: no sampling at all
            AdaptiveBetweenness.Estimate e = AdaptiveBetweenness.estimate(g, 0.01, DELTA, false, 1, 2);
            assertThat(e.scores()).hasSize(g.nodeCount());
            assertThat(Arrays.stream(e.scores()).allMatch(x -> x == 0)).isTrue();
            assertThat(e.samples()).isZero();
            assertThat(e.stoppedEarly()).isTrue();
        }
        // cliques: sampled (the vertex-diameter bound is 3), but no shortest path has an inner node
        CompactGraph triangleAndEdge = CompactGraph.fromEdges(5, new int[] {0, 1, 2, 3}, new int[] {1, 2, 0, 4}, null);
        AdaptiveBetweenness.Estimate e = AdaptiveBetweenness.estimate(triangleAndEdge, 0.05, DELTA, false, 1, 2);
        assertThat(e.scores()).containsOnly(0.0);
        assertThat(e.samples()).isPositive();
    }

    @Test
    void rejectsBadArguments() {
        CompactGraph g = ReferenceGraph.load("karate").graph;
        assertThatThrownBy(() -> AdaptiveBetweenness.estimate(g, 0, 0.1, false, 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AdaptiveBetweenness.estimate(g, 0.01, 1, false, 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AdaptiveBetweenness.estimate(g, 0.01, 0.1, false, 1, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sampleSeedsDifferAcrossSamplesAndPhases() {
        long[] seeds = new long[3000];
        for (int i = 0; i < 1000; i++) {
            seeds[i] = AdaptiveBetweenness.sampleSeed(42, 0, i);
            seeds[1000 + i] = AdaptiveBetweenness.sampleSeed(42, 1, i);
            seeds[2000 + i] = AdaptiveBetweenness.sampleSeed(43, 1, i);
        }
        assertThat(Arrays.stream(seeds).distinct().count()).isEqualTo(seeds.length);
    }

    static double maxError(double[] estimate, double[] exact) {
        double worst = 0;
        for (int v = 0; v < exact.length; v++) {
            worst = Math.max(worst, Math.abs(estimate[v] - exact[v]));
        }
        return worst;
    }

    /** Karate (nodes 0..33) and Les Misérables (34..110) side by side: two components. */
    static CompactGraph disjointKarateAndLesMis() {
        CompactGraph k = ReferenceGraph.load("karate").graph;
        CompactGraph l = ReferenceGraph.load("lesmis").graph;
        int m = k.edgeCount() + l.edgeCount();
        int[] a = new int[m];
        int[] b = new int[m];
        int e = 0;
        for (CompactGraph part : new CompactGraph[] {k, l}) {
            int shift = part == k ? 0 : k.nodeCount();
            for (int u = 0; u < part.nodeCount(); u++) {
                for (int i = part.offsets()[u]; i < part.offsets()[u + 1]; i++) {
                    if (part.targets()[i] > u) {
                        a[e] = u + shift;
                        b[e++] = part.targets()[i] + shift;
                    }
                }
            }
        }
        return CompactGraph.fromEdges(k.nodeCount() + l.nodeCount(), a, b, null);
    }
}
