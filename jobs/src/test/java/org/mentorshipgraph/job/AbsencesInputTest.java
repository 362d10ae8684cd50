package org.mentorshipgraph.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mentorshipgraph.testing.Csv;

/**
 * People away, through the command line: x meets six colleagues every weekday from May to 20 October and then stops
 * (R is 14 October .. 10 November); the six keep meeting each other. Without an absences file x is detected away and
 * x's ties are paused; with one, the declared stretch replaces the detection, and its bad rows are quarantined with
 * their reasons.
 */
class AbsencesInputTest {
    static final LocalDate LAST_WITH_X = LocalDate.parse("2026-10-20");

    static Path interactions(Path dir) throws Exception {
        List<String> lines = new ArrayList<>(List.of("timestamp,source_id,target_id,channel"));
        for (LocalDate d = LocalDate.parse("2026-05-20");
                !d.isAfter(LocalDate.parse(BadInputTest.AS_OF));
                d = d.plusDays(1)) {
            if (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) continue;
            for (int i = 1; i <= 6; i++) {
                if (!d.isAfter(LAST_WITH_X)) lines.add(d + "T09:0" + i + ":00Z,x,p" + i + ",meeting");
                lines.add(d + "T11:0" + i + ":00Z,p" + i + ",p" + (i % 6 + 1) + ",chat");
            }
        }
        Path f = dir.resolve("interactions.csv");
        Files.write(f, lines);
        return f;
    }

    static Map<String, Map<String, String>> people(Path out) throws Exception {
        return Csv.read(out.resolve("runs/" + BadInputTest.AS_OF + "/people.csv")).stream()
                .collect(Collectors.toMap(r -> r.get("person_id"), r -> r));
    }

    static List<Map<String, String>> tiesOfX(Path out) throws Exception {
        return Csv.read(out.resolve("runs/" + BadInputTest.AS_OF + "/ties.csv")).stream()
                .filter(r -> r.get("person_b").equals("x"))
                .toList();
    }

    @Test
    void someoneWhoStopsIsDetectedAwayAndTheirTiesArePaused(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        assertThat(BadInputTest.run(interactions(dir), out)).isZero();
        Map<String, String> x = people(out).get("x");
        assertThat(x.get("away")).isEqualTo("true");
        assertThat(x.get("away_source")).isEqualTo("detected");
        assertThat(x.get("away_from")).isEqualTo("2026-10-21");
        assertThat(x.get("away_to")).isEqualTo(BadInputTest.AS_OF);
        assertThat(people(out).get("p1").get("away")).isEqualTo("false");
        List<Map<String, String>> ties = tiesOfX(out);
        assertThat(ties).hasSize(6);
        for (Map<String, String> t : ties) {
            assertThat(t.get("status")).as(t.toString()).isEqualTo("paused");
            assertThat(t.get("status_reason")).isEqualTo("paused: x away since 2026-10-21");
            assertThat(t.get("priority")).isEqualTo("9");
        }
        JsonNode counts = BadInputTest.runJson(out).get("counts");
        assertThat(counts.get("people_away").asInt()).isEqualTo(1);
        assertThat(counts.get("ties_by_status").get("paused").asInt()).isEqualTo(6);
        assertThat(counts.get("fading_listed").asInt()).isZero();
    }

    @Test
    void declaredAbsencesReplaceTheDetectionAndBadRowsAreQuarantined(@TempDir Path dir) throws Exception {
        Path absences = dir.resolve("absences.csv");
        Files.write(
                absences,
                List.of(
                        "person_id,from,to,kind",
                        "x,2026-10-19,2026-12-31,parental",
                        ",2026-10-01,2026-10-02,sick",
                        "p1,2026-13-01,2026-10-02,training",
                        "p2,2026-10-05,2026-10-01,",
                        "nobody-here,2026-10-01,2026-10-05,sabbatical"));
        Path out = dir.resolve("out");
        assertThat(BadInputTest.run(interactions(dir), out, "--absences", absences.toString()))
                .isZero();
        Map<String, String> x = people(out).get("x");
        assertThat(x.get("away")).isEqualTo("true");
        assertThat(x.get("away_source")).isEqualTo("declared");
        assertThat(x.get("away_from")).isEqualTo("2026-10-19");
        assertThat(x.get("away_to")).as("clipped to the run date").isEqualTo(BadInputTest.AS_OF);
        for (Map<String, String> t : tiesOfX(out))
            assertThat(t.get("status_reason")).isEqualTo("paused: x away since 2026-10-19");
        Map<String, List<String>> rejected = BadInputTest.rejectedByReason(out);
        assertThat(rejected).containsKeys("missing person_id", "from/to is not YYYY-MM-DD", "to is before from");
        JsonNode counts = BadInputTest.runJson(out).get("counts");
        assertThat(counts.get("absences_declared").asInt()).isEqualTo(2);
        assertThat(counts.get("absences_rejected").asInt()).isEqualTo(3);
    }
}
