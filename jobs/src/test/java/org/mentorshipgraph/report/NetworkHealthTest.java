package org.mentorshipgraph.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report's figures and files for a small organisation whose answers are known (see {@link SmallOrg}). */
class NetworkHealthTest {
    @TempDir
    Path out;

    final SmallOrg org = new SmallOrg();

    @SuppressWarnings("unchecked")
    static Map<String, Object> section(Map<String, Object> f, String key) {
        return (Map<String, Object>) f.get(key);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> rows(Object o) {
        return (List<Map<String, Object>>) o;
    }

    Map<String, Object> write(int minGroupSize, boolean pseudonymise) {
        Path runs = out.resolve("runs");
        return ReportWriter.write(
                runs.resolve(SmallOrg.AS_OF),
                runs,
                org.figures(org.config(minGroupSize, pseudonymise, out.toString()), Map.of()));
    }

    static String allReportFiles(Path runFolder) throws Exception {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.list(runFolder)) {
            for (Path p : files.filter(p -> p.getFileName().toString().startsWith("network-health"))
                    .sorted()
                    .toList()) {
                all.append(Files.readString(p)).append('\n');
            }
        }
        return all.toString();
    }

    @Test
    void headlineFiguresAreTheGraphs() {
        Map<String, Object> h = section(write(5, false), "headline");
        // 15 ties inside Alpha, 4 inside Beta, Alpha–Beta, Alpha–Tiny, Tiny–Tiny: 22 active ties among 13 people
        assertThat(h.get("people")).isEqualTo(13);
        assertThat(h.get("active_ties")).isEqualTo(22);
        assertThat((Double) h.get("density")).isCloseTo(22.0 / 78, within(1e-12));
        assertThat((Double) h.get("largest_group_share")).isEqualTo(1.0);
        assertThat(h.get("dormant_ties")).isEqualTo(2);
        assertThat(h.get("weakening_mentorships")).isEqualTo(1);
        assertThat(h.get("fading_bridges")).isEqualTo(1);
        assertThat(h.get("newcomers_without_mentor")).isEqualTo(1);
        // degrees: Alpha 6,6,5,5,5,5 (alpha-1 and alpha-2 have a tie outside); Beta 2,2,2,2,1; Tiny 2,1:
        // sorted [1,1,2,2,2,2,2,5,5,5,5,6,6], median 2
        assertThat(((Number) h.get("median_ties_per_person")).doubleValue()).isEqualTo(2.0);
        // betweenness 0.45 + 0.35 + 0.30 + 0.15 = 1.25; top 1% of 13 people is the top one: 0.45 / 1.25
        assertThat((Double) h.get("brokerage_top1pct_share")).isCloseTo(0.36, within(1e-12));
    }

    @Test
    void teamCohesionOutsideReachAndLinks() {
        Map<String, Object> f = write(5, false);
        List<Map<String, Object>> teams = rows(f.get("teams"));
        assertThat(teams).extracting(t -> t.get("team")).containsExactly("Alpha", "Beta");
        Map<String, Object> alpha = teams.get(0), beta = teams.get(1);
        assertThat((Double) alpha.get("cohesion")).isEqualTo(1.0);
        assertThat((Double) beta.get("cohesion")).isCloseTo(0.4, within(1e-12));
        // Alpha: inside strength 15, outside 2 (to Beta) + 1 (to the small teams) -> 3/18
        assertThat((Double) alpha.get("outside_share")).isCloseTo(3.0 / 18, within(1e-12));
        assertThat((Double) beta.get("outside_share")).isCloseTo(2.0 / 6, within(1e-12));
        assertThat(alpha.get("teams_reached")).isEqualTo(2);
        assertThat(alpha.get("cut_off_rank")).isEqualTo(1);
        assertThat(beta.get("cut_off_rank")).isEqualTo(2);
        assertThat((Double) beta.get("members_without_outside_tie_share")).isCloseTo(0.8, within(1e-12));
        Map<String, Object> links = section(f, "team_links");
        assertThat(links.get("teams")).isEqualTo(List.of("Alpha", "Beta"));
        assertThat(rows(links.get("pairs"))).singleElement().satisfies(p -> {
            assertThat(p.get("team_a")).isEqualTo("Alpha");
            assertThat(p.get("team_b")).isEqualTo("Beta");
            assertThat(p.get("ties")).isEqualTo(1);
            assertThat((Double) p.get("strength")).isEqualTo(2.0);
        });
    }

    @Test
    void aTeamOrDepartmentBelowTheMinimumAppearsNowhere() throws Exception {
        Map<String, Object> f = write(5, false);
        String all = allReportFiles(out.resolve("runs").resolve(SmallOrg.AS_OF));
        assertThat(all).doesNotContain(SmallOrg.TINY_TEAM).doesNotContain(SmallOrg.TINY_DEPARTMENT);
        // its newcomer is still listed, under the merged label, and the merged group of 2 has no team row
        assertThat(rows(f.get("newcomers_without_mentor")))
                .singleElement()
                .satisfies(p -> assertThat(p.get("team")).isEqualTo(PrivacyPolicy.SMALL_TEAMS));
        assertThat(rows(f.get("teams"))).extracting(t -> t.get("team")).doesNotContain(PrivacyPolicy.SMALL_TEAMS);
        // the connector who reaches into the tiny team says so only through the merged label
        Map<String, Object> alpha2 = rows(f.get("top_connectors")).stream()
                .filter(c -> "emp-alpha-2".equals(c.get("person_id")))
                .findFirst()
                .orElseThrow();
        assertThat((String) alpha2.get("reason")).contains(PrivacyPolicy.SMALL_TEAMS);
        assertThat(Files.readString(out.resolve("runs").resolve(SmallOrg.AS_OF).resolve("network-health-teams.csv")))
                .doesNotContain("other (");
    }

    /** The map: Alpha and Beta, the dormant bridge between them marked, the tiny team and its tie left out. */
    @Test
    void theNetworkMapShowsOnlyGroupsAtTheMinimumAndMarksTheFadingBridge() {
        Map<String, Object> map = section(write(5, false), "network_map");
        assertThat(map.get("level")).isEqualTo("team");
        List<Map<String, Object>> nodes = rows(map.get("nodes"));
        assertThat(nodes).extracting(x -> x.get("label")).containsExactly("Alpha", "Beta");
        assertThat(nodes).extracting(x -> x.get("people")).containsExactly(6, 5);
        assertThat(nodes).extracting(x -> x.get("department")).containsOnly("Engineering");
        // the one tie between them is 2.0 strong; Alpha's tie into the tiny team is on no link
        assertThat(map.get("links_between_groups")).isEqualTo(1);
        assertThat(rows(map.get("links"))).singleElement().satisfies(l -> {
            assertThat(l).containsEntry("a", 0).containsEntry("b", 1).containsEntry("ties", 1);
            assertThat(l).containsEntry("fading", 1).containsEntry("dormant", 1).containsEntry("mentorships", 0);
            assertThat((Double) l.get("strength")).isEqualTo(2.0);
        });
        // the top connector (emp-alpha-1) rings Alpha; the tiny team's connector is on no node
        List<Map<String, Object>> alphaConnectors = rows(nodes.get(0).get("connectors"));
        assertThat(alphaConnectors).extracting(c -> c.get("person_id")).contains("emp-alpha-1", "emp-alpha-2");
        assertThat(alphaConnectors.get(0)).containsEntry("rank", 1).containsEntry("name", "Alice Alpha1");
        assertThat(rows(nodes.get(1).get("connectors")))
                .extracting(c -> c.get("person_id"))
                .startsWith("emp-beta-1");
        // one component: the two teams, one link apart
        double dx = (Double) nodes.get(0).get("x") - (Double) nodes.get(1).get("x"),
                dy = (Double) nodes.get(0).get("y") - (Double) nodes.get(1).get("y");
        assertThat(Math.hypot(dx, dy)).isCloseTo(1.0, within(1e-4));
        assertThat(map.get("components")).isEqualTo(1);

        Map<String, Object> two = section(write(2, false), "network_map");
        assertThat(rows(two.get("nodes")))
                .extracting(x -> x.get("label"))
                .containsExactly("Alpha", "Beta", SmallOrg.TINY_TEAM);
        assertThat(two.get("links_between_groups")).isEqualTo(2);
    }

    @Test
    void aLowerMinimumShowsTheSmallTeamAndAHigherOneHidesMore() throws Exception {
        Map<String, Object> two = write(2, false);
        assertThat(rows(two.get("teams")))
                .extracting(t -> t.get("team"))
                .containsExactlyInAnyOrder("Alpha", "Beta", SmallOrg.TINY_TEAM);

        Map<String, Object> six = write(6, false);
        // Beta (5) joins Tiny Vault (2) under the merged label, which has 7 people and so a row of its own
        assertThat(rows(six.get("teams")))
                .extracting(t -> t.get("team"))
                .containsExactlyInAnyOrder("Alpha", PrivacyPolicy.SMALL_TEAMS);
        assertThat(allReportFiles(out.resolve("runs").resolve(SmallOrg.AS_OF)))
                .doesNotContain("Beta,")
                .doesNotContain("\"Beta\"")
                .doesNotContain(">Beta<")
                .doesNotContain(SmallOrg.TINY_TEAM);
    }

    @Test
    void pseudonymisedReportsNameNoOneAndKeepPseudonymsStable() throws Exception {
        Map<String, Object> first = write(5, true);
        String all = allReportFiles(out.resolve("runs").resolve(SmallOrg.AS_OF));
        for (org.apache.spark.sql.Row person : org.directory) {
            String id = person.getString(0);
            assertThat(all).as("id " + id).doesNotContain(id);
            assertThat(all).as("name of " + id).doesNotContain(person.getString(1));
        }
        List<Object> ids = new ArrayList<>();
        rows(first.get("top_connectors")).forEach(c -> ids.add(c.get("person_id")));
        assertThat(ids).isNotEmpty().allSatisfy(id -> assertThat((String) id).matches("person-[0-9a-f]{12}"));
        assertThat(rows(first.get("top_connectors")))
                .allSatisfy(c -> assertThat(c.get("name")).isNull());
        assertThat(rows(first.get("fading_ties")))
                .isNotEmpty()
                .allSatisfy(t -> assertThat((String) t.get("person_a")).startsWith("person-"));

        Map<String, Object> again = write(5, true);
        List<Object> idsAgain = new ArrayList<>();
        rows(again.get("top_connectors")).forEach(c -> idsAgain.add(c.get("person_id")));
        assertThat(idsAgain).isEqualTo(ids);
        assertThat(section(first, "privacy").get("pseudonymised")).isEqualTo(true);
    }

    @Test
    void withoutPseudonymsPeopleAppearByIdAndName() throws Exception {
        Map<String, Object> f = write(5, false);
        Map<String, Object> top = rows(f.get("top_connectors")).get(0);
        assertThat(top.get("person_id")).isEqualTo("emp-alpha-1");
        assertThat(top.get("name")).isEqualTo("Alice Alpha1");
        assertThat(allReportFiles(out.resolve("runs").resolve(SmallOrg.AS_OF))).contains("Alice Alpha1");
    }

    @Test
    void fadingListsAndEveryCsvTable() throws Exception {
        Map<String, Object> f = write(5, false);
        List<Map<String, Object>> fading = rows(f.get("fading_ties"));
        assertThat(fading).extracting(t -> t.get("kind")).containsExactly("mentorship", "bridge");
        assertThat(fading.get(0))
                .containsEntry("person_a", "emp-alpha-3")
                .containsEntry("person_b", "emp-alpha-4")
                .containsEntry("status", "dormant");
        assertThat(fading.get(1)).containsEntry("team_a", "Alpha").containsEntry("team_b", "Beta");
        Path run = out.resolve("runs").resolve(SmallOrg.AS_OF);
        for (String table : CsvExports.tables(f).keySet()) {
            assertThat(run.resolve(CsvExports.PREFIX + table + ".csv"))
                    .as(table)
                    .isNotEmptyFile();
        }
        List<String> fadingCsv = Files.readAllLines(run.resolve("network-health-fading-ties.csv"));
        assertThat(fadingCsv).hasSize(3);
        assertThat(fadingCsv.get(1)).startsWith("mentorship,dormant,emp-alpha-3,Alice Alpha3,Alpha,emp-alpha-4");
        assertThat(Files.readAllLines(run.resolve("network-health-teams.csv")).get(1))
                .startsWith("Alpha,Engineering,6,15,1,");
    }

    @Test
    void brokerageConcentration() {
        double[] equal = {1, 1, 1, 1};
        assertThat(NetworkHealth.gini(equal)).isCloseTo(0, within(1e-12));
        assertThat(NetworkHealth.topShare(equal, 0.25)).isCloseTo(0.25, within(1e-12));
        double[] one = {0, 0, 0, 5};
        assertThat(NetworkHealth.gini(one)).isCloseTo(0.75, within(1e-12));
        assertThat(NetworkHealth.topShare(one, 0.01)).isEqualTo(1.0);
        double[] hundred = new double[100];
        for (int i = 0; i < 100; i++) hundred[i] = i + 1;
        // top 5% of 100 is exactly 5 people (96..100), not 6 through floating-point rounding of 100 * 0.05
        assertThat(NetworkHealth.topShare(hundred, 0.05)).isCloseTo((96 + 97 + 98 + 99 + 100) / 5050.0, within(1e-12));
        assertThat(NetworkHealth.median(new int[] {3, 1, 2, 10})).isEqualTo(2.5);
    }
}
