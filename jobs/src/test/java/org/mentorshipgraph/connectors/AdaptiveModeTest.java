package org.mentorshipgraph.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mentorshipgraph.algorithms.graph.CompactGraph;
import org.mentorshipgraph.config.BetweennessMode;
import org.mentorshipgraph.testing.SparkTestSession;

/** The job's betweenness step in adaptive mode (KADABRA on the driver), against its exact mode on Spark. */
class AdaptiveModeTest {
    private static JavaSparkContext jsc;
    private static final CompactGraph ORG = organisation(3000, 21);

    @BeforeAll
    static void spark() {
        jsc = JavaSparkContext.fromSparkContext(SparkTestSession.get().sparkContext());
    }

    @Test
    void parsesAdaptiveWithItsError() {
        BetweennessMode m = BetweennessMode.parse(" Adaptive:0.02 ");
        assertThat(m.kind()).isEqualTo(BetweennessMode.Kind.ADAPTIVE);
        assertThat(m.epsilon()).isEqualTo(0.02);
        assertThatThrownBy(() -> BetweennessMode.parse("adaptive:0")).hasMessageContaining("(0,1)");
        assertThatThrownBy(() -> BetweennessMode.parse("adaptive:x")).hasMessageContaining("bad number");
        assertThatThrownBy(() -> BetweennessMode.parse("adaptive")).hasMessageContaining("adaptive:E");
    }

    @Test
    void adaptiveScoresAreWithinEpsilonOfTheExactRun() {
        for (boolean weighted : new boolean[] {false, true}) {
            DistributedBetweenness.Result exact = DistributedBetweenness.compute(
                    jsc, ORG, BetweennessMode.parse("exact"), weighted, 0, 0.01, 0.1, 42);
            DistributedBetweenness.Result adaptive = DistributedBetweenness.compute(
                    jsc, ORG, BetweennessMode.parse("adaptive:0.02"), weighted, 0, 0.01, 0.1, 42);
            assertThat(exact.mode()).isEqualTo("exact");
            assertThat(adaptive.mode()).isEqualTo("adaptive");
            assertThat(adaptive.epsilon()).isEqualTo(0.02);
            assertThat(adaptive.delta()).isEqualTo(0.1);
            assertThat(adaptive.sources()).isZero();
            assertThat(adaptive.vertexDiameterBound()).isGreaterThanOrEqualTo(3);
            assertThat(adaptive.samples()).isPositive().isLessThanOrEqualTo(adaptive.sampleBound());
            assertThat(adaptive.stoppedEarly()).isTrue();
            double worst = 0;
            for (int v = 0; v < ORG.nodeCount(); v++) {
                worst = Math.max(worst, Math.abs(adaptive.scores()[v] - exact.scores()[v]));
            }
            assertThat(worst).as("weighted=" + weighted).isLessThan(0.02);
            // the same seed, the same scores
            DistributedBetweenness.Result again = DistributedBetweenness.compute(
                    jsc, ORG, BetweennessMode.parse("adaptive:0.02"), weighted, 0, 0.01, 0.1, 42);
            assertThat(again.scores()).isEqualTo(adaptive.scores());
        }
    }

    @Test
    void autoIsExactWhileTheWorkFitsAndAdaptiveAbove() {
        double work = (double) ORG.nodeCount() * ORG.edgeCount();
        DistributedBetweenness.Result fits =
                DistributedBetweenness.compute(jsc, ORG, BetweennessMode.parse("auto"), false, work, 0.03, 0.1, 1);
        DistributedBetweenness.Result above =
                DistributedBetweenness.compute(jsc, ORG, BetweennessMode.parse("auto"), false, work - 1, 0.03, 0.1, 1);
        assertThat(fits.mode()).isEqualTo("exact");
        assertThat(fits.sources()).isEqualTo(ORG.nodeCount());
        assertThat(above.mode()).isEqualTo("adaptive");
        assertThat(above.epsilon()).isEqualTo(0.03); // auto uses the configured centrality.epsilon
        assertThat(above.samples()).isPositive();
    }

    /**
     * 3,000 people in teams of 10 (ties inside a team with probability 0.6, strengths 2-10), each team's first
     * member tied to the first member of team i/4 (a reporting tree), and 3,000 weak cross-team ties at random.
     */
    static CompactGraph organisation(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] a = new int[n * 10];
        int[] b = new int[a.length];
        double[] w = new double[a.length];
        int m = 0;
        for (int team = 0; team * 10 < n; team++) {
            int first = team * 10;
            for (int i = first; i < Math.min(n, first + 10); i++) {
                for (int j = i + 1; j < Math.min(n, first + 10); j++) {
                    if (j == i + 1 || random.nextDouble() < 0.6) { // a path keeps the team connected
                        a[m] = i;
                        b[m] = j;
                        w[m++] = 2 + 8 * random.nextDouble();
                    }
                }
            }
            if (team > 0) {
                a[m] = first;
                b[m] = team / 4 * 10;
                w[m++] = 1 + 4 * random.nextDouble();
            }
        }
        for (int k = 0; k < n; k++) {
            a[m] = random.nextInt(n);
            b[m] = random.nextInt(n);
            w[m++] = 0.2 + 2 * random.nextDouble();
        }
        return CompactGraph.fromEdges(
                n, java.util.Arrays.copyOf(a, m), java.util.Arrays.copyOf(b, m), java.util.Arrays.copyOf(w, m));
    }

    @Test
    void driverThreadsFollowTheLocalMaster() {
        // the test session is local[2]
        assertThat(DistributedBetweenness.driverThreads(jsc))
                .isEqualTo(Math.min(2, Runtime.getRuntime().availableProcessors()));
    }
}
