package org.mentorshipgraph.ingest;

import java.time.LocalDate;
import java.util.List;

/** One row of the people directory. Unknown fields are null; {@code team} is "unknown" when not given. */
public record Person(
        String id,
        String displayName,
        String team,
        String department,
        String managerId,
        String title,
        String level,
        String location,
        LocalDate hireDate,
        List<String> skills,
        List<String> wantsToLearn) {
    public static final String UNKNOWN_TEAM = "unknown";

    /** Someone seen in the interactions but absent from the directory. */
    public static Person unlisted(String id) {
        return new Person(id, null, UNKNOWN_TEAM, null, null, null, null, null, null, List.of(), List.of());
    }
}
