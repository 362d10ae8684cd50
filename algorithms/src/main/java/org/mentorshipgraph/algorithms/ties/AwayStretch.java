package org.mentorshipgraph.algorithms.ties;

/**
 * A stretch of the look-back in which a person had (almost) no contact with anyone, against their own rhythm: days
 * {@code [fromDay, toDay)} from the start of the look-back ({@code toDay} = L: still away at the run date).
 *
 * @param fromDay      first day away (the day after a contact day)
 * @param toDay        first day back (a contact day), or L when the stretch runs to the run date
 * @param contactDays  contact days inside the stretch (the "almost" of almost none)
 * @param pValue       the stretch's p-value under the person's own baseline, Bonferroni-adjusted over the stretches
 *                     tried for that person (see {@link Absence})
 */
public record AwayStretch(int fromDay, int toDay, int contactDays, double pValue) implements java.io.Serializable {
    public AwayStretch {
        if (fromDay < 0 || toDay <= fromDay)
            throw new IllegalArgumentException("empty stretch " + fromDay + ".." + toDay);
    }

    /** Calendar days in the stretch. */
    public int length() {
        return toDay - fromDay;
    }

    /** Whether the stretch shares at least one day with {@code [from, to)}. */
    public boolean overlaps(int from, int to) {
        return fromDay < to && from < toDay;
    }

    /** Whether day d is inside the stretch. */
    public boolean covers(int day) {
        return day >= fromDay && day < toDay;
    }
}
