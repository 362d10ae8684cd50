package org.mentorshipgraph.trends;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.mentorshipgraph.algorithms.graph.CompactGraph;
import org.mentorshipgraph.algorithms.ties.BridgeRisk;
import org.mentorshipgraph.algorithms.ties.TieActivity;
import org.mentorshipgraph.algorithms.ties.TieStatus;
import org.mentorshipgraph.algorithms.ties.TieTrend;
import org.mentorshipgraph.algorithms.ties.TieTrendRules;

/**
 * Judges the ties of one Spark partition, where they are: each tie's status by {@link TieTrendRules}, whether it is
 * active, a declared mentorship, across teams or communities, its {@link BridgeRisk} when it fades, and its priority.
 * Reads rows by name; writes rows of {@link TieAssessment#ASSESSED}. What it needs of the whole organisation (team and
 * community per person, the graph of active ties, the current mentorship pairs) comes as Spark broadcasts, so the
 * same code runs on {@code local[*]} and on a cluster's executors.
 */
final class TieJudge implements MapPartitionsFunction<Row, Row>, Serializable {
    private static final long serialVersionUID = 1L;
    static final double DAY_MS = 86_400_000.0;

    private final TieTrendRules rules;
    private final double minStrength;
    private final long asOfEndMs;
    private final Broadcast<int[]> teamOf;
    private final Broadcast<int[]> community;
    private final Broadcast<CompactGraph> graph;
    private final Broadcast<Set<String>> mentorPairs;

    TieJudge(
            TieTrendRules rules,
            double minStrength,
            long asOfEndMs,
            Broadcast<int[]> teamOf,
            Broadcast<int[]> community,
            Broadcast<CompactGraph> graph,
            Broadcast<Set<String>> mentorPairs) {
        this.rules = rules;
        this.minStrength = minStrength;
        this.asOfEndMs = asOfEndMs;
        this.teamOf = teamOf;
        this.community = community;
        this.graph = graph;
        this.mentorPairs = mentorPairs;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> ties) {
        int[] team = teamOf.value();
        int[] comm = community.value();
        Set<String> mentors = mentorPairs.value();
        BridgeRisk[] risk = {null}; // built on first need: O(n) scratch per partition
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return ties.hasNext();
            }

            @Override
            public Row next() {
                Row t = ties.next();
                String personA = t.getAs("a"), personB = t.getAs("b");
                int a = t.getAs("a_idx"), b = t.getAs("b_idx");
                double strength = t.getAs("strength");
                long firstMs = t.getAs("first_ms"), lastMs = t.getAs("last_ms");
                long recentCount = t.getAs("recent_count"), baselineCount = t.getAs("baseline_count");
                double usualGap = t.getAs("usual_gap");
                double daysSinceLast = (asOfEndMs - lastMs) / DAY_MS;
                TieTrend trend = rules.judge(new TieActivity(
                        (int) recentCount,
                        (int) baselineCount,
                        t.<Double>getAs("recent_weight"),
                        t.<Double>getAs("baseline_weight"),
                        (int) (long) t.<Long>getAs("before_recent"),
                        (asOfEndMs - firstMs) / DAY_MS,
                        daysSinceLast,
                        usualGap));
                boolean active = strength >= minStrength;
                boolean mentorship = mentors.contains(TieAssessment.pairKey(personA, personB));
                boolean crossTeam = team[a] != team[b];
                boolean crossCommunity = comm[a] != comm[b];
                boolean fading = trend.status() == TieStatus.WEAKENING || trend.status() == TieStatus.DORMANT;
                double bridgeRisk = Double.NaN;
                if (fading && active) {
                    if (risk[0] == null) risk[0] = new BridgeRisk(graph.value());
                    bridgeRisk = risk[0].of(a, b);
                }
                int priority = TieAssessment.priority(fading, mentorship, baselineCount, crossTeam || crossCommunity);
                List<Object> v = new ArrayList<>(28);
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
                v.add(trend.rateRatio());
                v.add(trend.pDrop());
                v.add(trend.pRise());
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
                return RowFactory.create(v.toArray());
            }
        };
    }
}
