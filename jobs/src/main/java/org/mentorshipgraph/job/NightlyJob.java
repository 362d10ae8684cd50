package org.mentorshipgraph.job;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.mentorshipgraph.config.JobConfig;
import org.mentorshipgraph.connectors.ConnectorAnalysis;
import org.mentorshipgraph.connectors.PersonMetrics;
import org.mentorshipgraph.failures.ExitCodes;
import org.mentorshipgraph.failures.JobFailure;
import org.mentorshipgraph.files.Json;
import org.mentorshipgraph.files.ResultTables;
import org.mentorshipgraph.files.RunFiles;
import org.mentorshipgraph.files.Table;
import org.mentorshipgraph.ingest.DirectoryReader;
import org.mentorshipgraph.ingest.InteractionContract;
import org.mentorshipgraph.ingest.InteractionReader;
import org.mentorshipgraph.ingest.RejectedRow;
import org.mentorshipgraph.neo4j.GraphWriter;
import org.mentorshipgraph.neo4j.Neo4jConnection;
import org.mentorshipgraph.neo4j.Neo4jRows;
import org.mentorshipgraph.progress.StepLog;
import org.mentorshipgraph.report.NetworkHealth;
import org.mentorshipgraph.report.PrivacyPolicy;
import org.mentorshipgraph.report.ReportWriter;
import org.mentorshipgraph.ties.OrgGraph;
import org.mentorshipgraph.ties.Tie;
import org.mentorshipgraph.ties.TieAggregation;
import org.mentorshipgraph.trends.TieAssessment;
import org.neo4j.driver.Driver;

/**
 * The nightly job, end to end, in the order the data flows:
 * <ol>
 *   <li><b>ingest</b> interactions, people and mentorships, quarantining rows that break the contract;</li>
 *   <li><b>ties</b>: one tie per pair with decayed strength and its activity in the recent and baseline windows;</li>
 *   <li><b>connectors</b>: betweenness, structural holes, communities, bridging, the connector score;</li>
 *   <li><b>tie status</b>: new / strengthening / stable / weakening / dormant, and what to flag first;</li>
 *   <li><b>files</b>: people and ties (CSV, Parquet), rejected rows, the network-health report, run.json;</li>
 *   <li><b>neo4j</b>: the graph, idempotently, with a Run node.</li>
 * </ol>
 * Each step lives in the package of its name; this class only composes them and keeps the run record.
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
            int exitCode, String asOf, Path runDir, RunRecord record, Map<String, Object> health, String message) {}

    public Outcome run(SparkSession spark) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Path interactionsPath = Path.of(config.interactions());
        LocalDate asOf = resolveAsOf(interactionsPath);
        long asOfEnd = asOf.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        TieAggregation.Windows windows = windows(asOfEnd);
        RunRecord record = new RunRecord(asOf.toString(), config.resultParameters());
        StepLog steps = new StepLog(record);
        StepLog.info(
                "run %s: look-back from %s, recent window from %s, baseline from %s",
                asOf, day(windows.lookbackStartMs()), day(windows.recentStartMs()), day(windows.baselineStartMs()));
        RunFiles files = new RunFiles(config.outputDir(), asOf.toString());
        try {
            // 1. ingest
            Inputs in = steps.step(
                    "ingest",
                    () -> ingest(spark, interactionsPath, windows, asOf, asOfEnd, record),
                    i -> String.format(
                            "%,d rows read, %,d valid, %,d quarantined %s, %,d duplicates, %,d after the as-of date, %,d before the look-back",
                            i.interactions().rowsRead(),
                            i.interactions().validRows(),
                            i.interactions().rejectedRows(),
                            i.interactions().rejectedByReason(),
                            i.interactions().duplicateRows(),
                            i.interactions().afterAsOfRows(),
                            i.interactions().beforeLookbackRows()),
                    i -> i.interactions().rowsRead());
            InteractionContract.CheckedInteractions interactions = in.interactions();
            DirectoryReader.People people = in.people();
            DirectoryReader.Mentorships mentorships = in.mentorships();
            checkRejectedShare(interactions);

            // 2. ties
            List<Tie> ties = steps.step(
                    "ties",
                    () -> TieAggregation.collect(TieAggregation.ties(
                            TieAggregation.pairs(interactions.valid(), config.channelWeights()),
                            windows,
                            config.minInteractions())),
                    t -> String.format("%,d ties from %,d interactions", t.size(), interactions.validRows()),
                    t -> interactions.validRows());
            OrgGraph org = OrgGraph.build(people.byId(), ties, config.minStrength());
            record.count("people", org.size());
            if (!people.byId().isEmpty()) {
                long unlisted = org.size() - people.byId().size();
                record.count("people_not_in_directory", unlisted);
                if (unlisted > 0)
                    record.warn(
                            "%,d people in the interactions are not in the people directory (team 'unknown'): "
                                    + "add them to %s, or check their ids",
                            unlisted, config.people());
            }
            List<String> strangers = mentorships.all().stream()
                    .flatMap(m -> java.util.stream.Stream.of(m.mentorId(), m.menteeId()))
                    .filter(id -> org.indexOf(id) == null)
                    .distinct()
                    .sorted()
                    .toList();
            record.count("mentorship_people_unknown", strangers.size());
            if (!strangers.isEmpty())
                record.warn(
                        "%,d people named in the mentorships are neither in the people directory nor in the "
                                + "interactions, so their mentorships are left out of the graph: %s%s",
                        strangers.size(),
                        strangers.subList(0, Math.min(10, strangers.size())),
                        strangers.size() > 10 ? " ..." : "");
            record.count("ties", ties.size());
            record.count("active_ties", org.activeTies());

            // 3. connectors
            PersonMetrics metrics = steps.step(
                    "connectors",
                    () -> ConnectorAnalysis.run(jsc, org, config),
                    m -> String.format(
                            "betweenness %s over %,d sources, %d communities, modularity %.3f",
                            m.betweennessRun().mode(), m.betweennessRun().sources(), m.communities(), m.modularity()),
                    m -> -1);
            recordConnectors(record, metrics);

            // 4. tie status
            TieAssessment.Result assessed = steps.step(
                    "tie-status",
                    () -> TieAssessment.assess(
                            ties, org, metrics.community(), mentorships.all(), asOf, asOfEnd, config),
                    a -> statusSummary(a),
                    a -> a.ties().size());

            // 5. files
            Table peopleTable = ResultTables.people(org, metrics, assessed.people());
            Table tieTable = ResultTables.ties(assessed, asOfEnd);
            Map<String, Object> health = steps.step(
                    "files",
                    () -> {
                        files.writeCsv(peopleTable, "people.csv");
                        files.writeCsv(tieTable, "ties.csv");
                        files.writeParquet(spark, peopleTable);
                        files.writeParquet(spark, tieTable);
                        List<RejectedRow> others = new ArrayList<>(people.rejected());
                        others.addAll(mentorships.rejected());
                        files.writeRejected(interactions.rejected(), others);
                        return ReportWriter.write(
                                files.staging(),
                                config.outputDir().resolve("runs"),
                                NetworkHealth.figures(
                                        asOf.toString(),
                                        org,
                                        metrics,
                                        assessed,
                                        config,
                                        PrivacyPolicy.of(org, config, environment),
                                        methods(record, interactions),
                                        record.counts()));
                    },
                    x -> "people, ties (CSV + Parquet), rejected.csv, network-health.{json,html} and its CSV tables",
                    x -> -1);
            record.finish(config.neo4jEnabled() ? "files-written" : "success", null);
            Json.writeAtomically(files.staging().resolve("run.json"), record.asMap());
            Path runDir = files.publish();
            StepLog.info("files        published to %s", runDir);

            // 6. neo4j
            if (config.neo4jEnabled()) {
                try {
                    steps.step(
                            "neo4j",
                            () -> {
                                try (Driver driver = Neo4jConnection.open(config, environment)) {
                                    // the Run node is written once the rest of the graph is: it carries the run's final
                                    // outcome
                                    record.finish("success", null);
                                    GraphWriter writer = new GraphWriter(
                                            driver,
                                            GraphWriter.Options.from(config),
                                            "Neo4j at " + JobConfig.maskUserInfo(config.neo4jUri()));
                                    return writer.write(Neo4jRows.of(
                                            asOf.toString(),
                                            record,
                                            org,
                                            metrics,
                                            peopleTable,
                                            tieTable,
                                            mentorships.all(),
                                            assessed));
                                }
                            },
                            w -> String.format(
                                    "%,d people, %,d ties, %,d mentorships; %,d newly not current, %,d expired",
                                    w.people(), w.ties(), w.mentorships(), w.unseen(), w.removed()),
                            w -> w.people() + w.ties());
                    record.finish("success", null);
                } catch (JobFailure f) {
                    record.finish("failed", f.getMessage() + " (the files of this run are complete)");
                    Json.writeAtomically(runDir.resolve("run.json"), record.asMap());
                    return new Outcome(f.exitCode(), asOf.toString(), runDir, record, health, f.getMessage());
                }
            }
            Json.writeAtomically(runDir.resolve("run.json"), record.asMap());
            return new Outcome(ExitCodes.OK, asOf.toString(), runDir, record, health, null);
        } catch (RuntimeException e) {
            record.finish("failed", e.getMessage());
            keepFailedRecord(files, record);
            throw e;
        }
    }

    /** What the ingest step read and checked. */
    public record Inputs(
            InteractionContract.CheckedInteractions interactions,
            DirectoryReader.People people,
            DirectoryReader.Mentorships mentorships) {}

    private Inputs ingest(
            SparkSession spark,
            Path interactionsPath,
            TieAggregation.Windows windows,
            LocalDate asOf,
            long asOfEnd,
            RunRecord record) {
        InteractionReader.RawInteractions raw = InteractionReader.read(
                spark,
                interactionsPath,
                LocalDate.ofEpochDay(Math.floorDiv(windows.lookbackStartMs(), (long) DAY_MS))
                        .minusDays(1),
                asOf);
        record.input(
                "interactions",
                Map.of(
                        "path",
                        interactionsPath.toString(),
                        "format",
                        raw.format().name(),
                        "day_partitions_read",
                        raw.partitionsRead(),
                        "day_partitions_total",
                        raw.partitionsTotal()));
        for (String note : raw.notes()) record.warn("%s", note);
        InteractionContract.CheckedInteractions checked;
        try {
            checked = InteractionContract.check(
                    spark,
                    raw.rows(),
                    windows.lookbackStartMs(),
                    asOfEnd,
                    System.currentTimeMillis(),
                    raw.partitioned());
        } catch (Exception e) { // Spark's own exceptions are checked ones, thrown undeclared
            JobFailure explained = InteractionReader.explainReadFailure(e, interactionsPath);
            if (explained != null) throw explained;
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e.getMessage(), e);
        }
        DirectoryReader.People people = DirectoryReader.readPeople(spark, config.people());
        DirectoryReader.Mentorships mentorships = DirectoryReader.readMentorships(spark, config.mentorships());
        recordIngest(record, checked, people, mentorships);
        return new Inputs(checked, people, mentorships);
    }

    /**
     * {@code --dry-run}: checks the configuration and reads and checks the inputs exactly as a run would, writing
     * nothing. Fails as a run would (exit 3) when the input is unusable or too much of it is quarantined.
     */
    public RunRecord dryRun(SparkSession spark) {
        Path interactionsPath = Path.of(config.interactions());
        LocalDate asOf = resolveAsOf(interactionsPath);
        long asOfEnd = asOf.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        TieAggregation.Windows windows = windows(asOfEnd);
        RunRecord record = new RunRecord(asOf.toString(), config.resultParameters());
        Inputs in = new StepLog(record)
                .step(
                        "validate",
                        () -> ingest(spark, interactionsPath, windows, asOf, asOfEnd, record),
                        i -> i.interactions().rowsRead() + " rows read, "
                                + i.interactions().rejectedRows() + " would be quarantined "
                                + i.interactions().rejectedByReason(),
                        i -> i.interactions().rowsRead());
        checkRejectedShare(in.interactions());
        record.finish("dry-run", "inputs and configuration are usable; nothing was written");
        return record;
    }

    private TieAggregation.Windows windows(long asOfEnd) {
        return new TieAggregation.Windows(
                asOfEnd,
                asOfEnd - (long) (config.recentWindowDays() * DAY_MS),
                asOfEnd - (long) ((config.recentWindowDays() + config.baselineWindowDays()) * DAY_MS),
                asOfEnd - (long) (config.lookbackDays() * DAY_MS),
                config.halfLifeDays());
    }

    /** The as-of date: given, or the last day in the bundled sample, or today (UTC). */
    LocalDate resolveAsOf(Path interactions) {
        if (config.asOf() != null) return config.asOf();
        if (config.usesBundledSample()) {
            List<LocalDate> days = InteractionReader.dayPartitions(interactions);
            if (!days.isEmpty()) return days.get(days.size() - 1);
        }
        return LocalDate.now(ZoneOffset.UTC);
    }

    private void checkRejectedShare(InteractionContract.CheckedInteractions c) {
        if (c.rowsRead() == 0) throw JobFailure.input("interactions: no rows in " + config.interactions());
        double share = (double) c.rejectedRows() / c.rowsRead();
        if (share > config.maxRejectedShare()) {
            throw JobFailure.input(String.format(
                    java.util.Locale.ROOT,
                    "%.2f%% of interaction rows were quarantined (%,d of %,d; limit input.max-rejected-share=%.2f%%): %s. "
                            + "Fix the input, or raise the limit if this is expected.",
                    share * 100,
                    c.rejectedRows(),
                    c.rowsRead(),
                    config.maxRejectedShare() * 100,
                    c.rejectedByReason()));
        }
        if (c.validRows() == 0)
            throw JobFailure.input("interactions: no valid rows in the look-back window of " + config.interactions());
    }

    private static void recordIngest(
            RunRecord r,
            InteractionContract.CheckedInteractions c,
            DirectoryReader.People p,
            DirectoryReader.Mentorships m) {
        r.count("interaction_rows_read", c.rowsRead());
        r.count("interactions_valid", c.validRows());
        r.count("interactions_rejected", c.rejectedRows());
        r.count("rejected_by_reason", c.rejectedByReason());
        r.count("interaction_duplicates", c.duplicateRows());
        r.count("interactions_after_as_of", c.afterAsOfRows());
        r.count("interactions_before_lookback", c.beforeLookbackRows());
        r.count("directory_people", p.byId().size());
        r.count("directory_rejected", p.rejected().size());
        r.count("mentorships", m.all().size());
        r.count("mentorships_rejected", m.rejected().size());
    }

    private static void recordConnectors(RunRecord r, PersonMetrics m) {
        r.betweenness("mode", m.betweennessRun().mode());
        r.betweenness("sources", m.betweennessRun().sources());
        r.betweenness("epsilon", m.betweennessRun().epsilon());
        r.betweenness("delta", m.betweennessRun().delta());
        r.betweenness("vertex_diameter_bound", m.betweennessRun().vertexDiameterBound());
        r.count("communities", m.communities());
        r.put("modularity", m.modularity());
    }

    private static String statusSummary(TieAssessment.Result a) {
        Map<String, Long> by = new java.util.TreeMap<>();
        a.ties().forEach(t -> by.merge(t.trend().status().label(), 1L, Long::sum));
        long flagged = a.ties().stream().filter(t -> t.priority() < 9).count();
        return by + ", " + flagged + " flagged";
    }

    private Map<String, Object> methods(RunRecord r, InteractionContract.CheckedInteractions c) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put(
                "tie strength",
                String.format(
                        java.util.Locale.ROOT,
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
                        java.util.Locale.ROOT,
                        "recent %.0f days against the %.0f days before",
                        config.recentWindowDays(),
                        config.baselineWindowDays()));
        m.put(
                "weakening",
                "rate ratio < " + config.trendRules().weakeningRatio() + " and exact binomial p < "
                        + config.trendRules().significance());
        m.put("betweenness", r.betweennessInfo().toString());
        m.put("communities", "Louvain (Blondel et al. 2008), seed " + config.seed());
        m.put("connector score", "100 x (0.5 betweenness/max + 0.25 (1 - constraint) + 0.25 team participation)");
        m.put("quarantined rows", c.rejectedRows() + " " + c.rejectedByReason());
        m.put("privacy", "groups smaller than " + config.minGroupSize() + " are never shown on their own");
        return m;
    }

    private void keepFailedRecord(RunFiles files, RunRecord record) {
        try {
            Path failedDir = config.outputDir().resolve("failed");
            Files.createDirectories(failedDir);
            Json.writeAtomically(files.staging().resolve("run.json"), record.asMap());
            Path target = failedDir.resolve(record.asMap().get("as_of") + "_" + System.currentTimeMillis());
            Files.move(files.staging(), target);
            StepLog.warn("the failed run's record is in %s; the previous good run (if any) is untouched", target);
        } catch (Exception e) {
            files.discard();
        }
    }

    private static String day(long ms) {
        return LocalDate.ofEpochDay(Math.floorDiv(ms, (long) DAY_MS)).toString();
    }
}
