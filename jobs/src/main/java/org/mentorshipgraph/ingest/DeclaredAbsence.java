package org.mentorshipgraph.ingest;

import java.time.LocalDate;

/**
 * A declared absence (leave, sabbatical, long illness), as HR systems export it: the person is away from {@code from}
 * to {@code to}, both days included. Declared absences replace the detected ones for the people they name (see
 * {@code trends.AwayDetection}).
 *
 * @param kind free text such as {@code parental} or {@code sabbatical}; null when not given
 */
public record DeclaredAbsence(String personId, LocalDate from, LocalDate to, String kind) {
    public DeclaredAbsence {
        if (to.isBefore(from)) throw new IllegalArgumentException("to before from");
    }
}
