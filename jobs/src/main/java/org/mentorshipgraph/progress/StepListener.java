package org.mentorshipgraph.progress;

/** Told when a step of the run has finished, so that its time can be kept (the run record keeps them for run.json). */
public interface StepListener {
    void stepFinished(String step, double seconds);
}
