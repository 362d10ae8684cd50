package org.mentorshipgraph.neo4j;

import org.mentorshipgraph.job.StepLog;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a run's graph with batched {@code UNWIND … MERGE} statements in managed transactions (retried by the
 * driver on transient errors). Every statement is keyed on a unique property and sets whole property maps, so
 * writing the same run twice — or again after a run died halfway — leaves the graph of one clean run.
 */
public final class GraphWriter {
    private final Driver driver;
    private final String database;
    private final int batchSize;

    public GraphWriter(Driver driver, String database, int batchSize) {
        this.driver = driver;
        this.database = database;
        this.batchSize = Math.max(1, batchSize);
    }

    /** What a run writes; rows are maps of column to value (null values are left out of the node). */
    public record RunGraph(String runId, Map<String, Object> run, List<Map<String, Object>> people, List<Map<String, Object>> ties,
                           List<Map<String, Object>> mentorships, List<Map<String, Object>> teams,
                           List<Map<String, Object>> communities) {}

    public record Written(long people, long ties, long mentorships) {}

    public void createSchema() {
        try (Session s = session()) {
            for (String stmt : GraphSchema.STATEMENTS) s.executeWrite(tx -> tx.run(stmt).consume());
        }
    }

    public Written write(RunGraph g) {
        createSchema();
        String run = g.runId();
        batched("""
                UNWIND $rows AS row
                MERGE (d:Department {name: row.department})
                MERGE (t:Team {name: row.name})
                SET t.size = row.size, t.last_seen_run = $run
                MERGE (t)-[:PART_OF]->(d)""", g.teams(), run);
        batched("""
                UNWIND $rows AS row
                MERGE (p:Person {person_id: row.person_id})
                SET p += row.props, p.current = true, p.last_seen_run = $run,
                    p.hire_date = CASE WHEN row.props.hire_date IS NULL THEN null ELSE date(row.props.hire_date) END
                WITH p, row
                OPTIONAL MATCH (p)-[old:MEMBER_OF]->(t:Team) WHERE t.name <> row.props.team
                DELETE old
                WITH p, row
                MATCH (t:Team {name: row.props.team})
                MERGE (p)-[:MEMBER_OF]->(t)""", g.people(), run);
        try (Session s = session()) {
            s.executeWrite(tx -> tx.run("MATCH (c:Community) DETACH DELETE c").consume());
        }
        batched("""
                UNWIND $rows AS row
                MERGE (c:Community {key: row.key})
                SET c.size = row.size, c.run_id = $run""", g.communities(), run);
        batched("""
                UNWIND $rows AS row
                MATCH (p:Person {person_id: row.person_id}), (c:Community {key: row.key})
                MERGE (p)-[:IN_COMMUNITY]->(c)""",
                g.people().stream().map(p -> Map.<String, Object>of("person_id", p.get("person_id"),
                        "key", String.valueOf(((Map<?, ?>) p.get("props")).get("community")))).toList(), run);
        batched("""
                UNWIND $rows AS row
                MATCH (a:Person {person_id: row.person_a}), (b:Person {person_id: row.person_b})
                MERGE (a)-[t:TIE]->(b)
                SET t += row.props, t.current = true, t.last_seen_run = $run,
                    t.first_interaction = datetime(row.props.first_interaction),
                    t.last_interaction = datetime(row.props.last_interaction)""", g.ties(), run);
        batched("""
                UNWIND $rows AS row
                MATCH (m:Person {person_id: row.mentor_id}), (e:Person {person_id: row.mentee_id})
                MERGE (m)-[r:MENTORS]->(e)
                SET r += row.props, r.last_seen_run = $run,
                    r.started_on = CASE WHEN row.props.started_on IS NULL THEN null ELSE date(row.props.started_on) END,
                    r.ended_on = CASE WHEN row.props.ended_on IS NULL THEN null ELSE date(row.props.ended_on) END""", g.mentorships(), run);
        try (Session s = session()) {
            // what this run no longer sees is kept, marked as not current, with the run that last saw it
            s.executeWrite(tx -> tx.run("MATCH (p:Person) WHERE p.last_seen_run <> $run SET p.current = false", Map.of("run", run)).consume());
            s.executeWrite(tx -> tx.run("MATCH ()-[t:TIE]->() WHERE t.last_seen_run <> $run SET t.current = false, t.status = 'gone'", Map.of("run", run)).consume());
            s.executeWrite(tx -> tx.run("MATCH ()-[m:MENTORS]->() WHERE m.last_seen_run <> $run DELETE m", Map.of("run", run)).consume());
            s.executeWrite(tx -> tx.run("MERGE (r:Run {run_id: $run}) SET r += $props", Map.of("run", run, "props", g.run())).consume());
        }
        return new Written(g.people().size(), g.ties().size(), g.mentorships().size());
    }

    private void batched(String cypher, List<Map<String, Object>> rows, String run) {
        for (int from = 0; from < rows.size(); from += batchSize) {
            List<Map<String, Object>> batch = new ArrayList<>(rows.subList(from, Math.min(rows.size(), from + batchSize)));
            try (Session s = session()) {
                s.executeWrite(tx -> tx.run(cypher, Map.of("rows", batch, "run", run)).consume());
            }
        }
        StepLog.info("  neo4j: %,d rows: %s", rows.size(), cypher.lines().skip(1).findFirst().orElse("").trim());
    }

    private Session session() {
        return driver.session(SessionConfig.forDatabase(database));
    }
}
