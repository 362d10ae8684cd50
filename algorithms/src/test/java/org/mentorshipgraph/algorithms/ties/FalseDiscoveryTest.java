package org.mentorshipgraph.algorithms.ties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Benjamini–Hochberg q-values against scipy.stats.false_discovery_control (R's p.adjust(method = "BH")). */
class FalseDiscoveryTest {
    @Test
    void matchesScipy() {
        double[] p = {0.01, 0.04, 0.03, 0.005, 0.2, 0.04, 0.9, 0.0001, 0.5, 0.04};
        double[] expected = {
            0.03333333333333333, 0.05714285714285715, 0.05714285714285715, 0.025, 0.25,
            0.05714285714285715, 0.9, 0.001, 0.5555555555555556, 0.05714285714285715
        };
        double[] q = FalseDiscovery.qValues(p);
        for (int i = 0; i < p.length; i++) assertThat(q[i]).as("q[%d]", i).isCloseTo(expected[i], within(1e-15));
    }

    @Test
    void qIsTheWindowFormulaAndDoesNotDependOnOrder() {
        SplittableRandom rnd = new SplittableRandom(3);
        double[] p = new double[500];
        for (int i = 0; i < p.length; i++) p[i] = i % 7 == 0 ? 0.25 : Math.pow(rnd.nextDouble(), 3);
        double[] q = FalseDiscovery.qValues(p);
        // q_(i) = min_{j >= i} m p_(j) / j, written out the slow way
        double[] sorted = p.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < p.length; i++) {
            int rank = 0;
            while (sorted[rank] < p[i]) rank++;
            double min = 1.0;
            for (int j = rank; j < p.length; j++) min = Math.min(min, p.length * sorted[j] / (j + 1));
            assertThat(q[i]).isCloseTo(min, within(1e-12)).isGreaterThanOrEqualTo(p[i]);
        }
        double[] reversed = new double[p.length];
        for (int i = 0; i < p.length; i++) reversed[i] = p[p.length - 1 - i];
        double[] qr = FalseDiscovery.qValues(reversed);
        for (int i = 0; i < p.length; i++) assertThat(qr[p.length - 1 - i]).isEqualTo(q[i]);
    }

    @Test
    void theStepUpCallsWhatBonferroniCallsAndMore() {
        double[] p = {1e-6, 0.002, 0.004, 0.02, 0.3, 0.7, 0.9, 0.95, 0.5, 0.6};
        double[] q = FalseDiscovery.qValues(p);
        long bh = Arrays.stream(q).filter(x -> x <= 0.1).count();
        long bonferroni = Arrays.stream(p).filter(x -> x * p.length <= 0.1).count();
        assertThat(bonferroni).isEqualTo(3);
        assertThat(bh).isEqualTo(4);
        assertThat(FalseDiscovery.qValues(new double[0])).isEmpty();
        assertThat(FalseDiscovery.qValues(new double[] {Double.NaN, 0.01})).containsExactly(1.0, 0.02);
    }

    @Test
    void expectedFalseAlarmsIsMTimesTheLargestCalledPCappedByTheList() {
        assertThat(FalseDiscovery.expectedFalseAlarms(10_000, 40, 0.0003)).isCloseTo(3.0, within(1e-12));
        assertThat(FalseDiscovery.expectedFalseAlarms(10, 2, 0.5)).isEqualTo(2.0);
        assertThat(FalseDiscovery.expectedFalseAlarms(10, 0, Double.NaN)).isZero();
    }

    /**
     * Tarone's rule by hand: m(k) = #{pMin ≤ 0.1/k} is 4, 4, 4 for k = 1, 2, 3 and 3 for k = 4 (0.025), so K = 4;
     * NaN is ignored; a family that fits at once keeps the level.
     */
    @Test
    void taronesThresholdIsFdrOverTheSmallestKWithAtMostKTestsBelowIt() {
        double[] pMin = {1e-4, 1e-3, 0.02, 0.03, 0.2, 0.5, Double.NaN};
        assertThat(FalseDiscovery.taroneThreshold(pMin, 0.1)).isEqualTo(0.1 / 4);
        assertThat(FalseDiscovery.taroneThreshold(new double[] {0.01}, 0.1)).isEqualTo(0.1);
        assertThat(FalseDiscovery.taroneThreshold(new double[] {0.5, 0.9}, 0.1)).isEqualTo(0.1);
        assertThat(FalseDiscovery.taroneThreshold(new double[0], 0.1)).isEqualTo(0.1);
    }
}
