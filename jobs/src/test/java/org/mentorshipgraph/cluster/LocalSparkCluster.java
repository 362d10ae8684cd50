package org.mentorshipgraph.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A Spark standalone cluster on this machine (a master and workers, each its own JVM), started and stopped by
 * {@code scripts/spark-cluster-local} with its state in a directory of the test's own. The cluster is owned by this
 * JVM: the script's watchdog stops it should this JVM end without {@link #close()}.
 */
final class LocalSparkCluster implements AutoCloseable {
    private final Path script;
    private final Path stateDir;
    private final ChildProcesses children;
    private final Map<String, ProcessHandle> daemons = new java.util.TreeMap<>();
    private final List<ProcessHandle> killedAfterStop = new ArrayList<>();
    private boolean started;

    LocalSparkCluster(Path repoRoot, Path stateDir, ChildProcesses children) {
        this.script = repoRoot.resolve("scripts/spark-cluster-local");
        this.stateDir = stateDir;
        this.children = children;
    }

    /** The environment the script needs to find this cluster. */
    Map<String, String> env() {
        return Map.of("SPARK_CLUSTER_LOCAL_DIR", stateDir.toString());
    }

    /** Starts the master and {@code workers} workers (1 core, 1 GiB each) and waits until all workers registered. */
    void start(int workers, Instant deadline) throws IOException, InterruptedException {
        Files.createDirectories(stateDir);
        long seconds = Math.max(10, Duration.between(Instant.now(), deadline).toSeconds());
        Path log = stateDir.resolve("start.log");
        started = true;
        Process p = children.start(
                List.of(
                        script.toString(),
                        "start",
                        "--workers",
                        String.valueOf(workers),
                        "--owner-pid",
                        String.valueOf(ProcessHandle.current().pid())),
                Map.of(
                        "SPARK_CLUSTER_LOCAL_DIR",
                        stateDir.toString(),
                        "SPARK_CLUSTER_LOCAL_START_TIMEOUT",
                        String.valueOf(seconds)),
                List.of("SPARK_"),
                log);
        int rc = ChildProcesses.await(p, deadline.plusSeconds(30), "scripts/spark-cluster-local start", log);
        if (rc != 0)
            throw new AssertionError(
                    "scripts/spark-cluster-local start failed (exit " + rc + "):\n" + ChildProcesses.tail(log, 40));
        for (String name : pidNames()) {
            ProcessHandle.of(Long.parseLong(read(name + ".pid"))).ifPresent(h -> daemons.put(name, h));
        }
    }

    String masterUrl() {
        return read("master.url");
    }

    URI webUi() {
        return URI.create(read("master-webui.url"));
    }

    /** The master's status as JSON (what its web UI serves at /json/). */
    String statusJson() throws IOException, InterruptedException {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(webUi().resolve("/json/"))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return r.body();
    }

    /** Each worker's work directory (one sub-directory per application, one per executor under it). */
    List<Path> workerWorkDirs() throws IOException {
        try (Stream<Path> s = Files.list(stateDir)) {
            return s.filter(d -> d.getFileName().toString().matches("worker-\\d+") && Files.isDirectory(d))
                    .map(d -> d.resolve("work"))
                    .sorted()
                    .toList();
        }
    }

    /** The command that runs spark-submit's class in client mode against this cluster with {@code args}. */
    List<String> submitCommand(List<String> args) {
        List<String> cmd = new ArrayList<>(List.of(script.toString(), "submit"));
        cmd.addAll(args);
        return cmd;
    }

    /** The master, the workers, the watchdog and, while an application runs, the executors (the workers' children). */
    List<ProcessHandle> processes() {
        List<ProcessHandle> all = new ArrayList<>(daemons.values());
        daemons.forEach((name, h) -> {
            if (name.startsWith("worker-")) all.addAll(h.descendants().toList());
        });
        return all;
    }

    /** Processes that were still running 10 s after {@code stop} and had to be killed by {@link #close()}. */
    List<ProcessHandle> killedAfterStop() {
        return killedAfterStop;
    }

    /** Stops the cluster (script {@code stop}); whatever of it still runs 10 s later is killed (and remembered). */
    @Override
    public void close() throws IOException, InterruptedException {
        if (!started) return;
        List<ProcessHandle> all = processes();
        Path log = stateDir.resolve("stop.log");
        Process p = children.start(List.of(script.toString(), "stop"), env(), List.of("SPARK_"), log);
        if (!p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) p.destroyForcibly();
        // also any JVM of this cluster that is no longer a descendant of a worker (an executor being launched
        // while its worker stopped): they all run from this cluster's own SPARK_HOME
        String home = stateDir.resolve("spark-home").toString();
        ProcessHandle.allProcesses()
                .filter(h -> h.info().commandLine().map(c -> c.contains(home)).orElse(false))
                .filter(h -> !all.contains(h))
                .forEach(all::add);
        long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        for (ProcessHandle h : all) {
            while (h.isAlive() && System.nanoTime() < until) Thread.sleep(100);
            if (h.isAlive()) {
                killedAfterStop.add(h);
                h.destroyForcibly();
            }
        }
    }

    private List<String> pidNames() throws IOException {
        try (Stream<Path> s = Files.list(stateDir)) {
            return s.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".pid"))
                    .map(n -> n.substring(0, n.length() - 4))
                    .sorted()
                    .toList();
        }
    }

    private String read(String file) {
        try {
            return Files.readString(stateDir.resolve(file), StandardCharsets.UTF_8)
                    .trim();
        } catch (IOException e) {
            throw new IllegalStateException(
                    "cluster state file " + stateDir.resolve(file) + " unreadable: " + e.getMessage(), e);
        }
    }

    static Optional<String> firstMatch(String text, String regex) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(regex).matcher(text);
        return m.find() ? Optional.of(m.groupCount() > 0 ? m.group(1) : m.group()) : Optional.empty();
    }
}
