package org.mentorshipgraph.report;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.mentorshipgraph.algorithms.graph.CompactGraph;
import org.mentorshipgraph.algorithms.ties.TieStatus;
import org.mentorshipgraph.config.JobConfig;
import org.mentorshipgraph.connectors.DistributedBetweenness;
import org.mentorshipgraph.connectors.PersonMetrics;
import org.mentorshipgraph.ties.OrgGraph;
import org.mentorshipgraph.trends.FadingTie;
import org.mentorshipgraph.trends.PersonFlags;
import org.mentorshipgraph.trends.Trends;

/**
 * The figures of the network-health report, computed once per run from what the run has (the graph, the person
 * metrics, the assessed ties, the configuration) and stored as {@code network-health.json}; the page and the CSV
 * exports are rendered from that JSON alone ({@link ReportWriter}), so any past run's report can be rebuilt.
 *
 * <p>Every group and person label goes through {@link PrivacyPolicy}; nothing here prints a team, department or
 * person name any other way. Sections: {@code headline}, {@code tie_status}, {@code top_connectors},
 * {@code brokerage}, {@code fading_ties}, {@code shrinking_networks}, {@code newcomers_without_mentor},
 * {@code teams}, {@code team_links}, {@code network_map} ({@link NetworkMap}), {@code methods}, {@code privacy}; {@link RunHistory} adds {@code changes} and
 * {@code trend} from earlier runs.
 */
public final class NetworkHealth {
    private NetworkHealth() {}

    /** Version of the JSON layout; bump when a key changes meaning. */
    public static final int SCHEMA_VERSION = 2;
    /** At most this many rows per list of people or ties (the headline has the totals). */
    public static final int MAX_LIST_ROWS = 100;

    /** The figures of one run, privacy-filtered, as an ordered map ready for JSON. */
    public static Map<String, Object> figures(
            String asOf,
            OrgGraph org,
            PersonMetrics m,
            Trends trends,
            JobConfig config,
            PrivacyPolicy privacy,
            Map<String, Object> methods,
            Map<String, Object> runCounts) {
        CompactGraph g = org.graph();
        int n = org.size();
        PersonFlags flags = trends.people();
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("schema_version", SCHEMA_VERSION);
        f.put("as_of", asOf);

        Map<String, Long> status = new LinkedHashMap<>();
        for (TieStatus s : TieStatus.values()) status.put(s.label(), 0L);
        status.putAll(trends.byStatus());
        long fadingMentorships = trends.priority(1),
                fadingBridges = trends.priority(2),
                otherFading = trends.priority(3);
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("people", n);
        h.put("active_ties", g.edgeCount());
        h.put("ties_total", trends.tieCount());
        h.put("density", n < 2 ? 0.0 : 2.0 * g.edgeCount() / ((double) n * (n - 1)));
        h.put("largest_group_share", n == 0 ? 0.0 : (double) largestComponent(g) / n);
        h.put("modularity", m.modularity());
        h.put("communities", m.communities());
        h.put("median_ties_per_person", median(m.degree()));
        h.put("weakening_ties", status.get(TieStatus.WEAKENING.label()));
        h.put("dormant_ties", status.get(TieStatus.DORMANT.label()));
        h.put("weakening_mentorships", fadingMentorships);
        h.put("fading_bridges", fadingBridges);
        h.put("other_fading_ties", otherFading);
        h.put("paused_ties", status.get(TieStatus.PAUSED.label()));
        h.put("people_away", count(flags.away()));
        h.put("people_with_shrinking_network", count(flags.networkShrinking()));
        h.put("newcomers_without_mentor", count(flags.newcomerWithoutMentor()));
        h.put("brokerage_top1pct_share", topShare(m.betweenness(), 0.01));
        f.put("headline", h);
        f.put("tie_status", status);
        Map<String, Object> list = new LinkedHashMap<>();
        list.put("ties_tested", trends.family().tested());
        list.put("ties_in_family", trends.family().family());
        list.put("listed", trends.family().listed());
        list.put("fdr", trends.family().fdr());
        list.put("expected_false_alarms", Math.round(trends.family().expectedFalseAlarms() * 10) / 10.0);
        list.put("recent_activity", Math.round(trends.recentActivity() * 1000) / 1000.0);
        f.put("fading_list", list);

        f.put("top_connectors", connectors(org, m, privacy, config.topConnectors()));
        f.put("brokerage", brokerage(m.betweenness()));
        f.put("fading_ties", fadingTies(trends.fading(), privacy));
        f.put("shrinking_networks", shrinking(org, flags, privacy));
        f.put("newcomers_without_mentor", newcomers(org, m, flags, privacy, LocalDate.parse(asOf)));
        TeamConnections teams = TeamConnections.of(org, privacy);
        f.put("teams", teams.teamRows());
        f.put("team_links", teams.links());
        f.put("network_map", NetworkMap.of(org, m.community(), m.rank(), trends.fading(), privacy));
        f.put("methods", methods(config, m.betweennessRun(), methods, runCounts));
        f.put("privacy", privacy.describe());
        return f;
    }

    // ---- connectors ----

    static List<Map<String, Object>> connectors(OrgGraph org, PersonMetrics m, PrivacyPolicy privacy, int top) {
        int n = org.size();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(order, Comparator.comparingInt(i -> m.rank()[i]));
        List<Map<String, Object>> out = new ArrayList<>();
        for (int r = 0; r < Math.min(top, n); r++) {
            int i = order[r];
            if (m.degree()[i] == 0) break;
            Joins joins = joins(org, privacy, m.community(), i);
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("rank", m.rank()[i]);
            c.put("person_id", privacy.personId(i));
            c.put("name", privacy.personName(i));
            c.put("team", privacy.team(i));
            c.put("department", privacy.department(i));
            c.put("connector_score", m.connectorScore()[i]);
            c.put("betweenness", m.betweenness()[i]);
            c.put("constraint", nanToNull(m.constraint()[i]));
            c.put("team_participation", m.teamParticipation()[i]);
            c.put("cross_team_share", m.crossTeamShare()[i]);
            c.put("ties", m.degree()[i]);
            c.put("teams_joined", joins.teams().size());
            c.put("departments_joined", joins.departments().size());
            c.put("communities_joined", joins.communities());
            c.put("joins", joins.teams());
            c.put("reason", joins.reason(m.crossTeamShare()[i]));
            out.add(c);
        }
        return out;
    }

    /** Which groups a person's active ties join: strength share per team label, department labels, communities. */
    record Joins(List<Map<String, Object>> teams, Set<String> departments, int communities) {
        String reason(double crossTeamShare) {
            StringBuilder sb =
                    new StringBuilder("joins ").append(teams.size()).append(teams.size() == 1 ? " team (" : " teams (");
            for (int k = 0; k < Math.min(4, teams.size()); k++) {
                if (k > 0) sb.append(", ");
                sb.append(teams.get(k).get("team"))
                        .append(' ')
                        .append(Math.round(100 * ((Number) teams.get(k).get("share")).doubleValue()))
                        .append('%');
            }
            if (teams.size() > 4) sb.append(", …");
            sb.append(String.format(
                    Locale.ROOT,
                    ") across %d department%s and %d communit%s; %.0f%% of tie strength crosses team lines",
                    departments.size(),
                    departments.size() == 1 ? "" : "s",
                    communities,
                    communities == 1 ? "y" : "ies",
                    100 * crossTeamShare));
            return sb.toString();
        }
    }

    static Joins joins(OrgGraph org, PrivacyPolicy privacy, int[] community, int u) {
        CompactGraph g = org.graph();
        Map<String, Double> byTeam = new TreeMap<>();
        Set<String> depts = new TreeSet<>();
        Set<Integer> comms = new TreeSet<>();
        double total = 0;
        for (int k = g.offsets()[u]; k < g.offsets()[u + 1]; k++) {
            int v = g.targets()[k];
            total += g.weights()[k];
            byTeam.merge(privacy.team(v), g.weights()[k], Double::sum);
            depts.add(privacy.department(v));
            comms.add(community[v]);
        }
        List<Map.Entry<String, Double>> sorted = new ArrayList<>(byTeam.entrySet());
        sorted.sort(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        List<Map<String, Object>> teams = new ArrayList<>();
        for (Map.Entry<String, Double> e : sorted) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("team", e.getKey());
            t.put("share", total > 0 ? e.getValue() / total : 0.0);
            teams.add(t);
        }
        return new Joins(teams, depts, comms.size());
    }

    /**
     * How concentrated brokerage is: the share of all betweenness held by the top 1%, 5%, 10% and 25% of people, the
     * Gini coefficient, and the Lorenz-style curve (cumulative share held by the top x% of people, x = 0..100).
     */
    static Map<String, Object> brokerage(double[] betweenness) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("top_1pct_share", topShare(betweenness, 0.01));
        b.put("top_5pct_share", topShare(betweenness, 0.05));
        b.put("top_10pct_share", topShare(betweenness, 0.10));
        b.put("top_25pct_share", topShare(betweenness, 0.25));
        b.put("people_in_top_1pct", Math.max(1, (int) Math.ceil(betweenness.length * 0.01)));
        b.put("gini", gini(betweenness));
        List<Map<String, Object>> curve = new ArrayList<>();
        for (int pct : new int[] {0, 1, 2, 5, 10, 15, 20, 30, 40, 50, 60, 70, 80, 90, 100}) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("top_people_share", pct / 100.0);
            p.put("betweenness_share", pct == 0 ? 0.0 : topShare(betweenness, pct / 100.0));
            curve.add(p);
        }
        b.put("curve", curve);
        return b;
    }

    // ---- fading ties and people ----

    /** The fading mentorships and bridges, in the order the tie-status step chose (at most {@link #MAX_LIST_ROWS}). */
    static List<Map<String, Object>> fadingTies(List<FadingTie> fading, PrivacyPolicy privacy) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (FadingTie t : fading.subList(0, Math.min(MAX_LIST_ROWS, fading.size()))) {
            int a = t.a(), b = t.b();
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("kind", t.mentorship() ? "mentorship" : "bridge");
            x.put("status", t.status());
            x.put("person_a", privacy.personId(a));
            x.put("name_a", privacy.personName(a));
            x.put("team_a", privacy.team(a));
            x.put("person_b", privacy.personId(b));
            x.put("name_b", privacy.personName(b));
            x.put("team_b", privacy.team(b));
            x.put("cross_team", t.crossTeam());
            x.put("cross_community", t.crossCommunity());
            x.put("strength", t.strength());
            x.put("bridge_risk", nanToNull(t.bridgeRisk()));
            x.put("recent_per_week", 7 * t.recentRate());
            x.put("baseline_per_week", 7 * t.baselineRate());
            x.put("p_drop", nanToNull(t.pDrop()));
            x.put("usual_gap_days", nanToNull(t.usualGapDays()));
            x.put("reason", t.reason());
            out.add(x);
        }
        return out;
    }

    static List<Map<String, Object>> shrinking(OrgGraph org, PersonFlags flags, PrivacyPolicy privacy) {
        List<Integer> who = new ArrayList<>();
        for (int i = 0; i < org.size(); i++) if (flags.networkShrinking()[i]) who.add(i);
        who.sort(Comparator.<Integer>comparingDouble(i -> change(flags.recentRate()[i], flags.baselineRate()[i]))
                .thenComparing(org::id));
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i : who.subList(0, Math.min(MAX_LIST_ROWS, who.size()))) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("person_id", privacy.personId(i));
            p.put("name", privacy.personName(i));
            p.put("team", privacy.team(i));
            p.put("recent_per_week", 7 * flags.recentRate()[i]);
            p.put("baseline_per_week", 7 * flags.baselineRate()[i]);
            p.put("change", change(flags.recentRate()[i], flags.baselineRate()[i]));
            out.add(p);
        }
        return out;
    }

    static List<Map<String, Object>> newcomers(
            OrgGraph org, PersonMetrics m, PersonFlags flags, PrivacyPolicy privacy, LocalDate asOf) {
        List<Integer> who = new ArrayList<>();
        for (int i = 0; i < org.size(); i++) if (flags.newcomerWithoutMentor()[i]) who.add(i);
        who.sort(Comparator.<Integer>comparingInt(i -> m.degree()[i]).thenComparing(org::id));
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i : who.subList(0, Math.min(MAX_LIST_ROWS, who.size()))) {
            LocalDate hired = org.hireDate(i);
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("person_id", privacy.personId(i));
            x.put("name", privacy.personName(i));
            x.put("team", privacy.team(i));
            x.put("days_since_hire", hired == null ? null : ChronoUnit.DAYS.between(hired, asOf));
            x.put("active_ties", m.degree()[i]);
            x.put("cross_team_share", m.crossTeamShare()[i]);
            out.add(x);
        }
        return out;
    }

    // ---- methods ----

    static Map<String, Object> methods(
            JobConfig config,
            DistributedBetweenness.Result bc,
            Map<String, Object> definitions,
            Map<String, Object> runCounts) {
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("lookback_days", config.lookbackDays());
        p.put("half_life_days", config.halfLifeDays());
        p.put("min_strength", config.minStrength());
        p.put("min_interactions", config.minInteractions());
        p.put("recent_window_days", config.recentWindowDays());
        p.put("baseline_window_days", config.baselineWindowDays());
        p.put("weakening_ratio", config.trendTests().weakeningRatio());
        p.put("significance", config.trendTests().significance());
        p.put("fdr", config.trendTests().fdr());
        p.put("mid_p", config.trendTests().midP());
        p.put("shrink_share", config.shrinkShare());
        p.put("newcomer_days", config.newcomerDays());
        p.put("newcomer_min_ties", config.newcomerMinTies());
        p.put("weighted_betweenness", config.weightedBetweenness());
        p.put("seed", config.seed());
        m.put("parameters", p);
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("mode", bc.mode());
        b.put("sources", bc.sources());
        boolean adaptive = "adaptive".equals(bc.mode());
        if (adaptive) {
            b.put("samples", bc.samples());
            b.put("sample_bound", bc.sampleBound());
        }
        boolean bounded = "epsilon".equals(bc.mode()) || adaptive;
        b.put("epsilon", bounded ? bc.epsilon() : null);
        b.put("delta", bounded ? bc.delta() : null);
        b.put("vertex_diameter_bound", bounded ? bc.vertexDiameterBound() : null);
        b.put(
                "error_bound",
                switch (bc.mode()) {
                    case "exact" -> "exact (Brandes 2001): every person is a source, no sampling error";
                    case "epsilon" ->
                        String.format(
                                Locale.ROOT,
                                "sampled: every score within ±%.4g of the exact value with probability at least %.3g "
                                        + "(Riondato & Kornaropoulos 2016; %,d sources for a vertex-diameter bound of %d)",
                                bc.epsilon(),
                                1 - bc.delta(),
                                bc.sources(),
                                bc.vertexDiameterBound());
                    case "adaptive" ->
                        String.format(
                                Locale.ROOT,
                                "sampled shortest paths: every score within ±%.4g of the exact value with probability at least %.3g "
                                        + "(KADABRA, Borassi & Natale 2016; %,d sampled pairs of at most ω = %,d for a vertex-diameter bound of %d%s)",
                                bc.epsilon(),
                                1 - bc.delta(),
                                bc.samples(),
                                bc.sampleBound(),
                                bc.vertexDiameterBound(),
                                bc.stoppedEarly()
                                        ? ", certified by the adaptive stopping rule"
                                        : ", ω reached: the bound is Riondato & Kornaropoulos' (2016)");
                    default ->
                        String.format(
                                Locale.ROOT,
                                "sampled with a fixed number of sources (%,d, Brandes & Pich 2007): unbiased, no stated error bound",
                                bc.sources());
                });
        m.put("betweenness", b);
        Map<String, Object> q = new LinkedHashMap<>();
        for (String k : List.of(
                "interaction_rows_read",
                "interactions_valid",
                "interactions_rejected",
                "rejected_by_reason",
                "interaction_duplicates",
                "interactions_after_as_of",
                "interactions_before_lookback",
                "directory_rejected",
                "mentorships_rejected")) {
            if (runCounts.containsKey(k)) q.put(k, runCounts.get(k));
        }
        m.put("quarantine", q);
        m.put("definitions", new LinkedHashMap<>(definitions));
        return m;
    }

    // ---- small pure helpers ----

    /** Median of the degrees; 0 for an empty graph. */
    static double median(int[] values) {
        int n = values.length;
        if (n == 0) return 0.0;
        int[] v = values.clone();
        Arrays.sort(v);
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
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
                    if (comp[v] < 0) {
                        comp[v] = s;
                        stack[top++] = v;
                    }
                }
            }
            best = Math.max(best, size);
        }
        return best;
    }

    /** Share of the total held by the top {@code ceil(n·share)} values (at least one); 0 when the total is 0. */
    static double topShare(double[] values, double share) {
        double total = Arrays.stream(values).sum();
        if (total <= 0) return 0;
        double[] v = values.clone();
        Arrays.sort(v);
        int k = Math.min(v.length, Math.max(1, (int) Math.ceil(v.length * share - 1e-9)));
        double top = 0;
        for (int i = v.length - k; i < v.length; i++) top += v[i];
        return top / total;
    }

    /** Gini coefficient of non-negative values: 0 when all are equal, (n−1)/n when one holds everything. */
    static double gini(double[] values) {
        int n = values.length;
        double total = Arrays.stream(values).sum();
        if (n == 0 || total <= 0) return 0;
        double[] v = values.clone();
        Arrays.sort(v);
        double weighted = 0;
        for (int i = 0; i < n; i++) weighted += (i + 1) * v[i];
        return 2 * weighted / (n * total) - (n + 1.0) / n;
    }

    static double change(double recent, double baseline) {
        return baseline > 0 ? recent / baseline - 1 : 0;
    }

    private static long count(boolean[] b) {
        long c = 0;
        for (boolean x : b) if (x) c++;
        return c;
    }

    private static Object nanToNull(double d) {
        return Double.isNaN(d) || Double.isInfinite(d) ? null : d;
    }
}
