package org.mentorshipgraph.neo4j;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import org.mentorshipgraph.failures.JobFailure;
import org.mentorshipgraph.progress.StepLog;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Value;

/**
 * Writes a run's graph (the model: docs/graph-model.md; the Cypher: {@link GraphStatements}).
 *
 * <p>Order: schema, the Run node (marked {@code outcome: 'writing'}), teams and departments, people, communities,
 * ties, mentorships, the mentoring graph (skills, people's skills and wishes, mentor suggestions; the latest run's
 * only), then what the run no longer sees is marked not current and what no retained run has seen is removed (and,
 * with mentoring, the skills nobody links to any more), and last the Run node is marked complete. Rows go in batched
 * {@code UNWIND} statements, one managed transaction per batch, by {@code parallelism} writers planned so that
 * concurrent transactions never lock the same node ({@link WritePlan}).
 *
 * <p><b>Streamed.</b> People and ties come as {@link RowSource}s, each read once, and are written a slice at a time:
 * the writer holds at most {@link Options#rowsHeldAtMost()} of their rows ({@code 4P² × batchSize} ties: a pass
 * being written and the next being read; fewer people; 32,000 rows with the defaults), whatever the size of the
 * organisation. What it keeps per person (element id, whether they have ties, their community key) is O(people);
 * nothing is kept per tie. Whether a tie is new is decided per batch, in the batch's transaction: ties whose two
 * people already had ties are looked for (and updated where found) first, the rest are created.
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

        /**
         * The most people or tie rows a write holds at once (pulled from a {@link RowSource} and not yet committed):
         * two passes of one batch per cell of the ties' layout, {@code 2 × 2P² × batchSize} ({@code 2 × batchSize}
         * with one writer).
         */
        public long rowsHeldAtMost() {
            return BatchExecutor.held(tieLayout(parallelism), batchSize);
        }

        public Options withObserver(WriteObserver o) {
            return new Options(database, batchSize, parallelism, historyRuns, o);
        }
    }

    /**
     * What a run writes.
     *
     * @param runId       the run's id, its as-of date ({@code YYYY-MM-DD})
     * @param run         the Run node's properties ({@link Neo4jRows#runProperties})
     * @param people      the people table's rows ({@link RowSource}), read once per write
     * @param ties        the ties table's rows, read once per write
     * @param mentorships mentorship parameter rows ({@link Neo4jRows#mentorship}); teams: {@code name},
     *     {@code department}, {@code size}; communities: {@code key}, {@code size} (small lists)
     * @param mentoring   what the mentoring step found, or null (mentoring off: the mentoring graph is left as it is)
     */
    public record RunGraph(
            String runId,
            Map<String, Object> run,
            RowSource people,
            RowSource ties,
            List<Map<String, Object>> mentorships,
            List<Map<String, Object>> teams,
            List<Map<String, Object>> communities,
            MentoringGraph mentoring) {
        /** A run without mentoring. */
        public RunGraph(
                String runId,
                Map<String, Object> run,
                RowSource people,
                RowSource ties,
                List<Map<String, Object>> mentorships,
                List<Map<String, Object>> teams,
                List<Map<String, Object>> communities) {
            this(runId, run, people, ties, mentorships, teams, communities, null);
        }
    }

    /**
     * The mentoring step's part of the graph: {@code Skill} nodes, each person's {@code HAS_SKILL} and
     * {@code WANTS_TO_LEARN} (replaced for every person given) and mentoring profile, and the run's
     * {@code SUGGESTED_MENTOR} relationships (the previous set removed). Written by the latest run only.
     *
     * @param skills      one row per skill of the run: {@code name}, {@code people_with}, {@code people_wanting} (a
     *     list as long as the number of distinct skills)
     * @param people      one row per person of the run ({@link Neo4jRows#mentoringProfile}), read once per write
     * @param suggestions the suggestion rows that have a mentor, the columns of {@code MentoringTables.SUGGESTIONS},
     *     read once per write
     */
    public record MentoringGraph(List<Map<String, Object>> skills, RowSource people, RowSource suggestions) {}

    /**
     * What a write did.
     *
     * @param latest  no newer run was in the graph (so current values, communities and the unseen marks were updated)
     * @param unseen  nodes and relationships newly marked not current
     * @param removed nodes and relationships removed because no retained run saw them
     * @param seconds seconds per step (people, ties, ...)
     * @param mentoring what the graph holds after the mentoring write ({@code skills}, {@code has_skill},
     *     {@code wants_to_learn}, {@code suggested_mentor}); empty when the run wrote no mentoring graph
     */
    public record Written(
            long people,
            long ties,
            long mentorships,
            boolean latest,
            long unseen,
            long removed,
            Map<String, Double> seconds,
            Map<String, Long> mentoring) {
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
        List<String> runIds = x.read(
                GraphStatements.RUN_IDS,
                Map.of(),
                r -> r.list(rec -> rec.get("id").asString()));
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
        Map<String, String> communityOf = retention.latest() ? new HashMap<>() : null;
        long people = timed(seconds, "people", () -> writePeople(x, g, params, retention, communityOf));
        Map<String, Person> persons = x.read(GraphStatements.PERSON_TIES, Map.of(), r -> {
            Map<String, Person> out = new HashMap<>();
            while (r.hasNext()) {
                Record p = r.next();
                out.put(
                        p.get("id").asString(),
                        new Person(p.get("e").asString(), p.get("tied").asBoolean()));
            }
            return out;
        });
        if (retention.latest()) {
            timed(seconds, "communities", () -> {
                x.untilNone(GraphStatements.COMMUNITY_LINKS_DELETE, Map.of());
                x.untilNone(GraphStatements.COMMUNITIES_DELETE, Map.of());
                x.run("communities", GraphStatements.COMMUNITIES, params, WritePlan.single(g.communities()));
                Iterator<Map<String, Object>> links = communityOf.entrySet().stream()
                        .map(l -> Map.<String, Object>of("e", element(persons, l.getKey()), "key", l.getValue()))
                        .iterator();
                return x.stream(
                        links,
                        WritePlan.Layout.byKey(r -> r.get("key"), lanes),
                        BatchExecutor.statement("community-links", GraphStatements.COMMUNITY_LINKS, params));
            });
            communityOf.clear();
        }
        long ties = timed(seconds, "ties", () -> writeTies(x, g, params, retention, persons));
        long mentorships = timed(
                seconds,
                "mentorships",
                () -> x.run("mentorships", GraphStatements.MENTORSHIPS, params, WritePlan.single(g.mentorships())));

        boolean mentoringWritten = g.mentoring() != null && retention.latest();
        if (mentoringWritten) {
            MentoringGraph m = g.mentoring();
            timed(seconds, "skills", () -> writeSkills(x, m, params, persons));
            timed(seconds, "suggestions", () -> writeSuggestions(x, m, params, persons, run));
        }

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
        Map<String, Long> mentoring = new LinkedHashMap<>();
        if (mentoringWritten) {
            // after retention: a skill linked only by people it removed goes too
            for (String stmt : GraphStatements.SKILLS_UNSEEN) x.untilNone(stmt, params);
            x.read(GraphStatements.MENTORING_COUNTS, Map.of(), r -> {
                Record c = r.single();
                for (String k : c.keys()) mentoring.put(k, c.get(k).asLong());
                return null;
            });
        }
        seconds.put("total", since(t0));
        Map<String, Object> finish = new LinkedHashMap<>();
        seconds.forEach((k, v) -> finish.put("seconds_neo4j_" + k, v));
        mentoring.forEach((k, v) -> finish.put("mentoring_" + k, v));
        x.once(GraphStatements.RUN_FINISH, Map.of("run", run, "props", finish));
        if (!retention.latest()) {
            StepLog.warn(
                    "neo4j: run %s is older than run %s already in the graph: its history entries were added, current values (and the skills and mentor suggestions) left as they were",
                    run, runIds.get(runIds.size() - 1));
        }
        return new Written(people, ties, mentorships, retention.latest(), unseen[0], removed[0], seconds, mentoring);
    }

    /** A person in the graph: element id, and whether they had a tie when the ties step began. */
    private record Person(String element, boolean tied) {}

    private static String element(Map<String, Person> persons, String id) {
        Person p = persons.get(id);
        if (p == null) throw new IllegalStateException("person " + id + " is not in the graph");
        return p.element();
    }

    /**
     * People: one read of the people already in the graph tells new people (created with their team link, every value
     * computed here) from existing ones (updated by element id); a batch does both in one transaction. Lanes split by
     * team, so concurrent transactions never link people to the same team node. Notes each person's community key in
     * {@code communityOf} (when not null) for the community links.
     */
    private long writePeople(
            BatchExecutor x,
            RunGraph g,
            Map<String, Object> params,
            Retention retention,
            Map<String, String> communityOf) {
        Map<String, String> teamElement = elementIds(x, GraphStatements.TEAM_IDS, "name");
        Map<String, String> existing = elementIds(x, GraphStatements.PERSON_IDS, "id");
        Map<Object, String> keys = new HashMap<>();
        Iterator<Map<String, Object>> rows = prepared(g.people(), "people", Neo4jRows.PEOPLE_COLUMNS, columns -> {
            Map<String, Object> r = Neo4jRows.person(columns);
            String id = (String) r.get("id");
            String te = teamElement.get((String) r.get("team"));
            if (te == null)
                throw new IllegalStateException("person " + id + ": team " + r.get("team") + " is not in the graph");
            r.put("te", te);
            String e = existing.get(id);
            if (e != null) {
                r.put("e", e);
            } else {
                r.put("props", newPerson(r, g.runId(), retention.latest()));
                r.remove("history");
            }
            Object community = columns.get("community");
            if (communityOf != null && community != null)
                communityOf.put(id, keys.computeIfAbsent(community, String::valueOf));
            return r;
        });
        return x.stream(rows, WritePlan.Layout.byKey(r -> r.get("team"), options.parallelism()), (tx, batch, w) -> {
            List<Map<String, Object>> create = new ArrayList<>();
            List<Map<String, Object>> update = new ArrayList<>();
            for (Map<String, Object> r : batch) (r.containsKey("e") ? update : create).add(r);
            w.put("people-new", BatchExecutor.write(tx, "people-new", GraphStatements.PEOPLE_CREATE, params, create));
            w.put(
                    "people-update",
                    BatchExecutor.write(tx, "people-update", GraphStatements.PEOPLE_UPDATE, params, update));
        });
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
            all.put("history_" + h, Collections.singletonList(history.get(h)));
        return all;
    }

    private static Map<String, String> elementIds(BatchExecutor x, String cypher, String key) {
        return x.read(cypher, Map.of(), r -> {
            Map<String, String> out = new HashMap<>();
            while (r.hasNext()) {
                Record rec = r.next();
                out.put(rec.get(key).asString(), rec.get("e").asString());
            }
            return out;
        });
    }

    /** The source's rows turned into parameter rows as they are pulled; the first row's columns are checked. */
    private static Iterator<Map<String, Object>> prepared(
            RowSource source,
            String table,
            List<String> columns,
            Function<Map<String, Object>, Map<String, Object>> prepare) {
        return prepared(source, table, columns, "ResultTables." + table + "Columns()", prepare);
    }

    /** As above, the columns being those of {@code schema} (named in the error). */
    private static Iterator<Map<String, Object>> prepared(
            RowSource source,
            String table,
            List<String> columns,
            String schema,
            Function<Map<String, Object>, Map<String, Object>> prepare) {
        Iterator<Map<String, Object>> rows = source.open();
        return new Iterator<>() {
            private boolean first = true;

            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public Map<String, Object> next() {
                Map<String, Object> row = rows.next();
                if (first) {
                    Neo4jRows.checkColumns(table, row, columns, schema);
                    first = false;
                }
                return prepare.apply(row);
            }
        };
    }

    /** How ties are spread over writers: concurrent transactions never share a person. */
    static WritePlan.Layout tieLayout(int parallelism) {
        return WritePlan.Layout.disjointPairs(r -> r.get("a"), r -> r.get("b"), parallelism);
    }

    /**
     * Ties, a batch per transaction: the ties of the batch whose two people both had ties when the step began may be
     * in the graph, so they are looked for between their ends and updated where found (history merged in Cypher);
     * the rest are created with every value computed here. A tie with an end that had no tie cannot be in the graph
     * (each pair comes once), which makes a first write all creates and no look-ups.
     */
    private long writeTies(
            BatchExecutor x, RunGraph g, Map<String, Object> params, Retention retention, Map<String, Person> persons) {
        Iterator<Map<String, Object>> rows = prepared(g.ties(), "tie", Neo4jRows.TIE_COLUMNS, columns -> {
            Map<String, Object> r = Neo4jRows.tie(columns);
            Person a = persons.get((String) r.get("a")), b = persons.get((String) r.get("b"));
            if (a == null || b == null)
                throw new IllegalStateException(
                        "tie " + r.get("a") + "-" + r.get("b") + ": a person is not in the graph");
            r.put("ea", a.element());
            r.put("eb", b.element());
            if (a.tied() && b.tied()) r.put("maybe", Boolean.TRUE);
            return r;
        });
        return x.stream(rows, tieLayout(options.parallelism()), (tx, batch, w) -> {
            boolean[] found = new boolean[batch.size()];
            List<Map<String, Object>> probe = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                Map<String, Object> r = batch.get(i);
                if (r.containsKey("maybe"))
                    probe.add(Map.of("i", (long) i, "ea", r.get("ea"), "eb", r.get("eb"), "props", r.get("props")));
            }
            int updated = 0;
            if (!probe.isEmpty()) {
                Map<String, Object> p = new HashMap<>(params);
                p.put("rows", probe);
                Result result = tx.run(GraphStatements.TIES_UPDATE, p);
                for (Value i : result.single().get("found").values()) {
                    if (!found[i.asInt()]) updated++;
                    found[i.asInt()] = true;
                }
            }
            List<Map<String, Object>> create = new ArrayList<>(batch.size() - updated);
            for (int i = 0; i < batch.size(); i++) {
                if (found[i]) continue;
                Map<String, Object> r = batch.get(i);
                create.add(Map.of(
                        "ea", r.get("ea"), "eb", r.get("eb"), "props", newTie(r, g.runId(), retention.latest())));
            }
            w.put("ties-update", updated);
            w.put("ties-new", BatchExecutor.write(tx, "ties-new", GraphStatements.TIES_CREATE, params, create));
        });
    }

    /**
     * Skills, then every person's skills, wishes and mentoring profile, streamed in one lane (rows of different people
     * link to the same popular skills, so parallel writers would wait for each other's locks). The skills the run no
     * longer has are marked, and removed once unlinked, after retention ({@link GraphStatements#SKILLS_UNSEEN}).
     * Returns the people rows written.
     */
    private long writeSkills(
            BatchExecutor x, MentoringGraph m, Map<String, Object> params, Map<String, Person> persons) {
        x.run("skills", GraphStatements.SKILLS, params, WritePlan.single(m.skills()));
        Iterator<Map<String, Object>> source = m.people().open();
        Iterator<Map<String, Object>> rows = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return source.hasNext();
            }

            @Override
            public Map<String, Object> next() {
                Map<String, Object> r = new HashMap<>(source.next());
                r.put("e", element(persons, (String) r.remove("id")));
                return r;
            }
        };
        return x.stream(
                rows,
                WritePlan.Layout.single(),
                BatchExecutor.statement("person-skills", GraphStatements.PERSON_SKILLS, params));
    }

    /**
     * The previous run's mentor suggestions removed in batches, then this run's created, streamed; lanes laid out like
     * ties (a suggestion locks its two people), so concurrent transactions never share a person.
     */
    private long writeSuggestions(
            BatchExecutor x, MentoringGraph m, Map<String, Object> params, Map<String, Person> persons, String run) {
        x.untilNone(GraphStatements.SUGGESTIONS_DELETE, params);
        Iterator<Map<String, Object>> rows = prepared(
                m.suggestions(), "suggestion", Neo4jRows.SUGGESTION_COLUMNS, "MentoringTables.SUGGESTIONS", columns -> {
                    Map<String, Object> r = Neo4jRows.suggestion(columns, run);
                    r.put("em", element(persons, (String) r.get("mentor")));
                    r.put("ee", element(persons, (String) r.get("mentee")));
                    return r;
                });
        return x.stream(
                rows,
                WritePlan.Layout.disjointPairs(r -> r.get("mentor"), r -> r.get("mentee"), options.parallelism()),
                BatchExecutor.statement("suggestions", GraphStatements.SUGGESTIONS_CREATE, params));
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
        for (String h : GraphStatements.TIE_HISTORY) all.put("history_" + h, Collections.singletonList(props.get(h)));
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
}
