package org.mentorshipgraph.neo4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mentorshipgraph.config.JobConfig;
import org.mentorshipgraph.config.Setting;
import org.mentorshipgraph.failures.ExitCodes;
import org.mentorshipgraph.failures.JobFailure;
import org.mentorshipgraph.files.Json;
import org.mentorshipgraph.job.NightlyJob;
import org.mentorshipgraph.testing.Neo4jTestServer;
import org.mentorshipgraph.testing.SparkTestSession;

/** Neo4j down or refusing us: bounded retries, exit code 4 with a one-line reason, and the run's files complete. */
class Neo4jUnavailableTest {
    static final Path ROOT =
            Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
    static final Path SAMPLE = ROOT.resolve("notebooks-data/sample");

    static JobConfig config(Path out, String uri, String retrySeconds) {
        return JobConfig.load(
                null,
                Map.of(),
                Map.of(
                        Setting.INTERACTIONS,
                        SAMPLE.resolve("interactions").toString(),
                        Setting.PEOPLE,
                        SAMPLE.resolve("people.csv").toString(),
                        Setting.MENTORSHIPS,
                        SAMPLE.resolve("mentorships.csv").toString(),
                        Setting.AS_OF,
                        "2026-11-15",
                        Setting.OUT,
                        out.toString(),
                        Setting.NEO4J_URI,
                        uri,
                        Setting.NEO4J_RETRY_SECONDS,
                        retrySeconds));
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
        NightlyJob.Outcome o = new NightlyJob(
                        config(out, "bolt://127.0.0.1:" + freePort(), "3"), Map.of("NEO4J_PASSWORD", "x"))
                .run(SparkTestSession.get());
        assertThat(o.exitCode()).isEqualTo(ExitCodes.NEO4J);
        assertThat(o.message()).contains("unreachable after 3 s of retries").doesNotContain("\n");
        Path run = out.resolve("runs/2026-11-15");
        for (String f : List.of(
                "people.csv", "ties.csv", "rejected.csv", "network-health.json", "network-health.html", "run.json")) {
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

    /**
     * Neo4j goes away in the middle of the write (after the people, during the ties): the driver retries, then the run
     * ends with exit code 4 and a one-line reason, its files complete, and the graph's Run node still says the write
     * did not finish. (Running the same run again afterwards gives the graph of one clean write: WriteKillTest.)
     */
    @Test
    void neo4jLostInTheMiddleOfTheWriteEndsWithExitCode4AndCompleteFiles() throws Exception {
        Neo4jTestServer neo4j = Neo4jTestServer.get();
        neo4j.clearData();
        Path out = Files.createTempDirectory("mg-neo4j-lost");
        try (org.mentorshipgraph.testing.CuttableProxy proxy =
                new org.mentorshipgraph.testing.CuttableProxy(neo4j.boltPort(), 1_500_000)) {
            NightlyJob.Outcome o = new NightlyJob(
                            config(out, "bolt://127.0.0.1:" + proxy.port(), "3"),
                            Map.of("NEO4J_PASSWORD", neo4j.password()))
                    .run(SparkTestSession.get());
            assertThat(proxy.isCut()).as("the write sent more than the cut-off").isTrue();
            assertThat(o.exitCode()).isEqualTo(ExitCodes.NEO4J);
            assertThat(o.message())
                    .startsWith("Neo4j at bolt://127.0.0.1:" + proxy.port())
                    .doesNotContain("\n");
            Path run = out.resolve("runs/2026-11-15");
            for (String f : List.of("people.csv", "ties.csv", "network-health.html", "run.json"))
                assertThat(run.resolve(f)).isNotEmptyFile();
            JsonNode runJson = Json.MAPPER.readTree(run.resolve("run.json").toFile());
            assertThat(runJson.get("outcome").asText()).isEqualTo("failed");
            assertThat(runJson.get("message").asText()).contains("files of this run are complete");
        }
        try (org.neo4j.driver.Driver d = org.neo4j.driver.GraphDatabase.driver(
                        neo4j.boltUri(), org.neo4j.driver.AuthTokens.basic(neo4j.username(), neo4j.password()));
                org.neo4j.driver.Session s = d.session()) {
            var r = s.run("MATCH (r:Run {run_id: '2026-11-15'}) RETURN r.outcome AS outcome, r.neo4j_write AS write")
                    .single();
            assertThat(r.get("outcome").asString()).isEqualTo("writing");
            assertThat(r.get("write").asString()).isEqualTo("started");
            long people = s.run("MATCH (p:Person) RETURN count(p) AS n")
                    .single()
                    .get("n")
                    .asLong();
            assertThat(people).as("the people were written before the cut").isPositive();
        } finally {
            neo4j.clearData();
        }
    }

    @Test
    void wrongCredentialsAreExitCode4AtOnce() {
        Neo4jTestServer neo4j = Neo4jTestServer.get();
        JobConfig config = config(Path.of("unused"), neo4j.boltUri(), "30");
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> Neo4jConnection.open(config, Map.of("NEO4J_PASSWORD", "not-the-password"))
                        .close())
                .isInstanceOfSatisfying(JobFailure.class, f -> {
                    assertThat(f.exitCode()).isEqualTo(ExitCodes.NEO4J);
                    assertThat(f.getMessage())
                            .contains("refused the login")
                            .doesNotContain("\n")
                            .doesNotContain("not-the-password");
                });
        assertThat((System.nanoTime() - t0) / 1e9)
                .as("no retries on a refused login")
                .isLessThan(20);
    }

    @Test
    void aSecureRoutingUriToAnUnreachableHostIsExitCode4Too() {
        JobConfig config = config(Path.of("unused"), "neo4j+s://127.0.0.1:1", "1");
        assertThatThrownBy(() -> Neo4jConnection.open(config, Map.of("NEO4J_PASSWORD", "x"))
                        .close())
                .isInstanceOfSatisfying(JobFailure.class, f -> {
                    assertThat(f.exitCode()).isEqualTo(ExitCodes.NEO4J);
                    assertThat(f.getMessage())
                            .startsWith("Neo4j at neo4j+s://127.0.0.1:1 is unreachable")
                            .doesNotContain("\n");
                });
    }
}
