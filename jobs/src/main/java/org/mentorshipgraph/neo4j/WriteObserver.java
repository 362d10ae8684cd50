package org.mentorshipgraph.neo4j;

import org.mentorshipgraph.progress.StepLog;

/**
 * Told of the writer's progress: each committed batch, and each finished step. The job logs with it; tests use it to
 * stop a write in the middle (an exception thrown here ends the write as a crash would: batches already committed
 * stay, the rest never happen). Called from the writer threads, so implementations must be thread-safe.
 */
public interface WriteObserver {
    WriteObserver NONE = new WriteObserver() {};

    /** Logs one line per finished step with its rate ({@link StepLog#info}): what the job passes. */
    WriteObserver LOG = new WriteObserver() {
        @Override
        public void stepFinished(String step, long rows, double seconds) {
            StepLog.info(
                    "  neo4j %-12s %,9d rows in %6.2f s (%,.0f rows/s)",
                    step, rows, seconds, seconds > 0 ? rows / seconds : 0.0);
        }
    };

    /**
     * A transaction of writer lane {@code lane} was committed, in which step {@code step} wrote {@code rows} rows (a
     * batch can write rows of two steps, e.g. {@code ties-update} and {@code ties-new}: one call each).
     */
    default void batchCommitted(String step, int lane, int rows) {}

    /** {@code step} finished: {@code rows} rows in {@code seconds}. */
    default void stepFinished(String step, long rows, double seconds) {}
}
