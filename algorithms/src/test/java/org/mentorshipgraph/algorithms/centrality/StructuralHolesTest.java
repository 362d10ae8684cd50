package org.mentorshipgraph.algorithms.centrality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.mentorshipgraph.algorithms.centrality.ReferenceGraph.assertClose;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mentorshipgraph.algorithms.graph.CompactGraph;

class StructuralHolesTest {

    @ParameterizedTest
    @ValueSource(strings = {"karate", "lesmis", "florentine"})
    void constraintEqualsNetworkX(String name) {
        ReferenceGraph ref = ReferenceGraph.load(name);
        assertClose(name + " constraint", StructuralHoles.constraint(ref.graph), ref.column("constraint"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"karate", "lesmis", "florentine"})
    void effectiveSizeEqualsNetworkX(String name) {
        ReferenceGraph ref = ReferenceGraph.load(name);
        assertClose(name + " effective size", StructuralHoles.effectiveSize(ref.graph), ref.column("effective_size"));
    }

    @Test
    void starCentreSpansHolesLeavesAreConstrained() {
        // centre 0 with 4 unconnected contacts of equal strength: c = 4 * (1/4)^2 = 1/4, e = 4.
        CompactGraph g =
                CompactGraph.fromEdges(6, new int[] {0, 0, 0, 0}, new int[] {1, 2, 3, 4}, new double[] {3, 3, 3, 3});
        double[] c = StructuralHoles.constraint(g);
        double[] e = StructuralHoles.effectiveSize(g);
        assertThat(c[0]).isCloseTo(0.25, within(1e-15));
        assertThat(e[0]).isCloseTo(4.0, within(1e-15));
        assertThat(c[1]).isCloseTo(1.0, within(1e-15));
        assertThat(e[1]).isCloseTo(1.0, within(1e-15));
        assertThat(c[5]).isNaN(); // isolated
        assertThat(e[5]).isNaN();
    }

    @Test
    void triangleIsFullyRedundant() {
        // In a triangle each node has p = 1/2 to both others, and each other is reachable indirectly:
        // c = 2 * (1/2 + 1/2 * 1/2)^2 = 1.125; e = 2 - 2*1/2*1 = 2 - 2 * (2 * 1)/2 / 2 = 1.
        CompactGraph g = CompactGraph.fromEdges(3, new int[] {0, 1, 2}, new int[] {1, 2, 0}, null);
        assertThat(StructuralHoles.constraint(g)).containsExactly(new double[] {1.125, 1.125, 1.125}, within(1e-15));
        assertThat(StructuralHoles.effectiveSize(g)).containsExactly(new double[] {1, 1, 1}, within(1e-15));
    }
}
