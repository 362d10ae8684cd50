package org.mentorshipgraph.neo4j;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mentorshipgraph.schema.Table;

/** A hand-made run graph for writer tests: a few people, ties with chosen strengths and statuses, mentorships. */
final class TinyOrg {
    private final String runId;
    private final Table people = org.mentorshipgraph.schema.ResultTables.peopleColumns();
    private final Table ties = org.mentorshipgraph.schema.ResultTables.tieColumns();
    private final List<Map<String, Object>> mentorships = new ArrayList<>();
    private final Map<String, String> teamOf = new TreeMap<>();

    TinyOrg(String runId) {
        this.runId = runId;
    }

    TinyOrg person(String id, String team, double connectorScore) {
        teamOf.put(id, team);
        people.add(
                id,
                "Name " + id,
                team,
                "Dept",
                "Engineer",
                "L3",
                null,
                "2020-01-01",
                1L,
                2.0,
                connectorScore / 1000,
                0.5,
                1.5,
                0L,
                0.1,
                0.1,
                0.2,
                connectorScore,
                0L,
                null,
                0.5,
                0.5,
                false,
                false,
                false,
                false,
                false,
                null,
                null,
                null);
        return this;
    }

    TinyOrg tie(String a, String b, double strength, String status) {
        String x = a.compareTo(b) < 0 ? a : b, y = x.equals(a) ? b : a;
        boolean fading = status.equals("weakening") || status.equals("dormant");
        ties.add(
                x,
                y,
                strength,
                strength >= 0.5,
                10L,
                2L,
                "chat;meeting",
                0.4,
                LocalDate.parse(runId).minusDays(100) + "T09:00:00Z",
                LocalDate.parse(runId).minusDays(3) + "T10:00:00Z",
                3.0,
                4.0,
                fading ? 1L : 5L,
                15L,
                fading ? 0.04 : 0.2,
                0.18,
                fading ? 0.04 : 0.2,
                0.18,
                fading ? 0.2 : 1.0,
                fading ? 0.01 : 0.5,
                0.5,
                fading ? 0.02 : 1.0,
                status,
                status + " because",
                false,
                !teamOf.get(x).equals(teamOf.get(y)),
                false,
                Double.NaN,
                fading ? 3L : 9L);
        return this;
    }

    TinyOrg mentorship(String mentor, String mentee, String status) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("program", "p");
        props.put("started_on", LocalDate.parse("2026-01-01"));
        props.put("ended_on", null);
        props.put("active", true);
        props.put("status", status);
        props.put("status_reason", status + " because");
        mentorships.add(Neo4jRows.mentorship(mentor, mentee, props));
        return this;
    }

    GraphWriter.RunGraph graph() {
        int rank = people.indexOf("connector_rank"), score = people.indexOf("connector_score");
        List<Object[]> sorted = new ArrayList<>(people.rows());
        sorted.sort((p, q) -> Double.compare((Double) q[score], (Double) p[score]));
        for (int i = 0; i < sorted.size(); i++) sorted.get(i)[rank] = (long) (i + 1);
        Map<String, Long> teamSize = new TreeMap<>();
        teamOf.values().forEach(t -> teamSize.merge(t, 1L, Long::sum));
        List<Map<String, Object>> teams = new ArrayList<>();
        teamSize.forEach((t, n) -> teams.add(Map.of("name", t, "department", "Dept", "size", n)));
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("run_id", runId);
        run.put("as_of", runId);
        run.put("outcome", "files-written");
        run.put("count_people", (long) people.rows().size());
        run.put("count_ties", (long) ties.rows().size());
        return new GraphWriter.RunGraph(
                runId,
                run,
                RowSource.of(Neo4jRows.columnRows(people)),
                RowSource.of(Neo4jRows.columnRows(ties)),
                mentorships,
                teams,
                List.of(Map.of("key", "0", "size", (long) people.rows().size())));
    }
}
