package org.mentorshipgraph.failures;

/**
 * A failure the job can explain in one line, with the exit code the scheduler sees.
 * The message is what an operator reads: what went wrong, where, and how to fix it.
 */
public class JobFailure extends RuntimeException {
    private final int exitCode;

    public JobFailure(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public JobFailure(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }

    /** Bad usage or configuration (exit 2). */
    public static JobFailure usage(String message) {
        return new JobFailure(ExitCodes.USAGE, message);
    }

    /** Input missing, unreadable or unusable (exit 3). */
    public static JobFailure input(String message) {
        return new JobFailure(ExitCodes.INPUT, message);
    }

    /** The output location cannot be written (exit 7). */
    public static JobFailure output(String message, Throwable cause) {
        return new JobFailure(ExitCodes.OUTPUT, message, cause);
    }

    /** Neo4j unreachable or refused after retries (exit 4). */
    public static JobFailure neo4j(String message, Throwable cause) {
        return new JobFailure(ExitCodes.NEO4J, message, cause);
    }
}
