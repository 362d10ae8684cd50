package org.mentorshipgraph.cli;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
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
import org.mentorshipgraph.job.RunLock;
import org.mentorshipgraph.report.ReportWriter;
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
            "Exit codes: 0 success, 1 unexpected failure, 2 bad usage, 3 no stored run for that date, 5 a nightly run holds the lock on OUT."
        })
public final class ReportCommand implements Callable<Integer> {

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description =
                    "output directory the nightly job wrote to (default: output.dir, i.e. output/ or MG_OUTPUT_DIR)")
    Path out;

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
        if (out != null) overrides.put(Setting.OUT, out.toString());
        Path outputDir = JobConfig.load(null, environment, overrides).outputDir();
        Path runsDir = outputDir.resolve("runs");
        if (all && asOf != null) throw JobFailure.usage("--all and --as-of exclude each other");
        List<String> dates = all ? storedRuns(runsDir) : List.of(asOf != null ? checkedDate(asOf) : latest(runsDir));
        if (dates.isEmpty()) throw JobFailure.input("no stored runs in " + runsDir);
        // the nightly job's lock: never rewrite a run folder while a run may be replacing it
        try (RunLock lock = RunLock.acquire(outputDir, "report rebuild of " + (all ? "every run" : dates.get(0)))) {
            rebuild(runsDir, dates);
        }
        return ExitCodes.OK;
    }

    private static void rebuild(Path runsDir, List<String> dates) {
        for (String d : dates) {
            if (!Files.isRegularFile(runsDir.resolve(d).resolve(ReportWriter.JSON_FILE))) {
                throw JobFailure.input("no stored report for " + d + ": "
                        + runsDir.resolve(d).resolve(ReportWriter.JSON_FILE) + " does not exist");
            }
            Map<String, Object> f = ReportWriter.rebuild(runsDir, d);
            Object previous = f.get("changes") instanceof Map<?, ?> c ? c.get("previous_as_of") : null;
            System.out.printf(
                    Locale.ROOT,
                    "report of %s rebuilt: %s (changes since %s, trend over %d run(s))%n",
                    d,
                    runsDir.resolve(d).resolve(ReportWriter.HTML_FILE).toAbsolutePath(),
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

    private static String latest(Path runsDir) {
        Path latest = runsDir.resolve("latest.txt");
        try {
            if (Files.isRegularFile(latest))
                return checkedDate(Files.readString(latest).trim());
        } catch (IOException e) {
            throw JobFailure.input("cannot read " + latest + ": " + e.getMessage());
        }
        List<String> runs = storedRuns(runsDir);
        if (runs.isEmpty())
            throw JobFailure.input("no stored runs in " + runsDir + " (run scripts/nightly first, or pass --out)");
        return runs.get(runs.size() - 1);
    }

    private static List<String> storedRuns(Path runsDir) {
        List<String> out = new ArrayList<>();
        if (!Files.isDirectory(runsDir)) return out;
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(runsDir)) {
            for (Path d : dirs) {
                String name = d.getFileName().toString();
                if (name.matches("\\d{4}-\\d{2}-\\d{2}") && Files.isRegularFile(d.resolve(ReportWriter.JSON_FILE)))
                    out.add(name);
            }
        } catch (IOException e) {
            throw JobFailure.input("cannot list " + runsDir + ": " + e.getMessage());
        }
        out.sort(null);
        return out;
    }
}
