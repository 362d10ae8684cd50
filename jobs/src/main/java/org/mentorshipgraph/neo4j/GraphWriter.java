package org.mentorshipgraph.neo4j;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.mentorshipgraph.config.JobConfig;
import org.mentorshipgraph.failures.JobFailure;
import org.mentorshipgraph.progress.StepLog;
import org.neo4j.driver.Driver;

/**
 * Writes a run's graph (the model: docs/graph-model.md; the Cypher: {@link GraphStatements}).
 *
 * <p>Order: schema, the Run node (marked {@code outcome: 'writing'}), teams and departments, people, communities,
 * ties, mentorships, then what the run no longer sees is marked not current and what no retained run has seen is
 * removed, and last the Run node is marked complete. Rows go in batched {@code UNWIND} statements, one managed
 * transaction per batch, by {@code parallelism} writers planned so that concurrent transactions never lock the same
 * node ({@link WritePlan}).
 *
 * <p>Idempotent: every statement is keyed on a unique property ({@code MERGE}) and sets whole property maps, history
 * entries are replaced by run id, communities are replaced as a whole. So writing the same run twice, or again after a
 * write died halfway, leaves the graph of one clean write; the Run node says {@code writing} until a write completes.
 *
 * <p>Server failures (unreachable, refused, no such database, retries exhausted) end as a {@link JobFailure} with exit
 * code 4 and a one-line reason ({@link Neo4jFailures}).
 */
public final class GraphWriter {
    private final Driver driver;
    private final Options options;
    private final String where;

    /**
     * @param batchSize   rows per transaction
     * @param parallelism concurrent writers (sessions)
     * @param historyRuns how many runs the history keeps; what no retained run saw is removed
     */
    public record Options(String database, int batchSize, int parallelism, int historyRuns, WriteObserver observer) {
        public Options {
            if (batchSize < 1) throw JobFailure.usage("neo4j.batch-size must be at least 1, got " + batchSize);
            if (parallelism < 1) throw JobFailure.usage("neo4j.parallelism must be at least 1, got " + parallelism);
            if (historyRuns < 1) throw JobFailure.usage("neo4j.history-runs must be at least 1, got " + historyRuns);
            if (observer == null) observer = WriteObserver.NONE;
        }

        public static Options from(JobConfig config) {
            return new Options(
                    config.neo4jDatabase(),
                    config.neo4jBatchSize(),
                    config.neo4jParallelism(),
                    config.neo4jHistoryRuns(),
                    new LoggingObserver());
        }

        public Options withObserver(WriteObserver o) {
            return new Options(database, batchSize, parallelism, historyRuns, o);
        }
    }

    /** What a run writes; rows are maps in the shapes {@link Neo4jRows} documents. */
    public record RunGraph(
            String runId,
            Map<String, Object> run,
            List<Map<String, Object>> people,
            List<Map<String, Object>> ties,
            List<Map<String, Object>> mentorships,
            List<Map<String, Object>> teams,
            List<Map<String, Object>> communities) {}

    /**
     * What a write did.
     *
     * @param latest  no newer run was in the graph (so current values, communities and the unseen marks were updated)
     * @param unseen  nodes and relationships newly marked not current
     * @param removed nodes and relationships removed because no retained run saw them
     * @param seconds seconds per step (people, ties, ...)
     */
    public record Written(
            long people,
            long ties,
            long mentorships,
            boolean latest,
            long unseen,
            long removed,
            Map<String, Double> seconds) {
        public double rate(String step, long rows) {
            Double s = seconds.get(step);
            return s == null || s <= 0 ? Double.NaN : rows / s;
        }
    }

    public GraphWriter(Driver driver, Options options) {
        this(driver, options, "Neo4j");
    }

    /** @param where how failures name the server, e.g. "Neo4j at neo4j+s://graph.example.com" */
    public GraphWriter(Driver driver, Options options, String where) {
        this.driver = driver;
        this.options = options;
        this.where = where;
    }

    public void createSchema() {
        try (BatchExecutor x = executor()) {
            for (String stmt : GraphSchema.STATEMENTS) x.once(stmt, Map.of());
        } catch (RuntimeException e) {
            throw Neo4jFailures.explain(e, where, options.database());
        }
    }

    public Written write(RunGraph g) {
        try (BatchExecutor x = executor()) {
            return write(g, x);
        } catch (RuntimeException e) {
            throw Neo4jFailures.explain(e, where, options.database());
        }
    }

    private Written write(RunGraph g, BatchExecutor x) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        for (String stmt : GraphSchema.STATEMENTS) x.once(stmt, Map.of());

        String run = g.runId();
        List<String> runIds = new ArrayList<>();
        x.read(GraphStatements.RUN_IDS, Map.of())
                .forEach(r -> runIds.add(r.get("id").asString()));
        Retention retention = Retention.of(runIds, run, options.historyRuns());
        Map<String, Object> params = new HashMap<>();
        params.put("run", run);
        params.put("latest", retention.latest());
        params.put("cut", retention.cut());
        params.put("fading", GraphStatements.FADING);
        Map<String, Object> runProps = new LinkedHashMap<>(g.run());
        runProps.put("neo4j_batch_size", (long) options.batchSize());
        runProps.put("neo4j_parallelism", (long) options.parallelism());
        runProps.put("neo4j_history_runs", (long) options.historyRuns());
        x.once(GraphStatements.RUN_START, Map.of("run", run, "props", runProps));
        seconds.put("prepare", since(t0));

        int lanes = options.parallelism();
        timed(seconds, "teams", () -> x.run("teams", GraphStatements.TEAMS, params, WritePlan.single(g.teams())));
        long people = timed(seconds, "people", () -> writePeople(x, g, params, retention));
        Map<String, String> personElement = elementIds(x, GraphStatements.PERSON_IDS, "id");
        if (retention.latest()) {
            timed(seconds, "communities", () -> {
                x.untilNone(GraphStatements.COMMUNITY_LINKS_DELETE, Map.of());
                x.untilNone(GraphStatements.COMMUNITIES_DELETE, Map.of());
                x.run("communities", GraphStatements.COMMUNITIES, params, WritePlan.single(g.communities()));
                List<Map<String, Object>> links = new ArrayList<>(g.people().size());
                for (Map<String, Object> p : g.people()) {
                    Object c = ((Map<?, ?>) p.get("props")).get("community");
                    if (c != null)
                        links.add(Map.of("e", personElement.get((String) p.get("id")), "key", String.valueOf(c)));
                }
                return x.run(
                        "community-links",
                        GraphStatements.COMMUNITY_LINKS,
                        params,
                        WritePlan.byKey(links, r -> r.get("key"), lanes));
            });
        }
        long ties = timed(seconds, "ties", () -> writeTies(x, g, params, retention, personElement));
        long mentorships = timed(
                seconds,
                "mentorships",
                () -> x.run("mentorships", GraphStatements.MENTORSHIPS, params, WritePlan.single(g.mentorships())));

        long[] unseen = {0};
        long[] removed = {0};
        timed(seconds, "retention", () -> {
            if (retention.latest()) {
                for (String stmt : GraphStatements.MARK_UNSEEN) unseen[0] += x.untilNone(stmt, params);
            }
            if (!retention.cut().isEmpty()) {
                for (String stmt : GraphStatements.REMOVE_EXPIRED) removed[0] += x.untilNone(stmt, params);
            }
            return unseen[0] + removed[0];
        });
        seconds.put("total", since(t0));
        Map<String, Object> finish = new LinkedHashMap<>();
        seconds.forEach((k, v) -> finish.put("seconds_neo4j_" + k, v));
        x.once(GraphStatements.RUN_FINISH, Map.of("run", run, "props", finish));
        if (!retention.latest()) {
            StepLog.warn(
                    "neo4j: run %s is older than run %s already in the graph: its history entries were added, current values left as they were",
                    run, runIds.get(runIds.size() - 1));
        }
        return new Written(people, ties, mentorships, retention.latest(), unseen[0], removed[0], seconds);
    }

    /**
     * People: one read of the people already in the graph splits the rows into new people (created with their team
     * link, every value computed here) and existing ones (updated by element id). Lanes split by team, so concurrent
     * transactions never link people to the same team node.
     */
    private long writePeople(BatchExecutor x, RunGraph g, Map<String, Object> params, Retention retention) {
        Map<String, String> teamElement = elementIds(x, GraphStatements.TEAM_IDS, "name");
        Map<String, String> personElement = elementIds(x, GraphStatements.PERSON_IDS, "id");
        List<Map<String, Object>> create = new ArrayList<>();
        List<Map<String, Object>> update = new ArrayList<>();
        for (Map<String, Object> row : g.people()) {
            String id = (String) row.get("id");
            String te = teamElement.get((String) row.get("team"));
            if (te == null)
                throw new IllegalStateException("person " + id + ": team " + row.get("team") + " is not in the graph");
            Map<String, Object> r = new HashMap<>(row);
            r.put("te", te);
            String e = personElement.get(id);
            if (e != null) {
                r.put("e", e);
                update.add(r);
            } else {
                r.put("props", newPerson(row, g.runId(), retention.latest()));
                create.add(r);
            }
        }
        int lanes = options.parallelism();
        long n = x.run(
                "people-new",
                GraphStatements.PEOPLE_CREATE,
                params,
                WritePlan.byKey(create, r -> r.get("team"), lanes));
        n += x.run(
                "people-update",
                GraphStatements.PEOPLE_UPDATE,
                params,
                WritePlan.byKey(update, r -> r.get("team"), lanes));
        return n;
    }

    /** Every property of a person written for the first time: what PEOPLE_UPDATE would leave on a person without history. */
    static Map<String, Object> newPerson(Map<String, Object> row, String run, boolean latest) {
        @SuppressWarnings("unchecked")
        Map<String, Object> props = (Map<String, Object>) row.get("props");
        @SuppressWarnings("unchecked")
        Map<String, Object> history = (Map<String, Object>) row.get("history");
        Map<String, Object> all = new HashMap<>(props.size() + 12);
        props.forEach((k, v) -> {
            if (v != null) all.put(k, v);
        });
        all.put("person_id", row.get("id"));
        all.put("current", latest);
        all.put("last_seen_run", run);
        all.put("first_seen_run", run);
        all.put("history_runs", List.of(run));
        for (String h : GraphStatements.PERSON_HISTORY)
            all.put("history_" + h, java.util.Collections.singletonList(history.get(h)));
        return all;
    }

    private static Map<String, String> elementIds(BatchExecutor x, String cypher, String key) {
        Map<String, String> out = new HashMap<>();
        x.read(cypher, Map.of())
                .forEach(r -> out.put(r.get(key).asString(), r.get("e").asString()));
        return out;
    }

    /**
     * Ties: one read of the ties already in the graph splits the rows into new ties (created, with every value computed
     * here) and existing ones (updated by element id, history merged in Cypher). Both plans keep concurrent
     * transactions on disjoint people.
     */
    private long writeTies(
            BatchExecutor x,
            RunGraph g,
            Map<String, Object> params,
            Retention retention,
            Map<String, String> personElement) {
        Map<String, String> idOfElement = new HashMap<>(personElement.size() * 2);
        personElement.forEach((id, e) -> idOfElement.put(e, id));
        Map<String, String> existing = new HashMap<>();
        x.read(GraphStatements.TIE_IDS, Map.of())
                .forEach(r -> existing.put(
                        idOfElement.get(r.get("a").asString()) + "\u0000"
                                + idOfElement.get(r.get("b").asString()),
                        r.get("t").asString()));
        List<Map<String, Object>> create = new ArrayList<>();
        List<Map<String, Object>> update = new ArrayList<>();
        for (Map<String, Object> row : g.ties()) {
            String a = (String) row.get("a"), b = (String) row.get("b");
            String rel = existing.get(a + "\u0000" + b);
            if (rel != null) {
                update.add(Map.of("t", rel, "a", a, "b", b, "props", row.get("props")));
            } else {
                String ea = personElement.get(a), eb = personElement.get(b);
                if (ea == null || eb == null)
                    throw new IllegalStateException("tie " + a + "-" + b + ": a person is not in the graph");
                create.add(Map.of(
                        "ea", ea, "eb", eb, "a", a, "b", b, "props", newTie(row, g.runId(), retention.latest())));
            }
        }
        int lanes = options.parallelism();
        long n = x.run(
                "ties-new",
                GraphStatements.TIES_CREATE,
                params,
                WritePlan.disjointPairs(create, r -> r.get("a"), r -> r.get("b"), lanes));
        n += x.run(
                "ties-update",
                GraphStatements.TIES_UPDATE,
                params,
                WritePlan.disjointPairs(update, r -> r.get("a"), r -> r.get("b"), lanes));
        return n;
    }

    /** Every property of a tie written for the first time: what TIES_UPDATE would leave on a tie without history. */
    static Map<String, Object> newTie(Map<String, Object> row, String run, boolean latest) {
        @SuppressWarnings("unchecked")
        Map<String, Object> props = (Map<String, Object>) row.get("props");
        Map<String, Object> all = new HashMap<>(props.size() + 10);
        props.forEach((k, v) -> {
            if (v != null) all.put(k, v);
        });
        all.put("current", latest);
        all.put("last_seen_run", run);
        all.put("first_seen_run", run);
        all.put("history_runs", List.of(run));
        for (String h : GraphStatements.TIE_HISTORY)
            all.put("history_" + h, java.util.Collections.singletonList(props.get(h)));
        if (GraphStatements.FADING.contains((String) props.get("status"))) all.put("weakening_since", run);
        return all;
    }

    private long timed(Map<String, Double> seconds, String step, java.util.function.LongSupplier work) {
        long t0 = System.nanoTime();
        long rows = work.getAsLong();
        double s = since(t0);
        seconds.put(step, s);
        options.observer().stepFinished(step, rows, s);
        return rows;
    }

    private BatchExecutor executor() {
        return new BatchExecutor(
                driver, options.database(), options.parallelism(), options.batchSize(), options.observer());
    }

    private static double since(long t0) {
        return Math.round((System.nanoTime() - t0) / 1e6) / 1000.0;
    }

    /**
     * Which runs the graph keeps: the {@code historyRuns} most recent run ids, this run included.
     *
     * @param latest no run newer than this one is in the graph
     * @param cut    the oldest retained run id; "" while there are no more runs than the retention
     */
    record Retention(boolean latest, String cut) {
        static Retention of(List<String> existing, String run, int historyRuns) {
            TreeSet<String> all = new TreeSet<>(existing);
            all.add(run);
            boolean latest = all.last().equals(run);
            String cut = "";
            if (all.size() > historyRuns) {
                cut = all.descendingSet().stream()
                        .skip(historyRuns - 1L)
                        .findFirst()
                        .orElseThrow();
            }
            if (!cut.isEmpty() && run.compareTo(cut) < 0) {
                throw JobFailure.usage("run " + run + " is older than every run Neo4j keeps (the last " + historyRuns
                        + " runs start at " + cut + ", neo4j.history-runs): nothing of it would be kept");
            }
            return new Retention(latest, cut);
        }
    }

    /** Logs one line per step with its rate. */
    static final class LoggingObserver implements WriteObserver {
        @Override
        public void stepFinished(String step, long rows, double seconds) {
            StepLog.info(
                    "  neo4j %-12s %,9d rows in %6.2f s (%,.0f rows/s)",
                    step, rows, seconds, seconds > 0 ? rows / seconds : 0.0);
        }
    }
}
