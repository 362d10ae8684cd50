package org.mentorshipgraph.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mentorshipgraph.files.Json;

class RunHistoryTest {
    @TempDir
    Path runs;

    void storedRun(String asOf, int people, double density) throws Exception {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("people", people);
        h.put("density", density);
        Files.createDirectories(runs.resolve(asOf));
        Json.writeAtomically(runs.resolve(asOf).resolve(RunHistory.FILE), Map.of("as_of", asOf, "headline", h));
    }

    static Map<String, Object> current(String asOf, int people, double density) {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("people", people);
        h.put("density", density);
        h.put("weakening_ties", 4L);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("as_of", asOf);
        f.put("headline", h);
        return f;
    }

    @Test
    void changesAreAgainstTheLatestEarlierRunAndTheTrendIsOldestFirst() throws Exception {
        storedRun("2026-11-01", 390, 0.040);
        storedRun("2026-11-08", 395, 0.045);
        storedRun("2026-11-22", 999, 0.9); // later than the report: ignored
        Files.createDirectories(runs.resolve("2026-11-10"));
        Files.writeString(runs.resolve("2026-11-10").resolve(RunHistory.FILE), "{ not json"); // unreadable: skipped
        Files.createDirectories(runs.resolve(".staging-2026-11-09-x")); // not a run folder

        Map<String, Object> f = current("2026-11-15", 400, 0.05);
        RunHistory.attach(f, RunHistory.earlier(runs, "2026-11-15"));

        @SuppressWarnings("unchecked")
        Map<String, Object> changes = (Map<String, Object>) f.get("changes");
        assertThat(changes.get("previous_as_of")).isEqualTo("2026-11-08");
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> by = (Map<String, Map<String, Object>>) changes.get("figures");
        assertThat(by.get("people")).containsEntry("previous", 395).containsEntry("change", 5L);
        assertThat(((Number) by.get("density").get("change")).doubleValue())
                .isCloseTo(0.005, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(by.get("weakening_ties")).containsEntry("previous", null).containsEntry("change", null);

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> trend = (List<Map<String, Object>>) f.get("trend");
        assertThat(trend).extracting(r -> r.get("as_of")).containsExactly("2026-11-01", "2026-11-08", "2026-11-15");
        assertThat(trend).extracting(r -> r.get("people")).containsExactly(390, 395, 400);
    }

    @Test
    void theFirstRunHasNoPreviousAndATrendOfItself() {
        Map<String, Object> f = current("2026-11-15", 400, 0.05);
        RunHistory.attach(f, RunHistory.earlier(runs.resolve("missing"), "2026-11-15"));
        @SuppressWarnings("unchecked")
        Map<String, Object> changes = (Map<String, Object>) f.get("changes");
        assertThat(changes.get("previous_as_of")).isNull();
        assertThat((Map<?, ?>) changes.get("figures")).isEmpty();
        assertThat((List<?>) f.get("trend")).hasSize(1);
    }

    @Test
    void aLongHistoryKeepsTheLatestRuns() throws Exception {
        java.time.LocalDate start = java.time.LocalDate.parse("2026-01-01");
        for (int i = 0; i < 70; i++) storedRun(start.plusDays(i).toString(), 300 + i, 0.05);
        Map<String, Object> f = current(start.plusDays(70).toString(), 400, 0.05);
        RunHistory.attach(f, RunHistory.earlier(runs, start.plusDays(70).toString()));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> trend = (List<Map<String, Object>>) f.get("trend");
        assertThat(trend).hasSize(RunHistory.MAX_TREND_RUNS);
        assertThat(trend.get(0).get("as_of"))
                .isEqualTo(start.plusDays(70 - (RunHistory.MAX_TREND_RUNS - 1)).toString());
        assertThat(trend.get(trend.size() - 2).get("people")).isEqualTo(369);
    }
}
