package org.mentorshipgraph.neo4j;

/**
 * Told of the writer's progress: each committed batch, and each finished step. The job logs with it; tests use it to
 * stop a write in the middle (an exception thrown here ends the write as a crash would: batches already committed
 * stay, the rest never happen). Called from the writer threads, so implementations must be thread-safe.
 */
public interface WriteObserver {
    WriteObserver NONE = new WriteObserver() {};

    /** A batch of {@code rows} rows of {@code step} was committed by writer lane {@code lane}. */
    default void batchCommitted(String step, int lane, int rows) {}

    /** {@code step} finished: {@code rows} rows in {@code seconds}. */
    default void stepFinished(String step, long rows, double seconds) {}
}
