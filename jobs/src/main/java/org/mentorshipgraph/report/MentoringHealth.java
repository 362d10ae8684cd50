package org.mentorshipgraph.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mentorshipgraph.algorithms.mentoring.MentoringProfiles;
import org.mentorshipgraph.mentoring.Mentoring;
import org.mentorshipgraph.ties.OrgGraph;

/**
 * The report's mentoring figures, aggregates only (a suggestion is personal and never appears in the report):
 * <ul>
 *   <li><b>coverage</b>: mentee candidates, the share with at least one suggestion, and the share with one reachable
 *       within two strong ties (a warm introduction at most one person away); why the others have none;</li>
 *   <li><b>mentor load</b>: people open to mentoring, how many are full, how concentrated the suggestions are (the
 *       share going to the most-suggested 10% of suggested mentors);</li>
 *   <li><b>skill supply and demand</b>: per skill, people who want it against people open with a free place who have
 *       it; organisation-wide and per department. A count below the privacy minimum is not shown (a skill wanted by
 *       fewer people is left out), and departments below it are merged as everywhere in the report.</li>
 * </ul>
 * Cost: O(n + total skills + suggestions).
 */
public final class MentoringHealth {
    private MentoringHealth() {}

    /** Most skills listed organisation-wide, and per department. */
    static final int TOP_SKILLS = 15, TOP_PER_DEPARTMENT = 3;

    public static Map<String, Object> figures(Mentoring.Result r, OrgGraph org, PrivacyPolicy privacy) {
        MentoringProfiles p = r.profiles();
        int min = privacy.minGroupSize();
        Map<String, Object> f = new LinkedHashMap<>();
        Map<String, Object> c = new LinkedHashMap<>();
        long candidates = ((Number) r.counts().get("mentee_candidates")).longValue();
        c.put("mentee_candidates", candidates);
        c.put("with_suggestion", r.counts().get("mentees_with_suggestion"));
        c.put(
                "with_suggestion_share",
                candidates == 0
                        ? 0.0
                        : Mentoring.round(
                                ((Number) r.counts().get("mentees_with_suggestion")).doubleValue() / candidates, 4));
        c.put("within_two_hops_share", r.counts().get("mentoring_coverage_2_hops"));
        c.put("without_suggestion_by_reason", r.unmatchedKinds());
        f.put("coverage", c);

        Map<String, Object> load = new LinkedHashMap<>();
        int open = 0, full = 0;
        for (int i = 0; i < p.size(); i++) {
            if (!p.open()[i] || p.capacity()[i] <= 0) continue;
            open++;
            if (p.remaining(i) == 0) full++;
        }
        int[] counts =
                Arrays.stream(r.suggestedTo()).filter(x -> x > 0).sorted().toArray();
        long total = Arrays.stream(counts).asLongStream().sum();
        int top = (int) Math.ceil(counts.length * 0.1);
        long topSum = 0;
        for (int i = counts.length - top; i < counts.length; i++) topSum += counts[i];
        load.put("open_to_mentor", open);
        load.put("full", full);
        load.put("suggested_mentors", counts.length);
        load.put("suggestions", total);
        load.put("top10pct_share", total == 0 ? 0.0 : Mentoring.round((double) topSum / total, 4));
        load.put("most_suggestions_one_mentor", counts.length == 0 ? 0 : counts[counts.length - 1]);
        f.put("load", load);

        int skills = p.skillNames().length;
        int[] wanted = new int[skills], have = new int[skills], available = new int[skills];
        for (int i = 0; i < p.size(); i++) {
            for (int s : p.wants()[i]) wanted[s]++;
            boolean free = p.open()[i] && p.remaining(i) > 0;
            for (int s : p.skills()[i]) {
                have[s]++;
                if (free) available[s]++;
            }
        }
        f.put("skills", skillRows(p, wanted, have, available, min, TOP_SKILLS));

        Map<String, int[][]> byDept = new TreeMap<>();
        Map<String, Integer> deptSize = new HashMap<>();
        for (int i = 0; i < p.size(); i++) {
            String d = privacy.department(i);
            deptSize.merge(d, 1, Integer::sum);
            int[][] a = byDept.computeIfAbsent(d, k -> new int[3][skills]);
            for (int s : p.wants()[i]) a[0][s]++;
            boolean free = p.open()[i] && p.remaining(i) > 0;
            for (int s : p.skills()[i]) {
                a[1][s]++;
                if (free) a[2][s]++;
            }
        }
        List<Map<String, Object>> depts = new ArrayList<>();
        for (Map.Entry<String, int[][]> e : byDept.entrySet()) {
            if (deptSize.get(e.getKey()) < min) continue;
            List<Map<String, Object>> rows =
                    skillRows(p, e.getValue()[0], e.getValue()[1], e.getValue()[2], min, TOP_PER_DEPARTMENT);
            if (rows.isEmpty()) continue;
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("department", e.getKey());
            d.put("people", deptSize.get(e.getKey()));
            d.put("gaps", rows);
            depts.add(d);
        }
        f.put("departments", depts);
        f.put("parts", r.parts());
        return f;
    }

    /**
     * The skills wanted by at least {@code min} people, the widest gap first: gap = wanted / (available + 1), with
     * available the people open with a free place who have it (in the same group).
     */
    private static List<Map<String, Object>> skillRows(
            MentoringProfiles p, int[] wanted, int[] have, int[] available, int min, int limit) {
        List<Integer> order = new ArrayList<>();
        for (int s = 0; s < wanted.length; s++) if (wanted[s] >= min) order.add(s);
        order.sort((a, b) -> {
            double ga = wanted[a] / (available[a] + 1.0), gb = wanted[b] / (available[b] + 1.0);
            return ga != gb ? Double.compare(gb, ga) : p.skillNames()[a].compareTo(p.skillNames()[b]);
        });
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int s : order.subList(0, Math.min(limit, order.size()))) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("skill", p.skillNames()[s]);
            row.put("wanted", wanted[s]);
            row.put("have", have[s]);
            row.put("available", available[s]);
            row.put("gap", Mentoring.round(wanted[s] / (available[s] + 1.0), 2));
            rows.add(row);
        }
        return rows;
    }
}
