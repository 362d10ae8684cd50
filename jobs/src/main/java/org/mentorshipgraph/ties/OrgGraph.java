package org.mentorshipgraph.ties;

import static org.apache.spark.sql.functions.col;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.mentorshipgraph.algorithms.graph.CompactGraph;
import org.mentorshipgraph.ingest.DirectoryReader;
import org.mentorshipgraph.schema.Schemas;

/**
 * The organisation as the graph algorithms see it, on the driver, in compact form: every person (the directory plus
 * anyone seen in a tie) with a dense index in id order (Java's {@link String#compareTo}), per-person arrays of what
 * the metrics and the report need (display name, team and department as dense indices, hire date), and the graph of
 * active ties (strength at or above the floor) as CSR arrays ({@link CompactGraph}). Nothing here grows with the
 * number of interactions; the ties themselves stay in Spark.
 *
 * <p>Memory: O(n) strings and ints for n people, plus 12 bytes per direction of each active tie.
 */
public final class OrgGraph {
    public static final String UNKNOWN = "unknown";

    private final String[] ids;
    private final Map<String, Integer> index;
    private final String[] displayNames;
    private final int[] hireDays;
    private final String[] teams;
    private final int[] teamOf;
    private final String[] departments;
    private final int[] departmentOf;
    private final CompactGraph graph;

    private OrgGraph(
            String[] ids,
            String[] displayNames,
            int[] hireDays,
            String[] teams,
            int[] teamOf,
            String[] departments,
            int[] departmentOf,
            CompactGraph graph) {
        this.ids = ids;
        this.displayNames = displayNames;
        this.hireDays = hireDays;
        this.teams = teams;
        this.teamOf = teamOf;
        this.departments = departments;
        this.departmentOf = departmentOf;
        this.graph = graph;
        this.index = new HashMap<>(ids.length * 2);
        for (int i = 0; i < ids.length; i++) index.put(ids[i], i);
    }

    /** One person as the graph knows them; {@code team}/{@code department} null for unknown, {@code hireDate} may be null. */
    public record Member(String id, String displayName, String team, String department, LocalDate hireDate) {}

    /** One active tie between two people, by id. */
    public record Edge(String a, String b, double strength) {}

    /**
     * Builds the graph from the run's tables: the people directory ({@link DirectoryReader#PEOPLE}) and the ties
     * ({@link TieAggregation#TIES}). Only per-person rows and the active ties' (a, b, strength) come to the driver,
     * streamed ({@code toLocalIterator}) into arrays.
     */
    public static OrgGraph build(Dataset<Row> directory, Dataset<Row> ties, double minStrength) {
        Schemas.require(DirectoryReader.PEOPLE, directory, "ties step (people directory)");
        Schemas.require(TieAggregation.TIES, ties, "ties step");
        Dataset<Row> everyone = directory
                .select(col("person_id").as("id"))
                .union(ties.select(col("a").as("id")))
                .union(ties.select(col("b").as("id")))
                .distinct();
        Dataset<Row> listed = directory.select(
                col("person_id").as("dir_id"), col("display_name"), col("team"), col("department"), col("hire_date"));
        Dataset<Row> members = everyone.join(listed, everyone.col("id").equalTo(listed.col("dir_id")), "left")
                .select(
                        col("id").as("person_id"),
                        col("display_name"),
                        col("team"),
                        col("department"),
                        col("hire_date"));
        List<Member> people = new ArrayList<>();
        for (Iterator<Row> it = members.toLocalIterator(); it.hasNext(); ) {
            Row r = it.next();
            String hire = r.getAs("hire_date");
            people.add(new Member(
                    r.getAs("person_id"),
                    r.getAs("display_name"),
                    r.getAs("team"),
                    r.getAs("department"),
                    hire == null ? null : LocalDate.parse(hire)));
        }
        Iterator<Row> it = ties.filter(col("strength").geq(minStrength))
                .select("a", "b", "strength")
                .toLocalIterator();
        return of(people, () -> it.hasNext() ? toEdge(it.next()) : null);
    }

    private static Edge toEdge(Row r) {
        return new Edge(r.getAs("a"), r.getAs("b"), r.<Double>getAs("strength"));
    }

    /** Edges one at a time; null at the end. */
    public interface EdgeStream {
        Edge next();
    }

    /**
     * Builds the graph from people (any order, ids unique) and the active ties between them, streamed: each edge is
     * turned into two ints and a double as it arrives.
     *
     * @throws IllegalArgumentException when an edge names someone who is not in {@code people}
     */
    public static OrgGraph of(List<Member> people, EdgeStream edges) {
        String[] ids = new String[people.size()];
        for (int i = 0; i < ids.length; i++) ids[i] = people.get(i).id();
        Arrays.sort(ids, Comparator.naturalOrder());
        Map<String, Member> byId = new HashMap<>(people.size() * 2);
        for (Member m : people) {
            if (byId.put(m.id(), m) != null) throw new IllegalArgumentException("person " + m.id() + " listed twice");
        }
        Map<String, Integer> idx = new HashMap<>(ids.length * 2);
        for (int i = 0; i < ids.length; i++) idx.put(ids[i], i);
        IntList a = new IntList(), b = new IntList();
        DoubleList w = new DoubleList();
        for (Edge e = edges.next(); e != null; e = edges.next()) {
            Integer x = idx.get(e.a()), y = idx.get(e.b());
            if (x == null || y == null)
                throw new IllegalArgumentException("tie " + e + " names someone not in the graph");
            a.add(x);
            b.add(y);
            w.add(e.strength());
        }
        int n = ids.length;
        String[] names = new String[n];
        int[] hire = new int[n];
        String[] team = new String[n], dept = new String[n];
        TreeSet<String> teamNames = new TreeSet<>(), deptNames = new TreeSet<>();
        for (int i = 0; i < n; i++) {
            Member m = byId.get(ids[i]);
            names[i] = m.displayName();
            hire[i] = m.hireDate() == null
                    ? Integer.MIN_VALUE
                    : (int) m.hireDate().toEpochDay();
            team[i] = m.team() == null ? UNKNOWN : m.team();
            dept[i] = m.department() == null ? UNKNOWN : m.department();
            teamNames.add(team[i]);
            deptNames.add(dept[i]);
        }
        String[] teams = teamNames.toArray(String[]::new), depts = deptNames.toArray(String[]::new);
        int[] teamOf = new int[n], deptOf = new int[n];
        for (int i = 0; i < n; i++) {
            teamOf[i] = Arrays.binarySearch(teams, team[i]);
            deptOf[i] = Arrays.binarySearch(depts, dept[i]);
        }
        CompactGraph g = CompactGraph.fromEdges(n, a.toArray(), b.toArray(), w.toArray());
        return new OrgGraph(ids, names, hire, teams, teamOf, depts, deptOf, g);
    }

    public int size() {
        return ids.length;
    }

    public String id(int i) {
        return ids[i];
    }

    /** Every id, in index order (do not modify). */
    public String[] ids() {
        return ids;
    }

    public Integer indexOf(String id) {
        return index.get(id);
    }

    public String displayName(int i) {
        return displayNames[i];
    }

    /** The hire date from the directory, or null. */
    public LocalDate hireDate(int i) {
        return hireDays[i] == Integer.MIN_VALUE ? null : LocalDate.ofEpochDay(hireDays[i]);
    }

    public String team(int i) {
        return teams[teamOf[i]];
    }

    public String[] teams() {
        return teams;
    }

    public int[] teamOf() {
        return teamOf;
    }

    public String[] departments() {
        return departments;
    }

    public int[] departmentOf() {
        return departmentOf;
    }

    public CompactGraph graph() {
        return graph;
    }

    public int activeTies() {
        return graph.edgeCount();
    }

    /** A growable int array. */
    static final class IntList {
        private int[] v = new int[1024];
        private int size;

        void add(int x) {
            if (size == v.length) v = Arrays.copyOf(v, v.length * 2);
            v[size++] = x;
        }

        int[] toArray() {
            return Arrays.copyOf(v, size);
        }
    }

    /** A growable double array. */
    static final class DoubleList {
        private double[] v = new double[1024];
        private int size;

        void add(double x) {
            if (size == v.length) v = Arrays.copyOf(v, v.length * 2);
            v[size++] = x;
        }

        double[] toArray() {
            return Arrays.copyOf(v, size);
        }
    }
}
