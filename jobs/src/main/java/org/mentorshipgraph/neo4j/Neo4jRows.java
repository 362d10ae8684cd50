package org.mentorshipgraph.neo4j;

import org.mentorshipgraph.centrality.PersonMetrics;
import org.mentorshipgraph.graph.OrgGraph;
import org.mentorshipgraph.ingest.Mentorship;
import org.mentorshipgraph.job.RunRecord;
import org.mentorshipgraph.output.Json;
import org.mentorshipgraph.output.Table;
import org.mentorshipgraph.ties.AssessedTie;
import org.mentorshipgraph.ties.TieAssessment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Turns a run's tables into the parameter rows of {@link GraphWriter}: Neo4j properties are scalars or lists, never maps. */
public final class Neo4jRows {
    private Neo4jRows() {}

    public static GraphWriter.RunGraph of(String runId, RunRecord record, OrgGraph org, PersonMetrics metrics, Table people,
                                          Table ties, List<Mentorship> mentorships, TieAssessment.Result assessed) {
        List<Map<String, Object>> peopleRows = keyed(people, List.of("person_id"));
        List<Map<String, Object>> tieRows = keyed(ties, List.of("person_a", "person_b"));

        Map<String, AssessedTie> byPair = new HashMap<>();
        for (AssessedTie t : assessed.ties()) byPair.put(t.tie().personA() + "\u0000" + t.tie().personB(), t);
        List<Map<String, Object>> mentorRows = new ArrayList<>();
        LocalDate asOf = LocalDate.parse(runId);
        for (Mentorship m : mentorships) {
            if (org.indexOf(m.mentorId()) == null || org.indexOf(m.menteeId()) == null) continue;
            String a = m.mentorId().compareTo(m.menteeId()) < 0 ? m.mentorId() : m.menteeId();
            String b = a.equals(m.mentorId()) ? m.menteeId() : m.mentorId();
            AssessedTie t = byPair.get(a + "\u0000" + b);
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("program", m.program());
            props.put("started_on", m.startedOn() == null ? null : m.startedOn().toString());
            props.put("ended_on", m.endedOn() == null ? null : m.endedOn().toString());
            props.put("current", m.activeOn(asOf));
            props.put("status", t == null ? "no_contact" : t.trend().status().label());
            props.put("status_reason", t == null ? "no interaction in the look-back" : t.trend().reason());
            mentorRows.add(Map.of("mentor_id", m.mentorId(), "mentee_id", m.menteeId(), "props", props));
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
            String dept = depts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            teams.add(Map.of("name", team, "department", dept, "size", teamSize.get(team)));
        });

        Map<Integer, Integer> communitySize = new TreeMap<>();
        for (int c : metrics.community()) communitySize.merge(c, 1, Integer::sum);
        List<Map<String, Object>> communities = new ArrayList<>();
        communitySize.forEach((c, size) -> communities.add(Map.of("key", String.valueOf(c), "size", size)));

        return new GraphWriter.RunGraph(runId, runProperties(record), peopleRows, tieRows, mentorRows, teams, communities);
    }

    /** The run record flattened to Neo4j properties: scalars as they are, nested parts as JSON text. */
    public static Map<String, Object> runProperties(RunRecord record) {
        Map<String, Object> props = new LinkedHashMap<>();
        record.asMap().forEach((k, v) -> {
            if (v == null) return;
            if (v instanceof Map<?, ?> || v instanceof List<?>) props.put(k + "_json", Json.write(v).replaceAll("\\s+", " "));
            else props.put(k, v);
        });
        record.counts().forEach((k, v) -> { if (v instanceof Number) props.put("count_" + k, v); });
        record.seconds().forEach((k, v) -> props.put("seconds_" + k.replace('-', '_'), v));
        record.betweennessInfo().forEach((k, v) -> props.put("betweenness_" + k, v));
        return props;
    }

    private static List<Map<String, Object>> keyed(Table table, List<String> keys) {
        List<Map<String, Object>> out = new ArrayList<>(table.rows().size());
        for (Object[] r : table.rows()) {
            Map<String, Object> all = table.rowMap(r);
            Map<String, Object> row = new LinkedHashMap<>();
            for (String k : keys) row.put(k, all.remove(k));
            all.values().removeIf(java.util.Objects::isNull);
            row.put("props", all);
            out.add(row);
        }
        return out;
    }
}
