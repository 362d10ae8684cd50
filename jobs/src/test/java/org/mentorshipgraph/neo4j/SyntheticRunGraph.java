package org.mentorshipgraph.neo4j;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.mentorshipgraph.schema.ResultTables;
import org.mentorshipgraph.schema.Table;

/**
 * A generated organisation's run graph, with the columns of a real run's people and ties tables
 * ({@code output/ResultTables}), for write benchmarks and writer tests that need sizes the bundled sample
 * does not have (e.g. 40,000 people and 200,000 ties).
 *
 * <p>Shape: {@code teams} teams of about equal size in departments of 50 teams, each person tied to about
 * 60% teammates, 25% department colleagues and 15% anyone else; one community per 10 teams; one declared
 * mentorship per 20 people. Values are plausible, not computed: this is load, not analysis.
 *
 * <p>Deterministic: the same arguments give the same graph. {@code variant} perturbs a share of values and
 * drops a share of ties, so that a second "run" of the same organisation differs the way a next night does.
 */
public final class SyntheticRunGraph {
    private SyntheticRunGraph() {}

    private static final String[] STATUSES = {
        "stable",
        "stable",
        "stable",
        "stable",
        "stable",
        "stable",
        "stable",
        "new",
        "strengthening",
        "weakening",
        "dormant"
    };
    private static final String[] CHANNELS = {"chat", "meeting", "email", "code_review", "one_on_one", "call", "pairing"
    };

    /**
     * @param runId   the run's id (its as-of date, YYYY-MM-DD)
     * @param people  number of people
     * @param teams   number of teams
     * @param ties    number of distinct ties (pairs)
     * @param seed    the organisation: same seed, same people and pairs
     * @param variant 0 for the base night; another value changes about a tenth of the values and drops 1% of the ties
     */
    public static GraphWriter.RunGraph generate(String runId, int people, int teams, int ties, long seed, int variant) {
        if (people < 2 || teams < 1 || ties < 1)
            throw new IllegalArgumentException("need people >= 2, teams >= 1, ties >= 1");
        if ((long) ties > (long) people * (people - 1) / 4)
            throw new IllegalArgumentException("too many ties for " + people + " people");
        SplittableRandom org = new SplittableRandom(seed);
        SplittableRandom night = new SplittableRandom(seed * 31 + variant);
        LocalDate asOf = LocalDate.parse(runId);
        int departments = Math.max(1, (teams + 49) / 50);

        String[] ids = new String[people];
        for (int i = 0; i < people; i++) ids[i] = id(i);
        int[] teamOf = new int[people];
        for (int i = 0; i < people; i++) teamOf[i] = (int) ((long) i * teams / people);
        int[] teamStart = new int[teams + 1];
        for (int i = 0; i < people; i++) teamStart[teamOf[i] + 1]++;
        for (int t = 0; t < teams; t++) teamStart[t + 1] += teamStart[t];

        Table peopleTable = ResultTables.peopleColumns();
        int[] degree = new int[people];
        double[] strengthOf = new double[people];

        // pairs first (the organisation), so that degrees are known for the people rows
        Set<Long> seen = new HashSet<>(ties * 2);
        List<long[]> pairs = new ArrayList<>(ties);
        while (pairs.size() < ties) {
            int a = org.nextInt(people);
            double kind = org.nextDouble();
            int b;
            if (kind < 0.60) {
                int t = teamOf[a];
                b = teamStart[t] + org.nextInt(teamStart[t + 1] - teamStart[t]);
            } else if (kind < 0.85) {
                int d = teamOf[a] / 50;
                int t = Math.min(teams - 1, d * 50 + org.nextInt(50));
                b = teamStart[t] + org.nextInt(Math.max(1, teamStart[t + 1] - teamStart[t]));
                if (b >= people) b = org.nextInt(people);
            } else {
                b = org.nextInt(people);
            }
            if (a == b) continue;
            int lo = Math.min(a, b), hi = Math.max(a, b); // ids are zero-padded: index order is id order
            if (!seen.add(((long) lo << 32) | hi)) continue;
            pairs.add(new long[] {lo, hi, org.nextLong()});
        }

        Table tieTable = ResultTables.tieColumns();
        long asOfEndMs =
                asOf.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        for (long[] p : pairs) {
            int a = (int) p[0], b = (int) p[1];
            SplittableRandom r = new SplittableRandom(p[2]);
            if (variant != 0 && night.nextInt(100) == 0) continue; // gone this night
            boolean changed = variant != 0 && night.nextInt(10) == 0;
            SplittableRandom v = changed ? new SplittableRandom(p[2] ^ (variant * 0x9E3779B97F4A7C15L)) : r;
            double strength = Math.exp(v.nextGaussian() * 1.2);
            int interactions = 1 + (int) (strength * 6 + v.nextInt(20));
            String status = STATUSES[v.nextInt(STATUSES.length)];
            long firstMs = asOfEndMs - (long) (r.nextDouble() * 180 * 86_400_000L);
            long lastMs = Math.max(firstMs, asOfEndMs - (long) (v.nextDouble() * 60 * 86_400_000L));
            int channels = 1 + v.nextInt(3);
            StringBuilder channelList = new StringBuilder();
            for (int c = 0; c < channels; c++)
                channelList.append(c > 0 ? ";" : "").append(CHANNELS[(a + c) % CHANNELS.length]);
            int recent = v.nextInt(12), baseline = v.nextInt(30);
            double recentRate = recent / 28.0, baselineRate = baseline / 84.0;
            boolean fading = status.equals("weakening") || status.equals("dormant");
            boolean crossTeam = teamOf[a] != teamOf[b];
            boolean mentorship = a % 20 == 0 && b == mentee(a, people);
            tieTable.add(
                    ids[a],
                    ids[b],
                    strength,
                    strength >= 0.5,
                    (long) interactions,
                    (long) channels,
                    channelList.toString(),
                    v.nextDouble() * 0.5,
                    Instant.ofEpochMilli(firstMs).toString(),
                    Instant.ofEpochMilli(lastMs).toString(),
                    (asOfEndMs - lastMs) / 86_400_000.0,
                    1 + v.nextDouble() * 10,
                    (long) recent,
                    (long) baseline,
                    recentRate,
                    baselineRate,
                    recentRate,
                    baselineRate,
                    baselineRate > 0 ? recentRate / baselineRate : Double.NaN,
                    v.nextDouble(),
                    v.nextDouble(),
                    fading ? 0.05 : 1.0,
                    status,
                    status + ": " + recent + " contacts in the last 28 days against " + baseline + " in the 84 before",
                    mentorship,
                    crossTeam,
                    crossTeam && v.nextBoolean(),
                    crossTeam ? v.nextDouble() * 0.1 : Double.NaN,
                    fading ? (mentorship ? 1L : crossTeam ? 2L : 3L) : 9L);
            degree[a]++;
            degree[b]++;
            strengthOf[a] += strength;
            strengthOf[b] += strength;
        }

        for (int i = 0; i < people; i++) {
            SplittableRandom r = new SplittableRandom(
                    seed ^ (i * 0x9E3779B97F4A7C15L) ^ (variant != 0 && i % 10 == 0 ? variant : 0));
            double betweenness = r.nextDouble() * r.nextDouble() * 0.01;
            double constraint = 0.05 + r.nextDouble() * 0.9;
            double teamParticipation = r.nextDouble() * 0.8;
            double score = 100 * (0.5 * betweenness / 0.01 + 0.25 * (1 - constraint) + 0.25 * teamParticipation);
            LocalDate hired = asOf.minusDays(30 + new SplittableRandom(seed + i).nextInt(3000));
            boolean newcomer = hired.isAfter(asOf.minusDays(90));
            peopleTable.add(
                    ids[i],
                    "Person " + i,
                    team(teamOf[i]),
                    department(teamOf[i] / 50 % departments),
                    i % 7 == 0 ? "Engineering Manager" : "Engineer",
                    "L" + (1 + i % 6),
                    id((i / 20) * 20),
                    hired.toString(),
                    (long) degree[i],
                    strengthOf[i],
                    betweenness,
                    constraint,
                    1 + r.nextDouble() * degree[i],
                    (long) (teamOf[i] / 10),
                    teamParticipation,
                    r.nextDouble() * 0.8,
                    r.nextDouble(),
                    score,
                    0L,
                    score > 60 ? "bridges " + team(teamOf[i]) + " and " + team((teamOf[i] + 1) % teams) : null,
                    r.nextDouble() * 3,
                    r.nextDouble() * 3,
                    r.nextInt(20) == 0,
                    i % 20 != 0 && (i - 1) % 20 == 0,
                    newcomer && degree[i] < 3,
                    false,
                    false,
                    null,
                    null,
                    null);
        }
        rankByScore(peopleTable);

        List<Map<String, Object>> mentorRows = new ArrayList<>();
        for (int m = 0; m + 1 < people; m += 20) {
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("program", "mentoring-" + (m % 3));
            props.put("started_on", asOf.minusDays(200));
            props.put("ended_on", null);
            props.put("active", true);
            props.put("status", "stable");
            props.put("status_reason", "synthetic");
            mentorRows.add(Neo4jRows.mentorship(id(m), id(mentee(m, people)), props));
        }

        Map<String, Object> run = new LinkedHashMap<>();
        run.put("run_id", runId);
        run.put("as_of", runId);
        run.put("outcome", "files-written");
        run.put("count_people", (long) people);
        run.put("count_ties", (long) tieTable.rows().size());
        run.put("synthetic", true);

        List<Map<String, Object>> teamRows = new ArrayList<>();
        for (int t = 0; t < teams; t++) {
            teamRows.add(Map.of("name", team(t), "department", department(t / 50 % departments), "size", (long)
                    (teamStart[t + 1] - teamStart[t])));
        }
        Map<Long, Long> communitySize = new java.util.TreeMap<>();
        for (int i = 0; i < people; i++) communitySize.merge((long) (teamOf[i] / 10), 1L, Long::sum);
        List<Map<String, Object>> communityRows = new ArrayList<>();
        communitySize.forEach((c, n) -> communityRows.add(Map.of("key", String.valueOf(c), "size", n)));

        return new GraphWriter.RunGraph(
                runId, run, RowSource.of(peopleTable), RowSource.of(tieTable), mentorRows, teamRows, communityRows);
    }

    private static int mentee(int mentor, int people) {
        return (mentor + 1) % people;
    }

    private static void rankByScore(Table people) {
        int score = people.indexOf("connector_score"), rank = people.indexOf("connector_rank");
        List<Object[]> sorted = new ArrayList<>(people.rows());
        sorted.sort((x, y) -> Double.compare((Double) y[score], (Double) x[score]));
        for (int i = 0; i < sorted.size(); i++) sorted.get(i)[rank] = (long) (i + 1);
    }

    static String id(int i) {
        return String.format("s%06d", i);
    }

    static String team(int t) {
        return String.format("Team %04d", t);
    }

    static String department(int d) {
        return String.format("Department %02d", d);
    }
}
