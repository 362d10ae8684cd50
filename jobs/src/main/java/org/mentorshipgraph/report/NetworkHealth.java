package org.mentorshipgraph.report;

import org.mentorshipgraph.centrality.PersonMetrics;
import org.mentorshipgraph.graph.CompactGraph;
import org.mentorshipgraph.graph.OrgGraph;
import org.mentorshipgraph.ties.AssessedTie;
import org.mentorshipgraph.ties.PersonFlags;
import org.mentorshipgraph.ties.TieAssessment;
import org.mentorshipgraph.ties.TieStatus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures of the network-health report, computed once and rendered twice (JSON for machines, HTML for people).
 *
 * <p>Privacy: a team with fewer than {@code minGroupSize} people never appears under its own name; its people
 * are counted under {@value #SMALL_TEAMS}.
 */
public final class NetworkHealth {
    private NetworkHealth() {}

    public static final String SMALL_TEAMS = "other (small teams)";

    public static Map<String, Object> figures(String asOf, OrgGraph org, PersonMetrics m, TieAssessment.Result assessed,
                                              PersonFlags flags, int topConnectors, int minGroupSize, Map<String, Object> methods) {
        CompactGraph g = org.graph();
        int n = org.size();
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("as_of", asOf);
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("people", n);
        h.put("active_ties", g.edgeCount());
        h.put("ties_total", assessed.ties().size());
        h.put("density", n < 2 ? 0.0 : 2.0 * g.edgeCount() / ((double) n * (n - 1)));
        h.put("largest_group_share", n == 0 ? 0.0 : (double) largestComponent(g) / n);
        h.put("modularity", m.modularity());
        h.put("communities", m.communities());
        int[] deg = m.degree().clone();
        Arrays.sort(deg);
        h.put("median_ties_per_person", n == 0 ? 0.0 : (n % 2 == 1 ? deg[n / 2] : (deg[n / 2 - 1] + deg[n / 2]) / 2.0));
        Map<String, Long> status = new LinkedHashMap<>();
        for (TieStatus s : TieStatus.values()) status.put(s.label(), 0L);
        long weakeningMentorships = 0, fadingBridges = 0;
        for (AssessedTie t : assessed.ties()) {
            status.merge(t.trend().status().label(), 1L, Long::sum);
            if (t.fading() && t.mentorship()) weakeningMentorships++;
            if (t.fading() && !t.mentorship() && (t.crossTeam() || t.crossCommunity())) fadingBridges++;
        }
        h.put("weakening_ties", status.get("weakening"));
        h.put("dormant_ties", status.get("dormant"));
        h.put("weakening_mentorships", weakeningMentorships);
        h.put("fading_bridges", fadingBridges);
        h.put("people_with_shrinking_network", count(flags.networkShrinking()));
        h.put("newcomers_without_mentor", count(flags.newcomerWithoutMentor()));
        h.put("brokerage_top1pct_share", topShare(m.betweenness(), 0.01));
        f.put("headline", h);
        f.put("tie_status", status);

        String[] teamLabel = teamLabels(org, minGroupSize);
        List<Map<String, Object>> connectors = new ArrayList<>();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(order, Comparator.comparingInt(i -> m.rank()[i]));
        for (int r = 0; r < Math.min(topConnectors, n); r++) {
            int i = order[r];
            if (m.degree()[i] == 0) break;
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("rank", m.rank()[i]);
            c.put("person_id", org.id(i));
            c.put("name", org.person(i).displayName());
            c.put("team", teamLabel[i]);
            c.put("connector_score", m.connectorScore()[i]);
            c.put("betweenness", m.betweenness()[i]);
            c.put("constraint", nanToNull(m.constraint()[i]));
            c.put("cross_team_share", m.crossTeamShare()[i]);
            c.put("reason", m.reason()[i]);
            connectors.add(c);
        }
        f.put("top_connectors", connectors);

        List<Map<String, Object>> fading = new ArrayList<>();
        assessed.ties().stream().filter(t -> t.priority() < 9).sorted(Comparator.comparingInt(AssessedTie::priority)
                        .thenComparingDouble(t -> Double.isNaN(t.bridgeRisk()) ? 0 : -t.bridgeRisk())
                        .thenComparingDouble(t -> -t.tie().strength()))
                .limit(50).forEach(t -> {
                    Map<String, Object> x = new LinkedHashMap<>();
                    int a = org.indexOf(t.tie().personA()), b = org.indexOf(t.tie().personB());
                    x.put("person_a", t.tie().personA());
                    x.put("name_a", org.person(a).displayName());
                    x.put("team_a", teamLabel[a]);
                    x.put("person_b", t.tie().personB());
                    x.put("name_b", org.person(b).displayName());
                    x.put("team_b", teamLabel[b]);
                    x.put("status", t.trend().status().label());
                    x.put("kind", t.mentorship() ? "mentorship" : (t.crossTeam() || t.crossCommunity()) ? "bridge" : "tie");
                    x.put("reason", t.trend().reason());
                    fading.add(x);
                });
        f.put("fading_ties", fading);

        Map<String, int[]> teams = new TreeMap<>();
        for (int i = 0; i < n; i++) teams.computeIfAbsent(teamLabel[i], k -> new int[1])[0]++;
        List<Map<String, Object>> teamRows = new ArrayList<>();
        teams.forEach((name, size) -> teamRows.add(new LinkedHashMap<>(Map.of("team", name, "people", size[0]))));
        f.put("teams", teamRows);
        f.put("methods", methods);
        return f;
    }

    /** Team names as the report may show them: small teams merged under {@link #SMALL_TEAMS}. */
    public static String[] teamLabels(OrgGraph org, int minGroupSize) {
        int[] size = new int[org.teams().length];
        for (int t : org.teamOf()) size[t]++;
        String[] label = new String[org.size()];
        for (int i = 0; i < org.size(); i++) {
            int t = org.teamOf()[i];
            label[i] = size[t] < minGroupSize ? SMALL_TEAMS : org.teams()[t];
        }
        return label;
    }

    static int largestComponent(CompactGraph g) {
        int n = g.nodeCount();
        int[] comp = new int[n];
        Arrays.fill(comp, -1);
        int[] stack = new int[n];
        int best = 0;
        for (int s = 0; s < n; s++) {
            if (comp[s] >= 0) continue;
            int size = 0, top = 0;
            stack[top++] = s;
            comp[s] = s;
            while (top > 0) {
                int u = stack[--top];
                size++;
                for (int k = g.offsets()[u]; k < g.offsets()[u + 1]; k++) {
                    int v = g.targets()[k];
                    if (comp[v] < 0) { comp[v] = s; stack[top++] = v; }
                }
            }
            best = Math.max(best, size);
        }
        return best;
    }

    static double topShare(double[] values, double share) {
        double total = Arrays.stream(values).sum();
        if (total <= 0) return 0;
        double[] v = values.clone();
        Arrays.sort(v);
        int k = Math.max(1, (int) Math.ceil(v.length * share));
        double top = 0;
        for (int i = v.length - k; i < v.length; i++) top += v[i];
        return top / total;
    }

    private static long count(boolean[] b) {
        long c = 0;
        for (boolean x : b) if (x) c++;
        return c;
    }

    private static Object nanToNull(double d) {
        return Double.isNaN(d) ? null : d;
    }
}
