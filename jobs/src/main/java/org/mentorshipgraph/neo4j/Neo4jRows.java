package org.mentorshipgraph.neo4j;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mentorshipgraph.files.Json;
import org.mentorshipgraph.schema.Table;

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

    /** The run record flattened to Neo4j properties: scalars as they are, nested parts as JSON text. */
    public static Map<String, Object> runProperties(
            Map<String, Object> record,
            Map<String, Object> counts,
            Map<String, Double> seconds,
            Map<String, Object> betweenness) {
        Map<String, Object> props = new LinkedHashMap<>();
        record.forEach((k, v) -> {
            if (v == null) return;
            if (v instanceof Map<?, ?> || v instanceof List<?>)
                props.put(k + "_json", Json.write(v).replaceAll("\\s+", " "));
            else props.put(k, v);
        });
        counts.forEach((k, v) -> {
            if (v instanceof Number) props.put("count_" + k, v);
        });
        seconds.forEach((k, v) -> props.put("seconds_" + k.replace('-', '_'), v));
        betweenness.forEach((k, v) -> props.put("betweenness_" + k, v));
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
