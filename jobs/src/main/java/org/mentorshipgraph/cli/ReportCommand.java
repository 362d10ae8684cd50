package org.mentorshipgraph.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mentorshipgraph.config.JobConfig;
import org.mentorshipgraph.config.Setting;
import org.mentorshipgraph.failures.ExitCodes;
import org.mentorshipgraph.failures.JobFailure;
import org.mentorshipgraph.files.RunFolders;
import org.mentorshipgraph.job.RunLock;
import org.mentorshipgraph.report.ReportWriter;
import org.mentorshipgraph.storage.Location;
import org.mentorshipgraph.storage.Storage;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code scripts/report}: rebuilds the network-health report of a past run from its stored files alone
 * ({@code OUT/runs/<as-of>/network-health.json} and the earlier runs' JSON): the page, the CSV tables, and the
 * JSON's "changes" and "trend" sections. No Spark, no Neo4j, no input data needed.
 */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpWidth = 110,
        description = {
            "Rebuilds the network-health report of a stored run (network-health.html, network-health-*.csv, and the",
            "history sections of network-health.json) from OUT/runs/<as-of>/network-health.json and the earlier runs' JSON.",
            "Needs neither the input data nor Spark nor Neo4j.",
            ""
        },
        footerHeading = "%n",
        footer = {
            "Exit codes: 0 success, 1 unexpected failure, 2 bad usage, 3 no stored run for that date (or OUT cannot be read), 5 a nightly run holds the lock on OUT."
        })
public final class ReportCommand implements Callable<Integer> {

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description =
                    "output location the nightly job wrote to: a directory, hdfs://... or s3a://... (default: output.dir, i.e. output/ or MG_OUTPUT_DIR)")
    String out;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "the nightly job's configuration file, for its spark.hadoop.* store settings (optional)")
    Path configFile;

    @Option(
            names = "--set",
            paramLabel = "spark.K=V",
            description = "a Spark/Hadoop setting such as spark.hadoop.fs.s3a.endpoint=http://host:9000 (repeatable)")
    List<String> sets;

    @Option(
            names = "--as-of",
            paramLabel = "YYYY-MM-DD",
            description = "the run to rebuild (default: the latest, from OUT/runs/latest.txt)")
    String asOf;

    @Option(names = "--all", description = "rebuild every stored run, oldest first")
    boolean all;

    private final Map<String, String> environment;

    public ReportCommand(Map<String, String> environment) {
        this.environment = environment;
    }

    public static void main(String[] args) {
        System.exit(execute(args, System.getenv()));
    }

    /** Runs the command and returns its exit code (never calls System.exit: tests use this). */
    public static int execute(String[] args, Map<String, String> environment) {
        CommandLine cl = new CommandLine(new ReportCommand(environment));
        return CommandLines.execute(cl, "scripts/report", args);
    }

    @Override
    public Integer call() {
        Map<Setting, String> overrides = new EnumMap<>(Setting.class);
        if (out != null) overrides.put(Setting.OUT, out);
        JobConfig config =
                JobConfig.load(configFile, environment, overrides, NightlyCommand.sparkSets(sets, "scripts/report"));
        try (Storage storage = Storage.of(config.sparkSettings())) {
            Location outputDir = storage.at(config.outputDir());
            Location runsDir = outputDir.child("runs");
            if (all && asOf != null) throw JobFailure.usage("--all and --as-of exclude each other");
            List<String> dates;
            try {
                dates = all ? storedRuns(runsDir) : List.of(asOf != null ? checkedDate(asOf) : latest(runsDir));
            } catch (java.io.UncheckedIOException e) {
                throw JobFailure.input("cannot read the stored runs: " + e.getMessage());
            }
            if (dates.isEmpty()) throw JobFailure.input("no stored runs in " + runsDir);
            // the nightly job's lock: never rewrite a run folder while a run may be replacing it
            try (RunLock lock = RunLock.acquire(outputDir, "report rebuild of " + (all ? "every run" : dates.get(0)))) {
                rebuild(runsDir, dates);
            }
        }
        return ExitCodes.OK;
    }

    private static void rebuild(Location runsDir, List<String> dates) {
        for (String d : dates) {
            Location folder = RunFolders.published(runsDir, d).orElse(null);
            if (folder == null || !folder.child(ReportWriter.JSON_FILE).isFile()) {
                throw JobFailure.input("no stored report for " + d + ": "
                        + (folder == null ? runsDir.child(d) : folder).child(ReportWriter.JSON_FILE)
                        + " does not exist");
            }
            Map<String, Object> f = ReportWriter.rebuild(runsDir, d);
            Object previous = f.get("changes") instanceof Map<?, ?> c ? c.get("previous_as_of") : null;
            Location html = folder.child(ReportWriter.HTML_FILE);
            System.out.printf(
                    Locale.ROOT,
                    "report of %s rebuilt: %s (changes since %s, trend over %d run(s))%n",
                    d,
                    html.localFile().map(p -> p.toAbsolutePath().toString()).orElse(html.uri()),
                    previous == null ? "-" : previous,
                    f.get("trend") instanceof List<?> t ? t.size() : 0);
        }
    }

    private static String checkedDate(String s) {
        try {
            return LocalDate.parse(s).toString();
        } catch (DateTimeParseException e) {
            throw JobFailure.usage("--as-of " + s + ": expected YYYY-MM-DD");
        }
    }

    private static String latest(Location runsDir) {
        java.util.Optional<String> latest = RunFolders.latest(runsDir);
        if (latest.isPresent()) return latest.get();
        List<String> runs = storedRuns(runsDir);
        if (runs.isEmpty())
            throw JobFailure.input("no stored runs in " + runsDir + " (run scripts/nightly first, or pass --out)");
        return runs.get(runs.size() - 1);
    }

    private static List<String> storedRuns(Location runsDir) {
        List<String> out = new ArrayList<>();
        for (String d : RunFolders.dates(runsDir)) {
            if (RunFolders.published(runsDir, d)
                    .map(f -> f.child(ReportWriter.JSON_FILE).isFile())
                    .orElse(false)) out.add(d);
        }
        return out;
    }
}
