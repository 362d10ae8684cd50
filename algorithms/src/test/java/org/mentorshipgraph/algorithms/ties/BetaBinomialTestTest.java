package org.mentorshipgraph.algorithms.ties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Tails against scipy.stats.betabinom 1.17 (a = p(1/ρ − 1), b = (1 − p)(1/ρ − 1)): cdf(k), sf(k − 1) and cdf(k − 1) +
 * pmf(k)/2.
 */
class BetaBinomialTestTest {
    static final double[][] REFERENCE = {
        // k, n, p, rho, lower, upper, mid-p
        {3, 40, 0.25, 0.05, 0.06583680662407586, 0.9678044431583176, 0.04901618173287911},
        {0, 12, 0.25, 0.2, 0.2, 1.0, 0.1},
        {10, 100, 0.25, 0.01, 0.0039176066689718325, 0.9980510824613739, 0.0029332621037990083},
        {5, 30, 0.3, 0.1, 0.2711450706347727, 0.80114704822618, 0.23499901120429634},
        {50, 400, 0.25, 0.002, 1.2376679360760786e-06, 0.9999992805836802, 9.785421279654294e-07},
    };

    @Test
    void matchesScipy() {
        for (double[] r : REFERENCE) {
            int k = (int) r[0], n = (int) r[1];
            assertThat(BetaBinomialTest.lowerTail(k, n, r[2], r[3]) / r[4]).isCloseTo(1.0, within(1e-9));
            assertThat(BetaBinomialTest.upperTail(k, n, r[2], r[3])).isCloseTo(r[5], within(1e-12));
            assertThat(BetaBinomialTest.lowerTailMidP(k, n, r[2], r[3]) / r[6]).isCloseTo(1.0, within(1e-9));
        }
    }

    @Test
    void rhoZeroIsTheBinomialAndDispersionWidensTheTail() {
        assertThat(BetaBinomialTest.lowerTail(3, 40, 0.25, 0)).isEqualTo(BinomialTest.lowerTail(3, 40, 0.25));
        double previous = 0;
        for (double phi : new double[] {1, 1.5, 2, 4, 8}) {
            double p = BetaBinomialTest.lowerTail(3, 40, 0.25, BetaBinomialTest.rhoForDispersion(phi, 40));
            assertThat(p).as("phi %s", phi).isGreaterThan(previous);
            previous = p;
        }
        assertThat(BetaBinomialTest.rhoForDispersion(3, 41)).isCloseTo(0.05, within(1e-15));
        assertThat(BetaBinomialTest.rhoForDispersion(3, 1)).isZero();
    }

    @Test
    void tailsAddUpToOne() {
        for (int k = 0; k <= 30; k++) {
            assertThat(BetaBinomialTest.lowerTail(k, 30, 0.3, 0.07) + BetaBinomialTest.upperTail(k + 1, 30, 0.3, 0.07))
                    .isCloseTo(1.0, within(1e-12));
        }
    }
}
