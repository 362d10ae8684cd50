package org.mentorshipgraph.neo4j;

import static org.apache.spark.sql.functions.col;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
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
import org.mentorshipgraph.ingest.Mentorship;
import org.mentorshipgraph.schema.ResultTables;
import org.mentorshipgraph.schema.Schemas;
import org.mentorshipgraph.ties.OrgGraph;

/**
 * The graph of one run as {@link GraphWriter} takes it, from the run's tables: people and ties as they are written to
 * the files (streamed to Neo4j), and the small lists beside them — declared mentorships with the status of their tie
 * (one join in Spark), teams with their main department and size, communities with their size.
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
        Schemas.require(ResultTables.PEOPLE, people, "neo4j step (people)");
        Schemas.require(ResultTables.TIES, ties, "neo4j step (ties)");
        LocalDate asOf = LocalDate.parse(runId);
        List<Row> pairs = new ArrayList<>();
        for (Mentorship m : mentorships) {
            String a = m.mentorId().compareTo(m.menteeId()) < 0 ? m.mentorId() : m.menteeId();
            String b = a.equals(m.mentorId()) ? m.menteeId() : m.mentorId();
            pairs.add(RowFactory.create(a, b));
        }
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
            String a = m.mentorId().compareTo(m.menteeId()) < 0 ? m.mentorId() : m.menteeId();
            String b = a.equals(m.mentorId()) ? m.menteeId() : m.mentorId();
            String[] t = statusOfPair.get(a + "\u0000" + b);
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
                Neo4jRows.peopleRows(collect(people, ResultTables.peopleColumns())),
                Neo4jRows.tieRows(collect(ties, ResultTables.tieColumns())),
                mentorRows,
                teams,
                communities);
    }

    /** Until the writer streams (RowSource): the table's rows on the driver. */
    private static org.mentorshipgraph.schema.Table collect(Dataset<Row> rows, org.mentorshipgraph.schema.Table t) {
        String[] names = t.columnNames().toArray(String[]::new);
        for (java.util.Iterator<Row> it = rows.toLocalIterator(); it.hasNext(); ) {
            Row r = it.next();
            Object[] v = new Object[names.length];
            for (int i = 0; i < names.length; i++) v[i] = r.getAs(names[i]);
            t.add(v);
        }
        return t;
    }
}
