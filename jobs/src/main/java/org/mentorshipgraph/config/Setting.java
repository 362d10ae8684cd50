package org.mentorshipgraph.config;

import java.util.Locale;

/**
 * Every configuration key of the nightly job, with its default and meaning: the single documented list.
 *
 * <p>A key {@code a.b-c} can be set, from lowest to highest precedence, by its default here, by a line
 * {@code a.b-c=value} in the {@code --config} file, by the environment variable {@code MG_A_B_C}, and by the
 * command line (a named option, or {@code --set a.b-c=value}).
 */
public enum Setting {
    INTERACTIONS(
            "input.interactions",
            "notebooks-data/sample/interactions",
            "interaction logs: a CSV (header), JSON Lines or Parquet file, or a directory of them (optionally date=YYYY-MM-DD/ partitions)"),
    PEOPLE("input.people", "notebooks-data/sample/people.csv", "people directory (CSV with header); empty for none"),
    MENTORSHIPS(
            "input.mentorships",
            "notebooks-data/sample/mentorships.csv",
            "declared mentorships (CSV with header); empty for none"),
    ABSENCES(
            "input.absences",
            "",
            "declared absences person_id,from,to,kind (CSV with header, dates YYYY-MM-DD inclusive); they replace the "
                    + "detected away stretches of the people they name; empty for none"),
    POSITIONS(
            "input.positions",
            "notebooks-data/sample/positions.csv",
            "job history person_id,title,level,team,department,started_on,ended_on (CSV with header, dates "
                    + "YYYY-MM-DD; ended_on empty for the current position): the career paths mentor suggestions "
                    + "compare; empty for none"),
    AS_OF(
            "run.as-of",
            "",
            "run date YYYY-MM-DD; empty: the last day present in the data for the bundled sample, today (UTC) otherwise"),
    OUT("output.dir", "output", "output location (a directory, hdfs://..., s3a://...); a run writes OUT/runs/<as-of>/"),
    LOCK_LEASE_SECONDS(
            "output.lock-lease-seconds",
            "300",
            "on HDFS and object stores, where no OS lock exists: how long the run lock holds without renewal (the "
                    + "holder renews it every third of this); a successor breaks a lock whose lease ran out"),
    LOOKBACK_DAYS("ties.lookback-days", "182", "only interactions in the last N days before the as-of date count"),
    HALF_LIFE_DAYS(
            "ties.half-life-days", "30", "half-life h of tie strength: an interaction t days old weighs 2^(-t/h)"),
    MIN_INTERACTIONS(
            "ties.min-interactions", "1", "a pair needs at least this many interactions in the look-back to be a tie"),
    MIN_STRENGTH(
            "ties.min-strength",
            "0.5",
            "a tie joins the graph that centrality uses when its strength reaches this floor"),
    MAX_EVENT_SIZE(
            "ties.max-event-size",
            "25",
            "a group event (rows sharing an event_id) with more participants than this, such as an all-hands or a "
                    + "mailing list, is left out of the ties (counted, and named in a warning); 0 for no limit"),
    CHANNEL_WEIGHTS(
            "ties.channel-weights",
            "mentoring:3,one_on_one:3,pairing:2,call:2,meeting:1,code_review:1,email:0.5,chat:0.25",
            "weight per channel (channel:weight,...); channels not listed weigh 1"),
    RECENT_WINDOW_DAYS("trends.recent-window-days", "28", "recent window R, in days, ending at the as-of date"),
    BASELINE_WINDOW_DAYS("trends.baseline-window-days", "84", "baseline window B, in days, just before R"),
    WEAKENING_RATIO(
            "trends.weakening-ratio",
            "0.5",
            "a tie weakens when its recent rate is below this share of its baseline rate (and the drop is significant)"),
    SIGNIFICANCE(
            "trends.significance",
            "0.05",
            "per-test level: of the strengthening test, and of the person tests (away, network shrinking) per person"),
    FDR(
            "trends.fdr",
            "0.1",
            "false discovery rate of the fading list: weakening and dormant ties are called when their Benjamini-Hochberg "
                    + "q-value over all ties tested in the run is at most this"),
    MID_P(
            "trends.mid-p",
            "false",
            "use the mid-p value of the drop test (more power; slightly above the nominal level on bursty ties)"),
    SHRINK_SHARE(
            "trends.shrink-share",
            "0.4",
            "a person's network shrinks when their recent weighted contact rate is down by at least this share"),
    NEWCOMER_DAYS(
            "trends.newcomer-days", "90", "people hired within this many days before the as-of date are newcomers"),
    NEWCOMER_MIN_TIES("trends.newcomer-min-ties", "3", "a newcomer with fewer ties than this and no mentor is flagged"),
    BETWEENNESS(
            "centrality.betweenness",
            "auto",
            "exact | auto | sample:K | epsilon:E | adaptive:E (epsilon: sampled sources, adaptive: sampled shortest"
                    + " paths, KADABRA; both within error E with probability 1 - delta; auto is exact while n*m fits,"
                    + " else adaptive)"),
    BETWEENNESS_EXACT_MAX_WORK(
            "centrality.exact-max-work",
            "2e10",
            "auto mode runs exact betweenness while n*m stays below this (an estimate of the work); sampled above it"),
    BETWEENNESS_EPSILON(
            "centrality.epsilon",
            "0.01",
            "error bound for auto's sampled mode (absolute, on NetworkX-normalized scores)"),
    BETWEENNESS_DELTA(
            "centrality.delta", "0.1", "the sampled scores are within epsilon with probability at least 1 - delta"),
    BETWEENNESS_WEIGHTED("centrality.weighted", "false", "weighted betweenness: distance = 1/strength (Dijkstra)"),
    SEED("centrality.seed", "42", "seed for community detection and source sampling: same seed, same result"),
    TOP_CONNECTORS("report.top-connectors", "20", "how many connectors get a stored reason and appear in the report"),
    MIN_GROUP_SIZE(
            "report.min-group-size",
            "5",
            "privacy: no team, department or community smaller than this appears on its own"),
    PSEUDONYMISE(
            "report.pseudonymise",
            "false",
            "replace people's names and ids by stable pseudonyms in the report and its exports"),
    MENTORING_ENABLED("mentoring.enabled", "true", "suggest mentors and introductions (the mentoring step)"),
    MENTORING_SUGGESTIONS("mentoring.suggestions", "5", "mentor suggestions per mentee candidate"),
    MENTORING_INTRODUCTIONS(
            "mentoring.introductions", "10", "introductions per person: people they have no tie with yet"),
    MENTORING_DEFAULT_OPEN(
            "mentoring.default-open", "true", "whether a person with an empty open_to_mentor is open to mentoring"),
    MENTORING_DEFAULT_CAPACITY(
            "mentoring.default-capacity", "3", "mentees at once for a person with an empty mentor_capacity"),
    MENTORING_EXCLUDE_SAME_MANAGER(
            "mentoring.exclude-same-manager", "true", "never suggest a peer under the mentee's own manager"),
    MENTORING_MIN_LEVEL_GAP(
            "mentoring.min-level-gap",
            "1",
            "a mentor's level must be at least this far above the mentee's, where both levels are numbers"),
    MENTORING_WEIGHTS(
            "mentoring.weights",
            "skill:0.35,trajectory:0.2,reachability:0.25,teaching:0.1,load:0.1",
            "weights of the mentor score's components (name:weight,...; all five names)"),
    MENTORING_STRONG_TIE(
            "mentoring.strong-tie-strength",
            "",
            "ties this strong count for reachability and introductions; empty: ties.min-strength (every active tie)"),
    MENTORING_CANDIDATES(
            "mentoring.candidates-per-skill",
            "200",
            "candidate mentors drawn per wanted skill (the most available first); the search is exact when no skill "
                    + "has more open holders"),
    MENTORING_TEACHING_CHANNELS(
            "mentoring.teaching-channels",
            "mentoring,pairing,code_review",
            "channels whose interactions show that their source_id teaches"),
    MENTORING_MATCH(
            "mentoring.match-programme",
            "false",
            "also assign every mentee candidate without a mentor to at most one suggested mentor, maximising the total "
                    + "score within each mentor's free places (mentor-assignment.csv)"),
    CSV_MULTILINE(
            "input.csv-multiline",
            "false",
            "interaction CSV files may hold line breaks inside quoted fields (RFC 4180); each file is then read by one "
                    + "task. Doubled quotes are always read as one; the people, mentorships, positions and absences "
                    + "files always allow line breaks"),
    IDS_CASE(
            "input.ids-case",
            "sensitive",
            "how person ids are compared, in every input: surrounding white space is always removed and Unicode put in "
                    + "NFC (an accent written composed or decomposed is one id); sensitive: 'Ana' and 'ana' are two people (and the run "
                    + "warns); insensitive: case is folded, locale-independently, and they are one"),
    MAX_REJECTED_SHARE(
            "input.max-rejected-share",
            "0.05",
            "fail the run when more than this share of interaction rows is quarantined"),
    NEO4J_ENABLED("neo4j.enabled", "true", "write the graph to Neo4j"),
    NEO4J_URI(
            "neo4j.uri",
            "",
            "bolt://, neo4j://, neo4j+s:// ... URI; empty: NEO4J_URI from the environment, else the local server (started if needed by scripts/nightly)"),
    NEO4J_DATABASE("neo4j.database", "neo4j", "database name"),
    NEO4J_USERNAME("neo4j.username", "neo4j", "user (NEO4J_USERNAME in the environment also works)"),
    NEO4J_PASSWORD_FILE(
            "neo4j.password-file",
            "",
            "file holding the password; else NEO4J_PASSWORD from the environment. Never on the command line"),
    NEO4J_BATCH_SIZE("neo4j.batch-size", "2000", "rows per UNWIND transaction"),
    NEO4J_PARALLELISM("neo4j.parallelism", "2", "concurrent writer sessions"),
    NEO4J_RETRY_SECONDS(
            "neo4j.retry-seconds",
            "30",
            "how long to keep retrying an unreachable Neo4j before failing with exit code 4"),
    NEO4J_HISTORY_RUNS("neo4j.history-runs", "90", "how many runs of per-person and per-tie history Neo4j keeps"),
    LOG_JSON_FILE(
            "log.json-file", "", "also append progress as JSON lines to this file, for log collectors; empty for none"),
    SPARK_MASTER("spark.master", "", "Spark master; empty: local[*] unless spark-submit set one"),
    SPARK_PARTITIONS("spark.shuffle-partitions", "4", "spark.sql.shuffle.partitions for local runs");

    private final String key;
    private final String defaultValue;
    private final String description;

    Setting(String key, String defaultValue, String description) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    public String key() {
        return key;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    /** The environment variable that sets this key: {@code MG_} + the key upper-cased, dots and dashes as underscores. */
    public String environmentVariable() {
        return "MG_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    public static Setting byKey(String key) {
        for (Setting s : values()) if (s.key.equals(key)) return s;
        return null;
    }
}
