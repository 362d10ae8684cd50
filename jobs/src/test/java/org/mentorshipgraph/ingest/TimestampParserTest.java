package org.mentorshipgraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimestampParserTest {
    @Test
    void parsesInstantsWithZoneOrOffsetAndEpochMillis() {
        long z = Instant.parse("2026-11-02T09:30:00Z").toEpochMilli();
        assertThat(TimestampParser.parseMillis("2026-11-02T09:30:00Z")).isEqualTo(z);
        assertThat(TimestampParser.parseMillis("2026-11-02T10:30:00+01:00")).isEqualTo(z);
        assertThat(TimestampParser.parseMillis("2026-11-02 09:30:00Z")).isEqualTo(z);
        assertThat(TimestampParser.parseMillis("2026-11-02T09:30:00.250Z")).isEqualTo(z + 250);
        assertThat(TimestampParser.parseMillis(String.valueOf(z))).isEqualTo(z);
        // epoch seconds, told from milliseconds by magnitude (issue 16: 1794384000 was read as 1970-01-21)
        assertThat(TimestampParser.parseMillis(String.valueOf(z / 1000))).isEqualTo(z);
        assertThat(TimestampParser.parseMillis("1794384000")).isEqualTo(1_794_384_000_000L);
        assertThat(TimestampParser.parseMillis(" 2026-11-02T09:30:00Z ")).isEqualTo(z);
    }

    @Test
    void explainsWhatItRefuses() {
        assertThat(TimestampParser.problem("2026-11-02T09:30:00Z")).isNull();
        assertThat(TimestampParser.problem(null)).isEqualTo("missing timestamp");
        assertThat(TimestampParser.problem("  ")).isEqualTo("missing timestamp");
        assertThat(TimestampParser.problem("2026-11-02T09:30:00")).contains("no time zone");
        assertThat(TimestampParser.problem("yesterday")).startsWith("unparseable timestamp 'yesterday'");
        assertThat(TimestampParser.problem("2026-13-02T09:30:00Z")).startsWith("unparseable timestamp");
        assertThat(TimestampParser.problem("12345678901234567890")).contains("too large");
        assertThat(TimestampParser.parseMillis("yesterday")).isNull();
    }
}
