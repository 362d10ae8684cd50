package org.mentorshipgraph.trends;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.mentorshipgraph.algorithms.ties.ActivityProfile;
import org.mentorshipgraph.algorithms.ties.TieTests;
import org.mentorshipgraph.progress.StepResult;

/**
 * What the tie-status step found.
 *
 * @param ties        every tie with its status ({@link TieAssessment#ASSESSED}), persisted; the ties table is its
 *                    first columns
 * @param people      person-level flags, aligned with the run's {@code OrgGraph}
 * @param byStatus    ties per status label, every label present
 * @param byPriority  ties per priority (1 mentorship, 2 bridge, 3 other fading, 9 nothing to flag)
 * @param fading      the first fading mentorships and bridges, in the report's order
 * @param tieCount    all ties judged
 * @param family      the run's family of tie tests: how many were tested, listed, and the expected false alarms
 * @param profile     the organisation's activity per day of the look-back
 * @param tests       the tests the ties were judged by
 */
public record Trends(
        Dataset<Row> ties,
        PersonFlags people,
        Map<String, Long> byStatus,
        Map<Integer, Long> byPriority,
        List<FadingTie> fading,
        long tieCount,
        TieAssessment.Family family,
        ActivityProfile profile,
        TieTests tests)
        implements StepResult {

    /**
     * The organisation's activity per day of R against its activity per day of B: 1.0 when R was as busy as B, about
     * 0.7 with a ten-day company holiday in R.
     */
    public double recentActivity() {
        int days = profile.days(), rs = days - tests.recentDays(), bs = rs - tests.baselineDays();
        double b = profile.sum(bs, rs) / tests.baselineDays();
        return b > 0 ? profile.sum(rs, days) / tests.recentDays() / b : Double.NaN;
    }

    public long flagged() {
        return byPriority.entrySet().stream()
                .filter(e -> e.getKey() < 9)
                .mapToLong(Map.Entry::getValue)
                .sum();
    }

    public long priority(int p) {
        return byPriority.getOrDefault(p, 0L);
    }

    @Override
    public String summary() {
        Map<String, Long> nonZero = new java.util.TreeMap<>();
        byStatus.forEach((k, v) -> {
            if (v > 0) nonZero.put(k, v);
        });
        return String.format(
                java.util.Locale.ROOT,
                "%s, %d flagged; fading list %,d of %,d ties in the family (of %,d tested) at FDR %.2g (about %.1f "
                        + "false alarms expected); %,d people away; activity in R %.0f%% of B's",
                nonZero,
                flagged(),
                family.listed(),
                family.family(),
                family.tested(),
                family.fdr(),
                family.expectedFalseAlarms(),
                people.awayCount(),
                100 * recentActivity());
    }

    @Override
    public long rows() {
        return tieCount;
    }

    @Override
    public Map<String, Object> counts() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("ties_by_status", byStatus);
        c.put("ties_flagged", flagged());
        c.put("ties_tested", family.tested());
        c.put("ties_in_fading_family", family.family());
        c.put("fading_listed", family.listed());
        c.put("fading_expected_false_alarms", Math.round(family.expectedFalseAlarms() * 100) / 100.0);
        c.put("people_away", people.awayCount());
        c.put("people_network_shrinking", people.shrinkingCount());
        c.put("recent_activity", Math.round(recentActivity() * 1000) / 1000.0);
        return c;
    }
}
