package org.mentorshipgraph.progress;

import java.util.Map;

/**
 * What a step of the nightly job returns: besides its data, the one line a person reads when it is done, the number
 * of rows it handled (for the rate; negative when a rate means nothing) and the counts it adds to {@code run.json}.
 */
public interface StepResult {
    /** One line: what the step did, in numbers. */
    String summary();

    /** Rows handled, for the rows/s figure; negative for none. */
    default long rows() {
        return -1;
    }

    /** Counts for {@code run.json}'s {@code counts}, in the order they should appear. */
    default Map<String, Object> counts() {
        return Map.of();
    }
}
