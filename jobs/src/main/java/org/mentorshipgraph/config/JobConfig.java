package org.mentorshipgraph.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.StringJoiner;
import org.mentorshipgraph.algorithms.ties.TieTests;
import org.mentorshipgraph.failures.JobFailure;

/**
 * The effective configuration of one run: built once, immutable, printed at the start of every run.
 *
 * <p>Precedence, lowest first: {@link Setting} defaults, the {@code --config} file (Java properties syntax),
 * the environment ({@code MG_*}), the command line. Secrets never live here: the Neo4j password is read
 * from {@code NEO4J_PASSWORD} or {@code neo4j.password-file} only when a connection is opened.
 */
public final class JobConfig {
    private final Map<Setting, String> values;
    private final Map<Setting, String> origins;
    /** {@code spark.*} keys, passed through to Spark (and {@code spark.hadoop.*} to every Hadoop FileSystem). */
    private final Map<String, String> spark;

    private final Map<String, String> sparkOrigins;

    private JobConfig(
            Map<Setting, String> values,
            Map<Setting, String> origins,
            Map<String, String> spark,
            Map<String, String> sparkOrigins) {
        this.values = new EnumMap<>(values);
        this.origins = new EnumMap<>(origins);
        this.spark = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(spark));
        this.sparkOrigins = new java.util.TreeMap<>(sparkOrigins);
        validate();
    }

    /** A key that Spark takes as it is: {@code spark.*}, with {@code spark.hadoop.*} for Hadoop's FileSystems. */
    public static boolean isSparkKey(String key) {
        return key.startsWith("spark.") && key.length() > "spark.".length();
    }

    /** A key that names a secret (a password, token or key), whose value must never be printed. */
    public static boolean looksSecret(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        // where credentials come from is not a secret: a credential file's path, a provider's class name
        if (k.endsWith(".path") || k.endsWith(".provider") || k.endsWith(".providers") || k.endsWith(".file"))
            return false;
        return !k.endsWith("-file")
                && (k.contains("password")
                        || k.contains("secret")
                        || k.contains("token")
                        || k.endsWith(".key")
                        || k.contains("credential"));
    }

    /** Where the Neo4j password goes instead. */
    public static final String CREDENTIALS_HINT =
            "give the Neo4j password in NEO4J_PASSWORD or in a file named by neo4j.password-file";

    /** Keys of earlier versions, with what replaced them. */
    static final Map<String, String> REMOVED = Map.of(
            "trends.dormant-gap-multiple",
            "a silent tie is now dormant when a test finds its silence unlikely under its own rate, at trends.fdr");

    /** Builds the configuration from the layers; {@code overrides} are the command line's, keyed by setting. */
    public static JobConfig load(Path configFile, Map<String, String> environment, Map<Setting, String> overrides) {
        return load(configFile, environment, overrides, Map.of());
    }

    /**
     * As {@link #load(Path, Map, Map)}, with the command line's {@code --set spark.K=V} settings in {@code sparkOverrides}.
     */
    public static JobConfig load(
            Path configFile,
            Map<String, String> environment,
            Map<Setting, String> overrides,
            Map<String, String> sparkOverrides) {
        Map<Setting, String> values = new EnumMap<>(Setting.class);
        Map<Setting, String> origins = new EnumMap<>(Setting.class);
        Map<String, String> spark = new java.util.TreeMap<>();
        Map<String, String> sparkOrigins = new java.util.TreeMap<>();
        for (Setting s : Setting.values()) {
            values.put(s, s.defaultValue());
            origins.put(s, "default");
        }
        if (configFile != null) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(configFile)) {
                p.load(r);
            } catch (IOException e) {
                throw JobFailure.usage("cannot read config file " + configFile + ": " + e.getMessage());
            }
            for (String key : p.stringPropertyNames()) {
                Setting s = Setting.byKey(key.trim());
                if (s == null && REMOVED.containsKey(key.trim()))
                    throw JobFailure.usage(
                            "key '" + key.trim() + "' in " + configFile + " was removed: " + REMOVED.get(key.trim()));
                if (s == null && looksSecret(key.trim()))
                    throw JobFailure.usage("key '" + key.trim() + "' in " + configFile
                            + ": secrets do not go in the configuration file (the value is not shown); "
                            + (isSparkKey(key.trim()) ? STORE_CREDENTIALS_HINT : CREDENTIALS_HINT));
                if (s == null && isSparkKey(key.trim())) {
                    spark.put(key.trim(), p.getProperty(key).trim());
                    sparkOrigins.put(key.trim(), "file");
                    continue;
                }
                if (s == null)
                    throw JobFailure.usage("unknown key '" + key + "' in " + configFile + " (see --help for the keys)");
                values.put(s, p.getProperty(key).trim());
                origins.put(s, "file");
            }
        }
        for (Setting s : Setting.values()) {
            String v = environment.get(s.environmentVariable());
            if (v != null) {
                values.put(s, v.trim());
                origins.put(s, "env " + s.environmentVariable());
            }
        }
        if (values.get(Setting.NEO4J_URI).isEmpty() && environment.get("NEO4J_URI") != null) {
            values.put(Setting.NEO4J_URI, environment.get("NEO4J_URI").trim());
            origins.put(Setting.NEO4J_URI, "env NEO4J_URI");
        }
        if (environment.get("NEO4J_USERNAME") != null && "default".equals(origins.get(Setting.NEO4J_USERNAME))) {
            values.put(Setting.NEO4J_USERNAME, environment.get("NEO4J_USERNAME").trim());
            origins.put(Setting.NEO4J_USERNAME, "env NEO4J_USERNAME");
        }
        overrides.forEach((s, v) -> {
            values.put(s, v.trim());
            origins.put(s, "command line");
        });
        sparkOverrides.forEach((k, v) -> {
            spark.put(k, v.trim());
            sparkOrigins.put(k, "command line");
        });
        return new JobConfig(values, origins, spark, sparkOrigins);
    }

    /** Where the credentials of a store go instead of the configuration. */
    public static final String STORE_CREDENTIALS_HINT =
            "give store credentials through the environment (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY), instance or pod "
                    + "identity, or a Hadoop credential file (spark.hadoop.hadoop.security.credential.provider.path)";

    /** The {@code spark.*} settings of the configuration file and {@code --set}, for Spark and the driver's stores. */
    public Map<String, String> sparkSettings() {
        return spark;
    }

    public static JobConfig defaults() {
        return load(null, Map.of(), Map.of());
    }

    /** A copy with some settings replaced (used by backfills and tests). */
    public JobConfig with(Map<Setting, String> changes) {
        Map<Setting, String> v = new EnumMap<>(values);
        Map<Setting, String> o = new EnumMap<>(origins);
        changes.forEach((s, x) -> {
            v.put(s, x);
            o.put(s, "override");
        });
        return new JobConfig(v, o, spark, sparkOrigins);
    }

    public String get(Setting s) {
        return values.get(s);
    }

    private void validate() {
        for (Setting s : new Setting[] {
            Setting.LOOKBACK_DAYS, Setting.HALF_LIFE_DAYS, Setting.RECENT_WINDOW_DAYS, Setting.BASELINE_WINDOW_DAYS
        }) {
            if (!(number(s) > 0)) throw JobFailure.usage(s.key() + " must be a positive number, got '" + get(s) + "'");
        }
        if (lookbackDays() < recentWindowDays() + baselineWindowDays()) {
            throw JobFailure.usage("ties.lookback-days (" + lookbackDays()
                    + ") must cover trends.recent-window-days + trends.baseline-window-days ("
                    + (recentWindowDays() + baselineWindowDays()) + ")");
        }
        integer(Setting.MIN_INTERACTIONS);
        integer(Setting.MAX_EVENT_SIZE);
        integer(Setting.TOP_CONNECTORS);
        integer(Setting.MIN_GROUP_SIZE);
        integer(Setting.NEO4J_BATCH_SIZE);
        integer(Setting.NEO4J_PARALLELISM);
        integer(Setting.NEO4J_HISTORY_RUNS);
        integer(Setting.SPARK_PARTITIONS);
        number(Setting.MIN_STRENGTH);
        number(Setting.MAX_REJECTED_SHARE);
        number(Setting.NEO4J_RETRY_SECONDS);
        trendTests();
        mentoring();
        channelWeights();
        foldIdCase();
        betweennessMode();
        asOf();
    }

    // ---- typed accessors ----

    public String interactions() {
        return path(Setting.INTERACTIONS);
    }

    public String people() {
        return path(Setting.PEOPLE);
    }

    public String mentorships() {
        return path(Setting.MENTORSHIPS);
    }

    /** Seconds a lease lock (HDFS, object stores) holds without renewal. */
    public int lockLeaseSeconds() {
        int v = integer(Setting.LOCK_LEASE_SECONDS);
        if (v < 5) throw JobFailure.usage(Setting.LOCK_LEASE_SECONDS.key() + " must be at least 5, got " + v);
        return v;
    }

    /** The output location (a path or a URI such as {@code hdfs://nn/mg} or {@code s3a://bucket/mg}). */
    public String outputDir() {
        return path(Setting.OUT);
    }

    /**
     * A path setting: as given when set by the user (relative to the working directory), or, for a default, relative
     * to the installation home ({@code -Dmg.home}, set by scripts/nightly to the repository root).
     */
    private String path(Setting s) {
        if (leftOut(s)) return "";
        String v = get(s);
        String home = System.getProperty("mg.home", "");
        if (v.isEmpty() || home.isEmpty() || !"default".equals(origins.get(s))) return v;
        return Path.of(home).resolve(v).toString();
    }

    public double lookbackDays() {
        return number(Setting.LOOKBACK_DAYS);
    }

    public double halfLifeDays() {
        return number(Setting.HALF_LIFE_DAYS);
    }

    public int minInteractions() {
        return integer(Setting.MIN_INTERACTIONS);
    }

    public double minStrength() {
        return number(Setting.MIN_STRENGTH);
    }

    /** The largest group event kept in the ties (participants); 0 for no limit. */
    public int maxEventSize() {
        return integer(Setting.MAX_EVENT_SIZE);
    }

    public double recentWindowDays() {
        return number(Setting.RECENT_WINDOW_DAYS);
    }

    public double baselineWindowDays() {
        return number(Setting.BASELINE_WINDOW_DAYS);
    }

    public double shrinkShare() {
        return number(Setting.SHRINK_SHARE);
    }

    public int newcomerDays() {
        return integer(Setting.NEWCOMER_DAYS);
    }

    public int newcomerMinTies() {
        return integer(Setting.NEWCOMER_MIN_TIES);
    }

    public int topConnectors() {
        return integer(Setting.TOP_CONNECTORS);
    }

    public int minGroupSize() {
        return integer(Setting.MIN_GROUP_SIZE);
    }

    public boolean pseudonymise() {
        return bool(Setting.PSEUDONYMISE);
    }

    public double maxRejectedShare() {
        return number(Setting.MAX_REJECTED_SHARE);
    }

    public boolean neo4jEnabled() {
        return bool(Setting.NEO4J_ENABLED);
    }

    public String neo4jUri() {
        return get(Setting.NEO4J_URI);
    }

    public String neo4jDatabase() {
        return get(Setting.NEO4J_DATABASE);
    }

    public String neo4jUsername() {
        return get(Setting.NEO4J_USERNAME);
    }

    public String neo4jPasswordFile() {
        return get(Setting.NEO4J_PASSWORD_FILE);
    }

    public int neo4jBatchSize() {
        return integer(Setting.NEO4J_BATCH_SIZE);
    }

    public int neo4jParallelism() {
        return integer(Setting.NEO4J_PARALLELISM);
    }

    public double neo4jRetrySeconds() {
        return number(Setting.NEO4J_RETRY_SECONDS);
    }

    public int neo4jHistoryRuns() {
        return integer(Setting.NEO4J_HISTORY_RUNS);
    }

    public String logJsonFile() {
        return get(Setting.LOG_JSON_FILE);
    }

    public String sparkMaster() {
        return get(Setting.SPARK_MASTER);
    }

    public int sparkPartitions() {
        return integer(Setting.SPARK_PARTITIONS);
    }

    public long seed() {
        return (long) number(Setting.SEED);
    }

    public boolean weightedBetweenness() {
        return bool(Setting.BETWEENNESS_WEIGHTED);
    }

    public double exactMaxWork() {
        return number(Setting.BETWEENNESS_EXACT_MAX_WORK);
    }

    public double epsilon() {
        return number(Setting.BETWEENNESS_EPSILON);
    }

    public double delta() {
        return number(Setting.BETWEENNESS_DELTA);
    }

    /** The as-of date, or null when it is to be derived from the data. */
    public LocalDate asOf() {
        String v = get(Setting.AS_OF);
        if (v.isEmpty()) return null;
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw JobFailure.usage("run.as-of must be a date YYYY-MM-DD, got '" + v + "'");
        }
    }

    /** Defaults that belong to the bundled sample: used only with the sample's interactions, never mixed into yours. */
    static final java.util.Set<Setting> SAMPLE_COMPANIONS =
            java.util.EnumSet.of(Setting.PEOPLE, Setting.MENTORSHIPS, Setting.POSITIONS);

    /**
     * The sample's people and mentorships left out because the interactions are the user's own and those inputs were
     * not given (empty when none was left out).
     */
    public java.util.List<String> sampleCompanionsLeftOut() {
        return SAMPLE_COMPANIONS.stream()
                .filter(this::leftOut)
                .map(s -> "--" + s.key().substring(s.key().indexOf('.') + 1))
                .toList();
    }

    /** A sample companion left at its default while the interactions are the user's own: not used. */
    private boolean leftOut(Setting s) {
        return SAMPLE_COMPANIONS.contains(s) && "default".equals(origins.get(s)) && !usesBundledSample();
    }

    /** True when the interactions input is the bundled sample (its as-of is the last day in the data). */
    public boolean usesBundledSample() {
        return "default".equals(origins.get(Setting.INTERACTIONS));
    }

    /** The calibrated tie tests: windows in whole days, ratio, per-test level, false discovery rate, mid-p. */
    public TieTests trendTests() {
        for (Setting s :
                new Setting[] {Setting.LOOKBACK_DAYS, Setting.RECENT_WINDOW_DAYS, Setting.BASELINE_WINDOW_DAYS})
            if (number(s) != Math.rint(number(s)))
                throw JobFailure.usage(s.key() + " must be a whole number of days, got '" + get(s) + "'");
        for (Setting s : new Setting[] {Setting.WEAKENING_RATIO, Setting.SIGNIFICANCE, Setting.FDR}) {
            double v = number(s);
            if (!(v > 0 && v < 1))
                throw JobFailure.usage(s.key() + " must be a number between 0 and 1 (exclusive), got '" + get(s) + "'");
        }
        try {
            return new TieTests(
                    (int) recentWindowDays(),
                    (int) baselineWindowDays(),
                    number(Setting.WEAKENING_RATIO),
                    number(Setting.SIGNIFICANCE),
                    number(Setting.FDR),
                    bool(Setting.MID_P),
                    7);
        } catch (IllegalArgumentException e) {
            throw JobFailure.usage("trends: " + e.getMessage());
        }
    }

    /** Job history (positions), optional. */
    public String positions() {
        return path(Setting.POSITIONS);
    }

    public boolean csvMultiline() {
        return bool(Setting.CSV_MULTILINE);
    }

    /** Whether person ids are compared with case folded ({@code input.ids-case=insensitive}). */
    public boolean foldIdCase() {
        String v = get(Setting.IDS_CASE).toLowerCase(Locale.ROOT);
        if (v.equals("sensitive")) return false;
        if (v.equals("insensitive")) return true;
        throw JobFailure.usage(
                Setting.IDS_CASE.key() + " must be sensitive or insensitive, got '" + get(Setting.IDS_CASE) + "'");
    }

    public boolean mentoringEnabled() {
        return bool(Setting.MENTORING_ENABLED);
    }

    /** The mentoring step's rules, defaults and weights, checked. */
    public MentoringSettings mentoring() {
        int suggestions = integer(Setting.MENTORING_SUGGESTIONS), intros = integer(Setting.MENTORING_INTRODUCTIONS);
        int capacity = integer(Setting.MENTORING_DEFAULT_CAPACITY), gap = integer(Setting.MENTORING_MIN_LEVEL_GAP);
        int candidates = integer(Setting.MENTORING_CANDIDATES);
        if (suggestions < 1) throw JobFailure.usage("mentoring.suggestions must be >= 1, got " + suggestions);
        if (intros < 0) throw JobFailure.usage("mentoring.introductions must be >= 0, got " + intros);
        if (capacity < 0) throw JobFailure.usage("mentoring.default-capacity must be >= 0, got " + capacity);
        if (candidates < 1) throw JobFailure.usage("mentoring.candidates-per-skill must be >= 1, got " + candidates);
        String strong = get(Setting.MENTORING_STRONG_TIE);
        double strongTie = strong.isEmpty() ? minStrength() : number(Setting.MENTORING_STRONG_TIE);
        if (!(strongTie >= 0))
            throw JobFailure.usage("mentoring.strong-tie-strength must be a number >= 0, got '" + strong + "'");
        Map<String, Double> w = new LinkedHashMap<>();
        String v = get(Setting.MENTORING_WEIGHTS);
        for (String part : v.split(",")) {
            String[] kv = part.split(":");
            if (kv.length != 2)
                throw JobFailure.usage(
                        "mentoring.weights must look like 'skill:0.35,trajectory:0.2,...', got '" + v + "'");
            String name = kv[0].trim();
            if (!MentoringSettings.COMPONENTS.contains(name))
                throw JobFailure.usage("mentoring.weights: unknown component '" + name + "'; the components are "
                        + MentoringSettings.COMPONENTS);
            try {
                double x = Double.parseDouble(kv[1].trim());
                if (!(x >= 0) || Double.isInfinite(x)) throw new NumberFormatException();
                w.put(name, x);
            } catch (NumberFormatException e) {
                throw JobFailure.usage("mentoring.weights: the weight of '" + name + "' must be a number >= 0, got '"
                        + kv[1].trim() + "'");
            }
        }
        for (String c : MentoringSettings.COMPONENTS)
            if (!w.containsKey(c))
                throw JobFailure.usage("mentoring.weights: '" + c + "' is missing; give all of "
                        + MentoringSettings.COMPONENTS + " (0 turns one off)");
        if (w.values().stream().mapToDouble(Double::doubleValue).sum() <= 0)
            throw JobFailure.usage("mentoring.weights: at least one weight must be > 0");
        java.util.Set<String> channels = new java.util.LinkedHashSet<>();
        for (String c : get(Setting.MENTORING_TEACHING_CHANNELS).split(",")) if (!c.isBlank()) channels.add(c.trim());
        return new MentoringSettings(
                suggestions,
                intros,
                bool(Setting.MENTORING_DEFAULT_OPEN),
                capacity,
                bool(Setting.MENTORING_EXCLUDE_SAME_MANAGER),
                gap,
                w,
                strongTie,
                candidates,
                java.util.List.copyOf(channels),
                bool(Setting.MENTORING_MATCH));
    }

    /** Declared absences, optional. */
    public String absences() {
        return path(Setting.ABSENCES);
    }

    /** Channel weights; a channel not listed weighs 1. */
    public Map<String, Double> channelWeights() {
        Map<String, Double> m = new LinkedHashMap<>();
        String v = get(Setting.CHANNEL_WEIGHTS);
        if (v.isBlank()) return m;
        for (String part : v.split(",")) {
            String[] kv = part.split(":");
            if (kv.length != 2)
                throw JobFailure.usage("ties.channel-weights must look like 'chat:0.25,meeting:1', got '" + v + "'");
            double w;
            try {
                w = Double.parseDouble(kv[1].trim());
            } catch (NumberFormatException e) {
                throw JobFailure.usage("ties.channel-weights: '" + kv[1].trim() + "' is not a number");
            }
            if (!(w > 0) || Double.isInfinite(w))
                throw JobFailure.usage("ties.channel-weights: weight of '" + kv[0].trim() + "' must be > 0");
            m.put(kv[0].trim().toLowerCase(Locale.ROOT), w);
        }
        return m;
    }

    public BetweennessMode betweennessMode() {
        try {
            return BetweennessMode.parse(get(Setting.BETWEENNESS));
        } catch (IllegalArgumentException e) {
            throw JobFailure.usage("centrality.betweenness: " + e.getMessage());
        }
    }

    private double number(Setting s) {
        try {
            double d = Double.parseDouble(get(s));
            if (Double.isNaN(d) || Double.isInfinite(d)) throw new NumberFormatException();
            return d;
        } catch (NumberFormatException e) {
            throw JobFailure.usage(s.key() + " must be a number, got '" + get(s) + "'");
        }
    }

    private int integer(Setting s) {
        try {
            int i = Integer.parseInt(get(s));
            if (i < 0) throw new NumberFormatException();
            return i;
        } catch (NumberFormatException e) {
            throw JobFailure.usage(s.key() + " must be a whole number >= 0, got '" + get(s) + "'");
        }
    }

    private boolean bool(Setting s) {
        String v = get(s).toLowerCase(Locale.ROOT);
        if (v.equals("true") || v.equals("yes") || v.equals("1")) return true;
        if (v.equals("false") || v.equals("no") || v.equals("0")) return false;
        throw JobFailure.usage(s.key() + " must be true or false, got '" + get(s) + "'");
    }

    /** The parameters that define a run's results (for run.json and the Run node): everything but paths and connection details. */
    public Map<String, String> resultParameters() {
        Map<String, String> m = new LinkedHashMap<>();
        for (Setting s : Setting.values()) {
            if (s.key().startsWith("ties.")
                    || s.key().startsWith("trends.")
                    || s.key().startsWith("centrality.")
                    || s == Setting.IDS_CASE
                    || s == Setting.MIN_GROUP_SIZE
                    || s == Setting.PSEUDONYMISE) {
                m.put(s.key(), get(s));
            }
        }
        return m;
    }

    /** One line per key with its value and where it came from; secrets never appear (none are stored here). */
    public String describe() {
        StringJoiner j = new StringJoiner("\n");
        for (Setting s : Setting.values()) {
            String v = get(s), origin = origins.get(s);
            if (s == Setting.NEO4J_URI) v = maskUserInfo(v);
            if (leftOut(s)) {
                v = "";
                origin = "not given; the sample's is used only with the sample's interactions";
            }
            j.add(String.format(Locale.ROOT, "  %-30s = %-28s (%s)", s.key(), v.isEmpty() ? "\"\"" : v, origin));
        }
        Map<String, String> shown = new java.util.TreeMap<>();
        Map<String, String> from = new java.util.TreeMap<>();
        System.getProperties().forEach((k, x) -> {
            String key = String.valueOf(k);
            if (isSparkKey(key) && key.startsWith("spark.hadoop.")) {
                shown.put(key, String.valueOf(x));
                from.put(key, "spark-submit --conf / system property");
            }
        });
        shown.putAll(spark);
        from.putAll(sparkOrigins);
        shown.forEach((k, x) -> j.add(String.format(
                Locale.ROOT, "  %-30s = %-28s (%s)", k, looksSecret(k) ? "****" : maskUserInfo(x), from.get(k))));
        return j.toString();
    }

    /** Removes any {@code user:password@} part of a URI before it is printed. */
    public static String maskUserInfo(String uri) {
        return uri.replaceAll("//[^/@]*@", "//***@");
    }
}
