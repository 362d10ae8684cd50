package org.mentorshipgraph.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mentorshipgraph.cli.NightlyCommand;
import org.mentorshipgraph.failures.ExitCodes;
import org.mentorshipgraph.failures.JobFailure;
import org.mentorshipgraph.files.Json;

/** What the scheduler relies on: one run at a time, backfills, re-runs that give the same files, dry runs, the rejected-share ceiling. */
class OperationsTest {
    static final Path SAMPLE = SampleRunTest.SAMPLE;

    static String[] sampleArgs(Path out, String... more) {
        List<String> a = new java.util.ArrayList<>(List.of(
                "--interactions",
                SAMPLE.resolve("interactions").toString(),
                "--people",
                SAMPLE.resolve("people.csv").toString(),
                "--mentorships",
                SAMPLE.resolve("mentorships.csv").toString(),
                "--out",
                out.toString(),
                "--no-neo4j",
                "--set",
                "spark.master=local[2]"));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    @Test
    void aSecondRunIsRefusedWhileTheFirstHoldsTheLockAndACrashedHolderBlocksNothing(@TempDir Path out)
            throws Exception {
        Process holder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        LockHolderMain.class.getName(),
                        out.toString())
                .redirectErrorStream(true)
                .start();
        try {
            BufferedReader r = new BufferedReader(new InputStreamReader(holder.getInputStream()));
            String line;
            while ((line = r.readLine()) != null && !line.contains("locked")) {
                /* log lines of the holder */
            }
            assertThat(line).isEqualTo("locked");
            assertThatThrownBy(() -> RunLock.acquire(out, "second"))
                    .isInstanceOf(JobFailure.class)
                    .hasMessageContaining("another run is writing to")
                    .hasMessageContaining("pid " + holder.pid())
                    .satisfies(e -> assertThat(((JobFailure) e).exitCode()).isEqualTo(ExitCodes.LOCKED));
            assertThat(NightlyCommand.execute(sampleArgs(out), Map.of())).isEqualTo(ExitCodes.LOCKED);
        } finally {
            holder.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // kill -9: the holder never releases anything
        }
        try (RunLock lock = RunLock.acquire(out, "after the crash")) {
            assertThat(Files.readString(out.resolve(".nightly.lock"))).contains("after the crash");
        }
        assertThat(Files.readString(out.resolve(".nightly.lock"))).isEmpty();
    }

    @Test
    void backfillRunsEachDateInOrderAndARerunOfADateGivesTheSameFiles(@TempDir Path out) throws Exception {
        assertThat(NightlyCommand.execute(sampleArgs(out, "--from", "2026-11-14", "--to", "2026-11-15"), Map.of()))
                .isZero();
        Path d14 = out.resolve("runs/2026-11-14"), d15 = out.resolve("runs/2026-11-15");
        for (Path d : List.of(d14, d15)) {
            assertThat(Json.MAPPER
                            .readTree(d.resolve("run.json").toFile())
                            .get("outcome")
                            .asText())
                    .isEqualTo("success");
        }
        assertThat(Files.readString(out.resolve("runs/latest.txt")).strip()).isEqualTo("2026-11-15");
        byte[] people = Files.readAllBytes(d15.resolve("people.csv"));
        byte[] ties = Files.readAllBytes(d15.resolve("ties.csv"));
        assertThat(Files.readAllBytes(d14.resolve("ties.csv"))).isNotEqualTo(ties);

        assertThat(NightlyCommand.execute(sampleArgs(out, "--as-of", "2026-11-15"), Map.of()))
                .isZero();
        assertThat(Files.readAllBytes(d15.resolve("people.csv"))).isEqualTo(people);
        assertThat(Files.readAllBytes(d15.resolve("ties.csv"))).isEqualTo(ties);
        try (Stream<Path> s = Files.list(out.resolve("runs"))) {
            assertThat(s.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("2026-11-14", "2026-11-15", "latest.txt");
        }
    }

    @Test
    void dryRunChecksInputsAndWritesNothing(@TempDir Path dir) {
        Path out = dir.resolve("out");
        assertThat(NightlyCommand.execute(sampleArgs(out, "--dry-run"), Map.of()))
                .isZero();
        assertThat(out.resolve("runs")).doesNotExist();
    }

    @Test
    void tooMuchQuarantinedInputFailsTheRunAndKeepsThePreviousGoodOne(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        Path good = dir.resolve("good.csv"), bad = dir.resolve("bad.csv");
        Files.writeString(
                good,
                "timestamp,source_id,target_id,channel\n2026-11-01T10:00:00Z,a,b,chat\n2026-11-02T10:00:00Z,b,c,chat\n");
        Files.writeString(
                bad,
                "timestamp,source_id,target_id,channel\n2026-11-01T10:00:00Z,a,b,chat\nnot-a-time,b,c,chat\nlater,a,a,chat\n");
        String[] common = {
            "--people",
            "",
            "--mentorships",
            "",
            "--out",
            out.toString(),
            "--no-neo4j",
            "--as-of",
            "2026-11-10",
            "--set",
            "spark.master=local[2]"
        };
        assertThat(NightlyCommand.execute(concat(new String[] {"--interactions", good.toString()}, common), Map.of()))
                .isZero();
        byte[] ties = Files.readAllBytes(out.resolve("runs/2026-11-10/ties.csv"));
        assertThat(NightlyCommand.execute(concat(new String[] {"--interactions", bad.toString()}, common), Map.of()))
                .isEqualTo(ExitCodes.INPUT);
        assertThat(Files.readAllBytes(out.resolve("runs/2026-11-10/ties.csv"))).isEqualTo(ties);
        try (Stream<Path> s = Files.list(out.resolve("failed"))) {
            Path failed = s.findFirst().orElseThrow();
            JsonNode run = Json.MAPPER.readTree(failed.resolve("run.json").toFile());
            assertThat(run.get("outcome").asText()).isEqualTo("failed");
            assertThat(run.get("message").asText()).contains("66.67% of interaction rows were quarantined");
        }
    }

    static String[] concat(String[] a, String[] b) {
        return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
    }
}
