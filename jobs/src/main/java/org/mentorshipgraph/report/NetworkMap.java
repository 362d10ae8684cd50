package org.mentorshipgraph.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.mentorshipgraph.algorithms.graph.CompactGraph;
import org.mentorshipgraph.algorithms.layout.Layout;
import org.mentorshipgraph.algorithms.layout.LayoutParameters;
import org.mentorshipgraph.algorithms.layout.StressLayout;
import org.mentorshipgraph.algorithms.ties.TieStatus;
import org.mentorshipgraph.ties.OrgGraph;
import org.mentorshipgraph.trends.FadingTie;

/**
 * The organisation drawn as a network of groups, for the report's map ({@code network_map} in the JSON): groups as
 * nodes sized by their people, the summed strength of the active ties between two groups as links, the groups of
 * the top connectors and the links that carry fading ties marked, and positions from a stress layout
 * ({@link StressLayout}) so that strongly tied groups sit together and unconnected ones apart.
 *
 * <ul>
 *   <li><b>Groups</b>: teams, when 2 to {@value #MAX_GROUPS} teams may be shown; otherwise departments or Louvain
 *   communities, whichever gives more groups within that range (communities are numbered by size, "community 1"
 *   the largest); if neither does, the {@value #MAX_GROUPS} largest groups of the level with the fewest above
 *   {@value #MAX_GROUPS}. Every label
 *   comes from {@link PrivacyPolicy}: a group of fewer than the minimum of people (the merged small-teams group
 *   included, when it is that small itself) is left out, with its ties.</li>
 *   <li><b>Links</b>: for two groups, the number of active ties between them and their summed strength S. The
 *   layout uses every link, at length ℓ = min({@value #MAX_LENGTH}, √(S<sub>max</sub> / S)) (the strongest link
 *   1 long, one a quarter as strong twice as long); the map draws each group's {@value #LINKS_PER_GROUP} strongest
 *   links (the backbone) and every link with a fading tie, and counts the others.</li>
 *   <li><b>Marks</b>: a group holding one of the top {@value #TOP_CONNECTORS} connectors lists them; a link lists the
 *   fading ties of the report's fading list (weakening or dormant mentorships and bridges) between its two
 *   groups.</li>
 *   <li><b>Positions</b>: x and y in [0, 1], scaled together (the picture keeps its shape: {@code width} and
 *   {@code height} are its extent), rounded to 4 decimals. Deterministic for a given run.</li>
 * </ul>
 *
 * <p>Cost: O(n + m) to group the people and their ties, then the layout of at most {@value #MAX_GROUPS} nodes
 * (milliseconds).
 */
final class NetworkMap {
    private NetworkMap() {}

    /** At most this many groups on the map. */
    static final int MAX_GROUPS = 150;
    /** The links each group keeps on the drawing (its strongest). */
    static final int LINKS_PER_GROUP = 3;
    /** The groups of this many top connectors are marked. */
    static final int TOP_CONNECTORS = 10;
    /** The longest link length, in units of the strongest link's. */
    static final double MAX_LENGTH = 6;

    enum Level {
        TEAM("team"),
        DEPARTMENT("department"),
        COMMUNITY("community");

        final String key;

        Level(String key) {
            this.key = key;
        }
    }

    /** One way of grouping people: person → group (−1: not on the map), and per group its label and people. */
    record Grouping(Level level, int[] groupOf, List<String> labels, int[] people, int shownGroups) {
        int size() {
            return labels.size();
        }
    }

    /**
     * @param community each person's Louvain community
     * @param rank      each person's connector rank (1 = highest)
     * @param fading    the report's fading list (mentorships and bridges)
     */
    static Map<String, Object> of(
            OrgGraph org, int[] community, int[] rank, List<FadingTie> fading, PrivacyPolicy privacy) {
        Grouping grouping = choose(org, community, privacy);
        int groups = grouping.size();
        int[] groupOf = grouping.groupOf();
        CompactGraph g = org.graph();

        // ties between groups, and inside them
        Map<Long, double[]> pairs = new TreeMap<>(); // key a·G + b (a < b) → {ties, strength}
        long[] insideTies = new long[groups];
        for (int u = 0; u < org.size(); u++) {
            int gu = groupOf[u];
            if (gu < 0) continue;
            for (int k = g.offsets()[u]; k < g.offsets()[u + 1]; k++) {
                int v = g.targets()[k];
                int gv = groupOf[v];
                if (v < u || gv < 0) continue;
                if (gu == gv) insideTies[gu]++;
                else {
                    double[] p = pairs.computeIfAbsent(key(gu, gv, groups), x -> new double[2]);
                    p[0]++;
                    p[1] += g.weights()[k];
                }
            }
        }
        // the layout over every link
        double strongest = 0;
        for (double[] p : pairs.values()) strongest = Math.max(strongest, p[1]);
        int[] a = new int[pairs.size()], b = new int[pairs.size()];
        double[] length = new double[pairs.size()];
        int e = 0;
        for (Map.Entry<Long, double[]> p : pairs.entrySet()) {
            a[e] = (int) (p.getKey() / groups);
            b[e] = (int) (p.getKey() % groups);
            length[e++] = Math.min(MAX_LENGTH, Math.sqrt(strongest / p.getValue()[1]));
        }
        Layout layout = StressLayout.of(CompactGraph.fromEdges(groups, a, b, length), LayoutParameters.defaults());
        double extent = Math.max(1e-9, Math.max(layout.width(), layout.height()));

        // the backbone: each group's strongest links
        TreeSet<Long> drawn = new TreeSet<>();
        List<List<Long>> byGroup = new ArrayList<>();
        for (int x = 0; x < groups; x++) byGroup.add(new ArrayList<>());
        for (Long k : pairs.keySet()) {
            byGroup.get((int) (k / groups)).add(k);
            byGroup.get((int) (k % groups)).add(k);
        }
        for (List<Long> links : byGroup) {
            links.sort(Comparator.<Long>comparingDouble(k -> -pairs.get(k)[1]).thenComparing(k -> k));
            drawn.addAll(links.subList(0, Math.min(LINKS_PER_GROUP, links.size())));
        }
        // the fading ties between groups
        Map<Long, Map<String, Integer>> fadingByPair = new TreeMap<>();
        for (FadingTie t : fading) {
            int ga = groupOf[t.a()], gb = groupOf[t.b()];
            if (ga < 0 || gb < 0 || ga == gb) continue;
            Map<String, Integer> c = fadingByPair.computeIfAbsent(key(ga, gb, groups), x -> new LinkedHashMap<>());
            c.merge("fading", 1, Integer::sum);
            c.merge(TieStatus.WEAKENING.label().equals(t.status()) ? "weakening" : "dormant", 1, Integer::sum);
            if (t.mentorship()) c.merge("mentorships", 1, Integer::sum);
        }

        // the top connectors, by group
        List<Integer> top = new ArrayList<>();
        for (int i = 0; i < org.size(); i++) if (rank[i] <= TOP_CONNECTORS && g.degree(i) > 0) top.add(i);
        top.sort(Comparator.comparingInt(i -> rank[i]));
        Map<Integer, List<Map<String, Object>>> connectorsOf = new HashMap<>();
        for (int i : top) {
            if (groupOf[i] < 0) continue;
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("rank", rank[i]);
            c.put("person_id", privacy.personId(i));
            c.put("name", privacy.personName(i));
            connectorsOf.computeIfAbsent(groupOf[i], x -> new ArrayList<>()).add(c);
        }

        Map<Integer, Map<String, Integer>> teamsOf =
                grouping.level() == Level.TEAM ? Map.of() : mainTeams(org, grouping, privacy);
        Map<Integer, String> departmentOf =
                grouping.level() == Level.TEAM ? departments(org, grouping, privacy) : Map.of();
        List<Map<String, Object>> nodes = new ArrayList<>();
        for (int x = 0; x < groups; x++) {
            Map<String, Object> node = new LinkedHashMap<>();
            node.put("id", x);
            node.put("label", grouping.labels().get(x));
            if (grouping.level() == Level.TEAM) node.put("department", departmentOf.get(x));
            else
                node.put(
                        "main_teams",
                        new ArrayList<>(teamsOf.getOrDefault(x, Map.of()).keySet()));
            node.put("people", grouping.people()[x]);
            node.put("inside_ties", insideTies[x]);
            node.put("x", round(layout.x()[x] / extent));
            node.put("y", round(layout.y()[x] / extent));
            node.put("component", layout.component()[x]);
            node.put("connectors", connectorsOf.getOrDefault(x, List.of()));
            nodes.add(node);
        }
        List<Map<String, Object>> links = new ArrayList<>();
        TreeSet<Long> shown = new TreeSet<>(drawn);
        shown.addAll(fadingByPair.keySet());
        for (long k : shown) {
            double[] p = pairs.get(k);
            Map<String, Object> link = new LinkedHashMap<>();
            link.put("a", (int) (k / groups));
            link.put("b", (int) (k % groups));
            link.put("ties", p == null ? 0L : (long) p[0]);
            link.put("strength", p == null ? 0.0 : p[1]);
            link.put("backbone", drawn.contains(k));
            Map<String, Integer> f = fadingByPair.getOrDefault(k, Map.of());
            link.put("fading", f.getOrDefault("fading", 0));
            link.put("weakening", f.getOrDefault("weakening", 0));
            link.put("dormant", f.getOrDefault("dormant", 0));
            link.put("mentorships", f.getOrDefault("mentorships", 0));
            links.add(link);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("level", grouping.level().key);
        out.put("groups", groups);
        out.put("groups_left_out", grouping.shownGroups() - groups);
        out.put("links_between_groups", pairs.size());
        out.put("links_drawn", links.size());
        out.put("top_connectors_marked", TOP_CONNECTORS);
        out.put("components", layout.components());
        out.put("width", round(layout.width() / extent));
        out.put("height", round(layout.height() / extent));
        out.put("nodes", nodes);
        out.put("links", links);
        return out;
    }

    /**
     * Teams when there are 2 to {@value #MAX_GROUPS}; else the finer of departments and communities with 2 to
     * {@value #MAX_GROUPS} groups; else, when some level has more, the one with the fewest of those (cut to its
     * largest; departments first on a tie, then communities); else teams (too few groups for a map).
     */
    static Grouping choose(OrgGraph org, int[] community, PrivacyPolicy privacy) {
        Grouping teams = grouping(org, Level.TEAM, community, privacy);
        if (fits(teams)) return teams;
        Grouping departments = grouping(org, Level.DEPARTMENT, community, privacy);
        Grouping communities = grouping(org, Level.COMMUNITY, community, privacy);
        if (fits(departments) && fits(communities))
            return communities.shownGroups() > departments.shownGroups() ? communities : departments;
        if (fits(departments)) return departments;
        if (fits(communities)) return communities;
        Grouping fewest = null;
        for (Grouping g : List.of(departments, communities, teams))
            if (g.shownGroups() > MAX_GROUPS && (fewest == null || g.shownGroups() < fewest.shownGroups())) fewest = g;
        return fewest != null ? fewest : teams;
    }

    private static boolean fits(Grouping g) {
        return g.shownGroups() >= 2 && g.shownGroups() <= MAX_GROUPS;
    }

    /** The groups of one level that may be shown (at least the minimum of people), the largest {@value #MAX_GROUPS}. */
    static Grouping grouping(OrgGraph org, Level level, int[] community, PrivacyPolicy privacy) {
        int n = org.size();
        String[] raw = new String[n];
        Map<String, Integer> size = new HashMap<>();
        for (int u = 0; u < n; u++) {
            raw[u] = switch (level) {
                case TEAM -> privacy.team(u);
                case DEPARTMENT -> privacy.department(u);
                case COMMUNITY -> Integer.toString(community[u]);
            };
            size.merge(raw[u], 1, Integer::sum);
        }
        List<String> shown = new ArrayList<>();
        for (Map.Entry<String, Integer> s : size.entrySet())
            if (s.getValue() >= privacy.minGroupSize()) shown.add(s.getKey());
        // the largest first (ties by name), to cut; then the drawing's order
        shown.sort(Comparator.<String>comparingInt(s -> -size.get(s)).thenComparing(Comparator.naturalOrder()));
        int total = shown.size();
        List<String> kept = new ArrayList<>(shown.subList(0, Math.min(MAX_GROUPS, total)));
        if (level != Level.COMMUNITY) kept.sort(Comparator.naturalOrder());
        Map<String, Integer> index = new HashMap<>();
        List<String> labels = new ArrayList<>();
        int[] people = new int[kept.size()];
        for (int x = 0; x < kept.size(); x++) {
            index.put(kept.get(x), x);
            labels.add(level == Level.COMMUNITY ? "community " + (x + 1) : kept.get(x));
            people[x] = size.get(kept.get(x));
        }
        int[] groupOf = new int[n];
        for (int u = 0; u < n; u++) groupOf[u] = index.getOrDefault(raw[u], -1);
        return new Grouping(level, groupOf, labels, people, total);
    }

    /** Per team group, its department label: the one most of its people are in (ties to the first name). */
    private static Map<Integer, String> departments(OrgGraph org, Grouping grouping, PrivacyPolicy privacy) {
        Map<Integer, Map<String, Integer>> counts = new HashMap<>();
        for (int u = 0; u < org.size(); u++) {
            int x = grouping.groupOf()[u];
            if (x >= 0) counts.computeIfAbsent(x, k -> new TreeMap<>()).merge(privacy.department(u), 1, Integer::sum);
        }
        Map<Integer, String> out = new HashMap<>();
        counts.forEach((x, c) -> {
            String best = null;
            for (Map.Entry<String, Integer> e : c.entrySet())
                if (best == null || e.getValue() > c.get(best)) best = e.getKey();
            out.put(x, best);
        });
        return out;
    }

    /** Per department or community group, its three largest teams that may be shown, with their people in it. */
    private static Map<Integer, Map<String, Integer>> mainTeams(
            OrgGraph org, Grouping grouping, PrivacyPolicy privacy) {
        Map<Integer, Map<String, Integer>> counts = new HashMap<>();
        for (int u = 0; u < org.size(); u++) {
            int x = grouping.groupOf()[u];
            String team = privacy.team(u);
            if (x >= 0 && privacy.teamShown(team))
                counts.computeIfAbsent(x, k -> new TreeMap<>()).merge(team, 1, Integer::sum);
        }
        Map<Integer, Map<String, Integer>> out = new HashMap<>();
        counts.forEach((x, c) -> {
            List<Map.Entry<String, Integer>> e = new ArrayList<>(c.entrySet());
            e.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
            Map<String, Integer> top = new LinkedHashMap<>();
            for (Map.Entry<String, Integer> t : e.subList(0, Math.min(3, e.size()))) top.put(t.getKey(), t.getValue());
            out.put(x, top);
        });
        return out;
    }

    private static long key(int x, int y, int groups) {
        return x < y ? (long) x * groups + y : (long) y * groups + x;
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
