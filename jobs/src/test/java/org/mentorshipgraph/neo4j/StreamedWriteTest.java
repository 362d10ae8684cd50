package org.mentorshipgraph.neo4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mentorshipgraph.testing.GraphSnapshot;
import org.mentorshipgraph.testing.Neo4jTestServer;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;

/**
 * The write as a stream, against a real Neo4j: sources read once, never more than {@link
 * GraphWriter.Options#rowsHeldAtMost()} rows pulled ahead of what is committed, and the same graph as a write of the
 * same rows from lists; new and returning ties decided per batch.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StreamedWriteTest {
    static final String D1 = "2026-06-01", D2 = "2026-06-02";

    Neo4jTestServer neo4j;
    Driver driver;

    @BeforeAll
    void start() {
        neo4j = Neo4jTestServer.get();
        driver = GraphDatabase.driver(neo4j.boltUri(), AuthTokens.basic(neo4j.username(), neo4j.password()));
    }

    @AfterAll
    void stop() {
        if (driver != null) {
            StreamedOrg.empty(driver); // leaves the shared test database small enough for the others' clearData
            driver.close();
        }
    }

    @BeforeEach
    void empty() {
        neo4j.clearData();
    }

    /** Counts the rows a source hands out and the rows committed, and the most handed out but not yet committed. */
    static final class Ahead implements WriteObserver {
        final String prefix;
        final AtomicLong handedOut = new AtomicLong();
        final AtomicLong committed = new AtomicLong();
        final AtomicLong most = new AtomicLong();

        Ahead(String prefix) {
            this.prefix = prefix;
        }

        RowSource watch(RowSource source) {
            return StreamedOrg.counted(
                    source, handedOut, () -> most.accumulateAndGet(handedOut.get() - committed.get(), Math::max));
        }

        @Override
        public void batchCommitted(String step, int lane, int rows) {
            if (step.startsWith(prefix)) committed.addAndGet(rows);
        }
    }

    static WriteObserver both(WriteObserver a, WriteObserver b) {
        return new WriteObserver() {
            @Override
            public void batchCommitted(String step, int lane, int rows) {
                a.batchCommitted(step, lane, rows);
                b.batchCommitted(step, lane, rows);
            }
        };
    }

    @Test
    void theWriterHoldsABoundedNumberOfRowsAndWritesWhatItWritesFromLists() {
        StreamedOrg org = new StreamedOrg(2_500, 125, 10, 3);
        assertThat(org.ties()).isEqualTo(25_000);
        GraphWriter.Options base = new GraphWriter.Options("neo4j", 250, 2, 90, WriteObserver.NONE);
        assertThat(base.rowsHeldAtMost()).isEqualTo(2 * (2 * 2 * 2) * 250);

        // the first night streamed, then the same rows from lists: the same graph
        writeCountingRows(org, D1, 0, base);
        List<String> streamed = GraphSnapshot.of(driver);
        neo4j.clearData();
        new GraphWriter(driver, base)
                .write(org.graph(
                        D1,
                        RowSource.of(StreamedOrg.all(org.people(D1, 0))),
                        RowSource.of(StreamedOrg.all(org.ties(D1, 0)))));
        assertThat(GraphSnapshot.of(driver)).isEqualTo(streamed);

        // the next night streamed on top: every tie looked for and updated, as bounded
        long night2 = writeCountingRows(org, D2, 1, base);
        assertThat(count("MATCH ()-[t:TIE {current: true}]->() RETURN count(t)"))
                .isEqualTo(night2);
        assertThat(count(
                        "MATCH ()-[t:TIE]->() WHERE t.history_runs = [$d1, $d2] RETURN count(t)",
                        Map.of("d1", D1, "d2", D2)))
                .as("the next night's ties were updated, not created again")
                .isEqualTo(night2);
        assertThat(count("MATCH ()-[t:TIE {current: false, status: 'gone'}]->() RETURN count(t)"))
                .isEqualTo(25_000 - night2)
                .isPositive();
    }

    /** Writes a night streamed, checks the sources were read once and how far ahead of the commits; returns its ties. */
    long writeCountingRows(StreamedOrg org, String run, int variant, GraphWriter.Options options) {
        Ahead people = new Ahead("people-"), ties = new Ahead("ties-");
        GraphWriter.RunGraph g =
                org.graph(run, people.watch(org.people(run, variant)), ties.watch(org.ties(run, variant)));
        GraphWriter.Written w = new GraphWriter(driver, options.withObserver(both(people, ties))).write(g);

        long expectedTies = StreamedOrg.all(org.ties(run, variant)).size();
        assertThat(w.ties()).isEqualTo(expectedTies);
        assertThat(ties.handedOut).as("the ties are read once").hasValue(expectedTies);
        assertThat(ties.committed).hasValue(expectedTies);
        assertThat(people.handedOut).as("the people are read once").hasValue(2_500);
        assertThat(ties.most.get())
                .as("%s: ties pulled ahead of those committed", run)
                .isPositive()
                .isLessThanOrEqualTo(options.rowsHeldAtMost());
        assertThat(people.most.get()).isPositive().isLessThanOrEqualTo(options.rowsHeldAtMost());
        return expectedTies;
    }

    @Test
    void aNewPersonsTiesAreCreatedAndReturningTiesUpdatedInTheSameBatch() {
        GraphWriter w = new GraphWriter(driver, new GraphWriter.Options("neo4j", 50, 2, 90, WriteObserver.NONE));
        w.write(new TinyOrg(D1)
                .person("A", "T1", 10)
                .person("B", "T1", 20)
                .person("C", "T2", 30)
                .tie("A", "B", 2.0, "stable")
                .graph());
        // D2: A-B returns, E is new (tied to A and C), C had no tie before
        GraphWriter.Written second = w.write(new TinyOrg(D2)
                .person("A", "T1", 11)
                .person("B", "T1", 21)
                .person("C", "T2", 31)
                .person("E", "T2", 5)
                .tie("A", "B", 3.0, "strengthening")
                .tie("A", "E", 1.0, "new")
                .tie("C", "E", 1.5, "new")
                .graph());
        assertThat(second.ties()).isEqualTo(3);
        assertThat(tie("A", "B"))
                .containsEntry("history_runs", List.of(D1, D2))
                .containsEntry("first_seen_run", D1)
                .containsEntry("strength", 3.0);
        assertThat(tie("A", "E")).containsEntry("history_runs", List.of(D2)).containsEntry("first_seen_run", D2);
        assertThat(tie("C", "E")).containsEntry("history_runs", List.of(D2));
        assertThat(count("MATCH ()-[t:TIE]->() RETURN count(t)")).isEqualTo(3);
    }

    @Test
    void rowsWithoutTheTablesColumnsAreRefusedNamingWhatIsMissing() {
        GraphWriter.RunGraph g =
                new TinyOrg(D1).person("A", "T1", 10).person("B", "T1", 20).graph();
        List<Map<String, Object>> people = StreamedOrg.all(g.people());
        people.replaceAll(p -> {
            Map<String, Object> q = new HashMap<>(p);
            q.remove("community");
            q.put("team_name", q.get("team"));
            return q;
        });
        GraphWriter.RunGraph bad = new GraphWriter.RunGraph(
                g.runId(), g.run(), RowSource.of(people), g.ties(), g.mentorships(), g.teams(), g.communities());
        assertThatThrownBy(
                        () -> new GraphWriter(driver, new GraphWriter.Options("neo4j", 10, 1, 90, WriteObserver.NONE))
                                .write(bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("missing [community]")
                .hasMessageContaining("unexpected [team_name]");
        assertThat(count("MATCH (p:Person) RETURN count(p)")).isZero();
    }

    Map<String, Object> tie(String a, String b) {
        try (Session s = driver.session()) {
            return s.run(
                            "MATCH (:Person {person_id: $a})-[t:TIE]-(:Person {person_id: $b}) RETURN properties(t) AS p",
                            Map.of("a", a, "b", b))
                    .single()
                    .get("p")
                    .asMap();
        }
    }

    long count(String cypher) {
        return count(cypher, Map.of());
    }

    long count(String cypher, Map<String, Object> params) {
        try (Session s = driver.session()) {
            return s.run(cypher, params).single().get(0).asLong();
        }
    }
}
