package org.mentorshipgraph.algorithms.centrality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mentorshipgraph.algorithms.graph.CompactGraph;

class ModularityTest {

    @ParameterizedTest
    @ValueSource(strings = {"karate", "lesmis", "florentine"})
    void equalsNetworkXForTheGivenPartition(String name) {
        ReferenceGraph ref = ReferenceGraph.load(name);
        double expected = ref.value("modularity");
        assertThat(Modularity.of(ref.graph, ref.community)).isCloseTo(expected, within(1e-9 * Math.abs(expected)));
    }

    @Test
    void twoSeparateTriangles() {
        // Each triangle: L_c/m = 3/6, (D_c/2m)^2 = (6/12)^2; Q = 2 * (1/2 - 1/4) = 1/2.
        CompactGraph g = CompactGraph.fromEdges(6, new int[] {0, 1, 2, 3, 4, 5}, new int[] {1, 2, 0, 4, 5, 3}, null);
        assertThat(Modularity.of(g, new int[] {0, 0, 0, 1, 1, 1})).isCloseTo(0.5, within(1e-15));
        assertThat(Modularity.of(g, new int[] {0, 0, 0, 0, 0, 0})).isCloseTo(0.0, within(1e-15));
        assertThat(Modularity.of(g, new int[] {7, 7, 7, 2, 2, 2})).isCloseTo(0.5, within(1e-15)); // sparse ids
    }

    @Test
    void noEdgesIsUndefined() {
        assertThat(Modularity.of(CompactGraph.fromEdges(2, new int[0], new int[0], null), new int[] {0, 1}))
                .isNaN();
    }
}
