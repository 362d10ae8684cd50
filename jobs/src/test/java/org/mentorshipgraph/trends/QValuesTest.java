package org.mentorshipgraph.trends;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mentorshipgraph.algorithms.ties.FalseDiscovery;
import org.mentorshipgraph.testing.SparkTestSession;

/**
 * The distributed Benjamini–Hochberg q-values ({@link QValues}: one sort, three passes over its partitions) give the
 * values of the pure-Java reference ({@link FalseDiscovery#qValues}, itself checked against scipy), with tied
 * p-values, p = 1, NaN, across many partitions, and on an empty family.
 */
class QValuesTest {
    @Test
    void theSameQValuesAsTheReference() {
        SplittableRandom r = new SplittableRandom(7);
        double[] p = new double[5_000];
        for (int i = 0; i < p.length; i++) {
            double u = r.nextDouble();
            p[i] = i % 10 == 0
                    ? Math.pow(u, 8) // some signal
                    : i % 97 == 0 ? 1.0 : i % 131 == 0 ? Double.NaN : Math.round(u * 200) / 200.0; // many ties
        }
        double[] expected = FalseDiscovery.qValues(p);
        double[] actual = QValues.of(SparkTestSession.get(), p);
        for (int i = 0; i < p.length; i++)
            assertThat(actual[i])
                    .as("q of p[%d] = %s", i, p[i])
                    .isCloseTo(expected[i], org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void anEmptyFamilyHasNoRows() {
        assertThat(QValues.of(SparkTestSession.get(), new double[0])).isEmpty();
    }
}
