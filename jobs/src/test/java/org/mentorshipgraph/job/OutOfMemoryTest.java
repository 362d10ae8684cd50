package org.mentorshipgraph.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mentorshipgraph.failures.ExitCodes;

/**
 * A run whose driver heap is far too small (a directory of 1.5 million people, a 256 MB heap) ends with exit code 6
 * and one line naming the step, the heap and how to give more, instead of thrashing in full collections; nothing is
 * published. Runs the real command in a child JVM, as scripts/nightly would.
 */
class OutOfMemoryTest {
    static final Path ROOT =
            Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();

    @Test
    void tooSmallAHeapEndsTheRunWithOneLineAndExitCode6(@TempDir Path dir) throws Exception {
        Path people = dir.resolve("people.csv");
        try (BufferedWriter w = Files.newBufferedWriter(people, StandardCharsets.UTF_8)) {
            w.write("person_id,display_name,team,department\n");
            for (int i = 0; i < 1_500_000; i++) {
                w.write("person-" + i + ",Name Number " + i + ",team-" + (i % 5000) + ",dept-" + (i % 50) + "\n");
            }
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of(Files.readString(ROOT.resolve("jobs/target/launcher/jvm-options.txt"))
                .trim()
                .split("\\s+")));
        cmd.addAll(List.of(
                "-Xmx256m",
                "-XX:+UseParallelGC",
                "-Dspark.testing.memory=536870912", // let Spark start in a heap below its 450 MB minimum
                "-cp",
                System.getProperty("java.class.path"),
                "org.mentorshipgraph.cli.NightlyCommand",
                "--no-neo4j",
                "--as-of",
                "2026-11-15",
                "--interactions",
                ROOT.resolve("notebooks-data/sample/interactions").toString(),
                "--people",
                people.toString(),
                "--mentorships",
                "",
                "--out",
                dir.resolve("out").toString(),
                "--set",
                "spark.master=local[2]"));
        Path log = dir.resolve("run.log");
        Process p = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        long t0 = System.nanoTime();
        boolean ended = p.waitFor(240, TimeUnit.SECONDS);
        if (!ended) p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        String out = Files.readString(log);
        assertThat(ended).as("the run ended by itself; its log:\n" + tail(out)).isTrue();
        assertThat(p.exitValue()).as(tail(out)).isEqualTo(ExitCodes.OUT_OF_MEMORY);
        List<String> errors = out.lines().filter(l -> l.startsWith("error:")).toList();
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0))
                .matches("error: out of memory in step '(ingest|ties|connectors|tie-status|files|report)'.*")
                .contains("heap of", "MG_DRIVER_MEMORY=", "--driver-memory");
        assertThat(dir.resolve("out/runs/2026-11-15")).doesNotExist();
        System.out.printf(
                "out of memory detected and the JVM ended %.0f s after start%n", (System.nanoTime() - t0) / 1e9);
    }

    static String tail(String s) {
        return s.length() > 4000 ? s.substring(s.length() - 4000) : s;
    }
}
