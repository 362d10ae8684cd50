package org.mentorshipgraph.algorithms.centrality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.mentorshipgraph.algorithms.centrality.ReferenceGraph.assertClose;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mentorshipgraph.algorithms.graph.CompactGraph;

class ParticipationCoefficientTest {

    @ParameterizedTest
    @ValueSource(strings = {"karate", "lesmis", "florentine"})
    void equalsTheReferenceScript(String name) {
        ReferenceGraph ref = ReferenceGraph.load(name);
        assertClose(
                name + " participation",
                ParticipationCoefficient.of(ref.graph, ref.community),
                ref.column("participation"));
    }

    @Test
    void handChecked() {
        // 0 has strength 1 to group 0, 1 to group 1, 2 to group 2: 1 - (1/16 + 1/16 + 4/16) = 0.625.
        CompactGraph g = CompactGraph.fromEdges(5, new int[] {0, 0, 0}, new int[] {1, 2, 3}, new double[] {1, 1, 2});
        double[] p = ParticipationCoefficient.of(g, new int[] {0, 0, 1, 2, 0});
        assertThat(p).containsExactly(new double[] {0.625, 0, 0, 0, 0}, within(1e-15));
    }
}
