package org.mentorshipgraph.algorithms.ties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Tail probabilities against values from scipy.stats.binom (cdf and sf), and edge cases. */
class BinomialTestTest {
    @Test
    void matchesReferenceValues() {
        assertThat(BinomialTest.lowerTail(1, 11, 0.25)).isCloseTo(0.1970973014831543, within(1e-12));
        assertThat(BinomialTest.upperTail(5, 12, 0.25)).isCloseTo(0.15764367580413818, within(1e-12));
        assertThat(BinomialTest.lowerTail(30, 400, 0.25) / 9.633225934349678e-20)
                .isCloseTo(1.0, within(1e-9));
        assertThat(BinomialTest.lowerTail(0, 10, 0.25)).isCloseTo(Math.pow(0.75, 10), within(1e-15));
    }

    /** Mid-p against scipy.stats.binom: cdf(k − 1) + pmf(k)/2. */
    @Test
    void midPMatchesReferenceValues() {
        assertThat(BinomialTest.lowerTailMidP(1, 11, 0.25)).isCloseTo(0.11966621875762934, within(1e-12));
        assertThat(BinomialTest.lowerTailMidP(3, 40, 0.25)).isCloseTo(0.002855697719787946, within(1e-14));
        assertThat(BinomialTest.lowerTailMidP(0, 10, 0.25)).isCloseTo(0.02815675735473633, within(1e-15));
        assertThat(BinomialTest.lowerTailMidP(30, 400, 0.25) / 5.972024604990027e-20)
                .isCloseTo(1.0, within(1e-9));
        assertThat(BinomialTest.pmf(1, 11, 0.25)).isCloseTo(0.1548621654510497, within(1e-12));
        // mid-p sits between the exact tail and the tail below the observed count
        assertThat(BinomialTest.lowerTailMidP(3, 40, 0.25))
                .isLessThan(BinomialTest.lowerTail(3, 40, 0.25))
                .isGreaterThan(BinomialTest.lowerTail(2, 40, 0.25));
    }

    @Test
    void edgesAndComplement() {
        assertThat(BinomialTest.lowerTail(-1, 5, 0.3)).isZero();
        assertThat(BinomialTest.lowerTail(5, 5, 0.3)).isEqualTo(1.0);
        assertThat(BinomialTest.upperTail(0, 5, 0.3)).isEqualTo(1.0);
        assertThat(BinomialTest.upperTail(6, 5, 0.3)).isZero();
        for (int k = 0; k <= 40; k++) {
            assertThat(BinomialTest.lowerTail(k, 40, 0.37) + BinomialTest.upperTail(k + 1, 40, 0.37))
                    .isCloseTo(1.0, within(1e-12));
        }
        // a very large n neither underflows nor overflows
        assertThat(BinomialTest.lowerTail(25_000, 100_000, 0.25)).isBetween(0.5, 0.51);
    }
}
