package org.mentorshipgraph.trends;

import static org.apache.spark.sql.functions.aggregate;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.mentorshipgraph.algorithms.graph.CompactGraph;
import org.mentorshipgraph.algorithms.ties.BinomialTest;
import org.mentorshipgraph.algorithms.ties.TieStatus;
import org.mentorshipgraph.algorithms.ties.TieTrendRules;
import org.mentorshipgraph.ingest.Mentorship;
import org.mentorshipgraph.schema.ResultTables;
import org.mentorshipgraph.schema.Schemas;
import org.mentorshipgraph.ties.OrgGraph;
import org.mentorshipgraph.ties.TieAggregation;

/**
 * "Which relationships are fading?": judges every tie with {@link TieTrendRules}, in Spark, where the ties are
 * ({@link TieJudge}), and flags what matters most — declared mentorships that weaken, ties across teams or communities
 * that weaken, people whose whole network shrinks, newcomers with few ties and no mentor. Only per-person sums (one row
 * per person) and the first {@code maxFadingRows} fading ties come to the driver.
 *
 * <p>Person flags, with R and B the recent and baseline windows and w the channel-weighted contacts over all of a
 * person's ties:
 * <ul>
 *   <li><b>network shrinking</b>: w<sub>R</sub>/|R| ≤ (1 − s)·w<sub>B</sub>/|B| (s = {@code ties.shrink-share}) and the
 *       exact binomial test of the person's recent contacts, {@code P(X ≤ c_R)} with X ~ Bin(c_R + c_B, |R|/(|R|+|B|)),
 *       below α;</li>
 *   <li><b>newcomer without mentor</b>: hired at most {@code newcomerDays} before the run, no current mentor, fewer
 *       active ties than {@code newcomerMinTies};</li>
 *   <li><b>mentorship only tie</b>: a mentee whose only active tie is their mentorship.</li>
 * </ul>
 * Cost: one pass over the ties plus a group-by over 2·(ties) person sides; driver memory O(people).
 */
public final class TieAssessment {
    private TieAssessment() {}

    /** A fading tie is flagged when it was established: at least this many contacts in the baseline window (mentorships always). */
    public static final int MIN_BASELINE_TO_FLAG = 3;

    /** The judged ties: the ties table ({@link ResultTables#TIES}) plus the endpoints' graph indices and weights. */
    public static final StructType ASSESSED = ResultTables.TIES
            .add("a_idx", DataTypes.IntegerType, false)
            .add("b_idx", DataTypes.IntegerType, false)
            .add("recent_weight", DataTypes.DoubleType, true)
            .add("baseline_weight", DataTypes.DoubleType, true);

    /** What the step needs besides the tables. */
    public record Parameters(
            TieTrendRules rules,
            double minStrength,
            LocalDate asOf,
            long asOfEndMs,
            double shrinkShare,
            int newcomerDays,
            int newcomerMinTies,
            int maxFadingRows) {}

    /**
     * Judges the ties ({@link TieAggregation#TIES}) of the organisation {@code org}, whose people are in
     * {@code community} (aligned with {@code org}), given the declared mentorships.
     */
    public static Trends assess(
            SparkSession spark,
            Dataset<Row> ties,
            OrgGraph org,
            int[] community,
            List<Mentorship> mentorships,
            Parameters p) {
        Schemas.require(TieAggregation.TIES, ties, "tie-status step");
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        int n = org.size();
        Set<String> mentorPairs = new HashSet<>();
        boolean[] hasMentor = new boolean[n];
        for (Mentorship m : mentorships) {
            if (!m.activeOn(p.asOf())) continue;
            mentorPairs.add(pairKey(m.mentorId(), m.menteeId()));
            Integer mentee = org.indexOf(m.menteeId());
            if (mentee != null) hasMentor[mentee] = true;
        }
        Broadcast<int[]> teamOf = jsc.broadcast(org.teamOf());
        Broadcast<int[]> communityOf = jsc.broadcast(community);
        Broadcast<CompactGraph> graph = jsc.broadcast(org.graph());
        Broadcast<Set<String>> pairs = jsc.broadcast(mentorPairs);

        Dataset<Row> index = personIndex(spark, jsc, org);
        Dataset<Row> ia = index.toDF("a_id", "a_idx"), ib = index.toDF("b_id", "b_idx");
        Dataset<Row> indexed = ties.join(ia, ties.col("a").equalTo(ia.col("a_id")))
                .join(ib, ties.col("b").equalTo(ib.col("b_id")));
        Dataset<Row> assessed = indexed.mapPartitions(
                        new TieJudge(p.rules(), p.minStrength(), p.asOfEndMs(), teamOf, communityOf, graph, pairs),
                        Encoders.row(ASSESSED))
                .persist(StorageLevel.MEMORY_AND_DISK());

        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (TieStatus s : TieStatus.values()) byStatus.put(s.label(), 0L);
        Map<Integer, Long> byPriority = new TreeMap<>();
        long total = 0;
        for (Row r : assessed.groupBy("status", "priority")
                .agg(count(lit(1)).as("n"))
                .collectAsList()) {
            long k = r.getLong(2);
            byStatus.merge(r.getString(0), k, Long::sum);
            byPriority.merge((int) r.getLong(1), k, Long::sum);
            total += k;
        }
        PersonFlags flags = personFlags(assessed, org, hasMentor, p);
        List<FadingTie> fading = fading(assessed, p.maxFadingRows());
        return new Trends(assessed, flags, byStatus, byPriority, fading, total);
    }

    /** 1 fading mentorship, 2 fading bridge (across teams or communities), 3 other established fading tie, 9 none. */
    static int priority(boolean fading, boolean mentorship, long baselineCount, boolean bridge) {
        if (!fading) return 9;
        if (mentorship) return 1;
        if (baselineCount < MIN_BASELINE_TO_FLAG) return 9;
        return bridge ? 2 : 3;
    }

    /** (person_id, idx) for every person of {@code org}, built on the executors from the broadcast id array. */
    static Dataset<Row> personIndex(SparkSession spark, JavaSparkContext jsc, OrgGraph org) {
        Broadcast<String[]> ids = jsc.broadcast(org.ids());
        StructType schema =
                new StructType().add("person_id", DataTypes.StringType, false).add("idx", DataTypes.IntegerType, false);
        return spark.range(org.size())
                .map(
                        (MapFunction<Long, Row>) i -> RowFactory.create(ids.value()[(int) (long) i], (int) (long) i),
                        Encoders.row(schema));
    }

    /**
     * Per-person sums over all of a person's ties, summed in the order of the other person's id (so the same input
     * gives the same bits whatever order Spark delivers rows in), then the flags on the driver.
     */
    static PersonFlags personFlags(Dataset<Row> assessed, OrgGraph org, boolean[] hasMentor, Parameters p) {
        Column[] sideA = {
            col("a_idx").as("p"), col("person_b").as("other"), col("recent_weight"), col("baseline_weight"),
            col("recent_count"), col("baseline_count"), col("active"), col("mentorship")
        };
        Column[] sideB = {
            col("b_idx").as("p"), col("person_a").as("other"), col("recent_weight"), col("baseline_weight"),
            col("recent_count"), col("baseline_count"), col("active"), col("mentorship")
        };
        Dataset<Row> sides = assessed.select(sideA).union(assessed.select(sideB));
        Dataset<Row> sums = sides.groupBy("p")
                .agg(
                        orderedSum("recent_weight").as("rw"),
                        orderedSum("baseline_weight").as("bw"),
                        sum("recent_count").as("rc"),
                        sum("baseline_count").as("bc"),
                        sum(when(col("active"), 1).otherwise(0)).as("at"),
                        max(col("active").and(col("mentorship"))).as("am"));
        int n = org.size();
        double[] recentW = new double[n], baselineW = new double[n];
        long[] recentC = new long[n], baselineC = new long[n];
        long[] activeTies = new long[n];
        boolean[] activeMentorship = new boolean[n];
        for (Iterator<Row> it = sums.toLocalIterator(); it.hasNext(); ) {
            Row r = it.next();
            int i = r.<Integer>getAs("p");
            recentW[i] = r.<Double>getAs("rw");
            baselineW[i] = r.<Double>getAs("bw");
            recentC[i] = r.<Long>getAs("rc");
            baselineC[i] = r.<Long>getAs("bc");
            activeTies[i] = r.<Long>getAs("at");
            activeMentorship[i] = r.<Boolean>getAs("am");
        }
        TieTrendRules rules = p.rules();
        boolean[] shrinking = new boolean[n], newcomer = new boolean[n], mentorshipOnly = new boolean[n];
        double[] recentRate = new double[n], baselineRate = new double[n];
        double pShare = rules.recentDays() / (rules.recentDays() + rules.baselineDays());
        for (int i = 0; i < n; i++) {
            recentRate[i] = recentW[i] / rules.recentDays();
            baselineRate[i] = baselineW[i] / rules.baselineDays();
            long total = recentC[i] + baselineC[i];
            shrinking[i] = baselineRate[i] > 0
                    && recentRate[i] <= (1 - p.shrinkShare()) * baselineRate[i]
                    && total > 0
                    && BinomialTest.lowerTail((int) recentC[i], (int) total, pShare) < rules.significance();
            LocalDate hired = org.hireDate(i);
            boolean isNew = hired != null
                    && !hired.isAfter(p.asOf())
                    && ChronoUnit.DAYS.between(hired, p.asOf()) <= p.newcomerDays();
            newcomer[i] = isNew && !hasMentor[i] && activeTies[i] < p.newcomerMinTies();
            mentorshipOnly[i] = hasMentor[i] && activeTies[i] == 1 && activeMentorship[i];
        }
        return new PersonFlags(shrinking, recentRate, baselineRate, newcomer, mentorshipOnly, hasMentor);
    }

    private static Column orderedSum(String weight) {
        return aggregate(
                array_sort(collect_list(struct(col("other"), col(weight).as("w")))),
                lit(0.0),
                (acc, x) -> acc.plus(x.getField("w")));
    }

    /** The first fading mentorships and bridges: by priority, what the network would lose, strength, then the pair. */
    static List<FadingTie> fading(Dataset<Row> assessed, int limit) {
        Column risk = col("bridge_risk");
        List<FadingTie> out = new ArrayList<>();
        for (Row r : assessed.filter(col("priority").leq(2))
                .orderBy(
                        col("priority").asc(),
                        when(risk.isNull().or(isnan(risk)), lit(0.0))
                                .otherwise(risk.multiply(-1))
                                .asc(),
                        col("strength").multiply(-1).asc(),
                        col("person_a").asc(),
                        col("person_b").asc())
                .limit(limit)
                .collectAsList()) {
            out.add(new FadingTie(
                    r.getAs("person_a"),
                    r.getAs("person_b"),
                    r.<Integer>getAs("a_idx"),
                    r.<Integer>getAs("b_idx"),
                    r.getAs("status"),
                    r.<Boolean>getAs("mentorship"),
                    r.<Boolean>getAs("cross_team"),
                    r.<Boolean>getAs("cross_community"),
                    r.<Double>getAs("strength"),
                    r.<Double>getAs("bridge_risk"),
                    r.<Double>getAs("recent_rate"),
                    r.<Double>getAs("baseline_rate"),
                    r.<Double>getAs("p_drop"),
                    r.<Double>getAs("usual_gap_days"),
                    r.getAs("status_reason"),
                    (int) (long) r.<Long>getAs("priority")));
        }
        return out;
    }

    static String pairKey(String x, String y) {
        return x.compareTo(y) < 0 ? x + "\u0000" + y : y + "\u0000" + x;
    }
}
