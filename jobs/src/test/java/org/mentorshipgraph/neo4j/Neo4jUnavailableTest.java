package org.mentorshipgraph.neo4j;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.mentorshipgraph.config.JobConfig;
import org.mentorshipgraph.config.Setting;
import org.mentorshipgraph.job.ExitCodes;
import org.mentorshipgraph.job.JobFailure;
import org.mentorshipgraph.job.NightlyJob;
import org.mentorshipgraph.output.Json;
import org.mentorshipgraph.testing.Neo4jTestServer;
import org.mentorshipgraph.testing.SparkTestSession;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Neo4j down or refusing us: bounded retries, exit code 4 with a one-line reason, and the run's files complete. */
class Neo4jUnavailableTest {
    static final Path ROOT = Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
    static final Path SAMPLE = ROOT.resolve("notebooks-data/sample");

    static JobConfig config(Path out, String uri, String retrySeconds) {
        return JobConfig.load(null, Map.of(), Map.of(
                Setting.INTERACTIONS, SAMPLE.resolve("interactions").toString(),
                Setting.PEOPLE, SAMPLE.resolve("people.csv").toString(),
                Setting.MENTORSHIPS, SAMPLE.resolve("mentorships.csv").toString(),
                Setting.AS_OF, "2026-11-15", Setting.OUT, out.toString(),
                Setting.NEO4J_URI, uri, Setting.NEO4J_RETRY_SECONDS, retrySeconds));
    }

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void neo4jDownEndsWithExitCode4AOneLineReasonAndCompleteFiles() throws Exception {
        Path out = Files.createTempDirectory("mg-neo4j-down");
        long t0 = System.nanoTime();
        NightlyJob.Outcome o = new NightlyJob(config(out, "bolt://127.0.0.1:" + freePort(), "3"), Map.of("NEO4J_PASSWORD", "x"))
                .run(SparkTestSession.get());
        assertThat(o.exitCode()).isEqualTo(ExitCodes.NEO4J);
        assertThat(o.message()).contains("unreachable after 3 s of retries").doesNotContain("\n");
        Path run = out.resolve("runs/2026-11-15");
        for (String f : List.of("people.csv", "ties.csv", "rejected.csv", "network-health.json", "network-health.html", "run.json")) {
            assertThat(run.resolve(f)).isNotEmptyFile();
        }
        assertThat(run.resolve("people.parquet")).isDirectory();
        assertThat(run.resolve("ties.parquet")).isDirectory();
        JsonNode runJson = Json.MAPPER.readTree(run.resolve("run.json").toFile());
        assertThat(runJson.get("outcome").asText()).isEqualTo("failed");
        assertThat(runJson.get("message").asText()).contains("unreachable").contains("files of this run are complete");
        assertThat(runJson.get("counts").get("ties").asInt()).isPositive();
        assertThat((System.nanoTime() - t0) / 1e9).as("retries are bounded").isLessThan(600);
    }

    @Test
    void wrongCredentialsAreExitCode4AtOnce() {
        Neo4jTestServer neo4j = Neo4jTestServer.get();
        JobConfig config = config(Path.of("unused"), neo4j.boltUri(), "30");
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> Neo4jConnection.open(config, Map.of("NEO4J_PASSWORD", "not-the-password")).close())
                .isInstanceOfSatisfying(JobFailure.class, f -> {
                    assertThat(f.exitCode()).isEqualTo(ExitCodes.NEO4J);
                    assertThat(f.getMessage()).contains("refused the login").doesNotContain("\n").doesNotContain("not-the-password");
                });
        assertThat((System.nanoTime() - t0) / 1e9).as("no retries on a refused login").isLessThan(20);
    }

    @Test
    void aSecureRoutingUriToAnUnreachableHostIsExitCode4Too() {
        JobConfig config = config(Path.of("unused"), "neo4j+s://127.0.0.1:1", "1");
        assertThatThrownBy(() -> Neo4jConnection.open(config, Map.of("NEO4J_PASSWORD", "x")).close())
                .isInstanceOfSatisfying(JobFailure.class, f -> {
                    assertThat(f.exitCode()).isEqualTo(ExitCodes.NEO4J);
                    assertThat(f.getMessage()).startsWith("Neo4j at neo4j+s://127.0.0.1:1 is unreachable").doesNotContain("\n");
                });
    }
}
