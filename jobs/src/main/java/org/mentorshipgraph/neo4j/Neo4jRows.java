package org.mentorshipgraph.neo4j;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mentorshipgraph.files.Json;
import org.mentorshipgraph.mentoring.MentoringTables;
import org.mentorshipgraph.schema.ResultTables;
import org.mentorshipgraph.schema.Table;

/**
 * Turns a run's table rows into the parameter rows of {@link GraphWriter}, one row at a time as the writer streams
 * them. Neo4j properties are scalars or lists, never maps; dates and instants are sent as driver temporal values (so
 * Cypher converts nothing), and a missing value is sent as an explicit {@code null} so that {@code SET x += row.props}
 * removes a value an earlier run had left.
 *
 * <p>Input: a map per table row, the columns of {@code ResultTables.peopleColumns()} / {@code tieColumns()} (see
 * {@link RowSource}). Output row shapes (what the writer's Cypher reads):
 * <ul>
 *   <li>person: {@code id}, {@code team}, {@code props} (every people column but {@code person_id}),
 *       {@code history} (the values of {@link GraphStatements#PERSON_HISTORY}, never null: NaN for a missing number);</li>
 *   <li>tie: {@code a}, {@code b} (person ids, {@code a < b}), {@code props} (every ties column but the two ids);</li>
 *   <li>mentorship: {@code mentor}, {@code mentee}, {@code props};</li>
 *   <li>mentoring profile: {@code id}, {@code has}, {@code wants} (lists of skill names), {@code open},
 *       {@code capacity}, {@code taken}, {@code teaching};</li>
 *   <li>mentor suggestion: {@code mentor}, {@code mentee}, {@code props} (every suggestions column but the two ids,
 *       and {@code run});</li>
 *   <li>team: {@code name}, {@code department}, {@code size}; community: {@code key}, {@code size}.</li>
 * </ul>
 */
public final class Neo4jRows {
    private Neo4jRows() {}

    /** The people table's columns, in order. */
    public static final List<String> PEOPLE_COLUMNS =
            ResultTables.peopleColumns().columnNames();
    /** People columns that hold a date (YYYY-MM-DD), sent to Neo4j as dates. */
    static final List<String> DATE_COLUMNS = List.of("hire_date", "away_from", "away_to");

    /** The ties table's columns, in order. */
    public static final List<String> TIE_COLUMNS = ResultTables.tieColumns().columnNames();

    /** The mentor suggestions table's columns, in order. */
    public static final List<String> SUGGESTION_COLUMNS = List.of(MentoringTables.SUGGESTIONS.fieldNames());

    /**
     * The run record flattened to Neo4j properties: scalars as they are, nested parts as JSON text; then
     * {@code count_<name>} for each numeric count, {@code seconds_<step>} for each step's seconds and
     * {@code betweenness_<name>} for each betweenness setting.
     *
     * @param record      what {@code run.json} holds (nulls are left out)
     * @param counts      the run's counts
     * @param seconds     seconds per step
     * @param betweenness how betweenness was computed
     */
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

    /**
     * Fails unless the row has exactly the table's columns (the writer checks the first row of each source, and the
     * column count of every row).
     */
    static void checkColumns(String table, Map<String, Object> row, List<String> expected) {
        checkColumns(table, row, expected, "ResultTables." + table + "Columns()");
    }

    /** As {@link #checkColumns(String, Map, List)}, the expected columns being those of {@code schema}. */
    static void checkColumns(String table, Map<String, Object> row, List<String> expected, String schema) {
        if (row.size() == expected.size() && row.keySet().containsAll(expected)) return;
        Set<String> missing = new LinkedHashSet<>(expected);
        missing.removeAll(row.keySet());
        Set<String> unexpected = new LinkedHashSet<>(row.keySet());
        expected.forEach(unexpected::remove);
        throw new IllegalArgumentException(table + " rows must have the columns of " + schema + "; missing " + missing
                + ", unexpected " + unexpected);
    }

    /** A person's parameter row from a people table row (see the class comment). */
    public static Map<String, Object> person(Map<String, Object> columns) {
        if (columns.size() != PEOPLE_COLUMNS.size()) checkColumns("people", columns, PEOPLE_COLUMNS);
        Object id = columns.get("person_id"), team = columns.get("team");
        if (!(id instanceof String) || !(team instanceof String))
            throw new IllegalArgumentException("a people row needs a person_id and a team: " + columns);
        Map<String, Object> props = new HashMap<>(columns.size() * 4 / 3 + 1);
        columns.forEach((k, v) -> {
            if (!k.equals("person_id")) props.put(k, scalar(v));
        });
        for (String date : DATE_COLUMNS)
            props.computeIfPresent(date, (k, v) -> v instanceof String s ? LocalDate.parse(s) : v);
        Map<String, Object> history = new LinkedHashMap<>();
        for (String h : GraphStatements.PERSON_HISTORY) {
            Object v = props.get(h);
            history.put(h, v == null ? Double.NaN : v);
        }
        Map<String, Object> row = new HashMap<>(8);
        row.put("id", id);
        row.put("team", team);
        row.put("props", props);
        row.put("history", history);
        return row;
    }

    /** A tie's parameter row from a ties table row (see the class comment). */
    public static Map<String, Object> tie(Map<String, Object> columns) {
        if (columns.size() != TIE_COLUMNS.size()) checkColumns("tie", columns, TIE_COLUMNS);
        Object a = columns.get("person_a"), b = columns.get("person_b");
        if (!(a instanceof String) || !(b instanceof String))
            throw new IllegalArgumentException("a ties row needs person_a and person_b: " + columns);
        Map<String, Object> props = new HashMap<>(columns.size() * 4 / 3 + 1);
        columns.forEach((k, v) -> {
            if (!k.equals("person_a") && !k.equals("person_b")) props.put(k, scalar(v));
        });
        props.computeIfPresent("first_interaction", (k, v) -> instant(v));
        props.computeIfPresent("last_interaction", (k, v) -> instant(v));
        Map<String, Object> row = new HashMap<>(8);
        row.put("a", a);
        row.put("b", b);
        row.put("props", props);
        return row;
    }

    /** Table rows of a {@link Table}, as a {@link RowSource} gives them (for tests and small inputs). */
    public static List<Map<String, Object>> columnRows(Table table) {
        List<Map<String, Object>> out = new ArrayList<>(table.rows().size());
        for (Object[] r : table.rows()) out.add(table.rowMap(r));
        return out;
    }

    public static Map<String, Object> mentorship(String mentor, String mentee, Map<String, Object> props) {
        Map<String, Object> row = new HashMap<>(4);
        row.put("mentor", mentor);
        row.put("mentee", mentee);
        row.put("props", props);
        return row;
    }

    /**
     * A person's mentoring profile row: the skills they have and want to learn (names of {@code Skill} nodes), whether
     * they are open to mentoring, their capacity and the places taken, and the teaching interactions they started
     * (null when the interactions have no teaching channel).
     */
    public static Map<String, Object> mentoringProfile(
            String id, List<String> has, List<String> wants, boolean open, long capacity, long taken, Long teaching) {
        Map<String, Object> row = new HashMap<>(10);
        row.put("id", id);
        row.put("has", has);
        row.put("wants", wants);
        row.put("open", open);
        row.put("capacity", capacity);
        row.put("taken", taken);
        row.put("teaching", teaching);
        return row;
    }

    /**
     * A mentor suggestion's parameter row from a suggestions table row with a mentor (the columns of
     * {@code MentoringTables.SUGGESTIONS}); {@code run} goes into its properties.
     */
    public static Map<String, Object> suggestion(Map<String, Object> columns, String run) {
        if (columns.size() != SUGGESTION_COLUMNS.size())
            checkColumns("suggestion", columns, SUGGESTION_COLUMNS, "MentoringTables.SUGGESTIONS");
        Object mentor = columns.get("mentor_id"), mentee = columns.get("mentee_id");
        if (!(mentor instanceof String) || !(mentee instanceof String))
            throw new IllegalArgumentException("a suggestion row needs a mentee_id and a mentor_id: " + columns);
        Map<String, Object> props = new HashMap<>(columns.size() * 4 / 3 + 2);
        columns.forEach((k, v) -> {
            if (!k.equals("mentor_id") && !k.equals("mentee_id")) props.put(k, scalar(v));
        });
        props.put("run", run);
        Map<String, Object> row = new HashMap<>(4);
        row.put("mentor", mentor);
        row.put("mentee", mentee);
        row.put("props", props);
        return row;
    }

    private static Object scalar(Object v) {
        return v instanceof Double d && (d.isNaN() || d.isInfinite()) ? null : v;
    }

    private static Object instant(Object v) {
        return v instanceof String iso ? Instant.parse(iso).atOffset(ZoneOffset.UTC) : v;
    }
}
