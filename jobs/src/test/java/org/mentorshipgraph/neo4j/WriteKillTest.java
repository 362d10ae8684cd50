package org.mentorshipgraph.neo4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.mentorshipgraph.testing.GraphSnapshot;
import org.mentorshipgraph.testing.Neo4jTestServer;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;
import org.neo4j.driver.Session;

/**
 * A writer process killed with SIGKILL in the middle of writing ties (no shutdown hook, no rollback by the client: the
 * server rolls back what was in flight), then the same run written again: the graph is exactly that of one clean write.
 */
class WriteKillTest {
    static final Path ROOT =
            Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
    static final String RUN = "2026-04-01";
    static final int PEOPLE = 1500, TEAMS = 75, TIES = 12_000, BATCH = 200, PARALLELISM = 2;
    static final long SEED = 11;

    @Test
    void aWriterKilledMidwayAndRunAgainLeavesTheGraphOfOneCleanWrite() throws Exception {
        Neo4jTestServer neo4j = Neo4jTestServer.get();
        neo4j.clearData();
        GraphWriter.Options options = new GraphWriter.Options("neo4j", BATCH, PARALLELISM, 90, WriteObserver.NONE);
        GraphWriter.RunGraph graph = SyntheticRunGraph.generate(RUN, PEOPLE, TEAMS, TIES, SEED, 0);

        try (Driver driver =
                GraphDatabase.driver(neo4j.boltUri(), AuthTokens.basic(neo4j.username(), neo4j.password()))) {
            int committed = killWriterAfterTieBatches(neo4j, 8);
            assertThat(committed).isGreaterThanOrEqualTo(8);
            try (Session s = driver.session()) {
                long ties = s.run("MATCH ()-[t:TIE]->() RETURN count(t) AS n")
                        .single()
                        .get("n")
                        .asLong();
                assertThat(ties).as("some but not all ties were written").isBetween((long) BATCH * 8, (long) TIES - 1);
                assertThat(s.run("MATCH (r:Run {run_id: $r}) RETURN r.outcome AS o", java.util.Map.of("r", RUN))
                                .single()
                                .get("o")
                                .asString())
                        .isEqualTo("writing");
            }
            new GraphWriter(driver, options).write(graph);
            List<String> afterKill = GraphSnapshot.of(driver);

            neo4j.clearData();
            new GraphWriter(driver, options).write(graph);
            assertThat(afterKill).isEqualTo(GraphSnapshot.of(driver));
            assertThat(afterKill.stream().filter(l -> l.startsWith("rel TIE")).count())
                    .isEqualTo(TIES);
        }
    }

    /** Runs {@link Writer} in its own JVM and kills it (SIGKILL) once it has committed {@code batches} tie batches. */
    static int killWriterAfterTieBatches(Neo4jTestServer neo4j, int batches) throws Exception {
        String classpath = String.join(
                File.pathSeparator,
                ROOT.resolve("jobs/target/test-classes").toString(),
                ROOT.resolve("jobs/target/classes").toString(),
                Files.readString(ROOT.resolve("jobs/target/job-classpath.txt")).strip());
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-cp",
                classpath,
                Writer.class.getName(),
                neo4j.boltUri()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("NEO4J_USERNAME", neo4j.username());
        pb.environment().put("NEO4J_PASSWORD", neo4j.password());
        Process p = pb.start();
        int seen = 0;
        StringBuilder output = new StringBuilder();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                output.append(line).append('\n');
                if (line.startsWith("committed ties-new") && ++seen >= batches) {
                    p.destroyForcibly(); // SIGKILL
                    break;
                }
            }
        } finally {
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(seen).as("the writer's output:\n" + output).isGreaterThanOrEqualTo(batches);
        return seen;
    }

    /**
     * The process that is killed: writes the test's run graph ({@link #RUN}, {@link #PEOPLE}, ...) with the test's
     * options to the Bolt URI given as its argument, printing {@code committed <step> lane <lane> rows <rows>} after
     * each committed batch. Credentials from {@code NEO4J_USERNAME} / {@code NEO4J_PASSWORD}.
     */
    static final class Writer {
        public static void main(String[] args) {
            WriteObserver progress = new WriteObserver() {
                @Override
                public synchronized void batchCommitted(String step, int lane, int rows) {
                    System.out.println("committed " + step + " lane " + lane + " rows " + rows);
                    System.out.flush();
                }
            };
            try (Driver driver = GraphDatabase.driver(
                    args[0],
                    AuthTokens.basic(System.getenv("NEO4J_USERNAME"), System.getenv("NEO4J_PASSWORD")),
                    Config.builder().withLogging(Logging.none()).build())) {
                new GraphWriter(driver, new GraphWriter.Options("neo4j", BATCH, PARALLELISM, 90, progress))
                        .write(SyntheticRunGraph.generate(RUN, PEOPLE, TEAMS, TIES, SEED, 0));
            }
        }
    }
}
