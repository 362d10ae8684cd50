package org.mentorshipgraph.neo4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
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
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;

/**
 * The mentoring part of the write (Skill, HAS_SKILL, WANTS_TO_LEARN, SUGGESTED_MENTOR, the people's mentoring
 * profile) against a real Neo4j, on hand-made nights: written twice it is the graph of one write; the next run replaces
 * a person's skills and wishes and the whole suggestion set; an older run or a run without mentoring leaves it as it
 * is; a write that dies in the middle of it and is run again leaves the graph of one clean write.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MentoringWriteTest {
    static final String D1 = "2026-04-01", D2 = "2026-04-02", D3 = "2026-04-03";

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

    GraphWriter writer(int batchSize, int parallelism, WriteObserver observer) {
        return new GraphWriter(driver, new GraphWriter.Options("neo4j", batchSize, parallelism, 90, observer));
    }

    /** A night's mentoring graph; people: id -> {has, wants}, suggestions: "mentor>mentee" in rank order per mentee. */
    static GraphWriter.MentoringGraph mentoring(
            String run, Map<String, List<List<String>>> people, List<String> suggestions, boolean teaching) {
        Map<String, long[]> counts = new TreeMap<>();
        List<Map<String, Object>> profiles = new ArrayList<>();
        people.forEach((id, hw) -> {
            for (String s : hw.get(0)) counts.computeIfAbsent(s, k -> new long[2])[0]++;
            for (String s : hw.get(1)) counts.computeIfAbsent(s, k -> new long[2])[1]++;
            profiles.add(Neo4jRows.mentoringProfile(
                    id, hw.get(0), hw.get(1), !id.equals("C"), 3, id.equals("B") ? 1 : 0, teaching ? 7L : null));
        });
        List<Map<String, Object>> skills = new ArrayList<>();
        counts.forEach((s, c) -> skills.add(Map.of("name", s, "people_with", c[0], "people_wanting", c[1])));
        List<Map<String, Object>> rows = new ArrayList<>();
        Map<String, Integer> rank = new HashMap<>();
        for (String s : suggestions) {
            String[] mm = s.split(">");
            int r = rank.merge(mm[1], 1, Integer::sum);
            Map<String, Object> row = new HashMap<>();
            for (String c : Neo4jRows.SUGGESTION_COLUMNS) row.put(c, null);
            row.put("mentee_id", mm[1]);
            row.put("mentor_id", mm[0]);
            row.put("rank", (long) r);
            row.put("score", 80.0 - r);
            row.put("skill_fit", 1.0);
            row.put("trajectory_fit", 0.0);
            row.put("reachability", 0.5);
            row.put("teaching", Double.NaN); // sent as null, as a NaN always is
            row.put("load", 1.0);
            row.put("skills_covered", "spark");
            row.put("hops", 2L);
            row.put("introducer_id", "B");
            row.put("path", mm[1] + " -4.00- B -3.00- " + mm[0]);
            row.put("places", "0 of 3 places taken");
            row.put("reason", "covers spark (" + run + ")");
            rows.add(row);
        }
        return new GraphWriter.MentoringGraph(skills, RowSource.of(profiles), RowSource.of(rows));
    }

    static Map<String, List<List<String>>> people(Object... idHasWants) {
        Map<String, List<List<String>>> out = new TreeMap<>();
        for (int i = 0; i < idHasWants.length; i += 3) {
            @SuppressWarnings("unchecked")
            List<String> has = (List<String>) idHasWants[i + 1];
            @SuppressWarnings("unchecked")
            List<String> wants = (List<String>) idHasWants[i + 2];
            out.put((String) idHasWants[i], List.of(has, wants));
        }
        return out;
    }

    static GraphWriter.RunGraph night(String day, GraphWriter.MentoringGraph m, boolean withD) {
        TinyOrg o = new TinyOrg(day);
        o.person("A", "T1", 10).person("B", "T1", 20).person("C", "T2", 30);
        if (withD) o.person("D", "T2", 5);
        o.tie("A", "B", 4.0, "stable").tie("B", "C", 3.0, "stable");
        if (withD) o.tie("C", "D", 2.0, "stable");
        GraphWriter.RunGraph g = o.graph();
        return new GraphWriter.RunGraph(
                g.runId(), g.run(), g.people(), g.ties(), g.mentorships(), g.teams(), g.communities(), m);
    }

    /** D1: A has sql and kafka and wants spark; D (only in D1) has cobol; B and C are suggested to A, B to C. */
    static GraphWriter.RunGraph first() {
        return night(
                D1,
                mentoring(
                        D1,
                        people(
                                "A",
                                List.of("sql", "kafka"),
                                List.of("spark"),
                                "B",
                                List.of("spark", "sql"),
                                List.of(),
                                "C",
                                List.of("spark"),
                                List.of("kafka"),
                                "D",
                                List.of("cobol"),
                                List.of("sql")),
                        List.of("B>A", "C>A", "B>C"),
                        true),
                true);
    }

    /** D2: A dropped kafka and wants nothing; D has left; C is suggested to A, A to B. */
    static GraphWriter.RunGraph second(String day) {
        return night(
                day,
                mentoring(
                        day,
                        people(
                                "A",
                                List.of("sql"),
                                List.of(),
                                "B",
                                List.of("spark", "sql"),
                                List.of(),
                                "C",
                                List.of("spark"),
                                List.of()),
                        List.of("C>A", "A>B"),
                        false),
                false);
    }

    List<String> lines(String cypher) {
        try (Session s = driver.session()) {
            return s.run(cypher).list(r -> r.get(0).asString());
        }
    }

    Map<String, Object> one(String cypher) {
        try (Session s = driver.session()) {
            return s.run(cypher).single().get(0).asMap();
        }
    }

    static final String LINKS = "MATCH (p:Person)-[r:HAS_SKILL|WANTS_TO_LEARN]->(s:Skill)"
            + " RETURN p.person_id + ' ' + type(r) + ' ' + s.name AS x ORDER BY x";
    static final String SUGGESTIONS = "MATCH (m:Person)-[r:SUGGESTED_MENTOR]->(e:Person)"
            + " RETURN m.person_id + '>' + e.person_id + '#' + r.rank + '@' + r.run AS x ORDER BY x";

    @Test
    void writingTheSameRunTwiceLeavesTheMentoringGraphOfOneWrite() {
        writer(1, 2, WriteObserver.NONE).write(first());
        List<String> once = GraphSnapshot.of(driver);
        assertThat(lines(LINKS))
                .containsExactly(
                        "A HAS_SKILL kafka",
                        "A HAS_SKILL sql",
                        "A WANTS_TO_LEARN spark",
                        "B HAS_SKILL spark",
                        "B HAS_SKILL sql",
                        "C HAS_SKILL spark",
                        "C WANTS_TO_LEARN kafka",
                        "D HAS_SKILL cobol",
                        "D WANTS_TO_LEARN sql");
        assertThat(lines(SUGGESTIONS)).containsExactly("B>A#1@" + D1, "B>C#1@" + D1, "C>A#2@" + D1);
        Map<String, Object> r = one("MATCH ()-[r:SUGGESTED_MENTOR]->(:Person {person_id: 'C'}) RETURN properties(r)");
        assertThat(r)
                .containsEntry("score", 79.0)
                .containsEntry("hops", 2L)
                .containsEntry("introducer_id", "B")
                .containsEntry("reason", "covers spark (" + D1 + ")")
                .containsEntry("run", D1)
                .doesNotContainKey("teaching")
                .doesNotContainKey("mentee_id");
        assertThat(one("MATCH (p:Person {person_id: 'B'}) RETURN properties(p)"))
                .containsEntry("open_to_mentor", true)
                .containsEntry("mentor_capacity", 3L)
                .containsEntry("mentor_places_taken", 1L)
                .containsEntry("teaching_interactions", 7L);
        assertThat(one("MATCH (s:Skill {name: 'sql'}) RETURN properties(s)"))
                .containsEntry("people_with", 2L)
                .containsEntry("people_wanting", 1L)
                .containsEntry("current", true);
        assertThat(one("MATCH (r:Run) RETURN properties(r)"))
                .containsEntry("mentoring_skills", 4L)
                .containsEntry("mentoring_has_skill", 6L)
                .containsEntry("mentoring_wants_to_learn", 3L)
                .containsEntry("mentoring_suggested_mentor", 3L);

        GraphWriter.Written again = writer(1, 2, WriteObserver.NONE).write(first());
        assertThat(GraphSnapshot.of(driver)).isEqualTo(once);
        assertThat(again.mentoring())
                .containsEntry("skills", 4L)
                .containsEntry("has_skill", 6L)
                .containsEntry("wants_to_learn", 3L)
                .containsEntry("suggested_mentor", 3L);
    }

    @Test
    void theNextRunReplacesSkillsWishesAndTheWholeSuggestionSet() {
        writer(2, 2, WriteObserver.NONE).write(first());
        writer(2, 2, WriteObserver.NONE).write(second(D2));
        assertThat(lines(LINKS))
                .as("A dropped kafka and spark; C no longer wants kafka; D left and keeps their links")
                .containsExactly(
                        "A HAS_SKILL sql",
                        "B HAS_SKILL spark",
                        "B HAS_SKILL sql",
                        "C HAS_SKILL spark",
                        "D HAS_SKILL cobol",
                        "D WANTS_TO_LEARN sql");
        assertThat(lines(SUGGESTIONS)).containsExactly("A>B#1@" + D2, "C>A#1@" + D2);
        assertThat(lines("MATCH (s:Skill) RETURN s.name + ' ' + s.current + ' ' + s.people_with AS x ORDER BY x"))
                .as("kafka is gone; cobol, linked by D only, who is not current, stays without holders")
                .containsExactly("cobol false 0", "spark true 2", "sql true 2");
        assertThat(one("MATCH (p:Person {person_id: 'B'}) RETURN properties(p)"))
                .as("no teaching channel in D2")
                .doesNotContainKey("teaching_interactions");
        // D's person and links go once no retained run has seen D (history of 1 run), and with them cobol
        new GraphWriter(driver, new GraphWriter.Options("neo4j", 2, 2, 1, WriteObserver.NONE)).write(second(D3));
        assertThat(lines("MATCH (s:Skill) RETURN s.name AS x ORDER BY x")).containsExactly("spark", "sql");
        assertThat(lines(SUGGESTIONS)).containsExactly("A>B#1@" + D3, "C>A#1@" + D3);
    }

    @Test
    void anOlderRunOrARunWithoutMentoringLeavesTheMentoringGraphAsItIs() {
        writer(2, 2, WriteObserver.NONE).write(second(D2));
        List<String> links = lines(LINKS), suggestions = lines(SUGGESTIONS);
        GraphWriter.Written older = writer(2, 2, WriteObserver.NONE).write(first());
        assertThat(older.latest()).isFalse();
        assertThat(older.mentoring()).isEmpty();
        assertThat(lines(LINKS)).isEqualTo(links);
        assertThat(lines(SUGGESTIONS)).isEqualTo(suggestions);

        GraphWriter.RunGraph off = second(D3);
        off = new GraphWriter.RunGraph(
                off.runId(), off.run(), off.people(), off.ties(), off.mentorships(), off.teams(), off.communities());
        assertThat(writer(2, 2, WriteObserver.NONE).write(off).mentoring()).isEmpty();
        assertThat(lines(LINKS)).isEqualTo(links);
        assertThat(lines(SUGGESTIONS)).isEqualTo(suggestions).contains("C>A#1@" + D2);
    }

    /** Throws after {@code batches} committed batches of {@code step}: the write dies as a crash would. */
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
    void aWriteThatDiesInTheMentoringStepsAndIsRunAgainLeavesTheGraphOfOneCleanWrite() {
        writer(1, 2, WriteObserver.NONE).write(first());
        writer(1, 2, WriteObserver.NONE).write(second(D2));
        List<String> clean = GraphSnapshot.of(driver);
        for (String step : List.of("person-skills", "suggestions")) {
            neo4j.clearData();
            writer(1, 2, WriteObserver.NONE).write(first());
            assertThatThrownBy(() -> writer(1, 2, new Crash(step, 1)).write(second(D2)))
                    .hasMessageContaining("simulated crash");
            writer(1, 2, WriteObserver.NONE).write(second(D2));
            assertThat(GraphSnapshot.of(driver)).as("died in " + step).isEqualTo(clean);
        }
        Record counts;
        try (Session s = driver.session()) {
            counts = s.run(GraphStatements.MENTORING_COUNTS).single();
        }
        assertThat(new TreeSet<>(counts.keys()))
                .containsExactly("has_skill", "skills", "suggested_mentor", "wants_to_learn");
        assertThat(counts.get("suggested_mentor").asLong()).isEqualTo(2);
    }
}
