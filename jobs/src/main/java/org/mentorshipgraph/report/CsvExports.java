package org.mentorshipgraph.report;

import static org.mentorshipgraph.report.HtmlReport.list;
import static org.mentorshipgraph.report.HtmlReport.map;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mentorshipgraph.files.CsvWriter;
import org.mentorshipgraph.storage.Location;

/**
 * One CSV file per table of the report, written beside {@code network-health.json} as
 * {@code network-health-<table>.csv}, from the same (privacy-filtered) figures the page shows. Columns are fixed
 * per table, so an empty table still has its header.
 */
final class CsvExports {
    private CsvExports() {}

    static final String PREFIX = "network-health-";

    /** File name (without prefix and extension) → header and rows. */
    static Map<String, List<List<Object>>> tables(Map<String, Object> f) {
        Map<String, List<List<Object>>> t = new LinkedHashMap<>();

        Map<String, Object> h = map(f.get("headline"));
        Map<String, Object> changes = map(f.get("changes"));
        Map<String, Object> byFigure = map(changes.get("figures"));
        List<List<Object>> headline = new ArrayList<>();
        headline.add(List.of("figure", "label", "value", "previous", "change", "previous_as_of"));
        for (HeadlineFigure fig : HeadlineFigure.values()) {
            Map<String, Object> c = map(byFigure.get(fig.key));
            headline.add(row(
                    fig.key,
                    fig.label,
                    h.get(fig.key),
                    c.get("previous"),
                    c.get("change"),
                    changes.get("previous_as_of")));
        }
        t.put("headline", headline);

        List<List<Object>> status = new ArrayList<>();
        status.add(List.of("status", "ties"));
        map(f.get("tie_status")).forEach((k, v) -> status.add(row(k, v)));
        t.put("tie-status", status);

        t.put(
                "connectors",
                rows(
                        list(f.get("top_connectors")),
                        "rank",
                        "person_id",
                        "name",
                        "team",
                        "department",
                        "connector_score",
                        "betweenness",
                        "constraint",
                        "team_participation",
                        "cross_team_share",
                        "ties",
                        "teams_joined",
                        "departments_joined",
                        "communities_joined",
                        "reason"));

        Map<String, Object> b = map(f.get("brokerage"));
        List<List<Object>> brokerage = new ArrayList<>();
        brokerage.add(List.of("measure", "value"));
        for (String k : List.of(
                "top_1pct_share",
                "top_5pct_share",
                "top_10pct_share",
                "top_25pct_share",
                "people_in_top_1pct",
                "gini")) {
            brokerage.add(row(k, b.get(k)));
        }
        t.put("brokerage", brokerage);

        t.put(
                "fading-ties",
                rows(
                        list(f.get("fading_ties")),
                        "kind",
                        "status",
                        "person_a",
                        "name_a",
                        "team_a",
                        "person_b",
                        "name_b",
                        "team_b",
                        "cross_team",
                        "cross_community",
                        "strength",
                        "bridge_risk",
                        "recent_per_week",
                        "baseline_per_week",
                        "p_drop",
                        "usual_gap_days",
                        "reason"));
        t.put(
                "shrinking-networks",
                rows(
                        list(f.get("shrinking_networks")),
                        "person_id",
                        "name",
                        "team",
                        "recent_per_week",
                        "baseline_per_week",
                        "change"));
        t.put(
                "newcomers-without-mentor",
                rows(
                        list(f.get("newcomers_without_mentor")),
                        "person_id",
                        "name",
                        "team",
                        "days_since_hire",
                        "active_ties",
                        "cross_team_share"));
        t.put(
                "teams",
                rows(
                        list(f.get("teams")),
                        "team",
                        "department",
                        "people",
                        "inside_ties",
                        "cohesion",
                        "inside_strength",
                        "outside_strength",
                        "outside_share",
                        "teams_reached",
                        "members_without_outside_tie_share",
                        "cut_off_rank"));
        t.put("team-links", rows(list(map(f.get("team_links")).get("pairs")), "team_a", "team_b", "ties", "strength"));

        List<String> trendColumns = new ArrayList<>(List.of("as_of"));
        for (HeadlineFigure fig : HeadlineFigure.values()) trendColumns.add(fig.key);
        t.put("trend", rows(list(f.get("trend")), trendColumns.toArray(String[]::new)));
        return t;
    }

    /** Writes every table into {@code dir}, each file replaced atomically; returns the file names. */
    static List<String> write(Location dir, Map<String, Object> figures) {
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, List<List<Object>>> e : tables(figures).entrySet()) {
            String name = PREFIX + e.getKey() + ".csv";
            StringBuilder text = new StringBuilder();
            for (List<Object> r : e.getValue())
                text.append(CsvWriter.line(r.toArray())).append('\n');
            dir.child(name).replaceAtomically(text.toString());
            names.add(name);
        }
        return names;
    }

    private static List<List<Object>> rows(List<Map<String, Object>> source, String... columns) {
        List<List<Object>> out = new ArrayList<>();
        out.add(List.of((Object[]) columns));
        for (Map<String, Object> r : source) {
            List<Object> row = new ArrayList<>(columns.length);
            for (String c : columns) row.add(r.get(c));
            out.add(row);
        }
        return out;
    }

    private static List<Object> row(Object... values) {
        List<Object> r = new ArrayList<>(values.length);
        for (Object v : values) r.add(v);
        return r;
    }
}
