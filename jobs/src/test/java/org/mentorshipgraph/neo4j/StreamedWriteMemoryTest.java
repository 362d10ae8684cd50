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
 * The memory check: 200,000 ties, written twice (a first night, then a next night that updates them), streamed from a
 * generated {@link RowSource} in a JVM of its own with a 256 MB heap. With the rows in lists (what the job did before)
 * the same JVM runs out of memory; streamed, the writer holds at most {@code rowsHeldAtMost()} rows.
 */
class StreamedWriteMemoryTest {
    static final Path ROOT =
            Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
    static final int PEOPLE = 25_000, TEAMS = 1_250, PER_PERSON = 8;

    @Test
    void twoHundredThousandTiesAreWrittenTwiceInA256MegabyteHeap() throws Exception {
        Neo4jTestServer neo4j = Neo4jTestServer.get();
        neo4j.clearData();
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
                            "-Xmx256m",
                            "-XX:+UseSerialGC",
                            "-XX:+ExitOnOutOfMemoryError",
                            "-cp",
                            classpath,
                            StreamedOrg.class.getName(),
                            neo4j.boltUri(),
                            "" + PEOPLE,
                            "" + TEAMS,
                            "" + PER_PERSON))
                    .redirectErrorStream(true)
                    .redirectOutput(out.toFile());
            pb.environment().put("NEO4J_USERNAME", neo4j.username());
            pb.environment().put("NEO4J_PASSWORD", neo4j.password());
            Process p = pb.start();
            boolean done = p.waitFor(10, TimeUnit.MINUTES);
            if (!done) p.destroyForcibly();
            String log = Files.readString(out, StandardCharsets.UTF_8);
            System.out.println("streamed write, -Xmx256m:\n" + log);
            assertThat(done).as(log).isTrue();
            assertThat(p.exitValue()).as(log).isZero();
            assertThat(log).contains("night 1: 25000 people, 200000 ties").contains("night 2: 25000 people, ");
        } catch (AssertionError | RuntimeException e) {
            emptyQuietly(neo4j);
            throw e;
        } finally {
            Files.deleteIfExists(out);
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

    /** The 200,000 ties are too big for the other tests' {@code clearData}: they go here, in batches. */
    static void emptyQuietly(Neo4jTestServer neo4j) {
        try (Driver driver =
                GraphDatabase.driver(neo4j.boltUri(), AuthTokens.basic(neo4j.username(), neo4j.password()))) {
            StreamedOrg.empty(driver);
        } catch (RuntimeException e) {
            System.err.println("could not empty the test database: " + e);
        }
    }
}
