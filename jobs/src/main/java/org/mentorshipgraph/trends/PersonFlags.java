package org.mentorshipgraph.trends;

/**
 * Person-level warnings, aligned with an {@code OrgGraph}'s indices.
 *
 * @param networkShrinking     weighted contact rate down by at least the configured share, and significantly so
 * @param recentRate           the person's weighted contacts per day in R, over all ties
 * @param baselineRate         the same in B
 * @param newcomerWithoutMentor hired within the newcomer window, fewer ties than the minimum, no current mentor
 * @param mentorshipOnlyTie    a mentee whose mentorship is their only active tie
 * @param hasMentor            has a current declared mentor
 */
public record PersonFlags(
        boolean[] networkShrinking,
        double[] recentRate,
        double[] baselineRate,
        boolean[] newcomerWithoutMentor,
        boolean[] mentorshipOnlyTie,
        boolean[] hasMentor) {}
