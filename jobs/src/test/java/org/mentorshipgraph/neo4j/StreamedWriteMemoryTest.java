package org.mentorshipgraph.neo4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.mentorshipgraph.testing.Neo4jTestServer;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;

/**
 * The memory check: 100,000 ties, written twice (a first night, then a next night that updates them), streamed from a
 * generated {@link RowSource} in a JVM of its own with a 160 MB heap; streamed, the writer holds at most
 * {@code rowsHeldAtMost()} rows. The same rows in lists (what the job did before) run the same JVM out of memory,
 * which the test checks first: a heap big enough for the lists would prove nothing. (Measured here: the lists need
 * about 230 MB; streamed, the most heap in use after a full collection was 106 MB of a 160 MB heap.)
 */
class StreamedWriteMemoryTest {
    static final Path ROOT =
            Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
    static final int PEOPLE = 12_500, TEAMS = 625, PER_PERSON = 8;
    static final String HEAP = "-Xmx160m";

    @Test
    void aHundredThousandTiesAreWrittenTwiceInA160MegabyteHeapWhereListsOfThemRunOutOfMemory() throws Exception {
        Neo4jTestServer neo4j = Neo4jTestServer.get();
        neo4j.clearData();
        try {
            Written lists = writeInOwnJvm(neo4j, "lists");
            assertThat(lists.exitCode())
                    .as(
                            "the same rows held in lists need more than the heap, or this test proves nothing:%n%s",
                            lists.log())
                    .isNotZero();
            assertThat(lists.log()).contains("OutOfMemoryError").doesNotContain("night 1:");
            neo4j.clearData();

            Written streamed = writeInOwnJvm(neo4j, "streamed");
            assertThat(streamed.exitCode()).as(streamed.log()).isZero();
            assertThat(streamed.log())
                    .contains("night 1: " + PEOPLE + " people, " + PEOPLE * PER_PERSON + " ties")
                    .contains("night 2: " + PEOPLE + " people, ");
        } catch (AssertionError | RuntimeException e) {
            emptyQuietly(neo4j);
            throw e;
        }
        try (Driver driver =
                        GraphDatabase.driver(neo4j.boltUri(), AuthTokens.basic(neo4j.username(), neo4j.password()));
                Session s = driver.session()) {
            assertThat(s.run("MATCH ()-[t:TIE]->() RETURN count(t) AS n")
                            .single()
                            .get("n")
                            .asLong())
                    .isEqualTo((long) PEOPLE * PER_PERSON);
            assertThat(s.run("MATCH (r:Run {outcome: 'success'}) RETURN count(r) AS n")
                            .single()
                            .get("n")
                            .asLong())
                    .isEqualTo(2);
        } finally {
            emptyQuietly(neo4j);
        }
    }

    record Written(int exitCode, String log) {}

    /** Runs {@link StreamedOrg#main} in a JVM with {@link #HEAP}, {@code mode} "streamed" or "lists". */
    static Written writeInOwnJvm(Neo4jTestServer neo4j, String mode) throws Exception {
        Path out = Files.createTempFile("streamed-write", ".log");
        try {
            String classpath = String.join(
                    File.pathSeparator,
                    ROOT.resolve("jobs/target/test-classes").toString(),
                    ROOT.resolve("jobs/target/classes").toString(),
                    Files.readString(ROOT.resolve("jobs/target/job-classpath.txt"))
                            .strip());
            ProcessBuilder pb = new ProcessBuilder(List.of(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            HEAP,
                            "-XX:+UseSerialGC",
                            "-XX:+ExitOnOutOfMemoryError",
                            "-cp",
                            classpath,
                            StreamedOrg.class.getName(),
                            neo4j.boltUri(),
                            "" + PEOPLE,
                            "" + TEAMS,
                            "" + PER_PERSON,
                            mode))
                    .redirectErrorStream(true)
                    .redirectOutput(out.toFile());
            pb.environment().put("NEO4J_USERNAME", neo4j.username());
            pb.environment().put("NEO4J_PASSWORD", neo4j.password());
            Process p = pb.start();
            boolean done = p.waitFor(10, TimeUnit.MINUTES);
            if (!done) p.destroyForcibly().waitFor();
            String log = Files.readString(out, StandardCharsets.UTF_8);
            System.out.println("write from " + mode + ", " + HEAP + ":\n" + log);
            assertThat(done).as("finished in 10 minutes: " + log).isTrue();
            return new Written(p.exitValue(), log);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** The 100,000 ties are too big for the other tests' {@code clearData}: they go here, in batches. */
    static void emptyQuietly(Neo4jTestServer neo4j) {
        try (Driver driver =
                GraphDatabase.driver(neo4j.boltUri(), AuthTokens.basic(neo4j.username(), neo4j.password()))) {
            StreamedOrg.empty(driver);
        } catch (RuntimeException e) {
            System.err.println("could not empty the test database: " + e);
        }
    }
}
