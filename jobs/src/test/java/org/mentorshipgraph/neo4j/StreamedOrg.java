package org.mentorshipgraph.neo4j;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;

/**
 * A generated organisation whose people and ties rows are made as they are read, never all in memory: the
 * {@link RowSource}s a streamed write is tested with. Rows have exactly the columns of the job's tables.
 *
 * <p>Shape: person {@code i} is in team {@code i * teams / people}; ties join {@code i} and {@code i + o (mod people)}
 * for the offsets {@code o = 1 .. perPerson - 1} (mostly teammates) and {@code o = people / 3} (someone far away): all
 * offsets are below {@code people / 2}, so every pair comes once. {@code people × perPerson} ties. A {@code variant}
 * other than 0 is a next night: other strengths and statuses for a tenth of the ties, 1% of the ties gone.
 *
 * <p>{@link #main} writes it from a JVM of its own, for the memory check ({@code StreamedWriteMemoryTest}).
 */
final class StreamedOrg {
    private static final String[] STATUSES = {
        "stable", "stable", "stable", "new", "strengthening", "weakening", "dormant"
    };

    final int people;
    final int teams;
    final int perPerson;
    final long seed;

    StreamedOrg(int people, int teams, int perPerson, long seed) {
        if (perPerson < 2 || people / 3 <= perPerson)
            throw new IllegalArgumentException("need 2 <= perPerson < people / 3");
        this.people = people;
        this.teams = teams;
        this.perPerson = perPerson;
        this.seed = seed;
    }

    long ties() {
        return (long) people * perPerson;
    }

    GraphWriter.RunGraph night(String runId, int variant) {
        return graph(runId, people(runId, variant), ties(runId, variant));
    }

    /** The run graph with these people and ties sources (e.g. counting ones, or lists of the same rows). */
    GraphWriter.RunGraph graph(String runId, RowSource people, RowSource ties) {
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("run_id", runId);
        run.put("as_of", runId);
        run.put("outcome", "files-written");
        run.put("count_people", (long) this.people);
        List<Map<String, Object>> teamRows = new ArrayList<>();
        Map<Long, Long> communitySize = new java.util.TreeMap<>();
        for (int t = 0; t < teams; t++) {
            long size = teamStart(t + 1) - teamStart(t);
            teamRows.add(Map.of("name", team(t), "department", department(t), "size", size));
            communitySize.merge((long) (t / 10), size, Long::sum);
        }
        List<Map<String, Object>> communities = new ArrayList<>();
        communitySize.forEach((c, n) -> communities.add(Map.of("key", String.valueOf(c), "size", n)));
        List<Map<String, Object>> mentorships = new ArrayList<>();
        for (int m = 0; m + 1 < this.people; m += 25) {
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("program", "p" + (m % 3));
            props.put("started_on", LocalDate.parse(runId).minusDays(100));
            props.put("ended_on", null);
            props.put("active", true);
            props.put("status", "stable");
            props.put("status_reason", "generated");
            mentorships.add(Neo4jRows.mentorship(id(m), id(m + 1), props));
        }
        return new GraphWriter.RunGraph(runId, run, people, ties, mentorships, teamRows, communities);
    }

    RowSource people(String runId, int variant) {
        LocalDate asOf = LocalDate.parse(runId);
        return () -> new Generated(people) {
            @Override
            Map<String, Object> row(long i) {
                int p = (int) i, t = teamOf(p);
                SplittableRandom r =
                        new SplittableRandom(seed ^ (p * 0x9E3779B97F4A7C15L) ^ (p % 10 == 0 ? variant : 0));
                double score = r.nextDouble() * 100;
                return columns(
                        Neo4jRows.PEOPLE_COLUMNS,
                        id(p),
                        "Person " + p,
                        team(t),
                        department(t),
                        p % 7 == 0 ? "Engineering Manager" : "Engineer",
                        "L" + (1 + p % 6),
                        id(teamStart(t)),
                        asOf.minusDays(30 + p % 3000).toString(),
                        2L * perPerson,
                        r.nextDouble() * 20,
                        r.nextDouble() * 0.01,
                        r.nextDouble(),
                        1 + r.nextDouble() * 10,
                        (long) (t / 10),
                        r.nextDouble(),
                        r.nextDouble(),
                        r.nextDouble(),
                        score,
                        1L + p,
                        score > 60 ? "bridges " + team(t) + " and " + team((t + 1) % teams) : null,
                        r.nextDouble() * 3,
                        r.nextDouble() * 3,
                        r.nextInt(20) == 0,
                        p % 25 == 1,
                        false,
                        false,
                        false,
                        null,
                        null,
                        null);
            }
        };
    }

    RowSource ties(String runId, int variant) {
        long asOfEnd = LocalDate.parse(runId)
                .plusDays(1)
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant()
                .toEpochMilli();
        return () -> new Generated(ties()) {
            @Override
            Map<String, Object> row(long k) {
                int i = (int) (k / perPerson), j = (int) (k % perPerson);
                int o = j + 1 < perPerson ? j + 1 : people / 3;
                int other = (i + o) % people;
                int a = Math.min(i, other), b = Math.max(i, other);
                long pair = ((long) a << 32) | b;
                SplittableRandom r = new SplittableRandom(seed * 31 + pair);
                if (variant != 0 && r.nextInt(100) == 0) return null; // gone this night
                SplittableRandom v = variant != 0 && r.nextInt(10) == 0 ? new SplittableRandom(pair ^ variant) : r;
                double strength = Math.exp(v.nextGaussian());
                String status = STATUSES[v.nextInt(STATUSES.length)];
                boolean fading = status.equals("weakening") || status.equals("dormant");
                boolean crossTeam = teamOf(a) != teamOf(b);
                long last = asOfEnd - (long) (v.nextDouble() * 60 * 86_400_000L);
                long first = last - (long) (r.nextDouble() * 120 * 86_400_000L);
                long recent = v.nextInt(12), baseline = v.nextInt(30);
                return columns(
                        Neo4jRows.TIE_COLUMNS,
                        id(a),
                        id(b),
                        strength,
                        strength >= 0.5,
                        1L + v.nextInt(40),
                        1L + v.nextInt(3),
                        "chat;meeting",
                        v.nextDouble() * 0.5,
                        Instant.ofEpochMilli(first).toString(),
                        Instant.ofEpochMilli(last).toString(),
                        (asOfEnd - last) / 86_400_000.0,
                        1 + v.nextDouble() * 10,
                        recent,
                        baseline,
                        recent / 28.0,
                        baseline / 84.0,
                        recent / 28.0,
                        baseline / 84.0,
                        baseline > 0 ? (recent / 28.0) / (baseline / 84.0) : null,
                        v.nextDouble(),
                        v.nextDouble(),
                        fading ? 0.05 : 1.0,
                        status,
                        status + ": " + recent + " contacts in 28 days, " + baseline + " in the 84 before",
                        false,
                        crossTeam,
                        crossTeam && v.nextBoolean(),
                        crossTeam ? v.nextDouble() * 0.1 : null,
                        fading ? (crossTeam ? 2L : 3L) : 9L);
            }
        };
    }

    /** Every row of a source in a list (what a write "from lists" is given). */
    static List<Map<String, Object>> all(RowSource source) {
        List<Map<String, Object>> out = new ArrayList<>();
        source.open().forEachRemaining(out::add);
        return out;
    }

    /**
     * Empties the database, relationships first, 10,000 to a transaction: what this class writes is too big for the
     * test server's transaction memory when nodes are detach-deleted 10,000 at a time ({@code Neo4jTestServer.clearData}).
     */
    static void empty(Driver driver) {
        try (org.neo4j.driver.Session s = driver.session()) {
            s.run("MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS")
                    .consume();
            s.run("MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF 10000 ROWS")
                    .consume();
        }
    }

    /** A source that counts the rows handed out by its iterators. */
    static RowSource counted(RowSource source, AtomicLong handedOut, Runnable eachRow) {
        return () -> {
            Iterator<Map<String, Object>> it = source.open();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return it.hasNext();
                }

                @Override
                public Map<String, Object> next() {
                    Map<String, Object> row = it.next();
                    handedOut.incrementAndGet();
                    eachRow.run();
                    return row;
                }
            };
        };
    }

    private int teamOf(int p) {
        return (int) ((long) p * teams / people);
    }

    /** The first person of team {@code t} (the inverse of {@link #teamOf}). */
    private int teamStart(int t) {
        return (int) (((long) t * people + teams - 1) / teams);
    }

    static String id(int i) {
        return String.format(Locale.ROOT, "g%07d", i);
    }

    static String team(int t) {
        return String.format(Locale.ROOT, "Team %05d", t);
    }

    private static String department(int t) {
        return String.format(Locale.ROOT, "Department %03d", t / 40);
    }

    private static Map<String, Object> columns(List<String> names, Object... values) {
        if (names.size() != values.length) throw new IllegalStateException(values.length + " values for " + names);
        Map<String, Object> m = new HashMap<>(names.size() * 4 / 3 + 1);
        for (int i = 0; i < values.length; i++) m.put(names.get(i), values[i]);
        return m;
    }

    /** Rows 0 .. n-1 made on demand; {@code row} may return null to skip one. */
    private abstract static class Generated implements Iterator<Map<String, Object>> {
        private final long n;
        private long k;
        private Map<String, Object> next;

        Generated(long n) {
            this.n = n;
        }

        abstract Map<String, Object> row(long k);

        @Override
        public boolean hasNext() {
            while (next == null && k < n) next = row(k++);
            return next != null;
        }

        @Override
        public Map<String, Object> next() {
            if (!hasNext()) throw new NoSuchElementException();
            Map<String, Object> r = next;
            next = null;
            return r;
        }
    }

    /**
     * Writes two nights of a generated organisation, streamed (or, with {@code lists}, from lists of all rows, the way
     * the job did before), and prints the seconds and the heap: the most live heap after a garbage collection.
     * Arguments: {@code uri people teams tiesPerPerson [lists]}; NEO4J_USERNAME/NEO4J_PASSWORD in the environment.
     */
    public static void main(String[] args) {
        String uri = args[0];
        StreamedOrg org =
                new StreamedOrg(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]), 17);
        boolean lists = args.length > 4 && args[4].equals("lists");
        AtomicLong liveAfterGc = watchLiveHeapAfterGc();
        GraphWriter.Options options = new GraphWriter.Options("neo4j", 2000, 2, 90, WriteObserver.NONE);
        try (Driver driver = GraphDatabase.driver(
                uri,
                AuthTokens.basic(
                        System.getenv().getOrDefault("NEO4J_USERNAME", "neo4j"), System.getenv("NEO4J_PASSWORD")),
                Config.builder()
                        .withLogging(Logging.none())
                        .withMaxTransactionRetryTime(60, TimeUnit.SECONDS)
                        .build())) {
            for (int night = 0; night < 2; night++) {
                String runId = LocalDate.parse("2026-05-01").plusDays(night).toString();
                GraphWriter.RunGraph g = org.night(runId, night);
                if (lists) g = org.graph(runId, RowSource.of(all(g.people())), RowSource.of(all(g.ties())));
                long t0 = System.nanoTime();
                GraphWriter.Written w = new GraphWriter(driver, options).write(g);
                double s = (System.nanoTime() - t0) / 1e9;
                System.out.printf(
                        Locale.ROOT,
                        "night %d: %d people, %d ties in %.1f s (%.0f ties/s in the ties step)%n",
                        night + 1,
                        w.people(),
                        w.ties(),
                        s,
                        w.rate("ties", w.ties()));
            }
        }
        System.out.printf(
                Locale.ROOT,
                "heap: max %d MB, most in use after a full collection %d MB (%d full collections), rows held at most %d%n",
                Runtime.getRuntime().maxMemory() >> 20,
                liveAfterGc.get() >> 20,
                FULL_COLLECTIONS.get(),
                options.rowsHeldAtMost());
    }

    /**
     * The most heap in use right after a full collection (one of the old generation: Serial's MarkSweepCompact,
     * Parallel's PS MarkSweep, G1's old or full collections), over the JVM's life: what the live data needed at its
     * peak, as far as full collections saw it. Zero when no full collection ran.
     */
    private static AtomicLong watchLiveHeapAfterGc() {
        AtomicLong most = new AtomicLong();
        java.util.Set<String> heapPools = new java.util.HashSet<>();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans())
            if (pool.getType() == MemoryType.HEAP) heapPools.add(pool.getName());
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc)
                    .addNotificationListener(
                            (n, h) -> {
                                if (!n.getType()
                                        .equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION))
                                    return;
                                var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                                String name = info.getGcName();
                                if (!(name.contains("MarkSweep") || name.contains("Old") || name.contains("Full")))
                                    return;
                                FULL_COLLECTIONS.incrementAndGet();
                                long used = 0;
                                for (var e :
                                        info.getGcInfo().getMemoryUsageAfterGc().entrySet())
                                    if (heapPools.contains(e.getKey()))
                                        used += e.getValue().getUsed();
                                most.accumulateAndGet(used, Math::max);
                            },
                            null,
                            null);
        }
        return most;
    }

    private static final AtomicLong FULL_COLLECTIONS = new AtomicLong();
}
