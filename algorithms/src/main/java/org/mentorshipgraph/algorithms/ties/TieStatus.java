package org.mentorshipgraph.algorithms.ties;

import java.util.Locale;

/** Where a tie is heading, as of a run date. See {@link TieTests} for the tests behind each status. */
public enum TieStatus {
    /** Nothing before the recent window: the tie started recently. */
    NEW,
    /** Recent rate significantly above the baseline rate, by more than the inverse of the weakening ratio. */
    STRENGTHENING,
    /** Neither weakening nor strengthening, or too few contacts to tell. */
    STABLE,
    /** Silent or quieter while one side was away (leave, sabbatical): nothing to act on. */
    PAUSED,
    /**
     * Recent rate below {@code ratio} × baseline rate (activity-adjusted), and the drop is unlikely to be noise under
     * false-discovery control.
     */
    WEAKENING,
    /** Nothing in the recent window, and a silence this long is unlikely under the tie's own rate. */
    DORMANT;

    /** The lower-case name used in files, Neo4j and the report. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
