package org.mentorshipgraph.cli;

import org.mentorshipgraph.failures.ExitCodes;
import org.mentorshipgraph.failures.JobFailure;
import org.mentorshipgraph.progress.HeapWatch;
import picocli.CommandLine;

/**
 * What every command of the job does with failures, in one place: an expected failure ({@link JobFailure}) is one
 * line {@code error: ...} and its exit code; a usage error is one line and a pointer to {@code --help} (exit 2);
 * anything else is a bug, printed with its stack trace (exit 1).
 */
final class CommandLines {
    private CommandLines() {}

    /** Runs the command line with those handlers and returns the exit code (never calls System.exit). */
    static int execute(CommandLine cl, String script, String[] args) {
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (HeapWatch.isOutOfMemory(ex)) HeapWatch.exhausted(); // halts when installed
            if (ex instanceof JobFailure f) {
                System.err.println("error: " + f.getMessage());
                return f.exitCode();
            }
            System.err.println("error: unexpected failure: " + ex + " (details below)");
            ex.printStackTrace(System.err);
            return ExitCodes.INTERNAL;
        });
        cl.setParameterExceptionHandler((ex, a) -> {
            System.err.println("error: " + ex.getMessage());
            System.err.println("Try '" + script + " --help'.");
            return ExitCodes.USAGE;
        });
        return cl.execute(args);
    }
}
