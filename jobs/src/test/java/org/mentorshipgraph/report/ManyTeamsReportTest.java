package org.mentorshipgraph.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.mentorshipgraph.ties.OrgGraph;
import org.mentorshipgraph.trends.FadingTie;

/**
 * A large organisation's report stays readable and small: departments instead of a team-by-team heatmap and
 * instead of a team-by-team network map, the most cut-off teams charted.
 */
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

    /**
     * 2,000 teams of 8 in 80 departments (plus a 3-person team alone in its department): the map draws the 80
     * departments, never the tiny one, at most three links each plus the fading ones, in well under a second; its
     * page is written to {@code jobs/target/many-teams-report.html} to look at.
     */
    @Test
    void withTwoThousandTeamsTheMapDrawsDepartmentsQuickly() throws Exception {
        int departments = 80, teamsPer = 25, size = 8, teams = departments * teamsPer;
        List<OrgGraph.Member> people = new ArrayList<>();
        for (int t = 0; t < teams; t++)
            for (int k = 0; k < size; k++)
                people.add(new OrgGraph.Member(
                        id(t, k), null, String.format("T%04d", t), String.format("D%02d", t / teamsPer), null));
        for (int k = 0; k < 3; k++) people.add(new OrgGraph.Member("tiny-" + k, null, "Tiny", "Dtiny", null));
        List<OrgGraph.Edge> edges = new ArrayList<>();
        for (int t = 0; t < teams; t++) {
            for (int k = 0; k < size; k++) edges.add(new OrgGraph.Edge(id(t, k), id(t, (k + 1) % size), 3.0));
            int d = t / teamsPer, first = d * teamsPer;
            edges.add(new OrgGraph.Edge(id(t, 0), id(first + (t - first + 1) % teamsPer, 1), 1.5)); // a ring of teams
            if (t == first) {
                // each department to the next two, a weak tie
                edges.add(new OrgGraph.Edge(id(t, 2), id(((d + 1) % departments) * teamsPer, 3), 0.8));
                edges.add(new OrgGraph.Edge(id(t, 4), id(((d + 2) % departments) * teamsPer + 5, 5), 0.6));
            }
        }
        edges.add(new OrgGraph.Edge("tiny-0", id(0, 0), 2.0));
        edges.add(new OrgGraph.Edge("tiny-0", "tiny-1", 2.0));
        int[] at = {0};
        OrgGraph org = OrgGraph.of(people, () -> at[0] < edges.size() ? edges.get(at[0]++) : null);
        int n = org.size();
        int[] community = new int[n], rank = new int[n];
        for (int i = 0; i < n; i++) {
            community[i] = org.teamOf()[i] / 50; // 40 communities: departments are the finer grouping
            rank[i] = 1000 + i;
        }
        rank[org.indexOf(id(0, 2))] = 1;
        rank[org.indexOf("tiny-0")] = 2;
        List<FadingTie> fading = List.of(fading(org, id(0, 2), id(teamsPer, 3)), fading(org, "tiny-0", id(0, 0)));

        long t0 = System.nanoTime();
        Map<String, Object> map = NetworkMap.of(org, community, rank, fading, PrivacyPolicy.of(org, 5, null));
        double mapSeconds = (System.nanoTime() - t0) / 1e9;
        List<Map<String, Object>> nodes = HtmlReport.list(map.get("nodes"));
        assertThat(map.get("level")).isEqualTo("department");
        assertThat(nodes).hasSize(departments);
        assertThat(nodes).extracting(x -> x.get("label")).doesNotContain("Dtiny", PrivacyPolicy.SMALL_DEPARTMENTS);
        assertThat(HtmlReport.list(nodes.get(0).get("connectors")))
                .extracting(c -> c.get("rank"))
                .containsExactly(1); // the tiny team's connector is on no node
        List<Map<String, Object>> links = HtmlReport.list(map.get("links"));
        assertThat(links.size()).isBetween(departments, 3 * departments);
        assertThat(links.stream().filter(l -> ((Number) l.get("fading")).intValue() > 0))
                .singleElement()
                .satisfies(l -> assertThat(l).containsEntry("a", 0).containsEntry("b", 1));
        // a ring of departments: one component, and departments next on the ring are drawn nearer than far ones
        assertThat(map.get("components")).isEqualTo(1);
        assertThat(distance(nodes, 0, 1)).isLessThan(distance(nodes, 0, 40));

        Map<String, Object> f = new LinkedHashMap<>();
        f.put("as_of", "2026-11-15");
        f.put("privacy", Map.of("min_group_size", 5));
        f.put("network_map", map);
        long t1 = System.nanoTime();
        String html = HtmlReport.render(f);
        double renderSeconds = (System.nanoTime() - t1) / 1e9;
        String svg = html.substring(
                html.indexOf("<svg id=\"network-map\""),
                html.indexOf("</svg>", html.indexOf("<svg id=\"network-map\"")));
        assertThat(count(svg, "<circle class=\"node\"")).isEqualTo(departments);
        assertThat(count(svg, "<line class=\"fading\"")).isEqualTo(1);
        assertThat(count(svg, "<text class=\"label\""))
                .as("names where they fit")
                .isBetween(departments / 2, departments);
        assertThat(html).contains("Each circle is a department").contains(" of fewer than 5 people are left out");
        System.out.printf(
                "2,000 teams: map of %d departments, %d links drawn in %.2f s, page %.2f s, %,d characters of SVG%n",
                nodes.size(), links.size(), mapSeconds, renderSeconds, svg.length());
        assertThat(mapSeconds + renderSeconds).isLessThan(5.0);
        assertThat(svg.length()).isLessThan(200_000);
        Path target = Files.createDirectories(
                Path.of(System.getProperty("project.root", "..")).resolve("jobs/target"));
        Files.writeString(target.resolve("many-teams-report.html"), html);
    }

    static String id(int team, int member) {
        return String.format("p%04d-%d", team, member);
    }

    static FadingTie fading(OrgGraph org, String a, String b) {
        return new FadingTie(
                a,
                b,
                org.indexOf(a),
                org.indexOf(b),
                "dormant",
                false,
                true,
                true,
                1,
                0.1,
                0,
                0.3,
                0.001,
                3,
                "quiet",
                2);
    }

    static double distance(List<Map<String, Object>> nodes, int a, int b) {
        return Math.hypot(
                ((Number) nodes.get(a).get("x")).doubleValue()
                        - ((Number) nodes.get(b).get("x")).doubleValue(),
                ((Number) nodes.get(a).get("y")).doubleValue()
                        - ((Number) nodes.get(b).get("y")).doubleValue());
    }

    static int count(String s, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(s);
        int c = 0;
        while (m.find()) c++;
        return c;
    }
}
