package org.mentorshipgraph.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mentorshipgraph.ties.OrgGraph;

/** Which groups the network map draws when there are too many teams, and that it is the same map every time. */
class NetworkMapTest {
    /** {@code teams} teams of 5 in {@code teams / perDepartment} departments; each team a ring, tied to the next team. */
    static OrgGraph org(int teams, int perDepartment) {
        List<OrgGraph.Member> people = new ArrayList<>();
        List<OrgGraph.Edge> edges = new ArrayList<>();
        for (int t = 0; t < teams; t++) {
            for (int k = 0; k < 5; k++) {
                people.add(new OrgGraph.Member(id(t, k), null, "T" + t, "D" + (t / perDepartment), null));
                edges.add(new OrgGraph.Edge(id(t, k), id(t, (k + 1) % 5), 2.0));
            }
            if (t > 0) edges.add(new OrgGraph.Edge(id(t, 0), id(t - 1, 1), 1.0));
        }
        int[] at = {0};
        return OrgGraph.of(people, () -> at[0] < edges.size() ? edges.get(at[0]++) : null);
    }

    static String id(int t, int k) {
        return String.format("p%04d-%d", t, k);
    }

    static int[] ranks(OrgGraph org) {
        int[] rank = new int[org.size()];
        for (int i = 0; i < rank.length; i++) rank[i] = i + 1;
        return rank;
    }

    @Test
    void withTooManyTeamsAndOneDepartmentTheMapDrawsCommunities() {
        OrgGraph org = org(200, 200);
        int[] community = new int[org.size()];
        for (int i = 0; i < community.length; i++) community[i] = org.teamOf()[i] / 10; // 20 communities of 50
        Map<String, Object> map = NetworkMap.of(org, community, ranks(org), List.of(), PrivacyPolicy.of(org, 5, null));
        assertThat(map.get("level")).isEqualTo("community");
        List<Map<String, Object>> nodes = HtmlReport.list(map.get("nodes"));
        assertThat(nodes).hasSize(20);
        assertThat(nodes.get(0)).containsEntry("label", "community 1").containsEntry("people", 50);
        assertThat((List<?>) nodes.get(0).get("main_teams")).hasSize(3);
        assertThat(map.get("groups_left_out")).isEqualTo(0);
        assertThat(HtmlReport.render(
                        Map.of("as_of", "2026-11-15", "privacy", Map.of("min_group_size", 5), "network_map", map)))
                .contains("Each circle is a community of the network");
    }

    @Test
    void whenNoGroupingFitsTheLargestAreKeptAndTheRestCounted() {
        OrgGraph org = org(400, 1); // 400 teams, each its own department
        int[] community = new int[org.size()];
        for (int i = 0; i < community.length; i++) community[i] = org.teamOf()[i];
        Map<String, Object> map = NetworkMap.of(org, community, ranks(org), List.of(), PrivacyPolicy.of(org, 5, null));
        assertThat(map.get("level")).isEqualTo("department");
        assertThat(HtmlReport.list(map.get("nodes"))).hasSize(NetworkMap.MAX_GROUPS);
        assertThat(map.get("groups_left_out")).isEqualTo(400 - NetworkMap.MAX_GROUPS);
        String html = HtmlReport.render(
                Map.of("as_of", "2026-11-15", "privacy", Map.of("min_group_size", 5), "network_map", map));
        assertThat(html).contains("so are the 250 smallest beyond the 150 largest");
    }

    @Test
    void aGroupBelowTheMinimumIsLeftOutAtEveryLevel() {
        OrgGraph org = org(200, 200);
        int[] community = new int[org.size()];
        for (int i = 0; i < community.length; i++)
            community[i] = i < 4 ? 999 : org.teamOf()[i] / 10; // a community of 4
        Map<String, Object> map = NetworkMap.of(org, community, ranks(org), List.of(), PrivacyPolicy.of(org, 5, null));
        assertThat(map.get("level")).isEqualTo("community");
        List<Map<String, Object>> nodes = HtmlReport.list(map.get("nodes"));
        assertThat(nodes)
                .hasSize(20)
                .allSatisfy(x -> assertThat((Integer) x.get("people")).isGreaterThanOrEqualTo(5));
        // its four people are on no node: the other nineteen communities of 50 and one of 46
        assertThat(nodes.stream().mapToInt(x -> (Integer) x.get("people")).sum())
                .isEqualTo(1000 - 4);
        // with a higher minimum every team of 5 is merged into one group, the one department is one, and no
        // community is large enough: too few groups for a map
        Map<String, Object> none =
                NetworkMap.of(org, community, ranks(org), List.of(), PrivacyPolicy.of(org, 60, null));
        assertThat(HtmlReport.list(none.get("nodes")))
                .extracting(x -> x.get("label"))
                .containsExactly(PrivacyPolicy.SMALL_TEAMS);
        assertThat(HtmlReport.render(
                        Map.of("as_of", "2026-11-15", "privacy", Map.of("min_group_size", 60), "network_map", none)))
                .contains("Too few")
                .doesNotContain("id=\"network-map\"");
    }

    @Test
    void theSameRunGivesTheSameMap() {
        OrgGraph org = org(40, 8);
        int[] community = new int[org.size()];
        Map<String, Object> a = NetworkMap.of(org, community, ranks(org), List.of(), PrivacyPolicy.of(org, 5, null));
        Map<String, Object> b = NetworkMap.of(org, community, ranks(org), List.of(), PrivacyPolicy.of(org, 5, null));
        assertThat(a).isEqualTo(b);
        assertThat(a.get("level")).isEqualTo("team");
        // a chain of teams is drawn as a long line: the first and last far apart, each next to its neighbour
        List<Map<String, Object>> nodes = HtmlReport.list(a.get("nodes"));
        int t0 = indexOf(nodes, "T0"), t1 = indexOf(nodes, "T1"), t39 = indexOf(nodes, "T39");
        assertThat(ManyTeamsReportTest.distance(nodes, t0, t1))
                .isLessThan(ManyTeamsReportTest.distance(nodes, t0, t39) / 20);
    }

    static int indexOf(List<Map<String, Object>> nodes, String label) {
        for (int i = 0; i < nodes.size(); i++) if (label.equals(nodes.get(i).get("label"))) return i;
        throw new AssertionError("no node " + label);
    }
}
