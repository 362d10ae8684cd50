package org.mentorshipgraph.progress;

import java.util.function.Supplier;

/**
 * How a step reports what it does: progress lines for a person, warnings that are also kept in {@code run.json}, and
 * sub-steps that are timed. Handed to each step (as Neo4j GDS hands a progress tracker to an algorithm), so that no
 * step needs to know about the run record, the log format or the JSON log file.
 */
public interface Progress {
    void info(String format, Object... args);

    /** A warning: logged, and kept in {@code run.json}'s {@code warnings}. */
    void warn(String format, Object... args);

    /** Runs a named step: logs its start and its end with seconds, rate, peak heap and the result's summary. */
    <T extends StepResult> T step(String name, Supplier<T> work);

    /** Progress that only logs (for tools and tests): warnings are not kept anywhere. */
    static Progress logOnly() {
        return new RunProgress(null);
    }
}
