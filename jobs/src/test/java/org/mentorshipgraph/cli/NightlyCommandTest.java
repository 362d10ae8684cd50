package org.mentorshipgraph.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mentorshipgraph.failures.ExitCodes;

/** The command line's contract with schedulers: exit codes and one-line messages, checked before Spark starts. */
class NightlyCommandTest {
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private PrintStream oldErr, oldOut;

    @BeforeEach
    void capture() {
        oldErr = System.err;
        oldOut = System.out;
        System.setErr(new PrintStream(err, true));
        System.setOut(new PrintStream(out, true));
    }

    @AfterEach
    void restore() {
        System.setErr(oldErr);
        System.setOut(oldOut);
    }

    int run(Map<String, String> env, String... args) {
        return NightlyCommand.execute(args, env);
    }

    @Test
    void helpDocumentsOptionsKeysFormatsAndExitCodes() {
        assertThat(run(Map.of(), "--help")).isEqualTo(0);
        assertThat(out.toString())
                .contains(
                        "--interactions",
                        "--as-of",
                        "--no-neo4j",
                        "--neo4j-uri",
                        "ties.half-life-days",
                        "trends.recent-window-days",
                        "epoch ms",
                        "3  input missing",
                        "4  Neo4j unreachable");
    }

    @Test
    void unknownOptionIsUsageError() {
        assertThat(run(Map.of(), "--frobnicate")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("Unknown option").contains("--help");
    }

    @Test
    void badValuesAreUsageErrorsInOneLine() {
        assertThat(run(Map.of(), "--as-of", "yesterday", "--no-neo4j")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString().strip()).isEqualTo("error: run.as-of must be a date YYYY-MM-DD, got 'yesterday'");
        err.reset();
        assertThat(run(Map.of(), "--betweenness", "fast")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("expected exact, auto, sample:K or epsilon:E");
        err.reset();
        assertThat(run(Map.of("MG_TIES_HALF_LIFE_DAYS", "-3"), "--no-neo4j")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("ties.half-life-days must be a positive number");
        err.reset();
        assertThat(run(Map.of(), "--set", "no.such.key=1")).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void missingInputIsExitCode3WithoutAStackTrace(@TempDir Path dir) {
        assertThat(run(Map.of(), "--interactions", dir.resolve("missing").toString(), "--no-neo4j"))
                .isEqualTo(ExitCodes.INPUT);
        assertThat(err.toString()).startsWith("error: interactions not found:").doesNotContain("\tat ");
    }

    @Test
    void configFileAndEnvironmentLayerUnderTheCommandLine(@TempDir Path dir) throws Exception {
        Path cfg = dir.resolve("job.properties");
        Files.writeString(cfg, "ties.half-life-days=10\ntrends.recent-window-days=14\n");
        assertThat(run(
                        Map.of("MG_TRENDS_RECENT_WINDOW_DAYS", "21", "NEO4J_PASSWORD", "s3cret"),
                        "--config",
                        cfg.toString(),
                        "--half-life-days",
                        "12",
                        "--print-config"))
                .isEqualTo(0);
        String printed = out.toString();
        assertThat(printed).containsPattern("ties.half-life-days\\s+= 12\\s+\\(command line\\)");
        assertThat(printed)
                .containsPattern("trends.recent-window-days\\s+= 21\\s+\\(env MG_TRENDS_RECENT_WINDOW_DAYS\\)");
        assertThat(printed).doesNotContain("s3cret");
    }
}
