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
import org.mentorshipgraph.ties.OrgGraph;

/**
 * How teams connect, over active ties and the team labels {@link PrivacyPolicy} allows. Per team:
 * <ul>
 *   <li><b>cohesion</b>: density of active ties inside the team, {@code inside ties / (n(n−1)/2)};</li>
 *   <li><b>outside reach</b>: the share of the strength of the ties touching the team that crosses its boundary
 *   ({@code outside / (inside + outside)}), the number of other teams reached, and the share of members with no
 *   active tie outside the team;</li>
 *   <li><b>cut-off rank</b>: 1 for the team with the smallest outside share (ties broken by fewer teams reached).</li>
 * </ul>
 * Between teams: the number of active ties and their summed strength, for every pair of shown teams that has any.
 * Teams (and the merged small-team group) below the minimum size get no row, and no cell, of their own.
 */
final class TeamConnections {
    private final List<Map<String, Object>> teamRows;
    private final Map<String, Object> links;

    private TeamConnections(List<Map<String, Object>> teamRows, Map<String, Object> links) {
        this.teamRows = teamRows;
        this.links = links;
    }

    List<Map<String, Object>> teamRows() {
        return teamRows;
    }

    Map<String, Object> links() {
        return links;
    }

    private static final class Acc {
        int people, insideTies, withOutsideTie;
        double insideStrength, outsideStrength;
        final TreeSet<String> reached = new TreeSet<>();
        final Map<String, Integer> departments = new TreeMap<>();
    }

    static TeamConnections of(OrgGraph org, PrivacyPolicy privacy) {
        CompactGraph g = org.graph();
        Map<String, Acc> acc = new HashMap<>();
        Map<String, double[]> pair = new TreeMap<>(); // "a\0b" (a < b) -> {ties, strength}
        for (int u = 0; u < org.size(); u++) {
            String tu = privacy.team(u);
            Acc a = acc.computeIfAbsent(tu, k -> new Acc());
            a.people++;
            a.departments.merge(privacy.department(u), 1, Integer::sum);
            boolean outside = false;
            for (int k = g.offsets()[u]; k < g.offsets()[u + 1]; k++) {
                int v = g.targets()[k];
                double w = g.weights()[k];
                String tv = privacy.team(v);
                if (tu.equals(tv)) {
                    a.insideStrength += w / 2; // each inside tie is seen from both ends
                    if (u < v) a.insideTies++;
                } else {
                    a.outsideStrength += w;
                    a.reached.add(tv);
                    outside = true;
                    if (tu.compareTo(tv) < 0) {
                        double[] x = pair.computeIfAbsent(tu + "\u0000" + tv, key -> new double[2]);
                        x[0]++;
                        x[1] += w;
                    }
                }
            }
            if (outside) a.withOutsideTie++;
        }

        List<String> shown = new ArrayList<>();
        for (String t : acc.keySet()) if (privacy.teamShown(t)) shown.add(t);
        Map<String, String> deptOf = new HashMap<>();
        for (String t : shown) {
            String best = "";
            int most = 0;
            for (Map.Entry<String, Integer> e :
                    acc.get(t).departments.entrySet()) { // sorted: ties go to the first name
                if (e.getValue() > most) {
                    most = e.getValue();
                    best = e.getKey();
                }
            }
            deptOf.put(t, best);
        }
        shown.sort(Comparator.comparing((String t) -> deptOf.get(t)).thenComparing(t -> t));

        List<String> cutOffOrder = new ArrayList<>(shown);
        cutOffOrder.sort(Comparator.<String>comparingDouble(t -> outsideShare(acc.get(t)))
                .thenComparingInt(t -> acc.get(t).reached.size())
                .thenComparing(t -> t));
        Map<String, Integer> cutOffRank = new HashMap<>();
        for (int r = 0; r < cutOffOrder.size(); r++) cutOffRank.put(cutOffOrder.get(r), r + 1);

        List<Map<String, Object>> rows = new ArrayList<>();
        for (String t : shown) {
            Acc a = acc.get(t);
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("team", t);
            r.put("department", deptOf.get(t));
            r.put("people", a.people);
            r.put("inside_ties", a.insideTies);
            r.put("cohesion", a.people < 2 ? 0.0 : a.insideTies / (a.people * (a.people - 1) / 2.0));
            r.put("inside_strength", a.insideStrength);
            r.put("outside_strength", a.outsideStrength);
            r.put("outside_share", outsideShare(a));
            // reached groups are counted by label: several small teams count once, as their merged group
            r.put("teams_reached", a.reached.size());
            r.put("members_without_outside_tie_share", a.people == 0 ? 0.0 : 1 - (double) a.withOutsideTie / a.people);
            r.put("cut_off_rank", cutOffRank.get(t));
            rows.add(r);
        }

        List<Map<String, Object>> cells = new ArrayList<>();
        pair.forEach((key, x) -> {
            int z = key.indexOf('\u0000');
            String a = key.substring(0, z), b = key.substring(z + 1);
            if (!privacy.teamShown(a) || !privacy.teamShown(b)) return;
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("team_a", a);
            c.put("team_b", b);
            c.put("ties", (long) x[0]);
            c.put("strength", x[1]);
            cells.add(c);
        });
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("teams", shown);
        links.put("pairs", cells);
        return new TeamConnections(rows, links);
    }

    private static double outsideShare(Acc a) {
        double total = a.insideStrength + a.outsideStrength;
        return total > 0 ? a.outsideStrength / total : 0.0;
    }
}
