package org.mentorshipgraph.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.mentorshipgraph.cli.NightlyCommand;
import org.mentorshipgraph.cli.ReportCommand;
import org.mentorshipgraph.failures.ExitCodes;
import org.mentorshipgraph.files.Json;
import org.mentorshipgraph.files.RunFolders;
import org.mentorshipgraph.testing.HdfsTestCluster;
import org.mentorshipgraph.testing.S3TestServer;

/**
 * The nightly job with its inputs and its outputs on a real HDFS (NameNode and DataNode in this JVM) and on a real S3
 * API (S3Proxy on loopback, through S3A), run through its command line as {@code scripts/nightly} runs it: the files
 * equal the golden local run of the sample; re-running a date, a backfill, the lock, a failed run and the report
 * rebuild behave as on a local disk; on S3 a reader polling {@code runs/} while a run publishes never sees a half
 * run, and of two runs started at once on the same output one exits 5; and a store that is missing, refuses the keys
 * or does not answer is a one-line error with the documented exit code.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StoreRunTest {
    static final Path ROOT =
            Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
    static final Path SAMPLE = ROOT.resolve("notebooks-data/sample");
    static final String AS_OF = "2026-11-15";
    /** The small log's run date, and the day before it. */
    static final String TINY_AS_OF = "2026-11-10";

    static final String DAY_BEFORE = "2026-11-09";
    static final List<String> FILES =
            List.of("people.csv", "ties.csv", "rejected.csv", "mentor-suggestions.csv", "introductions.csv");

    HdfsTestCluster hdfs;
    S3TestServer s3;
    Storage storage;
    final List<String> properties = new ArrayList<>();

    @BeforeAll
    void start() throws Exception {
        hdfs = HdfsTestCluster.start();
        s3 = S3TestServer.start("bucket");
        // as spark-submit --conf would set them: seen by Spark's SparkConf and the driver's storage alike (the keys
        // are a test server's; real ones come from the environment or a credential file)
        Map<String, String> props = new java.util.TreeMap<>(s3.sparkSettings());
        props.put("spark.hadoop.fs.s3a.access.key", S3TestServer.ACCESS_KEY);
        props.put("spark.hadoop.fs.s3a.secret.key", S3TestServer.SECRET_KEY);
        // a NameNode that is down is reported at once, not after Hadoop's ten connection retries
        props.put("spark.hadoop.ipc.client.connect.max.retries", "0");
        props.put("spark.hadoop.ipc.client.connect.max.retries.on.timeouts", "0");
        props.forEach((k, v) -> {
            System.setProperty(k, v);
            properties.add(k);
        });
        storage = Storage.local();
        for (String root : List.of(hdfs.uri(), "s3a://bucket")) {
            copySample(storage.at(root + "/in"));
            writeSmallLog(storage.at(root + "/tiny"));
        }
    }

    /** 60 interactions among a..f over October in day partitions: a run of seconds, for the operations checks. */
    static void writeSmallLog(Location dir) {
        String[] people = {"a", "b", "c", "d", "e", "f"};
        Map<Integer, StringBuilder> days = new java.util.TreeMap<>();
        for (int i = 0; i < 60; i++) {
            int day = 1 + i % 28;
            days.computeIfAbsent(day, d -> new StringBuilder("timestamp,source_id,target_id,channel\n"))
                    .append(String.format(
                            "2026-10-%02dT%02d:00:00Z,%s,%s,chat%n",
                            day, 8 + i % 10, people[i % 6], people[(i % 6 + 1 + (i / 6) % 5) % 6]));
        }
        days.forEach((d, text) -> dir.child(String.format("date=2026-10-%02d", d))
                .child("part-0.csv")
                .replaceAtomically(text.toString()));
    }

    static Result small(String root, String out, String... more) {
        List<String> a = new ArrayList<>(List.of(
                "--no-neo4j", "--set", "spark.master=local[2]", "--interactions", root + "/tiny", "--out", out));
        a.addAll(List.of(more));
        return capture(() -> NightlyCommand.execute(a.toArray(String[]::new), Map.of()));
    }

    @AfterAll
    void stop() {
        properties.forEach(System::clearProperty);
        storage.close();
        if (hdfs != null) hdfs.close();
        if (s3 != null) s3.close();
    }

    void copySample(Location to) throws Exception {
        try (Stream<Path> files = Files.walk(SAMPLE)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String rel = SAMPLE.relativize(f).toString();
                if (rel.endsWith(".json")) continue;
                Location target = to;
                for (String part : rel.split("/")) target = target.child(part);
                try (InputStream in = Files.newInputStream(f)) {
                    target.copyFrom(in);
                }
            }
        }
    }

    record Result(int exit, String out, String err) {}

    static synchronized Result nightly(String in, String out, String... more) {
        List<String> a = new ArrayList<>(List.of(
                "--no-neo4j",
                "--set",
                "spark.master=local[2]",
                "--interactions",
                in + "/interactions",
                "--people",
                in + "/people.csv",
                "--mentorships",
                in + "/mentorships.csv",
                "--positions",
                in + "/positions.csv",
                "--out",
                out));
        a.addAll(List.of(more));
        return capture(() -> NightlyCommand.execute(a.toArray(String[]::new), Map.of()));
    }

    interface Command {
        int run();
    }

    static Result capture(Command c) {
        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream(), e = new ByteArrayOutputStream();
        System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = c.run();
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        Result r = new Result(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        System.out.print(r.out);
        System.err.print(r.err);
        return r;
    }

    static String golden(String f) throws Exception {
        try (var in = new java.util.zip.GZIPInputStream(
                StoreRunTest.class.getResourceAsStream("/golden/sample-2026-11-15/" + f + ".gz"))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The published run's files equal the golden local run (input paths in rejected.csv mapped to the sample's). */
    void assertSameAsTheLocalRun(Location run, String inputRoot) throws Exception {
        for (String f : FILES) {
            String actual =
                    run.child(f).readString().replace(storage.at(inputRoot).uri() + "/", "file:SAMPLE/");
            assertThat(actual).as(f + " of the run on " + inputRoot).isEqualTo(golden(f));
        }
        JsonNode runJson = Json.MAPPER.readTree(run.child("run.json").readString());
        assertThat(runJson.get("outcome").asText()).isEqualTo("success");
        assertThat(runJson.get("inputs")
                        .get("interactions")
                        .get("day_partitions_read")
                        .asInt())
                .as("only the look-back's days were listed and read")
                .isEqualTo(182);
        assertThat(run.child("people.parquet").isDirectory()).isTrue();
        assertThat(run.child("network-health.html").length()).isPositive();
    }

    Location published(String out, String asOf) {
        return RunFolders.published(storage.at(out).child("runs"), asOf).orElseThrow();
    }

    /** What a store run does on a renaming store and on an object store alike. */
    void behavesAsOnALocalDisk(String root) throws Exception {
        String in = root + "/in", sampleOut = root + "/sample-out";
        Result first = nightly(in, sampleOut, "--as-of", AS_OF);
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).contains("files:   " + storage.at(sampleOut).uri());
        assertSameAsTheLocalRun(published(sampleOut, AS_OF), in);
        assertThat(org.mentorshipgraph.config.JobConfig.defaults().describe())
                .as("the effective configuration (printed at the start) shows the store settings, and masks the key")
                .contains("spark.hadoop.fs.s3a.endpoint")
                .containsPattern("spark.hadoop.fs.s3a.secret.key\\s+= \\*\\*\\*\\*")
                .doesNotContain(S3TestServer.SECRET_KEY);
        assertThat(RunFolders.latest(storage.at(sampleOut).child("runs"))).contains(AS_OF);

        // the operations, on a log of seconds: a run, then a backfill of the day before and the date again (the
        // date's run is replaced, and its report knows the day before)
        String out = root + "/out";
        Result run = small(root, out, "--as-of", TINY_AS_OF);
        assertThat(run.exit()).as(run.err()).isZero();
        String firstRecord = published(out, TINY_AS_OF).child("run.json").readString();
        Result backfill = small(root, out, "--from", DAY_BEFORE, "--to", TINY_AS_OF);
        assertThat(backfill.exit()).as(backfill.err()).isZero();
        assertThat(RunFolders.dates(storage.at(out).child("runs"))).containsExactly(DAY_BEFORE, TINY_AS_OF);
        Location again = published(out, TINY_AS_OF);
        assertThat(again.child("run.json").readString()).as("re-run: replaced").isNotEqualTo(firstRecord);
        assertThat(again.child("people.csv").readString().lines()).hasSize(7);
        JsonNode health =
                Json.MAPPER.readTree(again.child("network-health.json").readString());
        assertThat(health.get("changes").get("previous_as_of").asText()).isEqualTo(DAY_BEFORE);
        assertThat(RunFolders.latest(storage.at(out).child("runs"))).contains(TINY_AS_OF);

        // a lock whose holder crashed (its lease ran out long ago) is broken by the next run, which says so
        storage.at(out)
                .child(".nightly.lock")
                .replaceAtomically("pid 1 on a-crashed-host, started 2026-01-01T00:00:00Z, as-of " + TINY_AS_OF
                        + "\nlease-until=2026-01-01T00:05:00Z\ntoken=dead\n");
        Path log = Files.createTempFile("store-run-", ".jsonl");
        Result afterCrash = small(root, out, "--as-of", TINY_AS_OF, "--log-json", log.toString());
        assertThat(afterCrash.exit()).as(afterCrash.err()).isZero();
        assertThat(Files.readString(log))
                .as("the run's JSON log")
                .contains("cleared a lock left by a run that ended without releasing it (pid 1 on a-crashed-host");
        assertThat(storage.at(out).child(".nightly.lock").exists())
                .as("a finished run leaves no lock")
                .isFalse();

        // another run holds the lock: exit 5, naming the holder
        try (var lock = org.mentorshipgraph.job.RunLock.acquire(storage.at(out), "the test's holder", 30)) {
            Result locked = small(root, out, "--as-of", TINY_AS_OF);
            assertThat(locked.exit()).isEqualTo(ExitCodes.LOCKED);
            assertThat(locked.err())
                    .contains("another run is writing to " + out)
                    .contains("the test's holder");
        }

        // a failed run (its input is unusable: every row malformed) keeps its record; the good run stays published
        String before = published(out, TINY_AS_OF).child("run.json").readString();
        Location bad = storage.at(root).child("bad").child("log.csv");
        StringBuilder rows = new StringBuilder("timestamp,source_id,target_id,channel\n");
        for (int i = 0; i < 50; i++) rows.append("not-a-time,a,b,email\n");
        bad.replaceAtomically(rows.toString());
        Result failed = capture(() -> NightlyCommand.execute(
                new String[] {
                    "--no-neo4j",
                    "--set",
                    "spark.master=local[2]",
                    "--interactions",
                    bad.toString(),
                    "--out",
                    out,
                    "--as-of",
                    TINY_AS_OF
                },
                Map.of()));
        assertThat(failed.exit()).isEqualTo(ExitCodes.INPUT);
        assertThat(published(out, TINY_AS_OF).child("run.json").readString())
                .as("the previous good run of the date is untouched")
                .isEqualTo(before);
        List<Location> records = storage.at(out).child("failed").childFolders();
        assertThat(records).hasSize(1);
        assertThat(records.get(0).child("run.json").readString()).contains("\"outcome\" : \"failed\"");

        // scripts/report rebuilds the stored run's page on the store
        Result report =
                capture(() -> ReportCommand.execute(new String[] {"--out", out, "--as-of", TINY_AS_OF}, Map.of()));
        assertThat(report.exit()).as(report.err()).isZero();
        assertThat(report.out()).contains("report of " + TINY_AS_OF + " rebuilt");
    }

    @Test
    @Order(1)
    void onHdfs() throws Exception {
        behavesAsOnALocalDisk(hdfs.uri());
        Location runs = storage.at(hdfs.uri() + "/out/runs");
        assertThat(runs.child(TINY_AS_OF).child("people.csv").isFile())
                .as("HDFS renames: the run is runs/<as-of>/ itself")
                .isTrue();
        assertThat(runs.children().stream().map(Location::name)).doesNotContain(".staging-", ".replaced-");
    }

    @Test
    @Order(2)
    void onS3() throws Exception {
        String out = "s3a://bucket/out";
        behavesAsOnALocalDisk("s3a://bucket");
        Location dateFolder = storage.at(out).child("runs").child(TINY_AS_OF);
        assertThat(dateFolder.child(RunFolders.MANIFEST).isFile())
                .as("S3 publishes by manifest")
                .isTrue();
        assertThat(published(out, TINY_AS_OF).name()).startsWith("attempt-");
    }

    /** On S3: a reader polling runs/ while a run re-publishes the date sees a whole run every time. */
    @Test
    @Order(3)
    void aReaderPollingS3NeverSeesAHalfWrittenRun() throws Exception {
        String out = "s3a://bucket/poll";
        assertThat(small("s3a://bucket", out, "--as-of", TINY_AS_OF).exit()).isZero();
        String firstAttempt = published(out, TINY_AS_OF).name();
        AtomicBoolean done = new AtomicBoolean();
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        java.util.Set<String> attemptsSeen = java.util.concurrent.ConcurrentHashMap.newKeySet();
        AtomicInteger polls = new AtomicInteger();
        Thread reader = new Thread(() -> {
            try (Storage own = Storage.local()) {
                Location runs = own.at(out).child("runs");
                boolean last = false;
                while (!last) {
                    last = done.get(); // one more look once the run has ended
                    for (String d : RunFolders.dates(runs)) {
                        Location run = RunFolders.published(runs, d).orElse(null);
                        if (run == null) {
                            problems.add(d + " listed but not published");
                            continue;
                        }
                        attemptsSeen.add(run.name());
                        JsonNode manifest = Json.MAPPER.readTree(
                                runs.child(d).child(RunFolders.MANIFEST).readString());
                        manifest.get("files").fields().forEachRemaining(e -> {
                            Location f = run.child(e.getKey());
                            long expected = e.getValue().asLong();
                            long actual = f.isDirectory() ? f.totalBytes() : f.length();
                            if (actual != expected)
                                problems.add(
                                        run + "/" + e.getKey() + " has " + actual + " bytes, manifest " + expected);
                        });
                        if (!run.child("run.json").readString().contains("\"outcome\""))
                            problems.add(run + "/run.json is not a whole record");
                    }
                    polls.incrementAndGet();
                }
            } catch (Exception e) {
                problems.add("reader failed: " + e);
            }
        });
        reader.start();
        Result second = small("s3a://bucket", out, "--as-of", TINY_AS_OF);
        done.set(true);
        reader.join();
        assertThat(second.exit()).isZero();
        assertThat(problems).isEmpty();
        assertThat(polls.get()).as("the reader polled throughout the run").isGreaterThan(3);
        assertThat(attemptsSeen)
                .as("it saw the old attempt, then the new one")
                .contains(firstAttempt)
                .hasSize(2);
    }

    /** Two runs started at once on the same s3a:// output: one runs, the other exits 5 before any work. */
    @Test
    @Order(4)
    void ofTwoRunsStartedAtOnceOnS3OneExits5() throws Exception {
        String out = "s3a://bucket/twice";
        CountDownLatch go = new CountDownLatch(1);
        List<Integer> exits = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Thread t = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                exits.add(NightlyCommand.execute(
                        new String[] {
                            "--no-neo4j",
                            "--set",
                            "spark.master=local[2]",
                            "--interactions",
                            "s3a://bucket/tiny",
                            "--out",
                            out,
                            "--as-of",
                            TINY_AS_OF
                        },
                        Map.of()));
            });
            t.start();
            threads.add(t);
        }
        go.countDown();
        for (Thread t : threads) t.join();
        assertThat(exits).containsExactlyInAnyOrder(ExitCodes.OK, ExitCodes.LOCKED);
    }

    @Test
    @Order(5)
    void storesThatAreMissingRefuseTheKeysOrDoNotAnswerAreOneLineErrors() throws Exception {
        String in = hdfs.uri() + "/in";
        Result noInput = nightly(hdfs.uri() + "/nowhere", "s3a://bucket/o1", "--as-of", AS_OF);
        // (preflight: all these end before Spark starts)
        assertThat(noInput.exit()).isEqualTo(ExitCodes.INPUT);
        assertThat(noInput.err()).contains("interactions not found: " + hdfs.uri() + "/nowhere/interactions");

        Result noBucket = nightly(in, "s3a://no-such-bucket/out", "--as-of", AS_OF);
        assertThat(noBucket.exit()).isEqualTo(ExitCodes.OUTPUT);
        assertThat(noBucket.err()).contains("s3a://no-such-bucket/out").contains("bucket does not exist");

        System.setProperty("spark.hadoop.fs.s3a.secret.key", "not-the-secret");
        try {
            Result wrongKeys = nightly("s3a://bucket/in", "s3a://bucket/o2", "--as-of", AS_OF);
            assertThat(wrongKeys.exit()).isEqualTo(ExitCodes.INPUT);
            assertThat(wrongKeys.err()).contains("s3a://bucket/in/interactions").contains("access denied");
            assertThat(wrongKeys.out() + wrongKeys.err()).doesNotContain("not-the-secret");
        } finally {
            System.setProperty("spark.hadoop.fs.s3a.secret.key", S3TestServer.SECRET_KEY);
        }

        for (Result r : List.of(noInput, noBucket)) {
            assertThat(r.err()).doesNotContain("\tat ").doesNotContain("Exception");
        }
        String hdfsUri = hdfs.uri(); // (asks the NameNode)
        hdfs.stopNameNode();
        Result down = nightly(in, "s3a://bucket/o3", "--as-of", AS_OF);
        assertThat(down.exit()).isEqualTo(ExitCodes.INPUT);
        assertThat(down.err()).contains(in).contains("does not answer");
        Result outDown = nightly("s3a://bucket/in", hdfsUri + "/out", "--as-of", AS_OF);
        assertThat(outDown.exit()).isEqualTo(ExitCodes.OUTPUT);
        assertThat(outDown.err()).contains(hdfsUri + "/out").contains("does not answer");
    }
}
