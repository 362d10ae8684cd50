package org.mentorshipgraph.progress;

import java.util.Locale;
import java.util.function.Supplier;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/** Progress lines a person can follow: one per step, with rows, seconds and rate; timings go to the run record. */
public final class StepLog {
    private static final Logger LOG = LogManager.getLogger("mentorship-graph");
    private static volatile java.nio.file.Path jsonFile;
    private final StepListener listener;

    /** Also appends every progress line as one JSON object per line to this file (null: off). */
    public static void jsonLinesTo(java.nio.file.Path file) {
        jsonFile = file;
    }

    public StepLog(StepListener listener) {
        this.listener = listener;
    }

    public static void info(String format, Object... args) {
        String m = String.format(Locale.ROOT, format, args);
        LOG.info(m);
        json("info", m, null, null, null);
    }

    public static void warn(String format, Object... args) {
        String m = String.format(Locale.ROOT, format, args);
        LOG.warn(m);
        json("warn", m, null, null, null);
    }

    private static synchronized void json(String level, String message, String step, Double seconds, Long rows) {
        java.nio.file.Path f = jsonFile;
        if (f == null) return;
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("time", java.time.Instant.now().toString());
        m.put("level", level);
        if (step != null) m.put("step", step);
        if (seconds != null) m.put("seconds", seconds);
        if (rows != null && rows >= 0) m.put("rows", rows);
        m.put("message", message);
        try {
            java.nio.file.Files.writeString(
                    f,
                    org.mentorshipgraph.files.Json.MAPPER
                                    .writer()
                                    .without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                                    .writeValueAsString(m)
                            + "\n",
                    java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (java.io.IOException e) {
            LOG.warn("cannot write JSON log " + f + ": " + e.getMessage());
            jsonFile = null;
        }
    }

    /** Runs a step, records its seconds, and logs {@code step: summary (s, rate)}; rows &lt; 0 means no rate. */
    public <T> T step(
            String name,
            Supplier<T> work,
            java.util.function.Function<T, String> summary,
            java.util.function.ToLongFunction<T> rows) {
        info("%-12s started", name);
        long t0 = System.nanoTime();
        T result = work.get();
        double s = (System.nanoTime() - t0) / 1e9;
        listener.stepFinished(name, s);
        long n = rows.applyAsLong(result);
        String rate = n >= 0 && s > 0 ? String.format(Locale.ROOT, ", %,.0f rows/s", n / s) : "";
        String line = String.format(Locale.ROOT, "%-12s done in %.1f s%s: %s", name, s, rate, summary.apply(result));
        LOG.info(line);
        json("info", line, name, s, n);
        return result;
    }
}
