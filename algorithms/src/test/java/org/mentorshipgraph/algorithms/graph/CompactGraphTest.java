package org.mentorshipgraph.algorithms.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CompactGraphTest {

    @Test
    void mergesParallelEdgesInBothDirectionsAndDropsSelfLoops() {
        CompactGraph g =
                CompactGraph.fromEdges(4, new int[] {0, 1, 2, 2, 3, 1}, new int[] {1, 0, 2, 0, 1, 0}, new double[] {
                    1.5, 2.0, 9.0, 1.0, 4.0, 0.5
                });
        assertThat(g.nodeCount()).isEqualTo(4);
        assertThat(g.edgeCount()).isEqualTo(3); // {0,1}, {0,2}, {1,3}
        assertThat(g.offsets()).containsExactly(0, 2, 4, 5, 6);
        assertThat(g.targets()).containsExactly(1, 2, 0, 3, 0, 1);
        assertThat(g.weights()).containsExactly(4.0, 1.0, 4.0, 4.0, 1.0, 4.0);
        assertThat(g.degree(0)).isEqualTo(2);
        assertThat(g.degree(2)).isEqualTo(1);
        assertThat(g.strength(0)).isEqualTo(5.0);
        assertThat(g.strength(2)).isEqualTo(1.0); // the self-loop of weight 9 is gone
    }

    @Test
    void nullWeightsMeanOneAndDuplicatesCount() {
        CompactGraph g = CompactGraph.fromEdges(3, new int[] {0, 0, 2}, new int[] {1, 1, 1}, null);
        assertThat(g.edgeCount()).isEqualTo(2);
        assertThat(g.strength(1)).isEqualTo(3.0);
        assertThat(g.strength(0)).isEqualTo(2.0);
    }

    @Test
    void neighboursAreSortedAscending() {
        CompactGraph g = CompactGraph.fromEdges(6, new int[] {0, 0, 0, 0, 0}, new int[] {5, 3, 1, 4, 2}, null);
        assertThat(g.targets()).startsWith(1, 2, 3, 4, 5);
    }

    @Test
    void isolatedNodesAndEmptyGraph() {
        CompactGraph g = CompactGraph.fromEdges(3, new int[0], new int[0], null);
        assertThat(g.edgeCount()).isZero();
        assertThat(g.degree(2)).isZero();
        assertThat(g.strength(1)).isZero();
        assertThat(CompactGraph.fromEdges(0, new int[0], new int[0], null).nodeCount())
                .isZero();
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> CompactGraph.fromEdges(2, new int[] {0}, new int[] {1}, new double[] {0.0}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CompactGraph.fromEdges(2, new int[] {0}, new int[] {1}, new double[] {-1.0}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CompactGraph.fromEdges(2, new int[] {0}, new int[] {1}, new double[] {Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CompactGraph.fromEdges(
                        2, new int[] {0}, new int[] {1}, new double[] {Double.POSITIVE_INFINITY}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CompactGraph.fromEdges(2, new int[] {0}, new int[] {2}, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CompactGraph.fromEdges(2, new int[] {0}, new int[] {1, 0}, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CompactGraph.fromEdges(2, new int[] {0}, new int[] {1}, new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void relabelKeepsEdgesAndWeightsUnderNewNames() {
        CompactGraph g = CompactGraph.fromEdges(4, new int[] {0, 0, 1}, new int[] {1, 2, 3}, new double[] {1, 2, 3});
        int[] newId = {3, 0, 2, 1}; // 0->3, 1->0, 2->2, 3->1
        CompactGraph h = g.relabel(newId);
        assertThat(h.edgeCount()).isEqualTo(3);
        // old edges {0,1}:1 -> {3,0}, {0,2}:2 -> {3,2}, {1,3}:3 -> {0,1}
        assertThat(h.offsets()).containsExactly(0, 2, 3, 4, 6);
        assertThat(h.targets()).containsExactly(1, 3, 0, 3, 0, 2);
        assertThat(h.weights()).containsExactly(3.0, 1.0, 3.0, 2.0, 1.0, 2.0);
        assertThat(h.strength(3)).isEqualTo(g.strength(0));
        assertThatThrownBy(() -> g.relabel(new int[] {0, 0, 1, 2})).isInstanceOf(IllegalArgumentException.class);
    }
}
