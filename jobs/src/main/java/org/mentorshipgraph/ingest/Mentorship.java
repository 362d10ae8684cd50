package org.mentorshipgraph.ingest;

import java.time.LocalDate;

/** A declared mentorship; active on a date d when {@code startedOn ≤ d} (or unknown) and {@code endedOn} is null or after d. */
public record Mentorship(String mentorId, String menteeId, LocalDate startedOn, LocalDate endedOn, String program) {
    public boolean activeOn(LocalDate d) {
        return (startedOn == null || !startedOn.isAfter(d)) && (endedOn == null || endedOn.isAfter(d));
    }
}
