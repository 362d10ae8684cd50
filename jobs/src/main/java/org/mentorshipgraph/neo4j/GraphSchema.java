package org.mentorshipgraph.neo4j;

import java.util.List;

/**
 * Constraints and indexes the job creates when missing (documented in docs/graph-model.md).
 * Uniqueness constraints are also the indexes every MERGE of the writer relies on; the composite
 * {@code (current, last_seen_run)} indexes let the writer find what a run no longer sees, and what has expired,
 * without scanning everything.
 */
public final class GraphSchema {
    private GraphSchema() {}

    public static final List<String> STATEMENTS = List.of(
            "CREATE CONSTRAINT person_id IF NOT EXISTS FOR (p:Person) REQUIRE p.person_id IS UNIQUE",
            "CREATE CONSTRAINT team_name IF NOT EXISTS FOR (t:Team) REQUIRE t.name IS UNIQUE",
            "CREATE CONSTRAINT department_name IF NOT EXISTS FOR (d:Department) REQUIRE d.name IS UNIQUE",
            "CREATE CONSTRAINT community_key IF NOT EXISTS FOR (c:Community) REQUIRE c.key IS UNIQUE",
            "CREATE CONSTRAINT run_id IF NOT EXISTS FOR (r:Run) REQUIRE r.run_id IS UNIQUE",
            "CREATE CONSTRAINT skill_name IF NOT EXISTS FOR (s:Skill) REQUIRE s.name IS UNIQUE",
            "CREATE INDEX person_connector_score IF NOT EXISTS FOR (p:Person) ON (p.connector_score)",
            "CREATE INDEX person_team IF NOT EXISTS FOR (p:Person) ON (p.team)",
            "DROP INDEX person_current IF EXISTS",
            "CREATE INDEX person_current_seen IF NOT EXISTS FOR (p:Person) ON (p.current, p.last_seen_run)",
            "CREATE INDEX team_current_seen IF NOT EXISTS FOR (t:Team) ON (t.current, t.last_seen_run)",
            "CREATE INDEX department_current_seen IF NOT EXISTS FOR (d:Department) ON (d.current, d.last_seen_run)",
            "CREATE INDEX tie_current_seen IF NOT EXISTS FOR ()-[t:TIE]-() ON (t.current, t.last_seen_run)",
            "CREATE INDEX tie_status IF NOT EXISTS FOR ()-[t:TIE]-() ON (t.status)",
            "CREATE INDEX tie_priority IF NOT EXISTS FOR ()-[t:TIE]-() ON (t.priority)",
            "CREATE INDEX mentors_current_seen IF NOT EXISTS FOR ()-[m:MENTORS]-() ON (m.current, m.last_seen_run)",
            "CREATE INDEX mentors_status IF NOT EXISTS FOR ()-[m:MENTORS]-() ON (m.status)");
}
