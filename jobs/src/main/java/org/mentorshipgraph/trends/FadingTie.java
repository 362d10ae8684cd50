package org.mentorshipgraph.trends;

/**
 * One fading tie the report lists: a weakening or dormant mentorship (priority 1) or bridge (priority 2), with the
 * figures that explain it. Indices are those of the run's {@code OrgGraph}.
 */
public record FadingTie(
        String personA,
        String personB,
        int a,
        int b,
        String status,
        boolean mentorship,
        boolean crossTeam,
        boolean crossCommunity,
        double strength,
        double bridgeRisk,
        double recentRate,
        double baselineRate,
        double pDrop,
        double usualGapDays,
        String reason,
        int priority) {}
