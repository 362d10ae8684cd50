package org.mentorshipgraph.trends;

/**
 * Person-level warnings, aligned with an {@code OrgGraph}'s indices.
 *
 * @param networkShrinking     weighted contact rate down by at least the configured share against the organisation's
 *                             activity, and significantly so under false-discovery control; never while away
 * @param recentRate           the person's weighted contacts per day in R, over all ties
 * @param baselineRate         the same in B
 * @param newcomerWithoutMentor hired within the newcomer window, fewer ties than the minimum, no current mentor
 * @param mentorshipOnlyTie    a mentee whose mentorship is their only active tie
 * @param hasMentor            has a current declared mentor
 * @param away                 away during part of R (detected or declared)
 * @param awayFrom             first day of that stretch (YYYY-MM-DD), null when not away
 * @param awayTo               last day of it (the as-of date while still away), null when not away
 * @param awaySource           {@code detected} or {@code declared}, null when not away
 */
public record PersonFlags(
        boolean[] networkShrinking,
        double[] recentRate,
        double[] baselineRate,
        boolean[] newcomerWithoutMentor,
        boolean[] mentorshipOnlyTie,
        boolean[] hasMentor,
        boolean[] away,
        String[] awayFrom,
        String[] awayTo,
        String[] awaySource) {

    /** People away during R. */
    public long awayCount() {
        long n = 0;
        for (boolean b : away) if (b) n++;
        return n;
    }

    /** People whose network shrinks. */
    public long shrinkingCount() {
        long n = 0;
        for (boolean b : networkShrinking) if (b) n++;
        return n;
    }
}
