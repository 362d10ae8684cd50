package org.mentorshipgraph.algorithms.centrality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AdaptiveErrorBoundTest {

    @Test
    void omegaIsRiondatoKornaropoulosAtHalfTheFailureProbability() {
        // (0.5 / 0.01^2) * (floor(log2(18)) + 1 + ln(2 / 0.1)) = 5000 * (5 + 2.9957...) = 39978.6...
        assertThat(AdaptiveErrorBound.omega(0.01, 0.1, 20)).isEqualTo(39979);
        // the same as SourceSelection's R&K size with delta / 2
        assertThat(AdaptiveErrorBound.omega(0.02, 0.1, 11)).isEqualTo(SourceSelection.sampleSizeFor(0.02, 0.05, 11));
        // VD < 3: only the confidence term
        assertThat(AdaptiveErrorBound.omega(0.1, 0.1, 2)).isEqualTo((long) Math.ceil(50 * Math.log(20)));
    }

    @Test
    void failureProbabilitiesSumToHalfDeltaAndFavourCentralNodes() {
        int n = 1000;
        int[] candidates = new int[n - 10]; // ten leaves take no share
        for (int i = 0; i < candidates.length; i++) {
            candidates[i] = i;
        }
        int[] counts = new int[n];
        SplittableRandom random = new SplittableRandom(1);
        for (int v = 0; v < candidates.length; v++) {
            counts[v] = v < 5 ? 100 + v : random.nextInt(4);
        }
        for (double delta : new double[] {0.1, 0.01}) {
            AdaptiveErrorBound bound = AdaptiveErrorBound.calibrate(candidates, counts, 400, 0.01, delta, 40_000);
            assertThat(bound.totalFailureProbability())
                    .isLessThanOrEqualTo(delta / 2)
                    .isCloseTo(delta / 2, within(delta * 1e-6));
            double[] logInv = bound.logInverseDeltas();
            // more calibration hits, a larger share of delta (a smaller ln 1/delta_v); the five central nodes
            // clearly so, the rest mostly get the floor
            for (int i = 0; i < candidates.length; i++) {
                for (int j = 0; j < candidates.length; j += 97) {
                    if (counts[i] > counts[j]) {
                        assertThat(logInv[i]).isLessThanOrEqualTo(logInv[j]);
                    }
                }
            }
            for (int i = 0; i < 4; i++) {
                assertThat(logInv[i + 1]).isLessThan(logInv[i]);
            }
            assertThat(logInv[4]).isLessThan(logInv[5] - 1);
            // nodes never hit share the floor: (delta/2 - used) / (2k) >= BALANCING * delta / (4k)
            double floor = AdaptiveErrorBound.BALANCING * delta / (4.0 * candidates.length);
            assertThat(Math.exp(-logInv[candidates.length - 1])).isGreaterThanOrEqualTo(floor * (1 - 1e-6));
        }
    }

    @Test
    void withoutCalibrationHitsTheSplitIsUniform() {
        int[] candidates = {0, 1, 2, 3};
        AdaptiveErrorBound bound = AdaptiveErrorBound.calibrate(candidates, new int[4], 100, 0.05, 0.1, 1000);
        for (double l : bound.logInverseDeltas()) {
            assertThat(l).isCloseTo(Math.log(4 * 4 / 0.1), within(1e-6));
        }
    }

    @Test
    void boundsShrinkWithSamplesAndRespectZeroAndOne() {
        double omega = 30_000;
        double l = Math.log(1 / 1e-6);
        double previousLower = Double.POSITIVE_INFINITY;
        double previousUpper = Double.POSITIVE_INFINITY;
        for (int tau = 1000; tau <= 30_000; tau += 1000) {
            double f = AdaptiveErrorBound.lowerError(0.05, l, omega, tau);
            double g = AdaptiveErrorBound.upperError(0.05, l, omega, tau);
            assertThat(f).isLessThan(previousLower).isLessThan(g); // the upper tail is the wider one
            assertThat(g).isLessThan(previousUpper);
            previousLower = f;
            previousUpper = g;
        }
        assertThat(AdaptiveErrorBound.lowerError(0, l, omega, 100)).isZero(); // b >= 0 anyway
        assertThat(AdaptiveErrorBound.upperError(1, l, omega, 100)).isZero(); // b <= 1 anyway
        // b~ = 0 after tau samples: g = 2 ln(1/delta) (omega/tau + 1/3) / tau
        assertThat(AdaptiveErrorBound.upperError(0, l, omega, 10_000))
                .isCloseTo(2 * l * (3 + 1.0 / 3) / 10_000, within(1e-15));
    }

    /**
     * The bounds hold as often as they promise: Bernoulli(b) sums over τ = ω draws, 4,000 repetitions, each
     * bound allowed to fail with probability 0.05; they are conservative, so they fail far less often.
     */
    @Test
    void boundsCoverTheTrueValueAtTheirConfidence() {
        SplittableRandom random = new SplittableRandom(5);
        double l = Math.log(1 / 0.05);
        for (double b : new double[] {0.002, 0.05, 0.3}) {
            int omega = 2000;
            int lowMisses = 0;
            int highMisses = 0;
            int runs = 4000;
            for (int run = 0; run < runs; run++) {
                int hits = 0;
                for (int i = 0; i < omega; i++) {
                    if (random.nextDouble() < b) {
                        hits++;
                    }
                }
                double est = hits / (double) omega;
                if (b < est - AdaptiveErrorBound.lowerError(est, l, omega, omega)) {
                    lowMisses++;
                }
                if (b > est + AdaptiveErrorBound.upperError(est, l, omega, omega)) {
                    highMisses++;
                }
            }
            assertThat(lowMisses / (double) runs)
                    .as("b=%s below the lower bound", b)
                    .isLessThan(0.05);
            assertThat(highMisses / (double) runs)
                    .as("b=%s above the upper bound", b)
                    .isLessThan(0.05);
        }
    }
}
