package org.mentorshipgraph.ties;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.mentorshipgraph.algorithms.graph.CompactGraph;
import org.mentorshipgraph.ingest.Person;

/**
 * The organisation as the metrics see it: every person (the directory plus anyone seen in a tie) with a dense
 * index in id order, their team and department as dense indices, and the tie graph of active ties
 * (strength at or above the floor) in compact form.
 */
public final class OrgGraph {
    private final String[] ids;
    private final Map<String, Integer> index;
    private final Person[] people;
    private final String[] teams;
    private final int[] teamOf;
    private final String[] departments;
    private final int[] departmentOf;
    private final CompactGraph graph;
    private final int activeTies;

    private OrgGraph(
            String[] ids,
            Map<String, Integer> index,
            Person[] people,
            String[] teams,
            int[] teamOf,
            String[] departments,
            int[] departmentOf,
            CompactGraph graph,
            int activeTies) {
        this.ids = ids;
        this.index = index;
        this.people = people;
        this.teams = teams;
        this.teamOf = teamOf;
        this.departments = departments;
        this.departmentOf = departmentOf;
        this.graph = graph;
        this.activeTies = activeTies;
    }

    /** Builds the graph; ties below {@code minStrength} stay out of it (they remain in the tie table). */
    public static OrgGraph build(Map<String, Person> directory, List<Tie> ties, double minStrength) {
        TreeSet<String> all = new TreeSet<>(directory.keySet());
        for (Tie t : ties) {
            all.add(t.personA());
            all.add(t.personB());
        }
        String[] ids = all.toArray(String[]::new);
        Map<String, Integer> index = new HashMap<>(ids.length * 2);
        Person[] people = new Person[ids.length];
        for (int i = 0; i < ids.length; i++) {
            index.put(ids[i], i);
            people[i] = directory.getOrDefault(ids[i], Person.unlisted(ids[i]));
        }
        TreeSet<String> teamNames = new TreeSet<>();
        TreeSet<String> deptNames = new TreeSet<>();
        for (Person p : people) {
            teamNames.add(p.team());
            deptNames.add(department(p));
        }
        String[] teams = teamNames.toArray(String[]::new);
        String[] depts = deptNames.toArray(String[]::new);
        int[] teamOf = new int[ids.length];
        int[] deptOf = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            teamOf[i] = Arrays.binarySearch(teams, people[i].team());
            deptOf[i] = Arrays.binarySearch(depts, department(people[i]));
        }
        List<int[]> edges = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (Tie t : ties) {
            if (t.strength() >= minStrength) {
                edges.add(new int[] {index.get(t.personA()), index.get(t.personB())});
                weights.add(t.strength());
            }
        }
        int m = edges.size();
        int[] a = new int[m], b = new int[m];
        double[] w = new double[m];
        for (int e = 0; e < m; e++) {
            a[e] = edges.get(e)[0];
            b[e] = edges.get(e)[1];
            w[e] = weights.get(e);
        }
        return new OrgGraph(
                ids, index, people, teams, teamOf, depts, deptOf, CompactGraph.fromEdges(ids.length, a, b, w), m);
    }

    private static String department(Person p) {
        return p.department() == null ? "unknown" : p.department();
    }

    public int size() {
        return ids.length;
    }

    public String id(int i) {
        return ids[i];
    }

    public Integer indexOf(String id) {
        return index.get(id);
    }

    public Person person(int i) {
        return people[i];
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
        return activeTies;
    }
}
