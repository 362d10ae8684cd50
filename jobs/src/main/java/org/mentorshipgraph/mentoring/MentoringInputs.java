package org.mentorshipgraph.mentoring;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.countDistinct;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.mentorshipgraph.algorithms.mentoring.MentoringProfiles;
import org.mentorshipgraph.config.MentoringSettings;
import org.mentorshipgraph.ingest.Mentorship;
import org.mentorshipgraph.ingest.Position;
import org.mentorshipgraph.ties.OrgGraph;

/**
 * Turns the directory, the job history, the mentorships and the teaching interactions into {@link MentoringProfiles}
 * aligned with the run's {@link OrgGraph}. Skills are split on ';' (or '|'), trimmed and compared case-insensitively
 * (shown lower-case); titles are compared case-insensitively (shown as first written); a level is a whole number or
 * unknown. A person's path is their positions ordered by start date, with the directory's current title appended
 * when the last position differs. Only per-person rows reach the driver.
 */
final class MentoringInputs {
    private MentoringInputs() {}

    /**
     * The profiles, what was on, and the directory's management-chain faults: people named as their own manager, and
     * cycles in {@code manager_id} (each as the ids around it).
     */
    record Built(
            MentoringProfiles profiles,
            Map<String, Object> parts,
            List<String> selfManaged,
            List<List<String>> cycles) {}

    static Built build(
            Dataset<Row> directory,
            Dataset<Row> validInteractions,
            List<Position> positions,
            boolean positionsGiven,
            List<Mentorship> mentorships,
            LocalDate asOf,
            OrgGraph org,
            int[] connectorRank,
            int topConnectors,
            boolean[] newcomerWithoutMentor,
            MentoringSettings s) {
        int n = org.size();
        int[] level = new int[n], manager = new int[n], capacity = new int[n], taken = new int[n];
        int[] title = new int[n], goal = new int[n];
        boolean[] open = new boolean[n], top = new boolean[n];
        int[][] skills = new int[n][], wants = new int[n][];
        Arrays.fill(level, MentoringProfiles.UNKNOWN);
        Arrays.fill(manager, -1);
        Arrays.fill(title, -1);
        Arrays.fill(goal, -1);
        Arrays.fill(open, s.defaultOpen());
        Arrays.fill(capacity, s.defaultCapacity());
        Arrays.fill(skills, new int[0]);
        Arrays.fill(wants, new int[0]);
        Names skillNames = new Names(true), titleNames = new Names(false);
        boolean anyTitle = false, anyGoal = false;
        String[] rawSkills = new String[n], rawWants = new String[n];
        Iterator<Row> it = directory
                .select(
                        "person_id",
                        "manager_id",
                        "title",
                        "level",
                        "skills",
                        "wants_to_learn",
                        "open_to_mentor",
                        "mentor_capacity",
                        "career_goal")
                .toLocalIterator();
        while (it.hasNext()) {
            Row r = it.next();
            Integer i = org.indexOf(r.getString(0));
            if (i == null) continue;
            Integer m = r.isNullAt(1) ? null : org.indexOf(r.getString(1));
            manager[i] = m == null ? -1 : m;
            if (!r.isNullAt(2)) {
                title[i] = titleNames.id(r.getString(2));
                anyTitle = true;
            }
            level[i] = level(r.isNullAt(3) ? null : r.getString(3));
            rawSkills[i] = r.isNullAt(4) ? null : r.getString(4);
            rawWants[i] = r.isNullAt(5) ? null : r.getString(5);
            if (!r.isNullAt(6)) open[i] = Boolean.parseBoolean(r.getString(6));
            if (!r.isNullAt(7)) capacity[i] = Integer.parseInt(r.getString(7));
            if (!r.isNullAt(8)) {
                goal[i] = titleNames.id(r.getString(8));
                anyGoal = true;
            }
        }
        for (int i = 0; i < n; i++) skills[i] = skillNames.ids(rawSkills[i]);
        for (int i = 0; i < n; i++) {
            int[] own = skills[i];
            wants[i] = Arrays.stream(skillNames.ids(rawWants[i]))
                    .filter(x -> Arrays.binarySearch(own, x) < 0)
                    .toArray();
        }
        int[][] pathTitles = new int[n][], pathLevels = new int[n][];
        Arrays.fill(pathTitles, new int[0]);
        Arrays.fill(pathLevels, new int[0]);
        Map<Integer, List<Position>> byPerson = new HashMap<>();
        for (Position p : positions) {
            Integer i = org.indexOf(p.personId());
            if (i != null) byPerson.computeIfAbsent(i, k -> new ArrayList<>()).add(p);
        }
        for (Map.Entry<Integer, List<Position>> e : byPerson.entrySet()) {
            int i = e.getKey();
            List<Position> ps = e.getValue();
            ps.sort(Comparator.comparing(Position::startedOn));
            List<int[]> steps = new ArrayList<>();
            for (Position p : ps) {
                if (p.title() == null && p.level() == null) continue;
                steps.add(new int[] {p.title() == null ? -1 : titleNames.id(p.title()), level(p.level())});
            }
            int[] last = steps.isEmpty() ? null : steps.get(steps.size() - 1);
            if (title[i] >= 0 && (last == null || last[0] != title[i])) steps.add(new int[] {title[i], level[i]});
            pathTitles[i] = steps.stream().mapToInt(x -> x[0]).toArray();
            pathLevels[i] = steps.stream().mapToInt(x -> x[1]).toArray();
        }
        List<List<Integer>> mentorsOf = new ArrayList<>(n);
        for (int i = 0; i < n; i++) mentorsOf.add(new ArrayList<>());
        for (Mentorship m : mentorships) {
            if (!m.activeOn(asOf)) continue;
            Integer a = org.indexOf(m.mentorId()), b = org.indexOf(m.menteeId());
            if (a == null || b == null) continue;
            taken[a]++;
            mentorsOf.get(b).add(a);
        }
        int[][] mentors = new int[n][];
        for (int i = 0; i < n; i++)
            mentors[i] = mentorsOf.get(i).stream()
                    .mapToInt(Integer::intValue)
                    .sorted()
                    .distinct()
                    .toArray();
        double[] teaching = new double[n];
        boolean teachingOn = false;
        if (!s.teachingChannels().isEmpty()) {
            Iterator<Row> t = validInteractions
                    .filter(col("channel").isin(s.teachingChannels().toArray()))
                    .groupBy("source_id")
                    .agg(countDistinct(coalesce(
                                    col("event_id"),
                                    concat_ws("|", col("ts_ms").cast("string"), col("target_id"), col("channel"))))
                            .as("n"))
                    .toLocalIterator();
            while (t.hasNext()) {
                Row r = t.next();
                Integer i = org.indexOf(r.getString(0));
                if (i == null) continue;
                teaching[i] = r.getLong(1);
                teachingOn = true;
            }
        }
        for (int i = 0; i < n; i++) top[i] = connectorRank[i] >= 1 && connectorRank[i] <= topConnectors;
        boolean trajectoryOn = anyTitle || anyGoal || !positions.isEmpty();
        MentoringProfiles p = new MentoringProfiles(
                level,
                manager,
                open,
                capacity,
                taken,
                skills,
                wants,
                title,
                goal,
                pathTitles,
                pathLevels,
                teaching,
                top,
                newcomerWithoutMentor.clone(),
                mentors,
                skillNames.names(),
                titleNames.names(),
                trajectoryOn,
                teachingOn);
        Map<String, Object> parts = new LinkedHashMap<>();
        boolean anyWants = Arrays.stream(wants).anyMatch(w -> w.length > 0);
        parts.put("skill", anyWants);
        parts.put("trajectory", trajectoryOn);
        parts.put("positions", positionsGiven);
        parts.put("career_goal", anyGoal);
        parts.put("reachability", true);
        parts.put("teaching", teachingOn);
        parts.put("load", true);
        List<String> self = new ArrayList<>();
        for (int i = 0; i < n; i++)
            if (manager[i] == i) {
                self.add(org.id(i));
                manager[i] = -1; // no chain above them
            }
        return new Built(p, parts, self, cycles(manager, org));
    }

    /** The cycles of the manager function (each person has at most one manager): O(n), colouring each walk. */
    static List<List<String>> cycles(int[] manager, OrgGraph org) {
        int n = manager.length;
        int[] state = new int[n]; // 0 unseen, 1 on the current walk, 2 done
        List<List<String>> out = new ArrayList<>();
        for (int start = 0; start < n; start++) {
            int v = start;
            while (v >= 0 && state[v] == 0) {
                state[v] = 1;
                v = manager[v];
            }
            if (v >= 0 && state[v] == 1) {
                List<String> cycle = new ArrayList<>();
                int u = v;
                do {
                    cycle.add(org.id(u));
                    u = manager[u];
                } while (u != v);
                out.add(cycle);
            }
            for (v = start; v >= 0 && state[v] == 1; v = manager[v]) state[v] = 2;
        }
        return out;
    }

    /** A whole-number level, or unknown. */
    static int level(String v) {
        if (v == null) return MentoringProfiles.UNKNOWN;
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            return MentoringProfiles.UNKNOWN;
        }
    }

    /** Dense ids for names compared case-insensitively; skills shown lower-case, titles as first written. */
    static final class Names {
        private final boolean lowerCase;
        private final Map<String, Integer> ids = new HashMap<>();
        private final List<String> names = new ArrayList<>();

        Names(boolean lowerCase) {
            this.lowerCase = lowerCase;
        }

        int id(String name) {
            String shown = name.trim().replaceAll("\\s+", " ");
            if (lowerCase) shown = shown.toLowerCase(Locale.ROOT);
            String key = shown.toLowerCase(Locale.ROOT);
            Integer i = ids.get(key);
            if (i != null) return i;
            ids.put(key, names.size());
            names.add(shown);
            return names.size() - 1;
        }

        /** The sorted, distinct ids of a ';' or '|' separated list (empty for null). */
        int[] ids(String list) {
            if (list == null || list.isBlank()) return new int[0];
            TreeSet<Integer> out = new TreeSet<>();
            for (String part : list.split("[;|]")) if (!part.isBlank()) out.add(id(part));
            return out.stream().mapToInt(Integer::intValue).toArray();
        }

        String[] names() {
            return names.toArray(String[]::new);
        }
    }
}
