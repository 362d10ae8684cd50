package org.mentorshipgraph.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mentorshipgraph.storage.Location;
import org.mentorshipgraph.storage.Storage;
import org.mentorshipgraph.testing.HdfsTestCluster;

/**
 * The nightly job on a real Spark standalone cluster gives what it gives in {@code local[*]}.
 *
 * <p>A master and two workers (1 core, 1 GiB each) run as their own JVMs ({@code scripts/spark-cluster-local}, from
 * the Spark jars Maven resolved), on 127.0.0.1 only. The job runs twice on the bundled sample, at the same time (the
 * cluster run with its inputs on a real HDFS started by the test, a NameNode and a DataNode in this JVM, and its run
 * written there; the local run on local paths; so no shared mount is involved):
 * <ul>
 *   <li>on the cluster the way {@code spark-submit} runs it: {@code org.apache.spark.deploy.SparkSubmit --master
 *       spark://… --deploy-mode client --class NightlyCommand <spark-app jar>}, in its own JVM whose classpath is
 *       Spark's jars only; the executors (one per worker) load our code from the application jar;</li>
 *   <li>locally the way {@code scripts/nightly} runs it ({@code java -cp classes:job-classpath}), with
 *       {@code --set spark.master=local[2]}.</li>
 * </ul>
 * Then: both succeed; people.csv, ties.csv and rejected.csv are equal (byte for byte, else as row sets where only a
 * last printed decimal may round the other way, see {@link RunComparison}), the people/ties Parquet tables equal at
 * full precision within 1e-9 relative (the order of floating-point sums differs between the two), the run records'
 * counts equal; and the
 * cluster run really ran on the cluster (its driver reports the spark:// master, the master lists the finished
 * application, each worker launched an executor with the Java 17 flags that fetched the application jar).
 * Everything started is stopped in the end, and checked to be gone. Time limit: {@code mg.cluster-test.timeout-seconds}
 * (default 240).
 */
class StandaloneClusterTest {
    private static final String AS_OF = "2026-11-15";
    private static final long BUDGET_SECONDS = Long.getLong("mg.cluster-test.timeout-seconds", 480);
    private static final long T0 = System.nanoTime();
    /**
     * C1 only: these JVMs live about a minute on a small input, where C2 compiling costs more CPU than it saves
     * (measured here: a third less CPU for the local run). A test-speed setting, not one for production runs.
     */
    private static final String FAST_START = "-XX:TieredStopAtLevel=1";

    @Test
    @Timeout(value = 900, unit = TimeUnit.SECONDS) // backstop only: the test's own deadline below is what applies
    void nightlyJobOnAStandaloneClusterEqualsTheLocalRun() throws Exception {
        Instant deadline = Instant.now().plusSeconds(BUDGET_SECONDS);
        Path root = Path.of(System.getProperty("project.root", "..")).toRealPath();
        Path jobsTarget = root.resolve("jobs/target");
        Path work = jobsTarget.resolve("standalone-cluster-test");
        deleteTree(work);
        Files.createDirectories(work);
        List<String> jvmFlags = List.of(
                read(jobsTarget.resolve("launcher/jvm-options.txt")).trim().split("\\s+"));
        List<Path> jobClasspath = Stream.of(
                        read(jobsTarget.resolve("job-classpath.txt")).trim().split(":"))
                .map(Path::of)
                .toList();

        // the application jar: Main-Class, our code, nothing of Spark, Scala or an unrelocated Netty
        SparkAppJar.Located app = SparkAppJar.forTest(jobsTarget, jobClasspath, work);
        log("%s; time limit %d s", ChildProcesses.loadAverage(), BUDGET_SECONDS);
        log(
                "application jar: %s (%s)",
                app.jar(),
                app.shaded()
                        ? "the shade plugin's artifact"
                        : "assembled by the test: the shaded jar is missing or older than the classes");
        Set<String> entries = SparkAppJar.entries(app.jar());
        assertThat(SparkAppJar.mainClass(app.jar())).isEqualTo(SparkAppJar.MAIN_CLASS);
        assertThat(entries)
                .contains(
                        "org/mentorshipgraph/cli/NightlyCommand.class",
                        "org/mentorshipgraph/connectors/DistributedBetweenness.class",
                        "picocli/CommandLine.class",
                        "org/neo4j/driver/GraphDatabase.class");
        // every class of this checkout's algorithms module (a "mvn -pl jobs" build without -am bundles whatever
        // algorithms snapshot is in ~/.m2 instead, which may be another branch's)
        Path algorithmsClasses = root.resolve("algorithms/target/classes");
        if (Files.isDirectory(algorithmsClasses)) {
            try (Stream<Path> s = Files.walk(algorithmsClasses)) {
                List<String> classes = s.filter(f -> f.toString().endsWith(".class"))
                        .map(f -> algorithmsClasses.relativize(f).toString().replace('\\', '/'))
                        .toList();
                assertThat(entries)
                        .as("classes of algorithms/ in %s", app.jar())
                        .containsAll(classes);
            }
        }
        assertThat(entries)
                .filteredOn(e -> e.startsWith("org/apache/spark/")
                        || e.startsWith("scala/")
                        || e.startsWith("io/netty/")
                        || e.startsWith("org/apache/hadoop/")
                        || e.startsWith("META-INF/io.netty.versions"))
                .isEmpty();

        Path sample = root.resolve("notebooks-data/sample");
        List<String> common = List.of(
                "--no-neo4j",
                "--as-of",
                AS_OF,
                "--interactions",
                sample.resolve("interactions").toString(),
                "--people",
                sample.resolve("people.csv").toString(),
                "--mentorships",
                sample.resolve("mentorships.csv").toString());
        // the cluster run reads its inputs from a real HDFS and writes its run there: no shared mount involved
        hdfs = HdfsTestCluster.start();
        storage = Storage.local();
        Location hdfsIn = storage.at(hdfs.uri() + "/in");
        try (Stream<Path> files = Files.walk(sample)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Location target = hdfsIn;
                for (String part : sample.relativize(f).toString().split("/")) target = target.child(part);
                try (var in = Files.newInputStream(f)) {
                    target.copyFrom(in);
                }
            }
        }
        List<String> onHdfs = List.of(
                "--no-neo4j",
                "--as-of",
                AS_OF,
                "--interactions",
                hdfsIn.child("interactions").uri(),
                "--people",
                hdfsIn.child("people.csv").uri(),
                "--mentorships",
                hdfsIn.child("mentorships.csv").uri());
        Location hdfsOut = storage.at(hdfs.uri() + "/out-cluster");
        Path localOut = work.resolve("out-local");
        Path clusterOut = work.resolve("out-cluster");
        Path localLog = work.resolve("local-run.log");
        Path clusterLog = work.resolve("cluster-run.log");
        // the children must not see a developer's MG_* / NEO4J_* / SPARK_* settings
        List<String> scrubbed = List.of("MG_", "NEO4J_", "SPARK_");
        Map<String, String> loopback = Map.of("SPARK_LOCAL_IP", "127.0.0.1");

        List<ProcessHandle> clusterProcesses = new ArrayList<>();
        List<ProcessHandle> killedAfterStop = new ArrayList<>();
        try (ChildProcesses children = new ChildProcesses()) {
            LocalSparkCluster cluster = new LocalSparkCluster(root, work.resolve("cluster"), children);
            try {
                // 1. the local run, as scripts/nightly runs it; it proceeds while the cluster starts
                List<String> local = new ArrayList<>(List.of(javaBin()));
                local.addAll(jvmFlags);
                local.addAll(List.of(
                        "-Xmx1536m",
                        "-XX:+UseParallelGC",
                        FAST_START,
                        "-Dmg.home=" + root,
                        "-cp",
                        jobsTarget.resolve("classes") + ":"
                                + String.join(
                                        ":",
                                        jobClasspath.stream()
                                                .map(Path::toString)
                                                .toList()),
                        SparkAppJar.MAIN_CLASS));
                local.addAll(common);
                local.addAll(List.of("--out", localOut.toString(), "--set", "spark.master=local[2]"));
                Process localRun = children.start(local, loopback, scrubbed, localLog);
                log("local run started (pid %d)", localRun.pid());

                // 2. the cluster: a master and two workers
                cluster.start(2, deadline);
                clusterProcesses.addAll(cluster.processes());
                String master = cluster.masterUrl();
                log("cluster up: %s, web UI %s", master, cluster.webUi());
                assertThat(cluster.statusJson()).containsPattern("\"aliveworkers\" : 2\\b");

                // 3. the same job through spark-submit's class, client mode, against the cluster
                List<String> submit = new ArrayList<>(List.of(
                        "--conf",
                        "spark.ui.enabled=false",
                        // small data: few shuffle partitions, no waiting for locality, list input folders on the driver
                        "--conf",
                        "spark.sql.shuffle.partitions=8",
                        "--conf",
                        "spark.locality.wait=0s",
                        "--conf",
                        "spark.sql.sources.parallelPartitionDiscovery.threshold=100000",
                        // appended to the Java 17 flags the script gives executors (spark.executor.extraJavaOptions)
                        "--conf",
                        "spark.executor.defaultJavaOptions=" + FAST_START,
                        "--class",
                        SparkAppJar.MAIN_CLASS,
                        app.jar().toString()));
                submit.addAll(onHdfs);
                submit.addAll(List.of("--out", hdfsOut.uri()));
                Map<String, String> submitEnv = new java.util.HashMap<>(cluster.env());
                submitEnv.putAll(loopback);
                submitEnv.put("MG_DRIVER_MEMORY", "1536m");
                submitEnv.put("SPARK_CLUSTER_LOCAL_DRIVER_OPTS", FAST_START);
                Process clusterRun = children.start(cluster.submitCommand(submit), submitEnv, scrubbed, clusterLog);
                log("cluster run submitted (pid %d)", clusterRun.pid());
                clusterProcesses.addAll(cluster.processes());

                int clusterExit = ChildProcesses.await(clusterRun, deadline, "the cluster run", clusterLog);
                log("cluster run finished: exit %d", clusterExit);
                int localExit = ChildProcesses.await(localRun, deadline, "the local run", localLog);
                log("local run finished: exit %d", localExit);
                assertThat(clusterExit)
                        .as("exit code of the cluster run; its log ends:%n%s", ChildProcesses.tail(clusterLog, 40))
                        .isZero();
                assertThat(localExit)
                        .as("exit code of the local run; its log ends:%n%s", ChildProcesses.tail(localLog, 40))
                        .isZero();

                // 4. the cluster run really used the cluster
                assertThat(read(clusterLog)).contains("spark        " + master + " ready");
                assertThat(read(localLog)).contains("spark        local[2] ready");
                String status = awaitFinishedApplication(cluster, deadline.plusSeconds(20));
                assertThat(status).contains("\"name\" : \"mentorship-graph nightly\"");
                List<Path> workDirs = cluster.workerWorkDirs();
                assertThat(workDirs).hasSize(2);
                for (Path wd : workDirs) {
                    List<Path> executorDirs = executorDirs(wd);
                    assertThat(executorDirs).as("executor folders under %s", wd).hasSize(1);
                    Path exec = executorDirs.get(0);
                    String stderr = read(exec.resolve("stderr"));
                    assertThat(stderr)
                            .as("executor %s", exec)
                            .startsWith("Spark Executor Command:")
                            .contains(
                                    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
                                    "-Dio.netty.tryReflectionSetAccessible=true")
                            .doesNotContain("ClassNotFoundException", "NoClassDefFoundError", "OutOfMemoryError");
                    assertThat(exec.resolve(app.jar().getFileName().toString()))
                            .as("the application jar fetched by executor %s", exec)
                            .isRegularFile();
                }
            } finally {
                clusterProcesses.addAll(cluster.processes());
                cluster.close();
                killedAfterStop.addAll(cluster.killedAfterStop());
            }
        }
        List<ProcessHandle> left = clusterProcesses.stream()
                .distinct()
                .filter(ProcessHandle::isAlive)
                .toList();
        assertThat(left).as("processes of the cluster still running after stop").isEmpty();
        assertThat(killedAfterStop)
                .as("processes scripts/spark-cluster-local stop left running (killed by the test)")
                .isEmpty();
        log(
                "cluster stopped, %d processes (master, workers, watchdog, executors) gone",
                clusterProcesses.stream().distinct().count());

        // 5. the same results: the cluster's run, copied from HDFS (its input paths mapped to the local sample's)
        Path a = localOut.resolve("runs").resolve(AS_OF);
        Path b = clusterOut.resolve("runs").resolve(AS_OF);
        copyRun(
                hdfsOut.child("runs").child(AS_OF),
                b,
                hdfsIn.uri(),
                "file:" + sample.toUri().getPath());
        for (Path run : List.of(a, b)) {
            assertThat(read(run.resolve("run.json")))
                    .as("%s", run.resolve("run.json"))
                    .containsPattern("\"outcome\" : \"success\"");
        }
        for (String f : List.of("people.csv", "ties.csv", "rejected.csv")) {
            log("%-13s %s", f, RunComparison.csv(a.resolve(f), b.resolve(f)));
        }
        for (String f : List.of("people.parquet", "ties.parquet")) {
            log("%-13s %s", f, RunComparison.parquet(a.resolve(f), b.resolve(f)));
        }
        assertThat(countsOf(b.resolve("run.json"))).isEqualTo(countsOf(a.resolve("run.json")));
        assertThat(Instant.now())
                .as("finished within %d s (%s)", BUDGET_SECONDS, ChildProcesses.loadAverage())
                .isBefore(deadline);
        log("done; %s", ChildProcesses.loadAverage());
    }

    HdfsTestCluster hdfs;
    Storage storage;

    @org.junit.jupiter.api.AfterEach
    void stopHdfs() {
        if (storage != null) storage.close();
        if (hdfs != null) hdfs.close();
    }

    /** Copies a run folder from a store to a local folder, replacing {@code from} by {@code to} in rejected.csv. */
    private static void copyRun(Location run, Path target, String from, String to) throws IOException {
        for (Location f : run.filesBelow(n -> true)) {
            String rel = f.uri().substring(run.uri().length() + 1);
            Path t = target.resolve(rel);
            Files.createDirectories(t.getParent());
            if (f.name().equals("rejected.csv")) {
                Files.writeString(t, f.readString().replace(from + "/", to.endsWith("/") ? to : to + "/"));
            } else {
                try (var in = f.open()) {
                    Files.copy(in, t);
                }
            }
        }
    }

    /** The master's status once the application is listed as finished (the driver has just disconnected). */
    private static String awaitFinishedApplication(LocalSparkCluster cluster, Instant until) throws Exception {
        String status = cluster.statusJson();
        while (!status.matches("(?s).*\"completedapps\" : \\[ \\{.*\"state\" : \"FINISHED\".*")
                && Instant.now().isBefore(until)) {
            Thread.sleep(500);
            status = cluster.statusJson();
        }
        assertThat(status)
                .as("master status")
                .containsPattern("\"completedapps\" : \\[ \\{(?s).*\"state\" : \"FINISHED\"");
        return status;
    }

    /** {@code work/app-<id>/<executor id>/} folders of a worker. */
    private static List<Path> executorDirs(Path workDir) throws IOException {
        List<Path> dirs = new ArrayList<>();
        try (Stream<Path> apps = Files.list(workDir)) {
            for (Path app : (Iterable<Path>) apps.filter(Files::isDirectory)::iterator) {
                try (Stream<Path> execs = Files.list(app)) {
                    execs.filter(Files::isDirectory).forEach(dirs::add);
                }
            }
        }
        return dirs;
    }

    /** The lines of the run record's "counts" object, sorted (its key order may differ between runs). */
    private static List<String> countsOf(Path runJson) throws IOException {
        String s = read(runJson);
        int start = s.indexOf("\"counts\" : {");
        assertThat(start).as("counts in %s", runJson).isNotNegative();
        int depth = 0, end = start;
        for (int i = s.indexOf('{', start); i < s.length(); i++) {
            if (s.charAt(i) == '{') depth++;
            if (s.charAt(i) == '}' && --depth == 0) {
                end = i;
                break;
            }
        }
        return s.substring(start, end)
                .lines()
                .map(l -> l.trim().replaceAll(",$", ""))
                .sorted()
                .toList();
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) return;
        try (Stream<Path> s = Files.walk(p)) {
            for (Path x : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) Files.deleteIfExists(x);
        }
    }

    private static void log(String format, Object... args) {
        System.out.printf(
                Locale.ROOT,
                "[standalone-cluster-test %5.1f s] %s%n",
                (System.nanoTime() - T0) / 1e9,
                String.format(Locale.ROOT, format, args));
    }
}
