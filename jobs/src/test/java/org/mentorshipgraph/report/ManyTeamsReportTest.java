package org.mentorshipgraph.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A large organisation's report stays readable and small: departments instead of a team-by-team heatmap, the most cut-off teams charted. */
class ManyTeamsReportTest {
    @Test
    void withHundredsOfTeamsTheHeatmapShowsDepartmentsAndThePageStaysSmall() {
        int teams = 300;
        List<Map<String, Object>> teamRows = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < teams; i++) {
            String name = String.format("T%03d", i);
            names.add(name);
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("team", name);
            r.put("department", "D" + (i / 30)); // 10 departments of 30 teams, in order
            r.put("people", 8);
            r.put("outside_share", (i % 100) / 100.0);
            r.put("cut_off_rank", i + 1);
            r.put("teams_reached", 3);
            teamRows.add(r);
        }
        List<Map<String, Object>> pairs = new ArrayList<>();
        for (int i = 0; i < teams; i++) {
            for (int j = i + 1; j < teams; j += 7) {
                pairs.add(Map.of("team_a", names.get(i), "team_b", names.get(j), "ties", 2, "strength", 1.5));
            }
        }
        double d0d1 = 0;
        long d0d1Ties = 0;
        for (Map<String, Object> p : pairs) {
            int a = Integer.parseInt(((String) p.get("team_a")).substring(1)) / 30,
                    b = Integer.parseInt(((String) p.get("team_b")).substring(1)) / 30;
            if (Math.min(a, b) == 0 && Math.max(a, b) == 1) {
                d0d1 += 1.5;
                d0d1Ties += 2;
            }
        }
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("as_of", "2026-11-15");
        f.put("privacy", Map.of("min_group_size", 5));
        f.put("teams", teamRows);
        f.put("team_links", Map.of("teams", names, "pairs", pairs));

        String html = HtmlReport.render(f);

        assertThat(html)
                .contains("Connections between departments")
                .doesNotContain("Connections between teams")
                .contains("With 300 teams a team-by-team picture would be unreadable")
                .contains(String.format(
                        java.util.Locale.ROOT, "D0 – D1: strength %.1f over %,d active ties", d0d1, d0d1Ties))
                .contains("the 60 most cut off of 300 teams");
        assertThat(html.length()).as("the page stays small").isLessThan(1_500_000);
    }
}
