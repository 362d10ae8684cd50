package org.mentorshipgraph.neo4j;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionContext;

/**
 * Runs a {@link WritePlan}, or a stream of rows laid out like one: each round's lanes at the same time (one session and
 * thread each), each lane's rows in batches of {@code batchSize}, each batch one managed write transaction
 * ({@code executeWrite}), which the driver retries on transient errors (deadlocks, leader switches, a lost connection)
 * for the driver's {@code maxTransactionRetryTime}. A failed lane stops the others before their next batch and the
 * first failure is thrown once the round's lanes have stopped. All sessions share one bookmark manager, so on a
 * cluster each transaction sees what the previous ones wrote. A statement that returns {@code n} must account for
 * every row of its batch, or the batch is rolled back and the write fails (a guard for writes addressed by element
 * id).
 *
 * <p><b>Streams</b> ({@link #stream}): rows are pulled from the iterator into the cells of a {@link WritePlan.Layout}
 * until the cells hold a pass ({@link #passRows}: {@link #BATCHES_PER_PASS} full batches per lane and round on
 * average); the pass then takes, in every round, at most that many batches from the front of each lane's cell (rows
 * left over, in a cell that got more, wait for the next pass) and is written, round after round, while the next pass
 * is read. So at most {@link #held} rows (two passes) are in memory between the iterator and the server, whatever the
 * length of the stream, and concurrent transactions still never share a lock key.
 */
final class BatchExecutor implements AutoCloseable {
    /**
     * One batch's write, in one managed write transaction. The driver runs it again after a transient failure, so it
     * must change nothing outside the transaction but {@code written}, which it fills with the rows each step (a name
     * for the observer, e.g. {@code ties-new}) wrote; a new map is given to each attempt.
     */
    @FunctionalInterface
    interface BatchWork {
        void write(TransactionContext tx, List<Map<String, Object>> batch, Map<String, Integer> written);
    }

    private final Driver driver;
    private final String database;
    private final int batchSize;
    private final WriteObserver observer;
    private final ExecutorService threads;
    /** Runs a stream's passes one at a time (each waits for its rounds), while the caller reads the next one. */
    private final ExecutorService passes;

    BatchExecutor(Driver driver, String database, int parallelism, int batchSize, WriteObserver observer) {
        this.driver = driver;
        this.database = database;
        this.batchSize = Math.max(1, batchSize);
        this.observer = observer;
        AtomicInteger n = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(Math.max(1, parallelism), r -> {
            Thread t = new Thread(r, "neo4j-writer-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.passes = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "neo4j-writer-passes");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Batches each lane writes per round of a pass: more makes fewer points where a round's lanes wait for each other,
     * and holds more rows.
     */
    static final int BATCHES_PER_PASS = 1;

    /** Rows one pass of a stream takes: {@link #BATCHES_PER_PASS} batches per cell. */
    static long passRows(WritePlan.Layout layout, int batchSize) {
        return (long) layout.cells() * BATCHES_PER_PASS * Math.max(1, batchSize);
    }

    /**
     * The most rows {@link #stream} holds (pulled from its iterator and not yet committed) for this layout: a pass
     * being written and the next one being read.
     */
    static long held(WritePlan.Layout layout, int batchSize) {
        return 2 * passRows(layout, batchSize);
    }

    /** Writes every row of the plan with {@code cypher} ({@code $rows} is the batch, {@code params} the rest); returns the row count. */
    long run(String step, String cypher, Map<String, Object> params, WritePlan plan) {
        AtomicBoolean stop = new AtomicBoolean();
        BatchWork work = statement(step, cypher, params);
        for (List<List<Map<String, Object>>> round : plan.rounds()) runRound(round, work, stop);
        return plan.rows();
    }

    /**
     * Writes a stream of rows laid out by {@code layout} with {@code work}, holding at most {@link #held} rows (see the
     * class comment); returns the row count. The iterator is read on the calling thread only, while the previous
     * pass is being written.
     */
    long stream(Iterator<Map<String, Object>> rows, WritePlan.Layout layout, BatchWork work) {
        int lanes = layout.lanes();
        List<List<Map<String, Object>>> cells = new ArrayList<>(layout.cells());
        for (int c = 0; c < layout.cells(); c++) cells.add(new ArrayList<>());
        long pass = passRows(layout, batchSize);
        int perLane = BATCHES_PER_PASS * batchSize;
        long inCells = 0, total = 0;
        AtomicBoolean stop = new AtomicBoolean();
        Future<?> writing = null;
        try {
            while (true) {
                while (inCells < pass && rows.hasNext()) {
                    Map<String, Object> row = rows.next();
                    cells.get(layout.cellOf(row)).add(row);
                    inCells++;
                }
                boolean end = !rows.hasNext();
                if (writing != null) await(writing, stop);
                writing = null;
                if (inCells == 0) return total;
                // the next pass: every round, each lane at most perLane rows from the front of its cell (at the end:
                // all of it); what is left waits for the pass after
                List<List<List<Map<String, Object>>>> next = new ArrayList<>(layout.rounds());
                for (int r = 0; r < layout.rounds(); r++) {
                    List<List<Map<String, Object>>> round = new ArrayList<>(lanes);
                    for (int l = 0; l < lanes; l++) {
                        List<Map<String, Object>> cell = cells.get(r * lanes + l);
                        int n = end ? cell.size() : Math.min(cell.size(), perLane);
                        List<Map<String, Object>> front = cell.subList(0, n);
                        round.add(new ArrayList<>(front));
                        front.clear();
                        inCells -= n;
                        total += n;
                    }
                    next.add(round);
                }
                writing = passes.submit(() -> {
                    for (List<List<Map<String, Object>>> round : next) runRound(round, work, stop);
                    return null;
                });
            }
        } catch (RuntimeException e) {
            stop.set(true);
            if (writing != null) {
                try {
                    await(writing, stop);
                } catch (RuntimeException also) {
                    if (also != e) e.addSuppressed(also);
                }
            }
            throw e;
        }
    }

    private static void await(Future<?> f, AtomicBoolean stop) {
        try {
            f.get();
        } catch (ExecutionException e) {
            stop.set(true);
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            stop.set(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing", e);
        }
    }

    private void runRound(List<List<Map<String, Object>>> round, BatchWork work, AtomicBoolean stop) {
        List<Future<?>> lanes = new ArrayList<>(round.size());
        for (int i = 0; i < round.size(); i++) {
            List<Map<String, Object>> lane = round.get(i);
            if (lane.isEmpty()) continue;
            int laneNo = i;
            lanes.add(threads.submit(() -> {
                writeLane(laneNo, lane, work, stop);
                return null;
            }));
        }
        RuntimeException failure = null;
        for (Future<?> f : lanes) {
            try {
                f.get();
            } catch (ExecutionException e) {
                stop.set(true);
                if (failure == null)
                    failure = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                stop.set(true);
                Thread.currentThread().interrupt();
                if (failure == null) failure = new IllegalStateException("interrupted while writing", e);
            }
        }
        if (failure != null) throw failure;
    }

    private void writeLane(int lane, List<Map<String, Object>> rows, BatchWork work, AtomicBoolean stop) {
        try (Session session = session()) {
            for (int from = 0; from < rows.size(); from += batchSize) {
                if (stop.get()) return;
                List<Map<String, Object>> batch = rows.subList(from, Math.min(rows.size(), from + batchSize));
                Map<String, Integer> written = session.executeWrite(tx -> {
                    Map<String, Integer> w = new LinkedHashMap<>();
                    work.write(tx, batch, w);
                    return w;
                });
                written.forEach((step, n) -> {
                    if (n > 0) observer.batchCommitted(step, lane, n);
                });
            }
        } catch (RuntimeException e) {
            stop.set(true);
            throw e;
        }
    }

    /** One statement per batch: {@code $rows} is the batch, {@code params} the rest. */
    static BatchWork statement(String step, String cypher, Map<String, Object> params) {
        return (tx, batch, written) -> written.merge(step, write(tx, step, cypher, params, batch), Integer::sum);
    }

    /**
     * Runs {@code cypher} with {@code $rows} = {@code rows}; when it returns {@code n}, fails (rolling the transaction
     * back) unless {@code n} is the number of rows. Returns the number of rows.
     */
    static int write(
            TransactionContext tx,
            String step,
            String cypher,
            Map<String, Object> params,
            List<Map<String, Object>> rows) {
        if (rows.isEmpty()) return 0;
        Map<String, Object> p = new HashMap<>(params);
        p.put("rows", rows);
        Result result = tx.run(cypher, p);
        if (result.keys().contains("n")) {
            long n = result.single().get("n").asLong();
            if (n != rows.size()) {
                // rolled back: a row's node or relationship was not where the write plan expected it
                throw new IllegalStateException(step + ": " + (rows.size() - n) + " of " + rows.size()
                        + " rows found nothing to write to; is another process writing this database? Run again.");
            }
        } else {
            result.consume();
        }
        return rows.size();
    }

    /** Runs a statement that returns {@code n}, the rows it changed, again and again until it changes none; returns the total. */
    long untilNone(String cypher, Map<String, Object> params) {
        long total = 0;
        try (Session session = session()) {
            while (true) {
                Map<String, Object> p = new HashMap<>(params);
                p.put("limit", (long) batchSize);
                long n = session.executeWrite(
                        tx -> tx.run(cypher, p).single().get("n").asLong());
                total += n;
                if (n == 0) return total;
            }
        }
    }

    /** One statement in one write transaction. */
    void once(String cypher, Map<String, Object> params) {
        try (Session session = session()) {
            session.executeWrite(tx -> tx.run(cypher, params).consume());
        }
    }

    /**
     * A read in a write transaction (so that, on a cluster, it reads the leader's latest state): {@code reader} consumes
     * the result as it streams in (it may be called again if the transaction is retried) and returns what it built.
     */
    <T> T read(String cypher, Map<String, Object> params, Function<Result, T> reader) {
        try (Session session = session()) {
            return session.executeWrite(tx -> reader.apply(tx.run(cypher, params)));
        }
    }

    private Session session() {
        return driver.session(SessionConfig.builder()
                .withDatabase(database)
                .withBookmarkManager(driver.executableQueryBookmarkManager())
                .build());
    }

    @Override
    public void close() {
        passes.shutdownNow();
        threads.shutdownNow();
    }
}
