package org.mentorshipgraph.algorithms.centrality;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mentorshipgraph.algorithms.graph.CompactGraph;

class LouvainTest {

    @Test
    void karateReachesNetworkXModularity() {
        // NetworkX 2.8.8 louvain_communities over seeds 0..49: weighted min 0.418, mean 0.440;
        // unweighted min 0.392, mean 0.416.
        ReferenceGraph ref = ReferenceGraph.load("karate");
        CompactGraph unweighted =
                CompactGraph.fromEdges(ref.graph.nodeCount(), sources(ref.graph), targets(ref.graph), null);
        double weightedSum = 0;
        double unweightedSum = 0;
        int seeds = 50;
        for (long seed = 0; seed < seeds; seed++) {
            double qw = Modularity.of(ref.graph, Louvain.communities(ref.graph, seed));
            double qu = Modularity.of(unweighted, Louvain.communities(unweighted, seed));
            assertThat(qw).as("weighted, seed " + seed).isGreaterThanOrEqualTo(0.41);
            assertThat(qu).as("unweighted, seed " + seed).isGreaterThanOrEqualTo(0.39);
            weightedSum += qw;
            unweightedSum += qu;
        }
        System.out.printf(
                "karate Louvain mean modularity: weighted %.4f, unweighted %.4f%n",
                weightedSum / seeds, unweightedSum / seeds);
        assertThat(weightedSum / seeds).isGreaterThanOrEqualTo(0.43);
        assertThat(unweightedSum / seeds).isGreaterThanOrEqualTo(0.41);
    }

    @Test
    void lesMiserablesBeatsGreedyModularity() {
        ReferenceGraph ref = ReferenceGraph.load("lesmis");
        double greedy = ref.value("modularity"); // NetworkX greedy_modularity_communities, 0.547
        for (long seed = 0; seed < 5; seed++) {
            assertThat(Modularity.of(ref.graph, Louvain.communities(ref.graph, seed)))
                    .isGreaterThan(greedy - 0.01);
        }
    }

    @Test
    void deterministicDenseAndNumberedByFirstAppearance() {
        ReferenceGraph ref = ReferenceGraph.load("lesmis");
        int[] a = Louvain.communities(ref.graph, 42);
        int[] b = Louvain.communities(ref.graph, 42);
        assertThat(a).containsExactly(b);
        int next = 0;
        for (int c : a) {
            assertThat(c).isLessThanOrEqualTo(next);
            if (c == next) {
                next++;
            }
        }
    }

    @Test
    void twoCliquesJoinedByOneTie() {
        // K4 {0..3} and K4 {4..7} joined by 3-4; isolated node 8 stays alone.
        int[][] e = {
            {0, 1}, {0, 2}, {0, 3}, {1, 2}, {1, 3}, {2, 3}, {4, 5}, {4, 6}, {4, 7}, {5, 6}, {5, 7}, {6, 7}, {3, 4}
        };
        int[] a = new int[e.length];
        int[] b = new int[e.length];
        for (int i = 0; i < e.length; i++) {
            a[i] = e[i][0];
            b[i] = e[i][1];
        }
        CompactGraph g = CompactGraph.fromEdges(9, a, b, null);
        assertThat(Louvain.communities(g, 7)).containsExactly(0, 0, 0, 0, 1, 1, 1, 1, 2);
    }

    @Test
    void emptyGraphs() {
        assertThat(Louvain.communities(CompactGraph.fromEdges(0, new int[0], new int[0], null), 1))
                .isEmpty();
        assertThat(Louvain.communities(CompactGraph.fromEdges(3, new int[0], new int[0], null), 1))
                .containsExactly(0, 1, 2);
    }

    private static int[] sources(CompactGraph g) {
        int[] a = new int[g.targets().length];
        for (int v = 0; v < g.nodeCount(); v++) {
            for (int i = g.offsets()[v]; i < g.offsets()[v + 1]; i++) {
                a[i] = v;
            }
        }
        return a;
    }

    private static int[] targets(CompactGraph g) {
        return g.targets();
    }
}
