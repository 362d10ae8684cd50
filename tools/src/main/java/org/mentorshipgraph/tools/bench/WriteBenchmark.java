package org.mentorshipgraph.tools.bench;

import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.mentorshipgraph.neo4j.GraphWriter;
import org.mentorshipgraph.neo4j.SyntheticRunGraph;
import org.mentorshipgraph.neo4j.WriteObserver;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code scripts/bench-neo4j-write}: measures the Neo4j write step on a generated organisation
 * ({@link SyntheticRunGraph}), for each batch size and parallelism asked: the first write of a run into an empty
 * database, then the next night's write of the same organisation (values changed, 1% of ties gone, history appended).
 * Prints people per second and ties per second of the people and ties steps, and the whole write's seconds.
 *
 * <p>It empties the database it is given before each measurement: point it at a throwaway server (the script starts
 * one), never at one whose data matters.
 */
@Command(
        name = "bench-neo4j-write",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Measures GraphWriter throughput on a generated organisation. EMPTIES the target database.")
public final class WriteBenchmark implements Callable<Integer> {
    @Option(names = "--uri", required = true, description = "Bolt URI of a throwaway server")
    String uri;

    @Option(names = "--database", defaultValue = "neo4j")
    String database;

    @Option(names = "--people", defaultValue = "40000")
    int people;

    @Option(names = "--teams", defaultValue = "2000")
    int teams;

    @Option(names = "--ties", defaultValue = "200000")
    int ties;

    @Option(names = "--seed", defaultValue = "1")
    long seed;

    @Option(names = "--batch-size", split = ",", defaultValue = "2000", description = "one or more, comma-separated")
    List<Integer> batchSizes;

    @Option(names = "--parallelism", split = ",", defaultValue = "2", description = "one or more, comma-separated")
    List<Integer> parallelisms;

    @Option(names = "--nights", defaultValue = "2", description = "1: first write only; 2: also the next night")
    int nights;

    @Option(names = "--history-runs", defaultValue = "90")
    int historyRuns;

    @Option(
            names = "--naive",
            description = "also measure the naive one-client UNWIND ... MERGE of the ties, for comparison")
    boolean naive;

    @Option(names = "--no-clear", description = "do not empty the database first (write on top of what is there)")
    boolean noClear;

    @Option(names = "--run-id", defaultValue = "2026-01-01", description = "run id of the first night")
    String runId;

    @Option(names = "--progress", description = "print a line per committed batch (used by the kill test)")
    boolean progress;

    @Option(names = "--steps", description = "print each step's rows and seconds")
    boolean steps;

    @Option(
            names = "--warmup",
            defaultValue = "20000",
            description = "ties of a small organisation written first, so the server's JIT is warm (0: none)")
    int warmup;

    @Option(
            names = "--server-pid",
            defaultValue = "0",
            description = "pid of a server on this machine, to report its CPU seconds")
    long serverPid;

    public static void main(String[] args) {
        System.exit(new CommandLine(new WriteBenchmark()).execute(args));
    }

    @Override
    public Integer call() {
        String user = System.getenv().getOrDefault("NEO4J_USERNAME", "neo4j");
        String password = System.getenv("NEO4J_PASSWORD");
        if (password == null) {
            System.err.println("error: set NEO4J_PASSWORD");
            return 2;
        }
        long t0 = System.nanoTime();
        List<GraphWriter.RunGraph> graphs = new ArrayList<>();
        for (int night = 0; night < nights; night++) {
            String id = LocalDate.parse(runId).plusDays(night).toString();
            graphs.add(SyntheticRunGraph.generate(id, people, teams, ties, seed, night));
        }
        System.out.printf(
                Locale.ROOT,
                "generated %,d people in %,d teams, %,d ties (%.1f s); cores %d, load average %.2f%n",
                people,
                teams,
                graphs.get(0).ties().size(),
                (System.nanoTime() - t0) / 1e9,
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        try (Driver driver = GraphDatabase.driver(
                uri,
                AuthTokens.basic(user, password),
                Config.builder()
                        .withMaxConnectionPoolSize(16)
                        .withMaxTransactionRetryTime(60, TimeUnit.SECONDS)
                        .withLogging(org.neo4j.driver.Logging.none())
                        .build())) {
            driver.verifyConnectivity();
            if (warmup > 0) {
                if (!noClear) clear(driver);
                long w0 = System.nanoTime();
                for (int night = 0; night < 2; night++) {
                    new GraphWriter(
                                    driver,
                                    new GraphWriter.Options(
                                            database,
                                            batchSizes.get(0),
                                            parallelisms.get(0),
                                            historyRuns,
                                            WriteObserver.NONE))
                            .write(SyntheticRunGraph.generate(
                                    LocalDate.parse(runId).minusDays(10 - night).toString(),
                                    Math.max(2, warmup / 5),
                                    Math.max(1, warmup / 100),
                                    warmup,
                                    seed + 1,
                                    night));
                }
                System.out.printf(
                        Locale.ROOT,
                        "warm-up: %,d ties written twice in %.1f s%n",
                        warmup,
                        (System.nanoTime() - w0) / 1e9);
            }
            System.out.printf(
                    Locale.ROOT,
                    "%-6s %5s %4s %-6s %10s %10s %10s %9s %11s %11s %6s%n",
                    "night",
                    "batch",
                    "par",
                    "latest",
                    "people/s",
                    "ties/s",
                    "ties s",
                    "total s",
                    "server cpu",
                    "ties/cpu-s",
                    "load");
            for (int batch : batchSizes) {
                for (int par : parallelisms) {
                    for (int night = 0; night < graphs.size(); night++) {
                        WriteObserver observer = new WriteObserver() {
                            @Override
                            public synchronized void batchCommitted(String step, int lane, int rows) {
                                if (!progress) return;
                                System.out.println("committed " + step + " lane " + lane + " rows " + rows);
                                System.out.flush();
                            }

                            @Override
                            public synchronized void stepFinished(String step, long rows, double seconds) {
                                if (steps)
                                    System.out.printf(
                                            Locale.ROOT, "    %-12s %,9d rows %7.2f s%n", step, rows, seconds);
                            }
                        };
                        if (night == 0 && !noClear) clear(driver);
                        double cpu0 = serverCpuSeconds();
                        GraphWriter.Written w = new GraphWriter(
                                        driver, new GraphWriter.Options(database, batch, par, historyRuns, observer))
                                .write(graphs.get(night));
                        double cpu = serverCpuSeconds() - cpu0;
                        System.out.printf(
                                Locale.ROOT,
                                "%-6s %5d %4d %-6s %,10.0f %,10.0f %10.2f %9.2f %11s %11s %6.2f%n",
                                night == 0 ? "first" : "next" + night,
                                batch,
                                par,
                                w.latest(),
                                w.rate("people", w.people()),
                                w.rate("ties", w.ties()),
                                w.seconds().get("ties"),
                                w.seconds().get("total"),
                                cpu >= 0 ? String.format(Locale.ROOT, "%.1f s", cpu) : "-",
                                cpu > 0 ? String.format(Locale.ROOT, "%,.0f", w.ties() / cpu) : "-",
                                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
                    }
                }
            }
            if (naive) naive(driver, graphs.get(0), batchSizes.get(0));
        }
        return 0;
    }

    /** The naive floor from docs/stack.md: one client, UNWIND ... MERGE (a) MERGE (b) MERGE (a)-[:TIE]->(b), ties only. */
    private void naive(Driver driver, GraphWriter.RunGraph g, int batch) {
        clear(driver);
        try (Session s = driver.session(SessionConfig.forDatabase(database))) {
            s.run("CREATE CONSTRAINT naive_id IF NOT EXISTS FOR (p:NaivePerson) REQUIRE p.person_id IS UNIQUE")
                    .consume();
            long t0 = System.nanoTime();
            List<Map<String, Object>> rows = g.ties();
            for (int from = 0; from < rows.size(); from += batch) {
                List<Map<String, Object>> b = rows.subList(from, Math.min(rows.size(), from + batch));
                s.executeWrite(tx -> tx.run("""
                        UNWIND $rows AS row
                        MERGE (a:NaivePerson {person_id: row.a})
                        MERGE (b:NaivePerson {person_id: row.b})
                        MERGE (a)-[t:TIE]->(b) SET t += row.props""", Map.of("rows", b)).consume());
            }
            double s1 = (System.nanoTime() - t0) / 1e9;
            System.out.printf(
                    Locale.ROOT,
                    "naive  %5d %4d %-6s %10s %,10.0f %10.2f %9.2f %8.2f%n",
                    batch,
                    1,
                    "-",
                    "-",
                    rows.size() / s1,
                    s1,
                    s1,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            s.run("DROP CONSTRAINT naive_id IF EXISTS").consume();
        }
        clear(driver);
    }

    /** User + system CPU seconds of the server process so far, or -1 when unknown. */
    private double serverCpuSeconds() {
        if (serverPid <= 0) return -1;
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + serverPid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12]))
                    / 100.0; // utime, stime in clock ticks (USER_HZ = 100)
        } catch (Exception e) {
            return -1;
        }
    }

    private void clear(Driver driver) {
        try (Session s = driver.session(SessionConfig.forDatabase(database))) {
            s.run("MATCH ()-[r]->() CALL { WITH r DELETE r } IN TRANSACTIONS OF 50000 ROWS")
                    .consume();
            s.run("MATCH (n) CALL { WITH n DELETE n } IN TRANSACTIONS OF 50000 ROWS")
                    .consume();
        }
    }
}
