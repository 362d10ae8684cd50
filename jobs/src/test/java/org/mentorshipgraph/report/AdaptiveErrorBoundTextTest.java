package org.mentorshipgraph.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mentorshipgraph.config.JobConfig;
import org.mentorshipgraph.connectors.DistributedBetweenness;

/** What the report's methods say about an adaptive (KADABRA) betweenness run. */
class AdaptiveErrorBoundTextTest {

    @SuppressWarnings("unchecked")
    private static String errorBound(DistributedBetweenness.Result r) {
        Map<String, Object> m = NetworkHealth.methods(JobConfig.defaults(), r, Map.of(), Map.of());
        return (String) ((Map<String, Object>) m.get("betweenness")).get("error_bound");
    }

    @Test
    void statesEpsilonConfidenceSamplesAndTheBound() {
        String certified = errorBound(
                new DistributedBetweenness.Result(new double[3], "adaptive", 0, 0.01, 0.1, 11, 13_615, 34_981, true));
        assertThat(certified)
                .isEqualTo("sampled shortest paths: every score within ±0.01000 of the exact value with probability"
                        + " at least 0.900 (KADABRA, Borassi & Natale 2016; 13,615 sampled pairs of at most ω = 34,981"
                        + " for a vertex-diameter bound of 11, certified by the adaptive stopping rule)");
        String capped = errorBound(
                new DistributedBetweenness.Result(new double[3], "adaptive", 0, 0.01, 0.1, 11, 34_981, 34_981, false));
        assertThat(capped).contains("34,981 sampled pairs").endsWith("the bound is Riondato & Kornaropoulos' (2016))");
    }
}
