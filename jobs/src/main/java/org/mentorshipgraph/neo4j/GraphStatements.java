package org.mentorshipgraph.neo4j;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * The Cypher the writer runs, in one place (the model is documented in docs/graph-model.md).
 *
 * <p>Every statement takes {@code $run} (the run id, an ISO date, so string order is time order), {@code $latest}
 * (no newer run is in the graph) and {@code $cut} (the oldest run id still retained, {@code ""} while fewer than
 * {@code neo4j.history-runs} runs exist). An entity's current properties are replaced only by a run at least as new as
 * the one that last saw it ({@code newest}), so writing an older run again (a backfill) adds its history entries without
 * making old values look current.
 *
 * <p><b>History</b> is kept on the entity as parallel arrays, sorted by run id: {@code history_runs} and one array per
 * tracked value. Writing run R removes R's entry if present and inserts the new one in order, and drops entries older
 * than {@code $cut}; so writing a run twice replaces its entry rather than appending a second one. The two common cases
 * (append a newer run; append and drop the oldest entry) take constant work; anything else (a rewrite, a backfill) takes
 * a pass over the arrays.
 */
public final class GraphStatements {
    private GraphStatements() {}

    /** Person values with a per-run history (array {@code history_<name>}). */
    public static final List<String> PERSON_HISTORY =
            List.of("connector_score", "connector_rank", "betweenness", "degree", "strength");
    /** Tie values with a per-run history. */
    public static final List<String> TIE_HISTORY = List.of("strength", "status");
    /** Tie statuses that make a streak for {@code weakening_since}. */
    public static final List<String> FADING = List.of("weakening", "dormant");

    public static final String RUN_START = """
            MERGE (r:Run {run_id: $run})
            SET r = $props, r.run_id = $run, r.neo4j_write = 'started', r.outcome = 'writing'""";

    public static final String RUN_FINISH = """
            MATCH (r:Run {run_id: $run})
            SET r += $props, r.neo4j_write = 'complete', r.outcome = 'success'""";

    public static final String RUN_IDS = "MATCH (r:Run) RETURN r.run_id AS id ORDER BY id";

    public static final String TEAMS = """
            UNWIND $rows AS row
            MERGE (d:Department {name: row.department})
            SET d.current = CASE WHEN d.last_seen_run IS NULL OR d.last_seen_run <= $run THEN $latest ELSE d.current END,
                d.last_seen_run = CASE WHEN d.last_seen_run IS NULL OR d.last_seen_run <= $run THEN $run ELSE d.last_seen_run END
            MERGE (t:Team {name: row.name})
            WITH t, d, row, (t.last_seen_run IS NULL OR t.last_seen_run <= $run) AS newest
            SET t.size = CASE WHEN newest THEN row.size ELSE t.size END,
                t.department = CASE WHEN newest THEN row.department ELSE t.department END,
                t.current = CASE WHEN newest THEN $latest ELSE t.current END,
                t.last_seen_run = CASE WHEN newest THEN $run ELSE t.last_seen_run END
            WITH t, d, newest WHERE newest
            CALL { WITH t, d OPTIONAL MATCH (t)-[old:PART_OF]->(x:Department) WHERE x <> d DELETE old }
            MERGE (t)-[:PART_OF]->(d)""";

    /** Element ids of every team, to address them without an index lookup in the people statements. */
    public static final String TEAM_IDS = "MATCH (t:Team) RETURN t.name AS name, elementId(t) AS e";

    /** People not in the graph yet: created with every property computed by the writer ({@code GraphWriter.newPerson}). */
    public static final String PEOPLE_CREATE = """
            UNWIND $rows AS row
            MATCH (t:Team) WHERE elementId(t) = row.te
            CREATE (p:Person)
            SET p = row.props
            CREATE (p)-[:MEMBER_OF]->(t)
            RETURN count(p) AS n""";

    /** People already in the graph, by element id: current values and team (when newest), history arrays. */
    public static final String PEOPLE_UPDATE =
            """
            UNWIND $rows AS row
            MATCH (p:Person) WHERE elementId(p) = row.e
            WITH p, row, (p.last_seen_run IS NULL OR p.last_seen_run <= $run) AS newest
            SET p += CASE WHEN newest THEN row.props ELSE {} END,
                p.current = CASE WHEN newest THEN $latest ELSE p.current END,
                p.last_seen_run = CASE WHEN newest THEN $run ELSE p.last_seen_run END,
                p.first_seen_run = CASE WHEN p.first_seen_run IS NULL OR p.first_seen_run > $run THEN $run ELSE p.first_seen_run END
            """ + history("p", "row, newest", PERSON_HISTORY, "row.history.", false) + """
            WITH p, row WHERE newest
            CALL { WITH p, row OPTIONAL MATCH (p)-[old:MEMBER_OF]->(x:Team) WHERE x.name <> row.team DELETE old }
            WITH p, row
            MATCH (t:Team) WHERE elementId(t) = row.te
            MERGE (p)-[:MEMBER_OF]->(t)""";

    /** Element ids of every person, to address them without an index lookup in the people statements. */
    public static final String PERSON_IDS = "MATCH (p:Person) RETURN p.person_id AS id, elementId(p) AS e";

    /**
     * Every person's element id (to address them without an index lookup in the tie statements) and whether they have
     * a tie at all: a tie with an end that has none cannot exist yet, so it is created without looking for it.
     */
    public static final String PERSON_TIES =
            "MATCH (p:Person) RETURN p.person_id AS id, elementId(p) AS e, EXISTS { (p)-[:TIE]-() } AS tied";

    /**
     * Ties that may already be in the graph (both ends have ties), found between their ends (people addressed by
     * element id): current values (when newest) and the history arrays. Returns the {@code i} of every row it found;
     * the writer creates the others with {@link #TIES_CREATE} in the same transaction.
     */
    public static final String TIES_UPDATE = """
            UNWIND $rows AS row
            MATCH (a:Person) WHERE elementId(a) = row.ea
            MATCH (b:Person) WHERE elementId(b) = row.eb
            MATCH (a)-[t:TIE]->(b)
            WITH t, row, (t.last_seen_run IS NULL OR t.last_seen_run <= $run) AS newest
            SET t += CASE WHEN newest THEN row.props ELSE {} END,
                t.current = CASE WHEN newest THEN $latest ELSE t.current END,
                t.last_seen_run = CASE WHEN newest THEN $run ELSE t.last_seen_run END,
                t.first_seen_run = CASE WHEN t.first_seen_run IS NULL OR t.first_seen_run > $run THEN $run ELSE t.first_seen_run END
            """ + history("t", "row", TIE_HISTORY, "row.props.", true) + """
            RETURN collect(row.i) AS found""";

    /**
     * Ties not in the graph yet: created with every property computed by the writer (the first history entry included,
     * see {@code GraphWriter.newTie}). The writer knows they are new because {@link #TIES_UPDATE} did not find them in
     * the same transaction, or because an end had no tie when the ties step began (and each pair comes once); there is
     * one writer per database, and lanes running together never share a person.
     */
    public static final String TIES_CREATE = """
            UNWIND $rows AS row
            MATCH (a:Person) WHERE elementId(a) = row.ea
            MATCH (b:Person) WHERE elementId(b) = row.eb
            CREATE (a)-[t:TIE]->(b)
            SET t = row.props
            RETURN count(t) AS n""";

    public static final String MENTORSHIPS = """
            UNWIND $rows AS row
            MATCH (m:Person {person_id: row.mentor})
            MATCH (e:Person {person_id: row.mentee})
            MERGE (m)-[r:MENTORS]->(e)
            WITH r, row, (r.last_seen_run IS NULL OR r.last_seen_run <= $run) AS newest
            SET r += CASE WHEN newest THEN row.props ELSE {} END,
                r.current = CASE WHEN newest THEN $latest ELSE r.current END,
                r.last_seen_run = CASE WHEN newest THEN $run ELSE r.last_seen_run END,
                r.first_seen_run = CASE WHEN r.first_seen_run IS NULL OR r.first_seen_run > $run THEN $run ELSE r.first_seen_run END""";

    /** Communities are one run's partition (their keys mean nothing across runs): the latest run replaces them. */
    public static final String COMMUNITY_LINKS_DELETE =
            "MATCH ()-[r:IN_COMMUNITY]->() WITH r LIMIT $limit DELETE r RETURN count(*) AS n";

    public static final String COMMUNITIES_DELETE =
            "MATCH (c:Community) WITH c LIMIT $limit DETACH DELETE c RETURN count(*) AS n";
    public static final String COMMUNITIES = """
            UNWIND $rows AS row
            CREATE (:Community {key: row.key, size: row.size, run_id: $run})""";
    public static final String COMMUNITY_LINKS = """
            UNWIND $rows AS row
            MATCH (p:Person) WHERE elementId(p) = row.e
            MATCH (c:Community {key: row.key})
            CREATE (p)-[:IN_COMMUNITY]->(c)
            RETURN count(*) AS n""";

    /**
     * The run's skills (the latest run only, like everything of mentoring): one node per skill name (lower-case, as the
     * mentoring step compares them), with how many people of the run have it and want to learn it.
     */
    public static final String SKILLS = """
            UNWIND $rows AS row
            MERGE (s:Skill {name: row.name})
            SET s.people_with = row.people_with, s.people_wanting = row.people_wanting, s.current = true,
                s.last_seen_run = $run""";

    /**
     * A person's skills and wishes, replaced (the links the row no longer names are deleted, the others merged), and
     * their mentoring profile: open to mentoring, capacity, places taken, teaching interactions started (null when the
     * interactions have no teaching channel). People addressed by element id; one writer (every row may link to the
     * same popular skills).
     */
    public static final String PERSON_SKILLS = """
            UNWIND $rows AS row
            MATCH (p:Person) WHERE elementId(p) = row.e
            SET p.open_to_mentor = row.open, p.mentor_capacity = row.capacity, p.mentor_places_taken = row.taken,
                p.teaching_interactions = row.teaching
            WITH p, row
            CALL { WITH p, row
                   OPTIONAL MATCH (p)-[old:HAS_SKILL]->(s:Skill) WHERE NOT s.name IN row.has
                   DELETE old }
            CALL { WITH p, row
                   OPTIONAL MATCH (p)-[old:WANTS_TO_LEARN]->(s:Skill) WHERE NOT s.name IN row.wants
                   DELETE old }
            CALL { WITH p, row
                   UNWIND row.has AS name
                   MATCH (s:Skill {name: name})
                   MERGE (p)-[:HAS_SKILL]->(s) }
            CALL { WITH p, row
                   UNWIND row.wants AS name
                   MATCH (s:Skill {name: name})
                   MERGE (p)-[:WANTS_TO_LEARN]->(s) }
            RETURN count(*) AS n""";

    /**
     * Skills the run no longer lists (nobody of the run has or wants them): not current, no holders; deleted once no
     * one links to them. In batches of $limit.
     */
    public static final List<String> SKILLS_UNSEEN = List.of("""
            MATCH (s:Skill) WHERE s.current AND s.last_seen_run < $run
            WITH s LIMIT $limit
            SET s.current = false, s.people_with = 0, s.people_wanting = 0
            RETURN count(*) AS n""", """
            MATCH (s:Skill) WHERE s.current = false AND NOT EXISTS { (s)<-[:HAS_SKILL|WANTS_TO_LEARN]-() }
            WITH s LIMIT $limit
            DELETE s
            RETURN count(*) AS n""");

    /** Mentor suggestions are one run's: the previous set goes, in batches of $limit, before the run's is created. */
    public static final String SUGGESTIONS_DELETE =
            "MATCH ()-[r:SUGGESTED_MENTOR]->() WITH r LIMIT $limit DELETE r RETURN count(*) AS n";

    /** The run's mentor suggestions, mentor → mentee, people addressed by element id. */
    public static final String SUGGESTIONS_CREATE = """
            UNWIND $rows AS row
            MATCH (m:Person) WHERE elementId(m) = row.em
            MATCH (e:Person) WHERE elementId(e) = row.ee
            CREATE (m)-[r:SUGGESTED_MENTOR]->(e)
            SET r = row.props
            RETURN count(r) AS n""";

    /** What the graph holds after the mentoring write, for the Run node (counts from the count store: no scan). */
    public static final String MENTORING_COUNTS = """
            CALL { MATCH (s:Skill) RETURN count(s) AS skills }
            CALL { MATCH ()-[r:HAS_SKILL]->() RETURN count(r) AS has_skill }
            CALL { MATCH ()-[r:WANTS_TO_LEARN]->() RETURN count(r) AS wants_to_learn }
            CALL { MATCH ()-[r:SUGGESTED_MENTOR]->() RETURN count(r) AS suggested_mentor }
            RETURN skills, has_skill, wants_to_learn, suggested_mentor""";

    /** What the latest run did not see: kept, marked not current, with the run that last saw it. In batches of $limit. */
    public static final List<String> MARK_UNSEEN = List.of(
            "MATCH (p:Person) WHERE p.current = true AND p.last_seen_run < $run WITH p LIMIT $limit SET p.current = false RETURN count(*) AS n",
            "MATCH (t:Team) WHERE t.current = true AND t.last_seen_run < $run WITH t LIMIT $limit SET t.current = false RETURN count(*) AS n",
            "MATCH (d:Department) WHERE d.current = true AND d.last_seen_run < $run WITH d LIMIT $limit SET d.current = false RETURN count(*) AS n",
            """
            MATCH ()-[t:TIE]->() WHERE t.current = true AND t.last_seen_run < $run
            WITH t LIMIT $limit
            SET t.current = false, t.status = 'gone', t.status_reason = 'not in the data since run ' + t.last_seen_run,
                t.priority = 9, t.weakening_since = null
            RETURN count(*) AS n""",
            "MATCH ()-[m:MENTORS]->() WHERE m.current = true AND m.last_seen_run < $run WITH m LIMIT $limit SET m.current = false, m.status = 'gone' RETURN count(*) AS n");

    /** What no retained run has seen: removed. In batches of $limit. */
    public static final List<String> REMOVE_EXPIRED = List.of(
            "MATCH ()-[t:TIE]->() WHERE t.current = false AND t.last_seen_run < $cut WITH t LIMIT $limit DELETE t RETURN count(*) AS n",
            "MATCH ()-[m:MENTORS]->() WHERE m.current = false AND m.last_seen_run < $cut WITH m LIMIT $limit DELETE m RETURN count(*) AS n",
            "MATCH (p:Person) WHERE p.current = false AND p.last_seen_run < $cut WITH p LIMIT $limit DETACH DELETE p RETURN count(*) AS n",
            "MATCH (t:Team) WHERE t.current = false AND t.last_seen_run < $cut WITH t LIMIT $limit DETACH DELETE t RETURN count(*) AS n",
            "MATCH (d:Department) WHERE d.current = false AND d.last_seen_run < $cut WITH d LIMIT $limit DETACH DELETE d RETURN count(*) AS n");

    /**
     * The Cypher that updates an entity's history arrays (see the class comment), continuing a statement in which
     * {@code var} is bound. With {@code streak}, also sets {@code weakening_since}: the run at which the latest unbroken
     * run of {@link #FADING} statuses in the history began (kept from before when that run reaches past the retained
     * history), null when the latest status is not fading.
     *
     * @param carry     other variables to keep in scope (comma-separated, may be empty)
     * @param values    tracked value names; the array is {@code history_<name>}, the new value {@code valuePrefix + name}
     */
    static String history(String var, String carry, List<String> values, String valuePrefix, boolean streak) {
        String keep = var + (carry.isEmpty() ? "" : ", " + carry);
        List<String> old = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) old.add("h" + i);
        StringBuilder c = new StringBuilder();
        c.append("WITH ").append(keep).append(", coalesce(").append(var).append(".history_runs, []) AS hr");
        for (int i = 0; i < values.size(); i++) {
            c.append(", coalesce(")
                    .append(var)
                    .append(".history_")
                    .append(values.get(i))
                    .append(", []) AS ")
                    .append(old.get(i));
        }
        c.append('\n');
        c.append("WITH ")
                .append(keep)
                .append(", hr, ")
                .append(String.join(", ", old))
                .append(",\n")
                .append("     CASE WHEN size(hr) = 0 OR (hr[-1] < $run AND hr[0] >= $cut) THEN 0\n")
                .append("          WHEN hr[-1] < $run AND hr[0] < $cut AND (size(hr) = 1 OR hr[1] >= $cut) THEN 1\n")
                .append("          ELSE 2 END AS mode\n");
        StringJoiner next = new StringJoiner(",\n     ", "WITH " + keep + ",\n     ", "\n");
        next.add(merged("hr", "$run", "nr"));
        for (int i = 0; i < values.size(); i++)
            next.add(merged(old.get(i), valuePrefix + values.get(i), "n_" + old.get(i)));
        c.append(next);
        StringJoiner set = new StringJoiner(", ", "SET ", "\n");
        set.add(var + ".history_runs = nr");
        for (int i = 0; i < values.size(); i++) set.add(var + ".history_" + values.get(i) + " = n_" + old.get(i));
        if (streak) {
            int status = values.indexOf("status");
            if (status < 0) throw new IllegalArgumentException("a streak needs a tracked status");
            String ns = "n_" + old.get(status);
            c.append("WITH ")
                    .append(keep)
                    .append(", nr, ")
                    .append(String.join(", ", old.stream().map(o -> "n_" + o).toList()))
                    .append(",\n")
                    .append("     CASE WHEN NOT ")
                    .append(ns)
                    .append("[-1] IN $fading THEN -1\n")
                    .append("          ELSE reduce(s = 0, i IN range(0, size(")
                    .append(ns)
                    .append(") - 1) | CASE WHEN ")
                    .append(ns)
                    .append("[i] IN $fading THEN s ELSE i + 1 END) END AS streak\n");
            set.add(var + ".weakening_since = CASE WHEN streak < 0 THEN null WHEN streak = 0 AND " + var
                    + ".weakening_since < nr[0] THEN " + var + ".weakening_since ELSE nr[streak] END");
        }
        c.append(set);
        return c.toString();
    }

    /** The new array: append, drop-oldest-and-append, or the general ordered replace-or-insert with retention. */
    private static String merged(String array, String value, String alias) {
        String all = "range(0, size(hr) - 1)";
        return "CASE mode WHEN 0 THEN " + array + " + [" + value + "] WHEN 1 THEN " + array + "[1..] + [" + value + "]"
                + " ELSE [i IN " + all + " WHERE hr[i] >= $cut AND hr[i] < $run | " + array + "[i]] + [" + value + "]"
                + " + [i IN " + all + " WHERE hr[i] > $run | " + array + "[i]] END AS " + alias;
    }
}
