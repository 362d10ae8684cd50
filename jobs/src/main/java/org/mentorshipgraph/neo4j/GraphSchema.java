package org.mentorshipgraph.neo4j;

import java.util.List;

/**
 * Constraints and indexes the job creates when missing (documented in docs/graph-model.md).
 * Uniqueness constraints are also the indexes every MERGE of the writer relies on.
 */
public final class GraphSchema {
    private GraphSchema() {}

    public static final List<String> STATEMENTS = List.of(
            "CREATE CONSTRAINT person_id IF NOT EXISTS FOR (p:Person) REQUIRE p.person_id IS UNIQUE",
            "CREATE CONSTRAINT team_name IF NOT EXISTS FOR (t:Team) REQUIRE t.name IS UNIQUE",
            "CREATE CONSTRAINT department_name IF NOT EXISTS FOR (d:Department) REQUIRE d.name IS UNIQUE",
            "CREATE CONSTRAINT community_key IF NOT EXISTS FOR (c:Community) REQUIRE c.key IS UNIQUE",
            "CREATE CONSTRAINT run_id IF NOT EXISTS FOR (r:Run) REQUIRE r.run_id IS UNIQUE",
            "CREATE INDEX person_connector_score IF NOT EXISTS FOR (p:Person) ON (p.connector_score)",
            "CREATE INDEX person_team IF NOT EXISTS FOR (p:Person) ON (p.team)",
            "CREATE INDEX person_current IF NOT EXISTS FOR (p:Person) ON (p.current)",
            "CREATE INDEX tie_status IF NOT EXISTS FOR ()-[t:TIE]-() ON (t.status)",
            "CREATE INDEX tie_priority IF NOT EXISTS FOR ()-[t:TIE]-() ON (t.priority)",
            "CREATE INDEX mentors_status IF NOT EXISTS FOR ()-[m:MENTORS]-() ON (m.status)"
    );
}
