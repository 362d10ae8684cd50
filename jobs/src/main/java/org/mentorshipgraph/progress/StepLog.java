package org.mentorshipgraph.progress;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Progress lines a person can follow, on stderr through log4j: one when a step starts and one when it ends, with
 * seconds, rows per second, the step's peak heap and its summary. With {@link #jsonLinesTo} every line is also
 * appended to a file as one JSON object (for log collectors). Steps report through {@link Progress} ({@link
 * RunProgress}), which also tells the run record.
 */
public final class StepLog {
    private static final Logger LOG = LogManager.getLogger("mentorship-graph");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile java.util.function.Consumer<String> jsonSink;

    private static volatile String jsonTarget;

    /** Also appends every progress line as one JSON object per line to this local file (null: off). */
    public static void jsonLinesTo(Path file) {
        jsonLinesTo(
                file == null
                        ? null
                        : line -> {
                            try {
                                Files.writeString(file, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                            } catch (IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }
                        },
                String.valueOf(file));
    }

    /**
     * Also hands every progress line, as one JSON object and a newline, to {@code sink} (null: off); {@code target}
     * names where it goes, for the warning if it fails (then the JSON log is turned off, the run goes on).
     */
    public static void jsonLinesTo(java.util.function.Consumer<String> sink, String target) {
        jsonSink = sink;
        jsonTarget = target;
    }

    private StepLog() {}

    /** A progress line. */
    public static void info(String format, Object... args) {
        String m = String.format(Locale.ROOT, format, args);
        LOG.info(m);
        json("info", m, null, null, null, null);
    }

    /** A warning line (not kept in any run record: see {@link Progress#warn}). */
    public static void warn(String format, Object... args) {
        String m = String.format(Locale.ROOT, format, args);
        LOG.warn(m);
        json("warn", m, null, null, null, null);
    }

    /** The line that ends a step, logged and appended to the JSON log. */
    static void stepDone(String name, double seconds, long rows, long peakHeap, String summary) {
        String rate = rows >= 0 && seconds > 0 ? String.format(Locale.ROOT, ", %,.0f rows/s", rows / seconds) : "";
        String line = String.format(
                Locale.ROOT,
                "%-12s done in %.1f s%s, peak heap %s: %s",
                name,
                seconds,
                rate,
                HeapWatch.megabytes(peakHeap),
                summary);
        LOG.info(line);
        json("info", line, name, seconds, rows, peakHeap);
    }

    private static synchronized void json(
            String level, String message, String step, Double seconds, Long rows, Long peakHeap) {
        java.util.function.Consumer<String> f = jsonSink;
        if (f == null) return;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("time", Instant.now().toString());
        m.put("level", level);
        if (step != null) m.put("step", step);
        if (seconds != null) m.put("seconds", seconds);
        if (rows != null && rows >= 0) m.put("rows", rows);
        if (peakHeap != null && peakHeap >= 0) m.put("peak_heap_mb", peakHeap / (1024 * 1024));
        m.put("message", message);
        try {
            f.accept(JSON.writeValueAsString(m) + "\n");
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot write JSON log " + jsonTarget + ": " + e.getMessage());
            jsonSink = null;
        }
    }
}
