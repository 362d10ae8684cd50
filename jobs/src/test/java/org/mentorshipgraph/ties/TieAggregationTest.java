package org.mentorshipgraph.ties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.mentorshipgraph.testing.SparkTestSession;

/** Tie strength and counts against values computed by hand. */
class TieAggregationTest {
    static long ms(String iso) {
        return Instant.parse(iso).toEpochMilli();
    }

    @Test
    void strengthIsTheDecayedWeightedSumAndGroupEventsCountOneOverNMinusOne() {
        SparkSession spark = SparkTestSession.get();
        Dataset<Row> valid = spark.sql("""
                SELECT * FROM VALUES
                  (%d, 'a', 'b', 'meeting', CAST(NULL AS DOUBLE), CAST(NULL AS STRING)),
                  (%d, 'b', 'a', 'chat', NULL, NULL),
                  (%d, 'a', 'b', 'meeting', 60.0, 'e1'),
                  (%d, 'a', 'c', 'meeting', 60.0, 'e1'),
                  (%d, 'a', 'd', 'meeting', 60.0, 'e1'),
                  (%d, 'c', 'a', 'unknown_channel', NULL, NULL)
                AS t(ts_ms, source_id, target_id, channel, duration_minutes, event_id)
                """.formatted(
                        ms("2026-11-01T00:00:00Z"),
                        ms("2026-10-02T00:00:00Z"),
                        ms("2026-11-10T00:00:00Z"),
                        ms("2026-11-10T00:00:00Z"),
                        ms("2026-11-10T00:00:00Z"),
                        ms("2026-06-01T00:00:00Z")));
        long end = ms("2026-11-11T00:00:00Z");
        TieAggregation.Windows w = new TieAggregation.Windows(
                end, end - 28 * 86_400_000L, end - 112 * 86_400_000L, end - 182 * 86_400_000L, 30);
        List<Tie> ties = Tie.collect(
                TieAggregation.ties(TieAggregation.pairs(valid, Map.of("meeting", 1.0, "chat", 0.25)), w, 1));
        Tie ab = ties.stream()
                .filter(t -> t.personA().equals("a") && t.personB().equals("b"))
                .findFirst()
                .orElseThrow();
        // meeting 10 days old, chat 40 days old at 0.25, group meeting of 4 one day old at 1/3
        double expected = Math.pow(2, -10.0 / 30) + 0.25 * Math.pow(2, -40.0 / 30) + Math.pow(2, -1.0 / 30) / 3;
        assertThat(ab.strength()).isCloseTo(expected, within(1e-12));
        assertThat(ab.interactions()).isEqualTo(3);
        assertThat(ab.channels()).isEqualTo(2);
        assertThat(ab.channelList()).isEqualTo("chat;meeting");
        assertThat(ab.recentCount()).isEqualTo(2); // 11-01 and 11-10 fall in the last 28 days
        assertThat(ab.baselineCount()).isEqualTo(1); // 10-02
        assertThat(ab.recentWeight()).isCloseTo(1 + 1.0 / 3, within(1e-12));
        assertThat(ab.baselineWeight()).isCloseTo(0.25, within(1e-12));
        assertThat(ab.reciprocity())
                .isCloseTo(1.0 / 3, within(1e-12)); // a initiated 2 (meeting + organised event), b 1
        assertThat(ab.usualGapDays()).isCloseTo(19.5, within(1e-12)); // gaps 30 and 9 days
        assertThat(ab.lastMs()).isEqualTo(ms("2026-11-10T00:00:00Z"));
        assertThat(ab.firstMs()).isEqualTo(ms("2026-10-02T00:00:00Z"));

        Tie cd = ties.stream()
                .filter(t -> t.personA().equals("c") && t.personB().equals("d"))
                .findFirst()
                .orElseThrow();
        assertThat(cd.strength()).isCloseTo(Math.pow(2, -1.0 / 30) / 3, within(1e-12));
        assertThat(cd.reciprocity()).isNaN(); // the organiser a is not in this pair
        Tie ac = ties.stream()
                .filter(t -> t.personA().equals("a") && t.personB().equals("c"))
                .findFirst()
                .orElseThrow();
        // unknown channel weighs 1; 2026-06-01 is 163 days before the end
        assertThat(ac.strength()).isCloseTo(Math.pow(2, -163.0 / 30) + Math.pow(2, -1.0 / 30) / 3, within(1e-12));
        assertThat(ties).hasSize(6); // ab, ac, ad, bc, bd, cd
    }

    @Test
    void minInteractionsDropsThinPairs() {
        SparkSession spark = SparkTestSession.get();
        Dataset<Row> valid = spark.sql(
                "SELECT * FROM VALUES (%d, 'a', 'b', 'chat', CAST(NULL AS DOUBLE), CAST(NULL AS STRING)), (%d, 'a', 'b', 'chat', NULL, NULL), (%d, 'a', 'c', 'chat', NULL, NULL) AS t(ts_ms, source_id, target_id, channel, duration_minutes, event_id)"
                        .formatted(ms("2026-11-01T00:00:00Z"), ms("2026-11-02T00:00:00Z"), ms("2026-11-01T00:00:00Z")));
        long end = ms("2026-11-11T00:00:00Z");
        TieAggregation.Windows w = new TieAggregation.Windows(
                end, end - 28 * 86_400_000L, end - 112 * 86_400_000L, end - 182 * 86_400_000L, 30);
        assertThat(Tie.collect(TieAggregation.ties(TieAggregation.pairs(valid, Map.of()), w, 2)))
                .extracting(Tie::personB)
                .containsExactly("b");
    }
}
