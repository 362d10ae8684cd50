package org.mentorshipgraph.progress;

import java.util.Locale;
import java.util.function.Supplier;

/** The progress of one run: lines through {@link StepLog}, and every finished step and warning told to a listener. */
public final class RunProgress implements Progress {
    private final StepListener listener;

    /** @param listener told of every finished step and warning (the run record); null for none */
    public RunProgress(StepListener listener) {
        this.listener = listener;
    }

    @Override
    public void info(String format, Object... args) {
        StepLog.info(format, args);
    }

    @Override
    public void warn(String format, Object... args) {
        String m = String.format(Locale.ROOT, format, args);
        StepLog.warn("%s", m);
        if (listener != null) listener.warned(m);
    }

    @Override
    public <T extends StepResult> T step(String name, Supplier<T> work) {
        StepLog.info("%-12s started", name);
        HeapWatch.stepStarted(name);
        long t0 = System.nanoTime();
        T result = work.get();
        double s = (System.nanoTime() - t0) / 1e9;
        long peak = HeapWatch.stepFinished();
        if (listener != null) listener.stepFinished(name, s, peak, result);
        StepLog.stepDone(name, s, result.rows(), peak, result.summary());
        return result;
    }
}
