package org.mentorshipgraph.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CsvWriterTest {
    /** {@code %.6g} with the zeros after the decimal point removed (only those: 468460 stays 468460). */
    static String formatter(double d) {
        return String.format(Locale.ROOT, "%.6g", d)
                .replaceAll("\\.0*(e|$)", "$1")
                .replaceAll("(\\.\\d*?)0+(e|$)", "$1$2");
    }

    @Test
    void sixDigitsWritesWhatTheFormatterWrote() {
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < 300_000; i++) {
            double d = switch (i % 5) {
                case 0 -> r.nextDouble();
                case 1 -> r.nextDouble() * Math.pow(10, r.nextInt(-8, 9));
                case 2 -> -r.nextDouble() * 1000;
                case 3 -> Math.round(r.nextDouble() * 1e7) / 1e7 + 5e-8; // halfway cases after rounding
                default -> r.nextInt(1, 1000) / 8.0 + 1e-9;
            };
            assertThat(CsvWriter.sixDigits(d)).as("%s", d).isEqualTo(formatter(d));
        }
        for (double d : new double[] {0.25, 0.1234565, 99999.95, 999999.5, 1e-5, 1.5e-5, 0.0001, 123456.7, 0.5}) {
            assertThat(CsvWriter.sixDigits(d)).as("%s", d).isEqualTo(formatter(d));
        }
        assertThat(CsvWriter.format(468459.97)).isEqualTo("468460"); // the old regular expression wrote 46846
        assertThat(CsvWriter.format(0.25)).isEqualTo("0.25");
        assertThat(CsvWriter.format(3.0)).isEqualTo("3");
        assertThat(CsvWriter.format("a,b")).isEqualTo("\"a,b\"");
    }
}
