package org.mentorshipgraph.trends;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
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
 */
public record Trends(
        Dataset<Row> ties,
        PersonFlags people,
        Map<String, Long> byStatus,
        Map<Integer, Long> byPriority,
        List<FadingTie> fading,
        long tieCount)
        implements StepResult {

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
        return nonZero + ", " + flagged() + " flagged";
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
        return c;
    }
}
