package org.mentorshipgraph.neo4j;

import static org.apache.spark.sql.functions.col;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.mentorshipgraph.algorithms.mentoring.MentoringProfiles;
import org.mentorshipgraph.ingest.Mentorship;
import org.mentorshipgraph.mentoring.Mentoring;
import org.mentorshipgraph.mentoring.MentoringTables;
import org.mentorshipgraph.schema.ResultTables;
import org.mentorshipgraph.schema.Schemas;
import org.mentorshipgraph.ties.OrgGraph;

/**
 * The graph of one run as {@link GraphWriter} takes it, from the run's tables: people and ties as they are written to
 * the files (streamed to Neo4j), and the small lists beside them — declared mentorships with the status of their tie
 * (one join in Spark), teams with their main department and size, communities with their size; and, when the mentoring
 * step ran, its part of the graph ({@link #mentoring}).
 */
public final class RunGraphs {
    private RunGraphs() {}

    private static final StructType PAIRS = Schemas.of("pa", DataTypes.StringType, "pb", DataTypes.StringType);

    public static GraphWriter.RunGraph of(
            SparkSession spark,
            String runId,
            Map<String, Object> runProperties,
            Dataset<Row> people,
            Dataset<Row> ties,
            OrgGraph org,
            int[] community,
            List<Mentorship> mentorships) {
        return of(spark, runId, runProperties, people, ties, org, community, mentorships, null);
    }

    /** As above, with the mentoring step's result (null: no mentoring graph is written). */
    public static GraphWriter.RunGraph of(
            SparkSession spark,
            String runId,
            Map<String, Object> runProperties,
            Dataset<Row> people,
            Dataset<Row> ties,
            OrgGraph org,
            int[] community,
            List<Mentorship> mentorships,
            Mentoring.Result mentoring) {
        Schemas.require(ResultTables.PEOPLE, people, "neo4j step (people)");
        Schemas.require(ResultTables.TIES, ties, "neo4j step (ties)");
        LocalDate asOf = LocalDate.parse(runId);
        List<Row> pairs = new ArrayList<>();
        for (Mentorship m : mentorships) pairs.add(RowFactory.create(first(m), second(m)));
        Map<String, String[]> statusOfPair = new HashMap<>();
        if (!pairs.isEmpty()) {
            Dataset<Row> wanted = spark.createDataFrame(pairs, PAIRS).distinct();
            for (Row r : ties.join(
                            wanted,
                            ties.col("person_a")
                                    .equalTo(wanted.col("pa"))
                                    .and(ties.col("person_b").equalTo(wanted.col("pb"))))
                    .select(col("person_a"), col("person_b"), col("status"), col("status_reason"))
                    .collectAsList()) {
                statusOfPair.put(
                        r.<String>getAs("person_a") + "\u0000" + r.<String>getAs("person_b"),
                        new String[] {r.getAs("status"), r.getAs("status_reason")});
            }
        }
        List<Map<String, Object>> mentorRows = new ArrayList<>();
        for (Mentorship m : mentorships) {
            if (org.indexOf(m.mentorId()) == null || org.indexOf(m.menteeId()) == null) continue;
            String[] t = statusOfPair.get(first(m) + "\u0000" + second(m));
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("program", m.program());
            props.put("started_on", m.startedOn());
            props.put("ended_on", m.endedOn());
            props.put("active", m.activeOn(asOf));
            props.put("status", t == null ? "no_contact" : t[0]);
            props.put("status_reason", t == null ? "no interaction in the look-back" : t[1]);
            mentorRows.add(Neo4jRows.mentorship(m.mentorId(), m.menteeId(), props));
        }

        Map<String, Map<String, Integer>> teamDepartments = new TreeMap<>();
        Map<String, Integer> teamSize = new TreeMap<>();
        for (int i = 0; i < org.size(); i++) {
            String team = org.team(i);
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
        for (int c : community) communitySize.merge(c, 1, Integer::sum);
        List<Map<String, Object>> communities = new ArrayList<>();
        communitySize.forEach((c, size) -> communities.add(Map.of("key", String.valueOf(c), "size", (long) size)));

        return new GraphWriter.RunGraph(
                runId,
                runProperties,
                new DatasetRows(people.select(columns(ResultTables.PEOPLE))),
                new DatasetRows(ties.select(columns(ResultTables.TIES))),
                mentorRows,
                teams,
                communities,
                mentoring == null ? null : mentoring(mentoring, org));
    }

    /**
     * The mentoring graph of a run: the skills with their holder and wisher counts (from the profiles: O(people +
     * skills listed)), every person's profile row made from the profile arrays as the writer pulls it (nothing
     * collected), and the suggestions with a mentor streamed from their Dataset.
     */
    static GraphWriter.MentoringGraph mentoring(Mentoring.Result m, OrgGraph org) {
        Schemas.require(MentoringTables.SUGGESTIONS, m.suggestions(), "neo4j step (mentor suggestions)");
        MentoringProfiles p = m.profiles();
        if (p.size() != org.size())
            throw new IllegalArgumentException(
                    "mentoring profiles for " + p.size() + " people, the graph has " + org.size());
        String[] names = p.skillNames();
        long[] with = new long[names.length], wanting = new long[names.length];
        for (int i = 0; i < p.size(); i++) {
            for (int x : p.skills()[i]) with[x]++;
            for (int x : p.wants()[i]) wanting[x]++;
        }
        List<Map<String, Object>> skills = new ArrayList<>(names.length);
        for (int x = 0; x < names.length; x++)
            skills.add(Map.of("name", names[x], "people_with", with[x], "people_wanting", wanting[x]));
        String[] ids = org.ids();
        RowSource people = () -> new Iterator<>() {
            private int i = 0;

            @Override
            public boolean hasNext() {
                return i < ids.length;
            }

            @Override
            public Map<String, Object> next() {
                if (!hasNext()) throw new java.util.NoSuchElementException();
                int v = i++;
                return Neo4jRows.mentoringProfile(
                        ids[v],
                        skillNames(p.skills()[v], names),
                        skillNames(p.wants()[v], names),
                        p.open()[v],
                        p.capacity()[v],
                        p.taken()[v],
                        p.teachingOn() ? Math.round(p.teaching()[v]) : null);
            }
        };
        Dataset<Row> suggestions =
                m.suggestions().filter(col("mentor_id").isNotNull()).select(columns(MentoringTables.SUGGESTIONS));
        return new GraphWriter.MentoringGraph(skills, people, new DatasetRows(suggestions));
    }

    private static List<String> skillNames(int[] skills, String[] names) {
        List<String> out = new ArrayList<>(skills.length);
        for (int x : skills) out.add(names[x]);
        return out;
    }

    /** The mentorship's pair in tie order: the smaller id first. */
    private static String first(Mentorship m) {
        return m.mentorId().compareTo(m.menteeId()) < 0 ? m.mentorId() : m.menteeId();
    }

    private static String second(Mentorship m) {
        return m.mentorId().compareTo(m.menteeId()) < 0 ? m.menteeId() : m.mentorId();
    }

    /** The schema's columns, in its order (the table may carry more). */
    private static org.apache.spark.sql.Column[] columns(StructType schema) {
        return java.util.Arrays.stream(schema.fieldNames())
                .map(n -> col(n))
                .toArray(org.apache.spark.sql.Column[]::new);
    }
}
