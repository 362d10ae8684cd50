package org.mentorshipgraph.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The processes a test starts, each with its output in a log file, and all of them (with their descendants) ended
 * on {@link #close()} or, should the test JVM be stopped first, by a shutdown hook: a test never leaves one behind.
 */
final class ChildProcesses implements AutoCloseable {
    private final List<Process> started = new CopyOnWriteArrayList<>();
    private final Thread hook = new Thread(this::endAll, "end-child-processes");

    ChildProcesses() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Starts {@code command} with {@code env} added to (and {@code removed} taken from) this JVM's environment. */
    Process start(List<String> command, Map<String, String> env, List<String> removedPrefixes, Path log)
            throws IOException {
        ProcessBuilder pb =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().keySet().removeIf(k -> removedPrefixes.stream().anyMatch(k::startsWith));
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        started.add(p);
        return p;
    }

    /** Waits for {@code p} until {@code deadline}; fails with the end of its log when it is still running then. */
    static int await(Process p, Instant deadline, String what, Path log) throws InterruptedException {
        long ms = Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
        if (!p.waitFor(ms, TimeUnit.MILLISECONDS)) {
            throw new AssertionError(what + " did not finish within the test's time limit (" + loadAverage()
                    + "; a busy machine may need -Dmg.cluster-test.timeout-seconds=N); the end of " + log + ":\n"
                    + tail(log, 40));
        }
        return p.exitValue();
    }

    /** "load average 1.23 0.98 0.75" (1, 5, 15 minutes) where /proc/loadavg exists. */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return "load average " + f[0] + " " + f[1] + " " + f[2] + " on "
                    + Runtime.getRuntime().availableProcessors() + " cores";
        } catch (IOException | RuntimeException e) {
            return "load average unknown";
        }
    }

    /** The last {@code lines} lines of a log file. */
    static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e + ")";
        }
    }

    /** Ends every started process still running, and its descendants: SIGTERM, then SIGKILL after 10 s. */
    void endAll() {
        List<ProcessHandle> handles = new ArrayList<>();
        for (Process p : started) {
            if (!p.isAlive()) continue;
            handles.addAll(p.descendants().toList());
            handles.add(p.toHandle());
        }
        handles.forEach(ProcessHandle::destroy);
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (ProcessHandle h : handles) {
            while (h.isAlive() && System.nanoTime() < until) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            if (h.isAlive()) h.destroyForcibly();
        }
    }

    @Override
    public void close() {
        endAll();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
    }
}
