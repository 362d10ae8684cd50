package org.mentorshipgraph.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.mentorshipgraph.config.JobConfig;
import org.mentorshipgraph.config.Setting;
import org.mentorshipgraph.failures.ExitCodes;
import org.mentorshipgraph.failures.JobFailure;
import org.mentorshipgraph.files.RunFiles;
import org.mentorshipgraph.ingest.InputFormat;
import org.mentorshipgraph.job.NightlyJob;
import org.mentorshipgraph.job.RunLock;
import org.mentorshipgraph.job.RunRecord;
import org.mentorshipgraph.job.Sparks;
import org.mentorshipgraph.progress.StepLog;
import org.mentorshipgraph.storage.Location;
import org.mentorshipgraph.storage.Storage;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code scripts/nightly}: runs the nightly job once. Everything optional: the defaults run the bundled sample. */
@Command(
        name = "nightly",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpWidth = 110,
        description = {
            "Turns interaction logs into a relationship graph, finds connectors and fading ties, and writes",
            "them to Neo4j and to OUT/runs/<as-of>/ (people/ties CSV + Parquet, rejected.csv, network-health.html/.json, run.json).",
            ""
        },
        footerHeading = "%n",
        footer = "")
public final class NightlyCommand implements Callable<Integer> {

    @Option(
            names = "--interactions",
            paramLabel = "PATH",
            description =
                    "interaction logs: CSV (header), JSON Lines or Parquet; file or directory, optionally date=YYYY-MM-DD/ partitions (default: the bundled sample)")
    String interactions;

    @Option(
            names = "--people",
            paramLabel = "PATH",
            description =
                    "people directory, optional (default: none; the bundled sample's when the interactions are the sample's)")
    String people;

    @Option(
            names = "--mentorships",
            paramLabel = "PATH",
            description =
                    "declared mentorships, optional (default: none; the bundled sample's with the sample's interactions)")
    String mentorships;

    @Option(
            names = "--absences",
            paramLabel = "PATH",
            description = "declared absences (leave), optional: person_id, from, to, kind; they replace the detected "
                    + "away stretches of the people they name")
    String absences;

    @Option(
            names = "--positions",
            paramLabel = "PATH",
            description = "job history, optional: person_id, title, level, team, department, started_on, ended_on; "
                    + "the career paths mentor suggestions compare (default: none; the sample's with the sample)")
    String positions;

    @Option(
            names = "--match-programme",
            description = "also assign every mentee candidate without a mentor to at most one suggested mentor, "
                    + "maximising the total score within the mentors' free places (mentor-assignment.csv)")
    boolean matchProgramme;

    @Option(
            names = "--as-of",
            paramLabel = "YYYY-MM-DD",
            description = "run date (default: the last day in the data for the sample, today UTC otherwise)")
    String asOf;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "output location: a directory, hdfs://... or s3a://... (default: output/)")
    String out;

    @Option(
            names = "--neo4j-uri",
            paramLabel = "URI",
            description =
                    "Neo4j to write to (default: NEO4J_URI, else the local server, started if needed by scripts/nightly). Credentials: NEO4J_USERNAME/NEO4J_PASSWORD or neo4j.password-file")
    String neo4jUri;

    @Option(names = "--neo4j-database", paramLabel = "NAME", description = "Neo4j database (default: neo4j)")
    String neo4jDatabase;

    @Option(names = "--no-neo4j", description = "write files only")
    boolean noNeo4j;

    @Option(names = "--config", paramLabel = "FILE", description = "configuration file (key=value lines; keys below)")
    Path configFile;

    @Option(names = "--lookback-days", paramLabel = "N", description = "look-back of tie strength (default 182)")
    String lookbackDays;

    @Option(names = "--half-life-days", paramLabel = "N", description = "half-life of tie strength (default 30)")
    String halfLifeDays;

    @Option(
            names = "--min-interactions",
            paramLabel = "N",
            description = "interactions a pair needs in the look-back to be a tie (default 1)")
    String minInteractions;

    @Option(names = "--recent-window-days", paramLabel = "N", description = "recent window R (default 28)")
    String recentWindow;

    @Option(names = "--baseline-window-days", paramLabel = "N", description = "baseline window B before R (default 84)")
    String baselineWindow;

    @Option(
            names = "--weakening-ratio",
            paramLabel = "X",
            description = "recent/baseline rate below which a significant drop is weakening (default 0.5)")
    String weakeningRatio;

    @Option(
            names = "--significance",
            paramLabel = "ALPHA",
            description = "per-test level of the strengthening and the person tests (default 0.05); the fading "
                    + "list's false alarms are set by trends.fdr (default 0.1)")
    String significance;

    @Option(
            names = "--betweenness",
            paramLabel = "MODE",
            description = "exact | auto | sample:K | epsilon:E | adaptive:E (default auto: exact while it fits,"
                    + " else adaptive with centrality.epsilon)")
    String betweenness;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "set any configuration key (repeatable)")
    List<String> sets;

    @Option(
            names = "--from",
            paramLabel = "YYYY-MM-DD",
            description = "backfill: run every date from this one to --to, in order (a failed date stops the backfill)")
    String from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "backfill: last date (with --from)")
    String to;

    @Option(names = "--dry-run", description = "check the configuration and read and check the inputs; write nothing")
    boolean dryRun;

    @Option(
            names = "--log-json",
            paramLabel = "FILE",
            description = "also append progress as JSON lines to FILE (for log collectors)")
    String logJson;

    @Option(
            names = "--driver-memory",
            paramLabel = "SIZE",
            description =
                    "heap of the driver JVM, e.g. 8g (read by scripts/nightly, same as MG_DRIVER_MEMORY; default 4g; under spark-submit give spark-submit's own --driver-memory)")
    String driverMemory;

    @Option(names = "--print-config", description = "print the effective configuration and exit")
    boolean printConfig;

    private final Map<String, String> environment;

    public NightlyCommand(Map<String, String> environment) {
        this.environment = environment;
    }

    public static void main(String[] args) {
        OutOfMemoryExit.install();
        System.exit(execute(args, System.getenv()));
    }

    /** Runs the command and returns its exit code (never calls System.exit: tests use this). */
    public static int execute(String[] args, Map<String, String> environment) {
        CommandLine cl = new CommandLine(new NightlyCommand(environment));
        cl.getCommandSpec().usageMessage().footer(footer());
        return CommandLines.execute(cl, "scripts/nightly", args);
    }

    @Override
    public Integer call() {
        Map<String, String> sparkOverrides = new java.util.TreeMap<>();
        JobConfig config = JobConfig.load(configFile, environment, overrides(sparkOverrides), sparkOverrides);
        if (printConfig) {
            System.out.println(config.describe());
            return ExitCodes.OK;
        }
        if (driverMemory != null)
            StepLog.warn(
                    "--driver-memory %s reached the job itself: it sizes the JVM only when given to scripts/nightly "
                            + "(or to spark-submit before the jar); this JVM's heap is %s",
                    driverMemory,
                    org.mentorshipgraph.progress.HeapWatch.megabytes(org.mentorshipgraph.progress.HeapWatch.maxHeap()));
        List<LocalDate> dates = dates(config);
        try (Storage storage = Storage.of(config.sparkSettings())) {
            preflight(config, storage);
            if (!config.logJsonFile().isBlank()) JsonLog.to(storage.at(config.logJsonFile()));
            StepLog.info("mentorship-graph nightly job; effective configuration:%n%s", config.describe());
            Location outputDir = storage.at(config.outputDir());
            // one run at a time per output directory (a dry run writes nothing and needs no lock)
            try (RunLock lock = dryRun
                    ? null
                    : RunLock.acquire(
                            outputDir,
                            dates.isEmpty()
                                    ? "as-of " + config.get(Setting.AS_OF)
                                    : "backfill " + dates.get(0) + ".." + dates.get(dates.size() - 1),
                            config.lockLeaseSeconds())) {
                if (!dryRun) {
                    try {
                        RunFiles.removeStale(outputDir)
                                .forEach((dir, bytes) -> StepLog.warn(
                                        "removed %s, left by a run that was killed, failed or superseded (%,d bytes)",
                                        dir, bytes));
                    } catch (java.io.UncheckedIOException e) {
                        throw JobFailure.output("output: cannot clean " + e.getMessage(), e);
                    }
                }
                return runAll(config, dates);
            }
        }
    }

    private int runAll(JobConfig config, List<LocalDate> dates) {
        long t0 = System.nanoTime();
        SparkSession spark = Sparks.session(config);
        StepLog.info("spark        %s ready in %.1f s", spark.sparkContext().master(), (System.nanoTime() - t0) / 1e9);
        try {
            if (dryRun) {
                RunRecord r = new NightlyJob(config, environment).dryRun(spark);
                System.out.println("Dry run for " + r.asMap().get("as_of")
                        + ": inputs and configuration are usable; nothing was written.");
                System.out.println("  counts: " + r.counts());
                // what the inputs alone tell (the ties' warnings, such as the strength floor, need a run)
                for (String w : r.warnings()) System.out.println("  warning: " + w);
                return ExitCodes.OK;
            }
            if (dates.isEmpty()) return runOnce(spark, config);
            for (LocalDate d : dates) {
                StepLog.info("backfill     %s (%d of %d)", d, dates.indexOf(d) + 1, dates.size());
                int code = runOnce(spark, config.with(Map.of(Setting.AS_OF, d.toString())));
                if (code != ExitCodes.OK) {
                    System.err.println("error: backfill stopped at " + d + "; dates after it were not run");
                    return code;
                }
            }
            return ExitCodes.OK;
        } finally {
            spark.stop();
        }
    }

    private int runOnce(SparkSession spark, JobConfig config) {
        NightlyJob.Outcome outcome = new NightlyJob(config, environment).run(spark);
        RunSummary.print(outcome, config, environment);
        if (outcome.message() != null) System.err.println("error: " + outcome.message());
        return outcome.exitCode();
    }

    /** The dates of a backfill, in order; empty for a single run. */
    private List<LocalDate> dates(JobConfig config) {
        if (from == null && to == null) return List.of();
        if (from == null || to == null) throw JobFailure.usage("--from and --to go together");
        if (asOf != null) throw JobFailure.usage("--as-of cannot be combined with --from/--to");
        try {
            LocalDate a = LocalDate.parse(from), b = LocalDate.parse(to);
            if (b.isBefore(a)) throw JobFailure.usage("--to " + to + " is before --from " + from);
            if (a.plusDays(3660).isBefore(b)) throw JobFailure.usage("a backfill covers at most ten years");
            return a.datesUntil(b.plusDays(1)).toList();
        } catch (java.time.format.DateTimeParseException e) {
            throw JobFailure.usage("--from/--to must be dates YYYY-MM-DD");
        }
    }

    static final java.util.Set<String> BOLT_SCHEMES =
            java.util.Set.of("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc");

    /** A Neo4j URI the driver can use: one of {@link #BOLT_SCHEMES} and a host; exit 2 before any work otherwise. */
    static void checkNeo4jUri(String uri) {
        String shown = JobConfig.maskUserInfo(uri);
        java.net.URI u;
        try {
            u = new java.net.URI(uri);
        } catch (java.net.URISyntaxException e) {
            throw JobFailure.usage("neo4j.uri '" + shown + "' is not a URI (" + e.getReason()
                    + "); expected e.g. neo4j://host:7687 or neo4j+s://host");
        }
        if (u.getScheme() == null || !BOLT_SCHEMES.contains(u.getScheme().toLowerCase(java.util.Locale.ROOT)))
            throw JobFailure.usage("neo4j.uri '" + shown + "' has no Neo4j scheme; expected one of "
                    + new java.util.TreeSet<>(BOLT_SCHEMES) + ", e.g. neo4j://host:7687 or neo4j+s://host");
        if (u.getHost() == null || u.getHost().isBlank())
            throw JobFailure.usage("neo4j.uri '" + shown + "' names no host; expected e.g. neo4j://host:7687");
    }

    /**
     * Fails fast, before Spark starts, on inputs that cannot be read at all (exit 3), an output location that is a
     * file or whose store cannot be reached (exit 7), and a Neo4j URI that cannot work (exit 2).
     */
    static void preflight(JobConfig config, Storage storage) {
        if (config.neo4jEnabled() && !config.neo4jUri().isBlank()) checkNeo4jUri(config.neo4jUri());
        InputFormat.detect(location(storage, config.interactions(), "interactions", ExitCodes.INPUT), "interactions");
        String[][] optional = {
            {config.people(), "people"},
            {config.mentorships(), "mentorships"},
            {config.absences(), "absences"},
            {config.positions(), "positions"}
        };
        for (String[] o : optional)
            if (!o[0].isBlank()) InputFormat.detect(location(storage, o[0], o[1], ExitCodes.INPUT), o[1]);
        Location out = location(storage, config.outputDir(), "output.dir (--out)", ExitCodes.USAGE);
        try {
            if (out.exists() && !out.isDirectory())
                throw JobFailure.usage("output.dir (--out) " + out
                        + " is a file, not a directory: give a directory (it is created when missing)");
        } catch (java.io.UncheckedIOException e) {
            throw JobFailure.output("output.dir (--out) cannot be written: " + e.getMessage(), e);
        }
    }

    /** The location a setting names; a one-line failure with {@code exitCode} when its store cannot be opened. */
    private static Location location(Storage storage, String text, String what, int exitCode) {
        try {
            return storage.at(text);
        } catch (java.io.UncheckedIOException | IllegalArgumentException e) {
            throw new JobFailure(exitCode, what + ": " + e.getMessage(), e);
        }
    }

    /**
     * The {@code --set} values that are Spark or Hadoop settings ({@code spark.*}); {@code command} names the command
     * in messages. Secrets are refused without being shown.
     */
    static Map<String, String> sparkSets(List<String> sets, String command) {
        Map<String, String> out = new java.util.TreeMap<>();
        if (sets == null) return out;
        for (String kv : sets) {
            int eq = kv.indexOf('=');
            String key = eq > 0 ? kv.substring(0, eq).trim() : kv.trim();
            if (JobConfig.looksSecret(key))
                throw JobFailure.usage("--set " + key + "=...: secrets never go on the command line (the value is "
                        + "not shown); " + JobConfig.STORE_CREDENTIALS_HINT);
            if (eq <= 0 || !JobConfig.isSparkKey(key))
                throw JobFailure.usage(command + ": --set " + (eq > 0 ? key + "=..." : kv)
                        + ": expected spark.KEY=VALUE (a Spark or Hadoop setting)");
            out.put(key, kv.substring(eq + 1));
        }
        return out;
    }

    private Map<Setting, String> overrides(Map<String, String> sparkOverrides) {
        Map<Setting, String> o = new EnumMap<>(Setting.class);
        put(o, Setting.INTERACTIONS, interactions);
        put(o, Setting.PEOPLE, people);
        put(o, Setting.MENTORSHIPS, mentorships);
        put(o, Setting.ABSENCES, absences);
        put(o, Setting.POSITIONS, positions);
        if (matchProgramme) o.put(Setting.MENTORING_MATCH, "true");
        put(o, Setting.AS_OF, asOf);
        put(o, Setting.OUT, out);
        put(o, Setting.NEO4J_URI, neo4jUri);
        put(o, Setting.NEO4J_DATABASE, neo4jDatabase);
        if (noNeo4j) o.put(Setting.NEO4J_ENABLED, "false");
        put(o, Setting.LOOKBACK_DAYS, lookbackDays);
        put(o, Setting.HALF_LIFE_DAYS, halfLifeDays);
        put(o, Setting.MIN_INTERACTIONS, minInteractions);
        put(o, Setting.RECENT_WINDOW_DAYS, recentWindow);
        put(o, Setting.BASELINE_WINDOW_DAYS, baselineWindow);
        put(o, Setting.WEAKENING_RATIO, weakeningRatio);
        put(o, Setting.SIGNIFICANCE, significance);
        put(o, Setting.BETWEENNESS, betweenness);
        put(o, Setting.LOG_JSON_FILE, logJson);
        if (sets != null) {
            for (String kv : sets) {
                int eq = kv.indexOf('=');
                String key = eq > 0 ? kv.substring(0, eq).trim() : kv.trim();
                if (JobConfig.looksSecret(key))
                    throw JobFailure.usage("--set " + key + "=...: secrets never go on the command line (the value is "
                            + "not shown); "
                            + (JobConfig.isSparkKey(key)
                                    ? JobConfig.STORE_CREDENTIALS_HINT
                                    : JobConfig.CREDENTIALS_HINT + " (or --set neo4j.password-file=PATH)"));
                if (eq > 0 && Setting.byKey(key) == null && JobConfig.isSparkKey(key)) {
                    sparkOverrides.put(key, kv.substring(eq + 1));
                    continue;
                }
                Setting s = eq > 0 ? Setting.byKey(key) : null;
                if (s == null)
                    throw JobFailure.usage(
                            "--set " + (eq > 0 ? key + "=..." : kv) + ": expected KEY=VALUE with a key from --help");
                if (s == Setting.NEO4J_PASSWORD_FILE && kv.contains("password="))
                    throw JobFailure.usage("passwords never go on the command line");
                o.put(s, kv.substring(eq + 1));
            }
        }
        return o;
    }

    private static void put(Map<Setting, String> o, Setting s, String v) {
        if (v != null) o.put(s, v);
    }

    static String footer() {
        StringBuilder sb = new StringBuilder();
        sb.append("Input formats:\n")
                .append(
                        "  interactions: timestamp (ISO-8601 with Z/offset, or epoch ms or seconds), source_id, target_id, channel,\n")
                .append(
                        "                optional duration_minutes, event_id (rows sharing it are one group event: one row\n")
                .append("                per attendee or recipient, source_id the organiser or sender; more than\n")
                .append(
                        "                ties.max-event-size participants: left out). channel: meeting, chat, email, ...\n")
                .append("                weighed by ties.channel-weights (a channel not listed weighs 1)\n")
                .append(
                        "  people:       person_id, display_name, team, department, manager_id, title, level, location,\n")
                .append(
                        "                hire_date, skills, wants_to_learn (';'-separated), open_to_mentor (true/false),\n")
                .append("                mentor_capacity (mentees at once), career_goal (a title)\n")
                .append("  mentorships:  mentor_id, mentee_id, started_on, ended_on, program\n")
                .append("  absences:     person_id, from, to (YYYY-MM-DD, both days included), kind\n")
                .append(
                        "  positions:    person_id, title, level, team, department, started_on, ended_on (YYYY-MM-DD)\n")
                .append(
                        "  Person ids (every *_id column): white space around them removed, Unicode NFC (an accent written\n")
                .append("  composed or decomposed is one id), case kept unless input.ids-case=insensitive.\n")
                .append("  Rows breaking the contract go to rejected.csv with a reason.\n\n")
                .append(
                        "Locations: every input, --out and --log-json is a path (on fs.defaultFS, the local disk unless\n")
                .append(
                        "  configured), or hdfs://..., s3a://..., or any scheme whose Hadoop connector is on the classpath.\n")
                .append(
                        "  Spark and Hadoop settings: any spark.* key in the configuration file or --set (spark.hadoop.K=V\n")
                .append(
                        "  reaches every Hadoop FileSystem as K=V, e.g. spark.hadoop.fs.s3a.endpoint). Store credentials\n")
                .append("  come from the environment (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY), an instance or pod\n")
                .append("  identity, or a Hadoop credential file; never from the command line.\n\n");
        sb.append("Configuration keys (file: key=value; environment: MG_KEY_NAME; command line: --set key=value):\n");
        Map<String, String> lines = new LinkedHashMap<>();
        for (Setting s : Setting.values()) {
            lines.put(
                    s.key(),
                    String.format(
                            Locale.ROOT,
                            "  %-30s %s (default: %s)",
                            s.key(),
                            s.description(),
                            s.defaultValue().isEmpty() ? "\"\"" : s.defaultValue()));
        }
        lines.values().forEach(l -> sb.append(l).append('\n'));
        sb.append('\n').append(ExitCodes.HELP).append('\n');
        return sb.toString();
    }
}
