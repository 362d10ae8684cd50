package org.mentorshipgraph.progress;

/** Told what the run's steps did, so that it can be kept (the run record keeps it for {@code run.json}). */
public interface StepListener {
    /**
     * A step has finished.
     *
     * @param peakHeapBytes the most heap the JVM held during the step (an upper bound: the sum of each heap pool's
     *     peak), or -1 when unknown
     */
    void stepFinished(String step, double seconds, long peakHeapBytes, StepResult result);

    /** A warning a reader of {@code run.json} should see. */
    void warned(String message);
}
