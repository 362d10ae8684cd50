package org.mentorshipgraph.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.mentorshipgraph.files.Json;
import org.mentorshipgraph.files.RunFolders;
import org.mentorshipgraph.progress.StepLog;
import org.mentorshipgraph.storage.Location;
import org.mentorshipgraph.storage.Storage;

/**
 * What changed since earlier runs, read from their stored {@code OUT/runs/<as-of>/network-health.json} (only runs
 * dated before the one being reported, so rebuilding an old report gives the report it had). Adds to the figures:
 * <ul>
 *   <li>{@code changes}: the previous run's date and, per headline figure, the previous value and the change;</li>
 *   <li>{@code trend}: the headline figures of up to {@value #MAX_TREND_RUNS} runs, oldest first, this run last.</li>
 * </ul>
 * Only organisation-wide headline figures are carried across runs, so no group or person enters through history.
 */
final class RunHistory {
    private RunHistory() {}

    static final int MAX_TREND_RUNS = 60;
    static final String FILE = "network-health.json";

    /**
     * The figures of the latest {@value #MAX_TREND_RUNS} − 1 runs dated before {@code asOf} in {@code runsDir}, oldest
     * first. Only those are read (newest first, so a long history costs no more); unreadable files are skipped with a warning.
     */
    static List<Map<String, Object>> earlier(Location runsDir, String asOf) {
        TreeSet<String> dates = new TreeSet<>(Comparator.reverseOrder());
        try {
            for (String d : RunFolders.dates(runsDir)) if (d.compareTo(asOf) < 0) dates.add(d);
        } catch (java.io.UncheckedIOException e) {
            StepLog.warn("report: cannot list earlier runs in %s (%s)", runsDir, e.getMessage());
        }
        List<Map<String, Object>> newestFirst = new ArrayList<>();
        for (String date : dates) {
            if (newestFirst.size() >= MAX_TREND_RUNS - 1) break;
            try {
                Location f = RunFolders.published(runsDir, date)
                        .map(d -> d.child(FILE))
                        .orElse(null);
                if (f == null || !f.isFile()) continue;
                @SuppressWarnings("unchecked")
                Map<String, Object> figures = Json.MAPPER.readValue(f.readString(), Map.class);
                if (figures.get("headline") instanceof Map<?, ?>) newestFirst.add(figures);
            } catch (IOException | java.io.UncheckedIOException e) {
                StepLog.warn("report: skipping unreadable earlier run %s (%s)", date, e.getMessage());
            }
        }
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    /** As {@link #earlier(Location, String)} on the local disk (tests). */
    static List<Map<String, Object>> earlier(Path runsDir, String asOf) {
        return earlier(Storage.local().at(runsDir.toString()), asOf);
    }

    /** Replaces {@code changes} and {@code trend} in {@code figures} from the earlier runs (oldest first). */
    @SuppressWarnings("unchecked")
    static void attach(Map<String, Object> figures, List<Map<String, Object>> earlier) {
        Map<String, Object> headline = (Map<String, Object>) figures.get("headline");
        Map<String, Object> previous = earlier.isEmpty() ? null : earlier.get(earlier.size() - 1);
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("previous_as_of", previous == null ? null : previous.get("as_of"));
        Map<String, Object> byFigure = new LinkedHashMap<>();
        if (previous != null) {
            Map<String, Object> before = (Map<String, Object>) previous.get("headline");
            for (HeadlineFigure h : HeadlineFigure.values()) {
                Number now = (Number) headline.get(h.key);
                Number then = before.get(h.key) instanceof Number n ? n : null;
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("previous", then);
                c.put("change", now == null || then == null ? null : difference(now, then));
                byFigure.put(h.key, c);
            }
        }
        changes.put("figures", byFigure);
        figures.put("changes", changes);

        List<Map<String, Object>> trend = new ArrayList<>();
        for (Map<String, Object> run : earlier)
            trend.add(trendRow(String.valueOf(run.get("as_of")), (Map<String, Object>) run.get("headline")));
        trend.add(trendRow(String.valueOf(figures.get("as_of")), headline));
        figures.put("trend", trend);
    }

    private static Map<String, Object> trendRow(String asOf, Map<String, Object> headline) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("as_of", asOf);
        for (HeadlineFigure h : HeadlineFigure.values())
            row.put(h.key, headline.get(h.key) instanceof Number n ? n : null);
        return row;
    }

    private static Number difference(Number now, Number then) {
        boolean integral =
                !(now instanceof Double || now instanceof Float || then instanceof Double || then instanceof Float);
        return integral
                ? (Number) (now.longValue() - then.longValue())
                : (Number) (now.doubleValue() - then.doubleValue());
    }
}
