package org.mentorshipgraph.job;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.mentorshipgraph.algorithms.ties.Absence;
import org.mentorshipgraph.config.JobConfig;
import org.mentorshipgraph.connectors.ConnectorAnalysis;
import org.mentorshipgraph.connectors.DistributedBetweenness;
import org.mentorshipgraph.connectors.PersonMetrics;
import org.mentorshipgraph.failures.ExitCodes;
import org.mentorshipgraph.failures.JobFailure;
import org.mentorshipgraph.files.Json;
import org.mentorshipgraph.files.PeopleTable;
import org.mentorshipgraph.files.RunFiles;
import org.mentorshipgraph.ingest.Ingest;
import org.mentorshipgraph.ingest.Ingest.Ingested;
import org.mentorshipgraph.ingest.InteractionReader;
import org.mentorshipgraph.ingest.PersonIds;
import org.mentorshipgraph.mentoring.Mentoring;
import org.mentorshipgraph.neo4j.GraphWriter;
import org.mentorshipgraph.neo4j.Neo4jConnection;
import org.mentorshipgraph.neo4j.Neo4jRows;
import org.mentorshipgraph.neo4j.RunGraphs;
import org.mentorshipgraph.neo4j.WriteObserver;
import org.mentorshipgraph.progress.Progress;
import org.mentorshipgraph.progress.RunProgress;
import org.mentorshipgraph.progress.StepLog;
import org.mentorshipgraph.progress.StepResult;
import org.mentorshipgraph.report.MentoringHealth;
import org.mentorshipgraph.report.NetworkHealth;
import org.mentorshipgraph.report.PrivacyPolicy;
import org.mentorshipgraph.report.ReportWriter;
import org.mentorshipgraph.schema.ResultTables;
import org.mentorshipgraph.storage.Location;
import org.mentorshipgraph.storage.Storage;
import org.mentorshipgraph.ties.TieAggregation;
import org.mentorshipgraph.ties.Ties;
import org.mentorshipgraph.ties.Ties.TieTable;
import org.mentorshipgraph.trends.TieAssessment;
import org.mentorshipgraph.trends.Trends;
import org.neo4j.driver.Driver;

/**
 * The nightly job, end to end, in the order the data flows (each step in the package of its name, each taking a small
 * parameters record and returning a result that says what it did):
 * <ol>
 *   <li><b>ingest</b> interactions, people and mentorships, quarantining rows that break the contract;</li>
 *   <li><b>ties</b>: one tie per pair with decayed strength and its activity in the recent and baseline windows (in
 *       Spark), and the compact graph of active ties (on the driver);</li>
 *   <li><b>connectors</b>: betweenness, structural holes, communities, bridging, the connector score;</li>
 *   <li><b>tie-status</b> (package {@code trends}): new / strengthening / stable / weakening / dormant per tie, in
 *       Spark, and what to flag first;</li>
 *   <li><b>mentoring</b>: mentor suggestions within the hard rules, each with a warm introduction; introductions
 *       for everyone; optionally the programme's optimal assignment;</li>
 *   <li><b>files</b>: the people and ties tables (CSV and Parquet, by Spark's writers) and rejected.csv;</li>
 *   <li><b>report</b>: network-health.json, .html and its CSV tables, from aggregates;</li>
 *   <li><b>neo4j</b>: the graph, idempotently, with a Run node.</li>
 * </ol>
 * The interactions, ties and tables stay Spark Datasets throughout; the driver holds the compact graph and one array
 * per person and measure. This class only composes the steps and keeps the run record.
 */
public final class NightlyJob {
    private static final double DAY_MS = 86_400_000.0;

    private final JobConfig config;
    private final Map<String, String> environment;

    public NightlyJob(JobConfig config, Map<String, String> environment) {
        this.config = config;
        this.environment = environment;
    }

    /** What a finished run reports back to the command line. */
    public record Outcome(
            int exitCode,
            String asOf,
            Location runLocation,
            RunRecord record,
            Map<String, Object> health,
            String message) {
        /** The run's folder on the local disk (for a run written elsewhere: {@link #runLocation()}). */
        public Path runDir() {
            return runLocation
                    .localFile()
                    .orElseThrow(
                            () -> new IllegalStateException("the run is not on the local disk: " + runLocation.uri()));
        }
    }

    public Outcome run(SparkSession spark) {
        Run run = start();
        Progress steps = run.progress();
        RunFiles files;
        try {
            files = new RunFiles(Storage.of(spark).at(config.outputDir()), run.id());
        } catch (java.io.UncheckedIOException e) {
            throw JobFailure.output("output: " + e.getMessage(), e);
        }
        try {
            Ingested in = ingest(spark, run, "ingest");
            TieTable ties = steps.step("ties", () -> Ties.build(in, tieParameters(run), steps));
            PersonMetrics connectors = steps.step(
                    "connectors",
                    () -> recordBetweenness(
                            run,
                            ConnectorAnalysis.run(
                                    JavaSparkContext.fromSparkContext(spark.sparkContext()),
                                    ties.org(),
                                    connectorParameters())));
            Trends trends = steps.step(
                    "tie-status",
                    () -> TieAssessment.assess(
                            spark,
                            ties.ties(),
                            ties.org(),
                            connectors.community(),
                            in.mentorships().all(),
                            in.absences(),
                            trendParameters(run)));
            Mentoring.Result mentoring = config.mentoringEnabled()
                    ? steps.step(
                            "mentoring",
                            () -> Mentoring.run(
                                    spark, in, ties.org(), mentoringParameters(run, connectors, trends), steps))
                    : null;
            Tables tables =
                    steps.step("files", () -> writeTables(spark, files, in, ties, connectors, trends, mentoring));
            Report report =
                    steps.step("report", () -> writeReport(files, run, in, ties, connectors, trends, mentoring));
            Location runDir = publish(files, run);
            JobFailure f = config.neo4jEnabled() ? neo4j(spark, run, runDir, tables, ties, connectors, in) : null;
            int exit = f == null ? ExitCodes.OK : f.exitCode();
            return new Outcome(
                    exit, run.id(), runDir, run.record(), report.health(), f == null ? null : f.getMessage());
        } catch (java.io.UncheckedIOException e) {
            // the output store failed (the inputs' are reported by ingest as exit 3)
            run.record().finish("failed", e.getMessage());
            keepFailedRecord(files, run.record());
            throw JobFailure.output("output: " + e.getMessage() + "; the previous good run is intact", e);
        } catch (RuntimeException e) {
            run.record().finish("failed", e.getMessage());
            keepFailedRecord(files, run.record());
            throw e;
        }
    }

    /**
     * {@code --dry-run}: checks the configuration and reads and checks the inputs exactly as a run would (the same
     * ingest step), writing nothing. Fails as a run would (exit 3) when the input is unusable.
     */
    public RunRecord dryRun(SparkSession spark) {
        Run run = start();
        ingest(spark, run, "validate");
        run.record().finish("dry-run", "inputs and configuration are usable; nothing was written");
        return run.record();
    }

    /** A run's identity: the as-of date, the windows it implies, its record and its progress reporting. */
    record Run(LocalDate asOf, long asOfEndMs, TieAggregation.Windows windows, RunRecord record, Progress progress) {
        String id() {
            return asOf.toString();
        }
    }

    private Run start() {
        LocalDate asOf = config.asOf() != null || !config.usesBundledSample()
                ? resolveAsOf(null)
                : resolveAsOf(Storage.local().at(config.interactions()));
        long asOfEnd = asOf.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        TieAggregation.Windows w = new TieAggregation.Windows(
                asOfEnd,
                asOfEnd - (long) (config.recentWindowDays() * DAY_MS),
                asOfEnd - (long) ((config.recentWindowDays() + config.baselineWindowDays()) * DAY_MS),
                asOfEnd - (long) (config.lookbackDays() * DAY_MS),
                config.halfLifeDays());
        RunRecord record = new RunRecord(asOf.toString(), config.resultParameters());
        Progress progress = new RunProgress(record);
        List<String> leftOut = config.sampleCompanionsLeftOut();
        if (!leftOut.isEmpty()) {
            List<String> missing = new java.util.ArrayList<>();
            if (leftOut.contains("--people"))
                missing.add("people directory (teams, departments and hire dates unknown)");
            if (leftOut.contains("--mentorships")) missing.add("declared mentorships");
            if (leftOut.contains("--positions"))
                missing.add("job history (mentor suggestions compare no career paths)");
            progress.warn(
                    "not given: %s; the bundled sample's files are used only with the sample's interactions, so this "
                            + "run has no %s (give %s to add them)",
                    String.join(", ", leftOut), String.join(", no ", missing), String.join(" and ", leftOut));
        }
        progress.info(
                "run %s: look-back from %s, recent window from %s, baseline from %s",
                asOf, day(w.lookbackStartMs()), day(w.recentStartMs()), day(w.baselineStartMs()));
        return new Run(asOf, asOfEnd, w, record, progress);
    }

    private Ingested ingest(SparkSession spark, Run run, String stepName) {
        Ingest.Parameters p = new Ingest.Parameters(
                config.interactions(),
                config.people(),
                config.mentorships(),
                config.absences(),
                config.positions(),
                LocalDate.ofEpochDay(Math.floorDiv(run.windows().lookbackStartMs(), (long) DAY_MS))
                        .minusDays(1),
                run.asOf(),
                run.windows().lookbackStartMs(),
                run.asOfEndMs(),
                config.maxRejectedShare(),
                config.csvMultiline(),
                PersonIds.of(config.foldIdCase()));
        Ingested in = run.progress().step(stepName, () -> Ingest.run(spark, p, run.progress()));
        run.record().input("interactions", in.interactionsInput());
        Ingest.requireUsable(in, p);
        return in;
    }

    private Ties.Parameters tieParameters(Run run) {
        return new Ties.Parameters(
                config.channelWeights(),
                run.windows(),
                config.minInteractions(),
                config.minStrength(),
                config.people(),
                config.maxEventSize());
    }

    private ConnectorAnalysis.Parameters connectorParameters() {
        return new ConnectorAnalysis.Parameters(
                config.betweennessMode(),
                config.weightedBetweenness(),
                config.exactMaxWork(),
                config.epsilon(),
                config.delta(),
                config.seed(),
                config.topConnectors());
    }

    private TieAssessment.Parameters trendParameters(Run run) {
        return new TieAssessment.Parameters(
                config.trendTests(),
                Absence.defaults(),
                config.minStrength(),
                run.asOf(),
                run.windows(),
                (int) config.lookbackDays(),
                config.shrinkShare(),
                config.newcomerDays(),
                config.newcomerMinTies(),
                NetworkHealth.MAX_LIST_ROWS);
    }

    private Mentoring.Parameters mentoringParameters(Run run, PersonMetrics connectors, Trends trends) {
        return new Mentoring.Parameters(
                config.mentoring(),
                run.asOf(),
                connectors.rank(),
                config.topConnectors(),
                trends.people().newcomerWithoutMentor(),
                Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    /** The output tables, persisted: they are written to CSV, Parquet and Neo4j. */
    record Tables(Dataset<Row> people, Dataset<Row> ties, Mentoring.Result mentoring) implements StepResult {
        @Override
        public String summary() {
            return mentoring == null
                    ? "people, ties (CSV + Parquet), rejected.csv"
                    : "people, ties, mentor-suggestions, introductions"
                            + (mentoring.assignment() == null ? "" : ", mentor-assignment")
                            + " (CSV + Parquet), rejected.csv";
        }
    }

    private static Tables writeTables(
            SparkSession spark,
            RunFiles files,
            Ingested in,
            TieTable ties,
            PersonMetrics connectors,
            Trends trends,
            Mentoring.Result mentoring) {
        Dataset<Row> people = PeopleTable.build(spark, in.people().directory(), ties.org(), connectors, trends.people())
                .persist(StorageLevel.MEMORY_AND_DISK());
        Dataset<Row> tieTable = trends.ties()
                .select(java.util.Arrays.stream(ResultTables.TIES.fieldNames())
                        .map(org.apache.spark.sql.functions::col)
                        .toArray(org.apache.spark.sql.Column[]::new))
                .orderBy("person_a", "person_b")
                .persist(StorageLevel.MEMORY_AND_DISK());
        files.writeTable(people, "people");
        files.writeTable(tieTable, "ties");
        if (mentoring != null) {
            files.writeTable(mentoring.suggestions(), "mentor-suggestions");
            files.writeTable(mentoring.introductions(), "introductions");
            if (mentoring.assignment() != null) files.writeTable(mentoring.assignment(), "mentor-assignment");
        }
        files.writeRejected(in.rejected(spark));
        return new Tables(people, tieTable, mentoring);
    }

    /** The report's figures as stored. */
    record Report(Map<String, Object> health) implements StepResult {
        @Override
        public String summary() {
            return "network-health.{json,html} and its CSV tables";
        }
    }

    private Report writeReport(
            RunFiles files,
            Run run,
            Ingested in,
            TieTable ties,
            PersonMetrics connectors,
            Trends trends,
            Mentoring.Result mentoring) {
        PrivacyPolicy privacy = PrivacyPolicy.of(ties.org(), config, environment);
        Map<String, Object> figures = NetworkHealth.figures(
                run.id(),
                ties.org(),
                connectors,
                trends,
                config,
                privacy,
                methods(run.record(), in),
                run.record().counts());
        if (mentoring != null) figures.put("mentoring", MentoringHealth.figures(mentoring, ties.org(), privacy));
        return new Report(ReportWriter.write(files.staging(), files.runsDir(), figures));
    }

    /** What the Neo4j write did. */
    record Neo4jWrite(GraphWriter.Written w) implements StepResult {
        @Override
        public String summary() {
            return String.format(
                    Locale.ROOT,
                    "%,d people, %,d ties, %,d mentorships%s; %,d newly not current, %,d expired",
                    w.people(),
                    w.ties(),
                    w.mentorships(),
                    w.mentoring().isEmpty()
                            ? ""
                            : String.format(
                                    Locale.ROOT,
                                    ", %,d skills, %,d mentor suggestions",
                                    w.mentoring().get("skills"),
                                    w.mentoring().get("suggested_mentor")),
                    w.unseen(),
                    w.removed());
        }

        @Override
        public long rows() {
            return w.people() + w.ties();
        }
    }

    private Neo4jWrite writeNeo4j(
            SparkSession spark, Run run, Tables tables, TieTable ties, PersonMetrics connectors, Ingested in) {
        try (Driver driver = Neo4jConnection.open(config, environment)) {
            // the Run node is written once the rest of the graph is: it carries the run's final outcome
            run.record().finish("success", null);
            GraphWriter writer = new GraphWriter(
                    driver,
                    new GraphWriter.Options(
                            config.neo4jDatabase(),
                            config.neo4jBatchSize(),
                            config.neo4jParallelism(),
                            config.neo4jHistoryRuns(),
                            WriteObserver.LOG),
                    "Neo4j at " + JobConfig.maskUserInfo(config.neo4jUri()));
            return new Neo4jWrite(writer.write(RunGraphs.of(
                    spark,
                    run.id(),
                    Neo4jRows.runProperties(
                            run.record().asMap(),
                            run.record().counts(),
                            run.record().seconds(),
                            run.record().betweennessInfo()),
                    tables.people(),
                    tables.ties(),
                    ties.org(),
                    connectors.community(),
                    in.mentorships().all(),
                    tables.mentoring())));
        }
    }

    /**
     * Writes the graph to Neo4j after the files are published, and finishes the run's record with the outcome.
     *
     * @return null on success, else the failure (the files are complete and published)
     */
    private JobFailure neo4j(
            SparkSession spark,
            Run run,
            Location runDir,
            Tables tables,
            TieTable ties,
            PersonMetrics connectors,
            Ingested in) {
        try {
            run.progress().step("neo4j", () -> writeNeo4j(spark, run, tables, ties, connectors, in));
            finish(runDir, run, "success", null);
            return null;
        } catch (JobFailure f) {
            finish(runDir, run, "failed", f.getMessage() + " (the files of this run are complete)");
            return f;
        }
    }

    /**
     * Finishes the record (success, or "files-written" while Neo4j is still to come), writes it into the staged run
     * and publishes the run's folder.
     */
    private Location publish(RunFiles files, Run run) {
        run.record().finish(config.neo4jEnabled() ? "files-written" : "success", null);
        Json.writeAtomically(files.staging().child("run.json"), run.record().asMap());
        Location runDir = files.publish();
        run.progress().info("files        published to %s", runDir);
        return runDir;
    }

    /** Finishes the record of a published run (after Neo4j) and rewrites its run.json. */
    private static void finish(Location runDir, Run run, String outcome, String message) {
        run.record().finish(outcome, message);
        Json.writeAtomically(runDir.child("run.json"), run.record().asMap());
    }

    private static PersonMetrics recordBetweenness(Run run, PersonMetrics m) {
        RunRecord r = run.record();
        DistributedBetweenness.Result b = m.betweennessRun();
        r.betweenness("mode", b.mode());
        r.betweenness("sources", b.sources());
        r.betweenness("epsilon", b.epsilon());
        r.betweenness("delta", b.delta());
        r.betweenness("vertex_diameter_bound", b.vertexDiameterBound());
        if ("adaptive".equals(b.mode())) {
            r.betweenness("samples", b.samples());
            r.betweenness("sample_bound", b.sampleBound());
            r.betweenness("stopped_early", b.stoppedEarly());
        }
        r.put("modularity", m.modularity());
        return m;
    }

    /** The as-of date: given, or the last day in the bundled sample, or today (UTC). */
    LocalDate resolveAsOf(Location interactions) {
        if (config.asOf() != null) return config.asOf();
        if (config.usesBundledSample()) {
            List<LocalDate> days = InteractionReader.dayPartitions(interactions);
            if (!days.isEmpty()) return days.get(days.size() - 1);
        }
        return LocalDate.now(ZoneOffset.UTC);
    }

    private Map<String, Object> methods(RunRecord r, Ingested in) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(
                "tie strength",
                String.format(
                        Locale.ROOT,
                        "sum of channel weight x 2^(-age/%.0f days) over the last %.0f days; group events count 1/(N-1) per pair",
                        config.halfLifeDays(),
                        config.lookbackDays()));
        m.put(
                "active tie",
                "strength >= " + config.minStrength() + " and at least " + config.minInteractions()
                        + " interaction(s)");
        m.put(
                "windows",
                String.format(
                        Locale.ROOT,
                        "recent %.0f days against the %.0f days before",
                        config.recentWindowDays(),
                        config.baselineWindowDays()));
        m.put(
                "weakening",
                "activity-adjusted rate ratio < " + config.trendTests().weakeningRatio()
                        + " and a beta-binomial drop test with Benjamini-Hochberg q <= "
                        + config.trendTests().fdr()
                        + " over every tie tested in the run");
        m.put(
                "dormant",
                "silent through the recent window, a silence this long unlikely under the tie's own rate " + "(q <= "
                        + config.trendTests().fdr() + ", in the same false-discovery family)");
        m.put(
                "paused",
                "silent or quieter while one side was away (a detected absence, or a declared one): nobody is asked to act");
        m.put("betweenness", r.betweennessInfo().toString());
        m.put("communities", "Louvain (Blondel et al. 2008), seed " + config.seed());
        m.put("connector score", "100 x (0.5 betweenness/max + 0.25 (1 - constraint) + 0.25 team participation)");
        m.put(
                "quarantined rows",
                in.interactions().rejectedRows() + " " + in.interactions().rejectedByReason());
        if (config.mentoringEnabled()) {
            m.put(
                    "mentor suggestions",
                    "hard rules first (never the person, their manager or anyone above them, a peer under the same manager "
                            + "unless allowed, someone not open or without a free place, someone not "
                            + config.mentoring().minLevelGap()
                            + " level(s) above, a current mentor); then score 0-100 = weighted mean of skill fit (wanted "
                            + "skills covered, weighted by rarity), trajectory fit (held your title, reached your goal), "
                            + "reachability (Adamic-Adar over strong ties, hops), shown teaching and load; weights "
                            + config.mentoring().weights());
            m.put(
                    "introductions",
                    "people with no tie yet, ranked by the Adamic-Adar index over strong ties (Adamic & Adar 2003): "
                            + "the sum over common contacts of 1/ln(their number of strong ties)");
        }
        m.put("privacy", "groups smaller than " + config.minGroupSize() + " are never shown on their own");
        return m;
    }

    private void keepFailedRecord(RunFiles files, RunRecord record) {
        try {
            Location target =
                    files.keepFailed(String.valueOf(record.asMap().get("as_of")), Json.write(record.asMap()) + "\n");
            StepLog.warn("the failed run's record is in %s; the previous good run (if any) is untouched", target);
        } catch (RuntimeException e) {
            try {
                files.discard();
            } catch (RuntimeException ignored) {
                // the store itself is failing: nothing more can be kept
            }
        }
    }

    private static String day(long ms) {
        return LocalDate.ofEpochDay(Math.floorDiv(ms, (long) DAY_MS)).toString();
    }
}
