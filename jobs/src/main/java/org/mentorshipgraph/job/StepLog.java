package org.mentorshipgraph.job;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.util.Locale;
import java.util.function.Supplier;

/** Progress lines a person can follow: one per step, with rows, seconds and rate; timings go to the run record. */
public final class StepLog {
    private static final Logger LOG = LogManager.getLogger("mentorship-graph");
    private final RunRecord record;

    public StepLog(RunRecord record) {
        this.record = record;
    }

    public static void info(String format, Object... args) {
        LOG.info(String.format(Locale.ROOT, format, args));
    }

    public static void warn(String format, Object... args) {
        LOG.warn(String.format(Locale.ROOT, format, args));
    }

    /** Runs a step, records its seconds, and logs {@code step: summary (s, rate)}; rows &lt; 0 means no rate. */
    public <T> T step(String name, Supplier<T> work, java.util.function.Function<T, String> summary,
                      java.util.function.ToLongFunction<T> rows) {
        info("%-12s started", name);
        long t0 = System.nanoTime();
        T result = work.get();
        double s = (System.nanoTime() - t0) / 1e9;
        record.seconds(name, s);
        long n = rows.applyAsLong(result);
        String rate = n >= 0 && s > 0 ? String.format(Locale.ROOT, ", %,.0f rows/s", n / s) : "";
        info("%-12s done in %.1f s%s: %s", name, s, rate, summary.apply(result));
        return result;
    }
}
