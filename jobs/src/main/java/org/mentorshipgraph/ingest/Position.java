package org.mentorshipgraph.ingest;

import java.time.LocalDate;

/** One position in a person's job history ({@code --positions}); {@code endedOn} null for a current position. */
public record Position(
        String personId,
        String title,
        String level,
        String team,
        String department,
        LocalDate startedOn,
        LocalDate endedOn) {}
