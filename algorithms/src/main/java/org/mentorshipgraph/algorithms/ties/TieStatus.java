package org.mentorshipgraph.algorithms.ties;

import java.util.Locale;

/** Where a tie is heading, as of a run date. See {@link TieTrendRules} for the rules. */
public enum TieStatus {
    /** Nothing before the recent window: the tie started recently. */
    NEW,
    /** Recent rate significantly above the baseline rate, by more than the inverse of the weakening ratio. */
    STRENGTHENING,
    /** Neither weakening nor strengthening, or too few contacts to tell. */
    STABLE,
    /** Recent rate below {@code ratio} × baseline rate, and the drop is unlikely to be noise (exact binomial test). */
    WEAKENING,
    /** Nothing in the recent window, and the silence is long against the tie's own usual gap between contacts. */
    DORMANT;

    /** The lower-case name used in files, Neo4j and the report. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
