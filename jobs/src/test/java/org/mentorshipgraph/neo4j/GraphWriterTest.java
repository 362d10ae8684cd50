package org.mentorshipgraph.neo4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mentorshipgraph.failures.ExitCodes;
import org.mentorshipgraph.failures.JobFailure;
import org.mentorshipgraph.testing.GraphSnapshot;
import org.mentorshipgraph.testing.Neo4jTestServer;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;

/**
 * GraphWriter against a real Neo4j (a throwaway server): history with retention, what disappears, backfills, writing a
 * run twice, a write that dies halfway and is run again, URIs and database names.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GraphWriterTest {
    static final String D1 = "2026-03-01", D2 = "2026-03-02", D3 = "2026-03-03", D4 = "2026-03-04", D5 = "2026-03-05";

    Neo4jTestServer neo4j;
    Driver driver;

    @BeforeAll
    void start() {
        neo4j = Neo4jTestServer.get();
        driver = GraphDatabase.driver(neo4j.boltUri(), AuthTokens.basic(neo4j.username(), neo4j.password()));
    }

    @AfterAll
    void stop() {
        driver.close();
    }

    @BeforeEach
    void empty() {
        neo4j.clearData();
    }

    GraphWriter writer(int batchSize, int parallelism, int historyRuns) {
        return new GraphWriter(
                driver, new GraphWriter.Options("neo4j", batchSize, parallelism, historyRuns, WriteObserver.NONE));
    }

    /** The scripted nights of the history test: A-B fades from D2 on, A-C fades twice, B-C skips D2, D leaves after D2. */
    static GraphWriter.RunGraph night(String day) {
        TinyOrg o = new TinyOrg(day);
        int n = Integer.parseInt(day.substring(8));
        o.person("A", "T1", 10 * n).person("B", "T1", 20).person("C", "T1", 30);
        if (n <= 2) o.person("D", "T2", 5);
        o.tie(
                "A",
                "B",
                5.0 - n,
                switch (n) {
                    case 1 -> "stable";
                    case 2, 3 -> "weakening";
                    default -> "dormant";
                });
        o.tie("A", "C", 2.0 + n, n % 2 == 0 ? "weakening" : "stable");
        if (n != 2) o.tie("B", "C", 1.0 * n, n == 1 ? "new" : "stable");
        if (n <= 2) o.tie("C", "D", 0.7, "stable");
        if (n <= 4) o.mentorship("A", "C", n % 2 == 0 ? "weakening" : "stable");
        return o.graph();
    }

    Map<String, Object> tie(String a, String b) {
        try (Session s = driver.session()) {
            List<Record> r = s.run(
                            "MATCH (:Person {person_id: $a})-[t:TIE]-(:Person {person_id: $b}) RETURN properties(t) AS p",
                            Map.of("a", a, "b", b))
                    .list();
            return r.isEmpty() ? null : r.get(0).get("p").asMap();
        }
    }

    Map<String, Object> person(String id) {
        try (Session s = driver.session()) {
            List<Record> r = s.run("MATCH (p:Person {person_id: $id}) RETURN properties(p) AS p", Map.of("id", id))
                    .list();
            return r.isEmpty() ? null : r.get(0).get("p").asMap();
        }
    }

    long count(String cypher) {
        try (Session s = driver.session()) {
            return s.run(cypher).single().get(0).asLong();
        }
    }

    @Test
    void historyKeepsTheLastRunsInOrderAndTracksWhenATieStartedFading() {
        GraphWriter w = writer(2, 2, 3);
        w.write(night(D1));
        w.write(night(D2));
        assertThat(tie("A", "B"))
                .containsEntry("history_runs", List.of(D1, D2))
                .containsEntry("history_status", List.of("stable", "weakening"))
                .containsEntry("weakening_since", D2)
                .containsEntry("status", "weakening");
        assertThat(tie("A", "B").get("history_strength")).isEqualTo(List.of(4.0, 3.0));
        // B-C is not in D2's data: kept, not current, with the run that last saw it
        assertThat(tie("B", "C"))
                .containsEntry("current", false)
                .containsEntry("last_seen_run", D1)
                .containsEntry("status", "gone");

        w.write(night(D3));
        assertThat(tie("B", "C"))
                .containsEntry("current", true)
                .containsEntry("history_runs", List.of(D1, D3))
                .containsEntry("first_seen_run", D1)
                .containsEntry("status", "stable");
        assertThat(person("D")).containsEntry("current", false).containsEntry("last_seen_run", D2);
        assertThat(tie("C", "D")).containsEntry("current", false);
        assertThat(tie("A", "C")).as("not fading any more").doesNotContainKey("weakening_since");

        w.write(night(D4));
        assertThat(tie("A", "C"))
                .containsEntry("weakening_since", D4)
                .containsEntry("history_runs", List.of(D2, D3, D4))
                .containsEntry("history_status", List.of("weakening", "stable", "weakening"));
        assertThat(person("D")).as("last seen in D2, still retained").isNotNull();

        w.write(night(D5));
        Map<String, Object> ab = tie("A", "B");
        assertThat(ab)
                .containsEntry("history_runs", List.of(D3, D4, D5))
                .containsEntry("history_status", List.of("weakening", "dormant", "dormant"))
                .as("the streak began before the retained history: its start is kept")
                .containsEntry("weakening_since", D2);
        assertThat(ab.get("history_strength")).isEqualTo(List.of(2.0, 1.0, 0.0));
        assertThat(person("A"))
                .containsEntry("history_runs", List.of(D3, D4, D5))
                .containsEntry("history_connector_score", List.of(30.0, 40.0, 50.0))
                .containsEntry("connector_score", 50.0)
                .containsEntry("first_seen_run", D1);
        assertThat(person("D")).as("no retained run saw D: removed").isNull();
        assertThat(tie("C", "D")).isNull();
        assertThat(tie("B", "C")).containsEntry("history_runs", List.of(D3, D4, D5));
        try (Session s = driver.session()) {
            Record m = s.run(
                            "MATCH (:Person {person_id: 'A'})-[m:MENTORS]->(:Person {person_id: 'C'}) RETURN m.current AS c, m.last_seen_run AS l")
                    .single();
            assertThat(m.get("c").asBoolean()).isFalse();
            assertThat(m.get("l").asString()).isEqualTo(D4);
        }
        assertThat(count("MATCH (r:Run) RETURN count(r)"))
                .as("Run nodes are kept")
                .isEqualTo(5);
        assertThat(count("MATCH (r:Run {neo4j_write: 'complete', outcome: 'success'}) RETURN count(r)"))
                .isEqualTo(5);

        // writing the latest run again replaces its entries: nothing changes
        List<String> before = GraphSnapshot.of(driver);
        w.write(night(D5));
        assertThat(GraphSnapshot.of(driver)).isEqualTo(before);
    }

    @Test
    void anOlderRunWrittenAgainUpdatesItsHistoryEntryButNotTheCurrentValues() {
        GraphWriter w = writer(2, 2, 3);
        w.write(night(D3));
        w.write(night(D4));
        Map<String, Object> abBefore = tie("A", "B");
        GraphWriter.RunGraph night3 = night(D3);
        // D3 again, with a corrected strength for A-B
        List<Map<String, Object>> ties = new ArrayList<>();
        night3.ties().open().forEachRemaining(t -> {
            Map<String, Object> row = new HashMap<>(t);
            if (row.get("person_a").equals("A") && row.get("person_b").equals("B")) row.put("strength", 7.5);
            ties.add(row);
        });
        GraphWriter.RunGraph d3 = new GraphWriter.RunGraph(
                night3.runId(),
                night3.run(),
                night3.people(),
                RowSource.of(ties),
                night3.mentorships(),
                night3.teams(),
                night3.communities());
        GraphWriter.Written written = w.write(d3);
        assertThat(written.latest()).isFalse();
        Map<String, Object> ab = tie("A", "B");
        assertThat(ab.get("history_strength")).isEqualTo(List.of(7.5, 1.0));
        assertThat(ab)
                .containsEntry("strength", abBefore.get("strength"))
                .containsEntry("last_seen_run", D4)
                .containsEntry("current", true)
                .containsEntry("history_runs", List.of(D3, D4));
    }

    @Test
    void writingTheSameRunTwiceLeavesTheGraphOfOneWrite() {
        GraphWriter.RunGraph g = SyntheticRunGraph.generate(D1, 300, 15, 1500, 3, 0);
        GraphWriter.Written first = writer(100, 2, 90).write(g);
        List<String> once = GraphSnapshot.of(driver);
        GraphWriter.Written second = writer(100, 2, 90).write(g);
        assertThat(GraphSnapshot.of(driver)).isEqualTo(once);
        assertThat(first.ties()).isEqualTo(1500);
        assertThat(second.ties()).isEqualTo(1500);
        assertThat(count("MATCH ()-[t:TIE]->() RETURN count(t)")).isEqualTo(1500);
        assertThat(count("MATCH (p:Person) RETURN count(p)")).isEqualTo(300);
    }

    /** Stops a write after {@code batches} committed batches of {@code step}, the way a crash would. */
    static final class Crash implements WriteObserver {
        final String step;
        final int batches;
        final AtomicInteger seen = new AtomicInteger();

        Crash(String step, int batches) {
            this.step = step;
            this.batches = batches;
        }

        @Override
        public void batchCommitted(String s, int lane, int rows) {
            if (s.equals(step) && seen.incrementAndGet() >= batches)
                throw new IllegalStateException("simulated crash in " + s);
        }
    }

    @Test
    void aWriteThatDiesHalfwayAndIsRunAgainLeavesTheGraphOfOneCleanWrite() {
        GraphWriter.RunGraph night1 = SyntheticRunGraph.generate(D1, 600, 30, 4000, 5, 0);
        GraphWriter.RunGraph night2 = SyntheticRunGraph.generate(D2, 600, 30, 4000, 5, 1);
        GraphWriter.Options options = new GraphWriter.Options("neo4j", 150, 2, 90, WriteObserver.NONE);

        // the reference: two clean nights
        new GraphWriter(driver, options).write(night1);
        List<String> cleanFirst = GraphSnapshot.of(driver);
        new GraphWriter(driver, options).write(night2);
        List<String> cleanSecond = GraphSnapshot.of(driver);

        for (String step : List.of("people-new", "ties-new")) {
            neo4j.clearData();
            Crash crash = new Crash(step, step.startsWith("people") ? 2 : 5);
            assertThatThrownBy(() -> new GraphWriter(driver, options.withObserver(crash)).write(night1))
                    .hasMessageContaining("simulated crash");
            assertThat(count("MATCH (r:Run {run_id: '" + D1 + "'}) WHERE r.outcome = 'writing' RETURN count(r)"))
                    .as("a write that died is visible as one")
                    .isEqualTo(1);
            assertThat(GraphSnapshot.of(driver)).isNotEqualTo(cleanFirst);
            new GraphWriter(driver, options).write(night1);
            assertThat(GraphSnapshot.of(driver))
                    .as("first night, died in " + step)
                    .isEqualTo(cleanFirst);
        }
        for (String step : List.of("people-update", "ties-update")) {
            neo4j.clearData();
            new GraphWriter(driver, options).write(night1);
            Crash crash = new Crash(step, step.startsWith("people") ? 2 : 6);
            assertThatThrownBy(() -> new GraphWriter(driver, options.withObserver(crash)).write(night2))
                    .hasMessageContaining("simulated crash");
            new GraphWriter(driver, options).write(night2);
            assertThat(GraphSnapshot.of(driver))
                    .as("second night, died in " + step)
                    .isEqualTo(cleanSecond);
        }
    }

    @Test
    void newAndExistingTiesGetTheSameValuesWhicheverWayTheyAreWritten() {
        // a tie created in one piece (values computed in Java) and one written through the update statement after a
        // crash must be indistinguishable: compare a clean write with one that crashed right after the first tie batch
        GraphWriter.RunGraph g = SyntheticRunGraph.generate(D1, 200, 10, 800, 9, 0);
        GraphWriter.Options options = new GraphWriter.Options("neo4j", 400, 1, 90, WriteObserver.NONE);
        new GraphWriter(driver, options).write(g);
        List<String> clean = GraphSnapshot.of(driver);
        neo4j.clearData();
        assertThatThrownBy(() -> new GraphWriter(driver, options.withObserver(new Crash("ties-new", 1))).write(g));
        assertThat(count("MATCH ()-[t:TIE]->() RETURN count(t)")).isEqualTo(400);
        new GraphWriter(driver, options).write(g); // 400 ties updated, 400 created
        assertThat(GraphSnapshot.of(driver)).isEqualTo(clean);
    }

    @Test
    void neo4jSchemeAndDatabaseNameAreUsedAndAMissingDatabaseIsExitCode4() {
        GraphWriter.RunGraph g = night(D1);
        try (Driver routing = GraphDatabase.driver(
                "neo4j://127.0.0.1:" + neo4j.boltPort(), AuthTokens.basic(neo4j.username(), neo4j.password()))) {
            new GraphWriter(routing, new GraphWriter.Options("neo4j", 10, 2, 90, WriteObserver.NONE)).write(g);
            assertThat(count("MATCH (p:Person) RETURN count(p)")).isEqualTo(4);
            assertThatThrownBy(() -> new GraphWriter(
                                    routing,
                                    new GraphWriter.Options("nope", 10, 2, 90, WriteObserver.NONE),
                                    "Neo4j at test")
                            .write(g))
                    .isInstanceOfSatisfying(JobFailure.class, f -> {
                        assertThat(f.exitCode()).isEqualTo(ExitCodes.NEO4J);
                        assertThat(f.getMessage())
                                .contains("no database 'nope'")
                                .doesNotContain("\n");
                    });
        }
    }

    @Test
    void aRunOlderThanTheRetainedHistoryIsRefused() {
        GraphWriter w = writer(10, 1, 2);
        w.write(night(D3));
        w.write(night(D4));
        assertThatThrownBy(() -> w.write(night(D1)))
                .isInstanceOfSatisfying(
                        JobFailure.class, f -> assertThat(f.exitCode()).isEqualTo(ExitCodes.USAGE));
    }
}
