package org.mentorshipgraph.algorithms.centrality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.mentorshipgraph.algorithms.centrality.ReferenceGraph.assertClose;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mentorshipgraph.algorithms.graph.CompactGraph;

class BrandesBetweennessTest {

    @ParameterizedTest
    @ValueSource(strings = {"karate", "lesmis", "florentine"})
    void unweightedEqualsNetworkX(String name) {
        ReferenceGraph ref = ReferenceGraph.load(name);
        assertClose(name + " betweenness", BrandesBetweenness.exact(ref.graph, false), ref.column("betweenness"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"karate", "lesmis", "florentine"})
    void weightedEqualsNetworkXWithDistanceOneOverWeight(String name) {
        ReferenceGraph ref = ReferenceGraph.load(name);
        assertClose(
                name + " weighted betweenness",
                BrandesBetweenness.exact(ref.graph, true),
                ref.column("betweenness_weighted"));
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 7})
    void threadsGiveTheSameScores(int threads) {
        ReferenceGraph ref = ReferenceGraph.load("lesmis");
        for (boolean weighted : new boolean[] {false, true}) {
            double[] one = BrandesBetweenness.exact(ref.graph, weighted);
            double[] many = BrandesBetweenness.exact(ref.graph, weighted, threads);
            assertClose("threads=" + threads, many, one);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"karate", "lesmis", "florentine"})
    void relabellingForLocalityGivesTheSameScoresInTheCallersIds(String name) {
        ReferenceGraph ref = ReferenceGraph.load(name);
        int[] all = SourceSelection.all(ref.graph.nodeCount()).sources();
        for (boolean weighted : new boolean[] {false, true}) {
            double[] plain = BrandesBetweenness.accumulate(ref.graph, all, weighted, 1, false);
            assertClose(
                    name + " relabelled, 1 thread",
                    BrandesBetweenness.accumulate(ref.graph, all, weighted, 1, true),
                    plain);
            assertClose(
                    name + " relabelled, 2 threads",
                    BrandesBetweenness.accumulate(ref.graph, all, weighted, 2, true),
                    plain);
        }
    }

    @Test
    void path() {
        // 0-1-2-3-4: node 1 lies on 3 of the C(4,2)=6 pairs not containing it, node 2 on 4.
        CompactGraph g = CompactGraph.fromEdges(5, new int[] {0, 1, 2, 3}, new int[] {1, 2, 3, 4}, null);
        double[] raw = BrandesBetweenness.accumulate(g, new int[] {0, 1, 2, 3, 4}, false);
        assertThat(raw).containsExactly(0, 6, 8, 6, 0); // twice the pair counts
        assertThat(BrandesBetweenness.exact(g, false))
                .containsExactly(new double[] {0, 0.5, 2.0 / 3, 0.5, 0}, within(1e-15));
    }

    @Test
    void starCentreIsOnEveryPath() {
        CompactGraph g = CompactGraph.fromEdges(5, new int[] {0, 0, 0, 0}, new int[] {1, 2, 3, 4}, null);
        assertThat(BrandesBetweenness.exact(g, false)).containsExactly(new double[] {1, 0, 0, 0, 0}, within(1e-15));
        assertThat(BrandesBetweenness.exact(g, true)).containsExactly(new double[] {1, 0, 0, 0, 0}, within(1e-15));
    }

    @Test
    void disconnectedGraphWithIsolatedNode() {
        // triangle {0,1,2}, path 3-4-5, isolated 6: only node 4 mediates, one pair; (n-1)(n-2) = 30.
        CompactGraph g = CompactGraph.fromEdges(7, new int[] {0, 1, 2, 3, 4}, new int[] {1, 2, 0, 4, 5}, null);
        double[] expected = {0, 0, 0, 0, 2.0 / 30, 0, 0};
        assertThat(BrandesBetweenness.exact(g, false)).containsExactly(expected, within(1e-15));
        assertThat(BrandesBetweenness.exact(g, true)).containsExactly(expected, within(1e-15));
    }

    @Test
    void tinyGraphsAreAllZero() {
        assertThat(BrandesBetweenness.exact(CompactGraph.fromEdges(0, new int[0], new int[0], null), false))
                .isEmpty();
        assertThat(BrandesBetweenness.exact(CompactGraph.fromEdges(1, new int[0], new int[0], null), true))
                .containsExactly(0.0);
        assertThat(BrandesBetweenness.exact(CompactGraph.fromEdges(2, new int[] {0}, new int[] {1}, null), false))
                .containsExactly(0.0, 0.0);
    }

    @Test
    void duplicateEdgesAddUpToAStrongerShorterTie() {
        // square 0-1-2-3-0 with the tie {0,1} given twice: weight 2, length 1/2.
        CompactGraph g = CompactGraph.fromEdges(4, new int[] {0, 1, 1, 2, 3}, new int[] {1, 0, 2, 3, 0}, null);
        assertThat(g.edgeCount()).isEqualTo(4);
        // Unweighted each node is on half of the one pair opposite it: 2 * 0.5 / (3 * 2).
        assertThat(BrandesBetweenness.exact(g, false))
                .containsExactly(new double[] {1.0 / 6, 1.0 / 6, 1.0 / 6, 1.0 / 6}, within(1e-15));
        // Weighted: 0-2 goes through 1 (1.5 < 2) and 1-3 through 0.
        assertThat(BrandesBetweenness.exact(g, true))
                .containsExactly(new double[] {1.0 / 3, 1.0 / 3, 0, 0}, within(1e-15));
    }

    @Test
    void strongTiesMakeALongerDetourShorter() {
        // 0-1-2 with strength 1 each (length 2 in total), direct tie 0-2 of strength 0.4 (length 2.5).
        CompactGraph g = CompactGraph.fromEdges(3, new int[] {0, 1, 0}, new int[] {1, 2, 2}, new double[] {1, 1, 0.4});
        assertThat(BrandesBetweenness.exact(g, false)).containsExactly(0.0, 0.0, 0.0);
        assertThat(BrandesBetweenness.exact(g, true)).containsExactly(new double[] {0, 1, 0}, within(1e-15));
    }

    @Test
    void normalizeScalesSampledSumsLikeNetworkX() {
        // NetworkX: b * 1/((n-1)(n-2)) * n/k
        double[] raw = {0, 12, 3};
        assertThat(BrandesBetweenness.normalize(raw, 5, 5.0 / 2))
                .containsExactly(new double[] {0, 12 * 2.5 / 12, 3 * 2.5 / 12}, within(1e-15));
        assertThat(raw).containsExactly(0, 12, 3); // input untouched
    }

    @Test
    void workspaceIsReusableAcrossSourcesAndComponents() {
        ReferenceGraph ref = ReferenceGraph.load("florentine");
        BetweennessWorkspace ws = new BetweennessWorkspace(ref.graph, true);
        double[] raw = new double[ref.graph.nodeCount()];
        for (int round = 0; round < 3; round++) {
            for (int s = ref.graph.nodeCount() - 1; s >= 0; s--) {
                ws.accumulateFrom(s, raw);
            }
        }
        double[] expected = ref.column("betweenness_weighted").clone();
        for (int i = 0; i < expected.length; i++) {
            expected[i] *= 3;
        }
        assertClose("3 rounds", BrandesBetweenness.normalize(raw, raw.length, 1), expected);
    }
}
