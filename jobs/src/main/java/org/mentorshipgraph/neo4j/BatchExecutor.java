package org.mentorshipgraph.neo4j;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;

/**
 * Runs a {@link WritePlan}: each round's lanes at the same time (one session and thread each), each lane's rows in
 * batches of {@code batchSize}, each batch one managed write transaction ({@code executeWrite}), which the driver
 * retries on transient errors (deadlocks, leader switches, a lost connection) for the driver's
 * {@code maxTransactionRetryTime}. A failed lane stops the others before their next batch and the first failure is
 * thrown once the round's lanes have stopped. All sessions share one bookmark manager, so on a cluster each
 * transaction sees what the previous ones wrote. A statement that returns {@code n} must account for every row of
 * its batch, or the batch is rolled back and the write fails (a guard for writes addressed by element id).
 */
final class BatchExecutor implements AutoCloseable {
    private final Driver driver;
    private final String database;
    private final int batchSize;
    private final WriteObserver observer;
    private final ExecutorService threads;

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
    }

    /** Writes every row of the plan with {@code cypher} ({@code $rows} is the batch, {@code params} the rest); returns the row count. */
    long run(String step, String cypher, Map<String, Object> params, WritePlan plan) {
        AtomicBoolean stop = new AtomicBoolean();
        for (List<List<Map<String, Object>>> round : plan.rounds()) {
            List<Future<?>> lanes = new ArrayList<>(round.size());
            for (int i = 0; i < round.size(); i++) {
                List<Map<String, Object>> lane = round.get(i);
                if (lane.isEmpty()) continue;
                int laneNo = i;
                lanes.add(threads.submit(() -> {
                    writeLane(step, laneNo, cypher, params, lane, stop);
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
                        failure = e.getCause() instanceof RuntimeException r
                                ? r
                                : new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    stop.set(true);
                    Thread.currentThread().interrupt();
                    if (failure == null) failure = new IllegalStateException("interrupted while writing " + step, e);
                }
            }
            if (failure != null) throw failure;
        }
        return plan.rows();
    }

    private void writeLane(
            String step,
            int lane,
            String cypher,
            Map<String, Object> params,
            List<Map<String, Object>> rows,
            AtomicBoolean stop) {
        try (Session session = session()) {
            for (int from = 0; from < rows.size(); from += batchSize) {
                if (stop.get()) return;
                List<Map<String, Object>> batch = rows.subList(from, Math.min(rows.size(), from + batchSize));
                Map<String, Object> p = new HashMap<>(params);
                p.put("rows", batch);
                session.executeWrite(tx -> {
                    var result = tx.run(cypher, p);
                    if (result.keys().contains("n")) {
                        long n = result.single().get("n").asLong();
                        if (n != batch.size()) {
                            // rolled back: a row's node or relationship was not where the write plan expected it
                            throw new IllegalStateException(
                                    step + ": " + (batch.size() - n) + " of " + batch.size()
                                            + " rows found nothing to write to; is another process writing this database? Run again.");
                        }
                    } else {
                        result.consume();
                    }
                    return null;
                });
                observer.batchCommitted(step, lane, batch.size());
            }
        } catch (RuntimeException e) {
            stop.set(true);
            throw e;
        }
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

    /** A read in a write transaction (so that, on a cluster, it reads the leader's latest state). */
    List<org.neo4j.driver.Record> read(String cypher, Map<String, Object> params) {
        try (Session session = session()) {
            return session.executeWrite(tx -> tx.run(cypher, params).list());
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
        threads.shutdownNow();
    }
}
