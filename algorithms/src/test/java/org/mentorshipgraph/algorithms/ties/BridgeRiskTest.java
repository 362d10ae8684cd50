package org.mentorshipgraph.algorithms.ties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.mentorshipgraph.algorithms.graph.CompactGraph;

/**
 * Against NetworkX 2.8.8: risk(a,b) = Σ_{x∈{a,b}} constraint(G − ab)[x] − constraint(G)[x], with 1 for an endpoint
 * left isolated. Values from scripts/reference/bridge_risk.py.
 */
class BridgeRiskTest {
    static final CompactGraph G = CompactGraph.fromEdges(
            7, new int[] {0, 0, 1, 2, 3, 3, 4, 5}, new int[] {1, 2, 2, 3, 4, 5, 5, 6}, new double[] {
                2.0, 1.0, 1.5, 0.5, 2.0, 1.0, 1.0, 3.0
            });

    @Test
    void matchesNetworkX() {
        BridgeRisk r = new BridgeRisk(G);
        assertThat(r.of(2, 3)).isCloseTo(0.5744973544973546, within(1e-12));
        assertThat(r.of(3, 2)).isCloseTo(0.5744973544973546, within(1e-12));
        assertThat(r.of(0, 1)).isCloseTo(0.02891156462585054, within(1e-12));
        assertThat(r.of(5, 6)).isCloseTo(0.7419047619047616, within(1e-12)); // 6 is left alone
        assertThat(r.of(3, 4)).isCloseTo(0.10113378684807284, within(1e-12));
        assertThat(r.of(0, 6)).isZero(); // no such tie
    }

    @Test
    void theBridgeBetweenTwoClustersRisksMoreThanATieInsideOne() {
        BridgeRisk r = new BridgeRisk(G);
        assertThat(r.of(2, 3)).isGreaterThan(r.of(0, 1)).isGreaterThan(0);
    }
}
