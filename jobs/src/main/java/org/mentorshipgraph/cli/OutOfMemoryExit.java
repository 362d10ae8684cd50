package org.mentorshipgraph.cli;

import java.io.PrintStream;
import java.util.Locale;
import org.mentorshipgraph.failures.ExitCodes;
import org.mentorshipgraph.progress.HeapWatch;

/**
 * What the job does when the driver's heap is exhausted ({@link HeapWatch}): one line on stderr naming the step, the
 * heap size and how to give more, then an immediate halt with {@link ExitCodes#OUT_OF_MEMORY} — no shutdown hooks,
 * since nothing that needs memory can be trusted to finish. The OS releases the run's lock; nothing was published.
 */
final class OutOfMemoryExit {
    private OutOfMemoryExit() {}

    static void install() {
        long max = HeapWatch.maxHeap();
        String heap = HeapWatch.megabytes(max);
        String more = Math.max(2, 2 * (long) Math.ceil(max / (1024.0 * 1024 * 1024))) + "g";
        // built now: when it is needed there may be no memory left to build it
        String tail = String.format(
                Locale.ROOT,
                "': the driver's heap of %s (-Xmx) is too small for this run. Give it more, e.g. "
                        + "MG_DRIVER_MEMORY=%s scripts/nightly ... or scripts/nightly --driver-memory %s ... "
                        + "(under spark-submit: --driver-memory %s). Nothing was published; the previous run is untouched.",
                heap,
                more,
                more,
                more);
        PrintStream err = System.err;
        HeapWatch.install(step -> {
            try {
                err.println("error: out of memory in step '" + step + tail);
                err.flush();
            } finally {
                Runtime.getRuntime().halt(ExitCodes.OUT_OF_MEMORY);
            }
        });
    }
}
