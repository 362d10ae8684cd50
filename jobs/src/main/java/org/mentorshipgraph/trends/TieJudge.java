package org.mentorshipgraph.trends;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.mentorshipgraph.algorithms.graph.CompactGraph;
import org.mentorshipgraph.algorithms.ties.ActivityProfile;
import org.mentorshipgraph.algorithms.ties.AwayStretch;
import org.mentorshipgraph.algorithms.ties.BridgeRisk;
import org.mentorshipgraph.algorithms.ties.TieEvidence;
import org.mentorshipgraph.algorithms.ties.TieHistory;
import org.mentorshipgraph.algorithms.ties.TieTests;
import org.mentorshipgraph.algorithms.ties.TieTrend;
import org.mentorshipgraph.algorithms.ties.TieVerdict;

/**
 * Judges the ties of one Spark partition, where they are, in two passes around the run-wide false-discovery control
 * ({@link QValues}):
 *
 * <ol>
 *   <li>{@link #firstPass()}: each tie's evidence by {@link TieTests#test} — its contact days against the organisation's
 *       activity profile, with the away stretches of its two people set aside — and its verdict by {@link
 *       TieTests#verdict} as if it were outside the family (most ties are: too sparse for a fade to be told from
 *       chance), whether it is active, a declared mentorship, across teams or communities, and its priority; plus
 *       {@code p_fade}, {@code p_min} (what decides the family) and {@code tested};</li>
 *   <li>{@link #withQ()}: the ties in the family only, again with their q-value (the evidence is computed again:
 *       O(contacts), cheaper than carrying its 26 fields through the sort), and their {@link BridgeRisk} when they
 *       fade.</li>
 * </ol>
 *
 * Rows are read by name. What the passes need of the whole organisation (the activity profile, the away stretches, team
 * and community per person, the graph of active ties, the current mentorship pairs) comes as Spark broadcasts, so the
 * same code runs on {@code local[*]} and on a cluster's executors.
 */
final class TieJudge implements Serializable {
    private static final long serialVersionUID = 2L;
    static final double DAY_MS = 86_400_000.0;

    private final TieTests tests;
    private final double minStrength;
    private final long asOfEndMs;
    private final LocalDate lookbackStart;
    private final Broadcast<ActivityProfile> profile;
    private final Broadcast<Map<Integer, List<AwayStretch>>> away;
    private final Broadcast<int[]> teamOf;
    private final Broadcast<int[]> community;
    private final Broadcast<CompactGraph> graph;
    private final Broadcast<Set<String>> mentorPairs;

    TieJudge(
            TieTests tests,
            double minStrength,
            long asOfEndMs,
            LocalDate lookbackStart,
            Broadcast<ActivityProfile> profile,
            Broadcast<Map<Integer, List<AwayStretch>>> away,
            Broadcast<int[]> teamOf,
            Broadcast<int[]> community,
            Broadcast<CompactGraph> graph,
            Broadcast<Set<String>> mentorPairs) {
        this.tests = tests;
        this.minStrength = minStrength;
        this.asOfEndMs = asOfEndMs;
        this.lookbackStart = lookbackStart;
        this.profile = profile;
        this.away = away;
        this.teamOf = teamOf;
        this.community = community;
        this.graph = graph;
        this.mentorPairs = mentorPairs;
    }

    /** The tie's history from its row: {@code contact_days} (sorted, one entry per contact) run-length encoded. */
    static TieHistory history(Row t) {
        List<Integer> all = t.getList(t.fieldIndex("contact_days"));
        int distinct = 0;
        int previous = Integer.MIN_VALUE;
        for (int d : all) {
            if (d != previous) distinct++;
            previous = d;
        }
        int[] days = new int[distinct], counts = new int[distinct];
        int k = -1;
        previous = Integer.MIN_VALUE;
        for (int d : all) {
            if (d != previous) days[++k] = d;
            counts[k]++;
            previous = d;
        }
        return new TieHistory(days, counts, t.<Double>getAs("recent_weight"), t.<Double>getAs("baseline_weight"));
    }

    TieEvidence evidence(Row t) {
        Map<Integer, List<AwayStretch>> aw = away.value();
        int a = t.getAs("a_idx"), b = t.getAs("b_idx");
        return tests.test(history(t), profile.value(), aw.getOrDefault(a, List.of()), aw.getOrDefault(b, List.of()));
    }

    /**
     * Pass 1: every tie judged as if outside the run's false-discovery family (q unknown: never weakening or dormant),
     * a row of {@link TieAssessment#ASSESSED} followed by {@code p_fade}, {@code p_min}, {@code tested} and {@code
     * contact_days} ({@link TieAssessment#JUDGED}): all a tie outside the family needs, and what a tie inside it needs
     * to be judged again with its q.
     */
    MapPartitionsFunction<Row, Row> firstPass() {
        return ties -> {
            int[] team = teamOf.value();
            int[] comm = community.value();
            Set<String> mentors = mentorPairs.value();
            BridgeRisk[] risk = {null};
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return ties.hasNext();
                }

                @Override
                public Row next() {
                    Row t = ties.next();
                    TieEvidence e = evidence(t);
                    List<Object> v = judge(t, e, Double.NaN, team, comm, mentors, risk);
                    v.add(e.pFade());
                    v.add(e.pMin());
                    v.add(e.tested());
                    v.add(t.get(t.fieldIndex("contact_days")));
                    return RowFactory.create(v.toArray());
                }
            };
        };
    }

    /**
     * Pass 2, for the ties in the family: rows of {@link TieAssessment#JUDGED} with {@code q_value} appended, judged
     * again with their q (status, reason, q, bridge risk and priority change), as rows of {@link
     * TieAssessment#ASSESSED}.
     */
    MapPartitionsFunction<Row, Row> withQ() {
        return ties -> {
            int[] team = teamOf.value();
            int[] comm = community.value();
            Set<String> mentors = mentorPairs.value();
            BridgeRisk[] risk = {null};
            int width = TieAssessment.ASSESSED.size();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return ties.hasNext();
                }

                @Override
                public Row next() {
                    Row t = ties.next();
                    double q = t.getDouble(t.fieldIndex("q_value"));
                    TieEvidence e = evidence(t);
                    TieVerdict verdict = tests.verdict(e, q, t.getAs("person_a"), t.getAs("person_b"), lookbackStart);
                    Object[] v = new Object[width];
                    for (int i = 0; i < width; i++) v[i] = t.get(i);
                    int a = t.getAs("a_idx"), b = t.getAs("b_idx");
                    boolean fading = verdict.fading();
                    double bridgeRisk = bridgeRisk(fading, t.getAs("active"), a, b, risk);
                    boolean bridge = team[a] != team[b] || comm[a] != comm[b];
                    int priority = TieAssessment.priority(
                            fading, t.<Boolean>getAs("mentorship"), t.<Long>getAs("baseline_count"), bridge);
                    v[TieAssessment.ASSESSED.fieldIndex("q_value")] = q;
                    v[TieAssessment.ASSESSED.fieldIndex("status")] =
                            verdict.status().label();
                    v[TieAssessment.ASSESSED.fieldIndex("status_reason")] = verdict.reason();
                    v[TieAssessment.ASSESSED.fieldIndex("bridge_risk")] = bridgeRisk;
                    v[TieAssessment.ASSESSED.fieldIndex("priority")] = (long) priority;
                    return RowFactory.create(v);
                }
            };
        };
    }

    /**
     * What the network would lose with a fading active tie ({@link BridgeRisk}, built on first need: O(n) scratch per
     * partition); NaN for any other tie.
     */
    private double bridgeRisk(boolean fading, boolean active, int a, int b, BridgeRisk[] risk) {
        if (!fading || !active) return Double.NaN;
        if (risk[0] == null) risk[0] = new BridgeRisk(graph.value());
        return risk[0].of(a, b);
    }

    /** The values of an {@link TieAssessment#ASSESSED} row for tie row t with evidence e and q-value q. */
    private List<Object> judge(
            Row t, TieEvidence e, double q, int[] team, int[] comm, Set<String> mentors, BridgeRisk[] risk) {
        String personA = t.getAs("a"), personB = t.getAs("b");
        int a = t.getAs("a_idx"), b = t.getAs("b_idx");
        double strength = t.getAs("strength");
        long firstMs = t.getAs("first_ms"), lastMs = t.getAs("last_ms");
        long recentCount = t.getAs("recent_count"), baselineCount = t.getAs("baseline_count");
        double usualGap = t.getAs("usual_gap");
        double daysSinceLast = (asOfEndMs - lastMs) / DAY_MS;
        TieVerdict verdict = tests.verdict(e, q, personA, personB, lookbackStart);
        TieTrend trend = verdict.toTrend();
        boolean active = strength >= minStrength;
        boolean mentorship = mentors.contains(TieAssessment.pairKey(personA, personB));
        boolean crossTeam = team[a] != team[b];
        boolean crossCommunity = comm[a] != comm[b];
        boolean fading = verdict.fading();
        double bridgeRisk = bridgeRisk(fading, active, a, b, risk);
        int priority = TieAssessment.priority(fading, mentorship, baselineCount, crossTeam || crossCommunity);
        List<Object> v = new ArrayList<>(34);
        v.add(personA);
        v.add(personB);
        v.add(strength);
        v.add(active);
        v.add(t.<Long>getAs("interactions"));
        v.add((long) t.<Integer>getAs("channels"));
        v.add(t.<String>getAs("channel_list"));
        v.add(t.<Double>getAs("reciprocity"));
        v.add(Instant.ofEpochMilli(firstMs).toString());
        v.add(Instant.ofEpochMilli(lastMs).toString());
        v.add(daysSinceLast);
        v.add(usualGap);
        v.add(recentCount);
        v.add(baselineCount);
        v.add(trend.recentRate());
        v.add(trend.baselineRate());
        v.add(e.recentRateAdjusted());
        v.add(e.baselineRateAdjusted());
        v.add(e.rateRatio());
        v.add(trend.pDrop());
        v.add(trend.pRise());
        v.add(verdict.qValue());
        v.add(trend.status().label());
        v.add(trend.reason());
        v.add(mentorship);
        v.add(crossTeam);
        v.add(crossCommunity);
        v.add(bridgeRisk);
        v.add((long) priority);
        v.add(a);
        v.add(b);
        v.add(t.<Double>getAs("recent_weight"));
        v.add(t.<Double>getAs("baseline_weight"));
        return v;
    }
}
