package org.mentorshipgraph.neo4j;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mentorshipgraph.connectors.PersonMetrics;
import org.mentorshipgraph.files.Json;
import org.mentorshipgraph.files.Table;
import org.mentorshipgraph.ingest.Mentorship;
import org.mentorshipgraph.job.RunRecord;
import org.mentorshipgraph.ties.OrgGraph;
import org.mentorshipgraph.trends.AssessedTie;
import org.mentorshipgraph.trends.TieAssessment;

/**
 * Turns a run's tables into the parameter rows of {@link GraphWriter}. Neo4j properties are scalars or lists, never
 * maps; dates and instants are sent as driver temporal values (so Cypher converts nothing), and a missing value is
 * sent as an explicit {@code null} so that {@code SET x += row.props} removes a value an earlier run had left.
 *
 * <p>Row shapes (what the writer's Cypher reads):
 * <ul>
 *   <li>person: {@code id}, {@code team}, {@code props} (every people column but {@code person_id}),
 *       {@code history} (the values of {@link GraphStatements#PERSON_HISTORY}, never null: NaN for a missing number);</li>
 *   <li>tie: {@code a}, {@code b} (person ids, {@code a < b}), {@code props} (every ties column but the two ids);</li>
 *   <li>mentorship: {@code mentor}, {@code mentee}, {@code props};</li>
 *   <li>team: {@code name}, {@code department}, {@code size}; community: {@code key}, {@code size}.</li>
 * </ul>
 */
public final class Neo4jRows {
    private Neo4jRows() {}

    public static GraphWriter.RunGraph of(
            String runId,
            RunRecord record,
            OrgGraph org,
            PersonMetrics metrics,
            Table people,
            Table ties,
            List<Mentorship> mentorships,
            TieAssessment.Result assessed) {
        Map<String, AssessedTie> byPair = new HashMap<>();
        for (AssessedTie t : assessed.ties())
            byPair.put(t.tie().personA() + "\u0000" + t.tie().personB(), t);
        List<Map<String, Object>> mentorRows = new ArrayList<>();
        LocalDate asOf = LocalDate.parse(runId);
        for (Mentorship m : mentorships) {
            if (org.indexOf(m.mentorId()) == null || org.indexOf(m.menteeId()) == null) continue;
            String a = m.mentorId().compareTo(m.menteeId()) < 0 ? m.mentorId() : m.menteeId();
            String b = a.equals(m.mentorId()) ? m.menteeId() : m.mentorId();
            AssessedTie t = byPair.get(a + "\u0000" + b);
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("program", m.program());
            props.put("started_on", m.startedOn());
            props.put("ended_on", m.endedOn());
            props.put("active", m.activeOn(asOf));
            props.put("status", t == null ? "no_contact" : t.trend().status().label());
            props.put(
                    "status_reason",
                    t == null ? "no interaction in the look-back" : t.trend().reason());
            mentorRows.add(mentorship(m.mentorId(), m.menteeId(), props));
        }

        Map<String, Map<String, Integer>> teamDepartments = new TreeMap<>();
        Map<String, Integer> teamSize = new TreeMap<>();
        for (int i = 0; i < org.size(); i++) {
            String team = org.person(i).team();
            String dept = org.departments()[org.departmentOf()[i]];
            teamDepartments.computeIfAbsent(team, k -> new TreeMap<>()).merge(dept, 1, Integer::sum);
            teamSize.merge(team, 1, Integer::sum);
        }
        List<Map<String, Object>> teams = new ArrayList<>();
        teamDepartments.forEach((team, depts) -> {
            String dept = depts.entrySet().stream()
                    .max(Map.Entry.comparingByValue())
                    .orElseThrow()
                    .getKey();
            teams.add(Map.of("name", team, "department", dept, "size", (long) teamSize.get(team)));
        });

        Map<Integer, Integer> communitySize = new TreeMap<>();
        for (int c : metrics.community()) communitySize.merge(c, 1, Integer::sum);
        List<Map<String, Object>> communities = new ArrayList<>();
        communitySize.forEach((c, size) -> communities.add(Map.of("key", String.valueOf(c), "size", (long) size)));

        return new GraphWriter.RunGraph(
                runId, runProperties(record), peopleRows(people), tieRows(ties), mentorRows, teams, communities);
    }

    /** The run record flattened to Neo4j properties: scalars as they are, nested parts as JSON text. */
    public static Map<String, Object> runProperties(RunRecord record) {
        Map<String, Object> props = new LinkedHashMap<>();
        record.asMap().forEach((k, v) -> {
            if (v == null) return;
            if (v instanceof Map<?, ?> || v instanceof List<?>)
                props.put(k + "_json", Json.write(v).replaceAll("\\s+", " "));
            else props.put(k, v);
        });
        record.counts().forEach((k, v) -> {
            if (v instanceof Number) props.put("count_" + k, v);
        });
        record.seconds().forEach((k, v) -> props.put("seconds_" + k.replace('-', '_'), v));
        record.betweennessInfo().forEach((k, v) -> props.put("betweenness_" + k, v));
        return props;
    }

    /** People rows from a table with the columns of {@code ResultTables.people}. */
    public static List<Map<String, Object>> peopleRows(Table people) {
        int team = people.indexOf("team");
        List<Map<String, Object>> out = new ArrayList<>(people.rows().size());
        for (Object[] r : people.rows()) {
            Map<String, Object> props = people.rowMap(r);
            String id = (String) props.remove("person_id");
            props.computeIfPresent("hire_date", (k, v) -> LocalDate.parse((String) v));
            Map<String, Object> history = new LinkedHashMap<>();
            for (String h : GraphStatements.PERSON_HISTORY) {
                Object v = props.get(h);
                history.put(h, v == null ? Double.NaN : v);
            }
            Map<String, Object> row = new HashMap<>(8);
            row.put("id", id);
            row.put("team", r[team]);
            row.put("props", props);
            row.put("history", history);
            out.add(row);
        }
        return out;
    }

    /** Tie rows from a table with the columns of {@code ResultTables.ties}. */
    public static List<Map<String, Object>> tieRows(Table ties) {
        List<Map<String, Object>> out = new ArrayList<>(ties.rows().size());
        for (Object[] r : ties.rows()) {
            Map<String, Object> props = ties.rowMap(r);
            String a = (String) props.remove("person_a");
            String b = (String) props.remove("person_b");
            props.computeIfPresent("first_interaction", (k, v) -> instant((String) v));
            props.computeIfPresent("last_interaction", (k, v) -> instant((String) v));
            Map<String, Object> row = new HashMap<>(4);
            row.put("a", a);
            row.put("b", b);
            row.put("props", props);
            out.add(row);
        }
        return out;
    }

    public static Map<String, Object> mentorship(String mentor, String mentee, Map<String, Object> props) {
        Map<String, Object> row = new HashMap<>(4);
        row.put("mentor", mentor);
        row.put("mentee", mentee);
        row.put("props", props);
        return row;
    }

    private static Object instant(String iso) {
        return Instant.parse(iso).atOffset(ZoneOffset.UTC);
    }
}
