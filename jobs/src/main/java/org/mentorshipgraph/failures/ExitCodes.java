package org.mentorshipgraph.failures;

/** The exit codes of {@code scripts/nightly}, as documented in {@code --help} and the README. */
public final class ExitCodes {
    private ExitCodes() {}

    public static final int OK = 0;
    /** Anything unexpected; the log has the details. */
    public static final int INTERNAL = 1;
    /** Bad usage or configuration. */
    public static final int USAGE = 2;
    /** Input missing, unreadable, or too much of it quarantined. */
    public static final int INPUT = 3;
    /** Neo4j unreachable or refused after retries (the file outputs are complete). */
    public static final int NEO4J = 4;
    /** Another run holds the lock on the same output directory. */
    public static final int LOCKED = 5;
    /** The driver's heap ran out; the message names the step and how to give it more. Nothing was published. */
    public static final int OUT_OF_MEMORY = 6;
    /**
     * The output location cannot be written: a missing bucket, no permission, wrong credentials, an unreachable store.
     * The previous good run is intact.
     */
    public static final int OUTPUT = 7;

    public static final String HELP = """
            Exit codes:
              0  success
              1  unexpected failure (see the log)
              2  bad usage or configuration
              3  input missing, unreadable, or more than input.max-rejected-share of it quarantined
              4  Neo4j unreachable or refused after retries (file outputs are still complete)
              5  another run holds the lock on the same output directory
              6  the driver ran out of memory (the message names the step; give more with MG_DRIVER_MEMORY or --driver-memory)
              7  the output location cannot be written (missing bucket, permission, credentials, store down); the
                 previous good run is intact""";
}
