package org.mentorshipgraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mentorshipgraph.failures.ExitCodes;
import org.mentorshipgraph.failures.JobFailure;
import org.mentorshipgraph.testing.SparkTestSession;

/** Ingest with a real SparkSession and real files: each format, each rejection reason, each unusable input. */
class InteractionIngestTest {
    static final long AS_OF_END = Instant.parse("2026-11-11T00:00:00Z").toEpochMilli();
    static final long LOOKBACK_START = Instant.parse("2026-05-13T00:00:00Z").toEpochMilli();
    static final long NOW = Instant.parse("2026-11-24T00:00:00Z").toEpochMilli();

    static final String CSV = """
            timestamp,source_id,target_id,channel,duration_minutes,event_id
            2026-11-01T10:00:00Z,a,b,meeting,30,
            2026-11-02T11:00:00+01:00,b,c,Chat,,
            1793613600000,c,d,email,,
            2026-11-01T10:00:00Z,a,b,meeting,30,
            2026-11-03T10:00:00Z,,b,chat,,
            2026-11-03T10:00:00Z,a,,chat,,
            2026-11-03T10:00:00Z,a,b,,,
            yesterday,a,b,chat,,
            2026-11-03T10:00:00,a,b,chat,,
            2026-11-03T10:00:00Z,a,a,chat,,
            2030-01-01T00:00:00Z,a,b,chat,,
            2026-11-03T10:00:00Z,a,b,chat,abc,
            2026-11-03T10:00:00Z,a,b,chat,-5,
            2026-11-20T10:00:00Z,a,b,chat,,
            2026-01-01T10:00:00Z,a,b,chat,,
            2026-11-03T10:00:00Z,a,b,chat,1,e1,extra
            """;

    static Map<String, Long> reasons(InteractionContract.CheckedInteractions c) {
        return c.rejected().collectAsList().stream()
                .collect(Collectors.groupingBy(r -> r.getString(2), Collectors.counting()));
    }

    @Test
    void csvRowsAreValidOrQuarantinedWithTheirReason(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("i.csv");
        Files.writeString(f, CSV);
        SparkSession spark = SparkTestSession.get();
        InteractionReader.RawInteractions raw = InteractionReader.read(spark, f, null, null);
        InteractionContract.CheckedInteractions c =
                InteractionContract.check(spark, raw.rows(), LOOKBACK_START, AS_OF_END, NOW, false);

        assertThat(c.rowsRead()).isEqualTo(16);
        assertThat(reasons(c))
                .containsOnlyKeys(
                        "missing source_id",
                        "missing target_id",
                        "missing channel",
                        "unparseable timestamp 'yesterday' (expected ISO-8601 with Z or offset, or epoch milliseconds)",
                        "timestamp '2026-11-03T10:00:00' has no time zone (add Z or an offset such as +01:00)",
                        "self-interaction (source_id = target_id)",
                        "timestamp in the future of the run",
                        "duration_minutes is not a non-negative number",
                        InteractionContract.malformedReason(InputFormat.CSV));
        assertThat(reasons(c).get("duration_minutes is not a non-negative number"))
                .isEqualTo(2);
        assertThat(c.rejectedRows()).isEqualTo(10);
        assertThat(c.afterAsOfRows()).isEqualTo(1); // 2026-11-20: after the as-of, not in the future of the wall clock
        assertThat(c.beforeLookbackRows()).isEqualTo(1); // 2026-01-01
        assertThat(c.duplicateRows()).isEqualTo(1);
        assertThat(c.validRows()).isEqualTo(3);
        Row bc = c.valid().filter("source_id = 'b'").first();
        assertThat(bc.getString(3)).isEqualTo("chat"); // channel lower-cased
        assertThat(bc.getLong(0))
                .isEqualTo(Instant.parse("2026-11-02T10:00:00Z").toEpochMilli()); // offset applied
        // the rejected record keeps the original fields so the row can be fixed and replayed
        Row selfRow = c.rejected().collectAsList().stream()
                .filter(r -> r.getString(2).startsWith("self"))
                .findFirst()
                .orElseThrow();
        assertThat(selfRow.getString(3)).contains("\"source_id\":\"a\"").contains("\"target_id\":\"a\"");
        assertThat(selfRow.getString(1)).endsWith("i.csv");
    }

    @Test
    void jsonLinesWithNumbersAndABrokenLine(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("i.jsonl");
        Files.writeString(f, """
                {"timestamp": 1793613600000, "source_id": "a", "target_id": "b", "channel": "call", "duration_minutes": 15}
                {"timestamp": "2026-11-02T10:00:00Z", "source_id": "b", "target_id": "c", "channel": "chat"}
                {"timestamp": "2026-11-02T10:00:00Z", "source_id": "b",
                {"timestamp": "2026-11-02T10:00:00Z", "source_id": "c", "target_id": "c", "channel": "chat"}
                """);
        SparkSession spark = SparkTestSession.get();
        InteractionReader.RawInteractions raw = InteractionReader.read(spark, f, null, null);
        assertThat(raw.format()).isEqualTo(InputFormat.JSON_LINES);
        InteractionContract.CheckedInteractions c =
                InteractionContract.check(spark, raw.rows(), LOOKBACK_START, AS_OF_END, NOW, false);
        assertThat(c.validRows()).isEqualTo(2);
        assertThat(reasons(c))
                .containsOnlyKeys(
                        InteractionContract.malformedReason(InputFormat.CSV),
                        "self-interaction (source_id = target_id)");
    }

    @Test
    void parquetWithATimestampColumnAndDayPartitionsReadOnlyAsFarAsNeeded(@TempDir Path dir) {
        SparkSession spark = SparkTestSession.get();
        for (String day : List.of("2026-11-01", "2026-11-02", "2026-11-03")) {
            spark.sql("SELECT timestamp'" + day
                            + " 10:00:00' AS timestamp, 'a' AS source_id, 'b' AS target_id, 'chat' AS channel")
                    .write()
                    .parquet(dir.resolve("date=" + day).toString());
        }
        InteractionReader.RawInteractions raw =
                InteractionReader.read(spark, dir, LocalDate.parse("2026-11-02"), LocalDate.parse("2026-11-03"));
        assertThat(raw.partitioned()).isTrue();
        assertThat(raw.partitionsRead()).isEqualTo(2);
        assertThat(raw.partitionsTotal()).isEqualTo(3);
        InteractionContract.CheckedInteractions c =
                InteractionContract.check(spark, raw.rows(), LOOKBACK_START, AS_OF_END, NOW, true);
        assertThat(c.validRows()).isEqualTo(2);
        assertThat(c.valid().orderBy("ts_ms").first().getLong(0))
                .isEqualTo(Instant.parse("2026-11-02T10:00:00Z").toEpochMilli());
    }

    @Test
    void inAPartitionedInputATimeAfterTheAsOfIsInTheFutureOfTheRun(@TempDir Path dir) throws Exception {
        Path day = Files.createDirectories(dir.resolve("date=2026-11-10"));
        Files.writeString(
                day.resolve("part.csv"),
                "timestamp,source_id,target_id,channel\n2026-11-10T10:00:00Z,a,b,chat\n2026-12-25T10:00:00Z,a,b,chat\n");
        SparkSession spark = SparkTestSession.get();
        InteractionReader.RawInteractions raw = InteractionReader.read(spark, dir, null, LocalDate.parse("2026-11-10"));
        InteractionContract.CheckedInteractions c =
                InteractionContract.check(spark, raw.rows(), LOOKBACK_START, AS_OF_END, NOW, raw.partitioned());
        assertThat(reasons(c)).containsExactly(Map.entry("timestamp in the future of the run", 1L));
    }

    @Test
    void unusableInputsAreOneLineErrorsWithExitCode3(@TempDir Path dir) throws Exception {
        SparkSession spark = SparkTestSession.get();
        assertThatThrownBy(() -> InteractionReader.read(spark, dir.resolve("nope.csv"), null, null))
                .isInstanceOf(JobFailure.class)
                .hasMessageContaining("not found")
                .satisfies(e -> assertThat(((JobFailure) e).exitCode()).isEqualTo(ExitCodes.INPUT));
        assertThatThrownBy(
                        () -> InteractionReader.read(spark, Files.createDirectories(dir.resolve("empty")), null, null))
                .isInstanceOf(JobFailure.class)
                .hasMessageContaining("holds no data files");
        Path noCols = dir.resolve("cols.csv");
        Files.writeString(noCols, "when,who,whom\n2026-11-01T10:00:00Z,a,b\n");
        assertThatThrownBy(() -> InteractionReader.read(spark, noCols, null, null))
                .isInstanceOf(JobFailure.class)
                .hasMessageContaining("lacks required column(s) [timestamp, source_id, target_id, channel]");
        Path txt = dir.resolve("i.txt");
        Files.writeString(txt, "x");
        assertThatThrownBy(() -> InteractionReader.read(spark, txt, null, null))
                .isInstanceOf(JobFailure.class)
                .hasMessageContaining("cannot tell the format");
        Path mixed = Files.createDirectories(dir.resolve("mixed"));
        Files.writeString(mixed.resolve("a.csv"), CSV);
        Files.writeString(mixed.resolve("b.jsonl"), "{}");
        assertThatThrownBy(() -> InteractionReader.read(spark, mixed, null, null))
                .isInstanceOf(JobFailure.class)
                .hasMessageContaining("mixes formats");
    }
}
