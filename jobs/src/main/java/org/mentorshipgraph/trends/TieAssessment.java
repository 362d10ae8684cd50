package org.mentorshipgraph.trends;

import static org.apache.spark.sql.functions.aggregate;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.not;
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
import org.mentorshipgraph.algorithms.ties.Absence;
import org.mentorshipgraph.algorithms.ties.ActivityProfile;
import org.mentorshipgraph.algorithms.ties.AwayStretch;
import org.mentorshipgraph.algorithms.ties.BinomialTest;
import org.mentorshipgraph.algorithms.ties.FalseDiscovery;
import org.mentorshipgraph.algorithms.ties.TieStatus;
import org.mentorshipgraph.algorithms.ties.TieTests;
import org.mentorshipgraph.ingest.DirectoryReader;
import org.mentorshipgraph.ingest.Mentorship;
import org.mentorshipgraph.progress.StepLog;
import org.mentorshipgraph.schema.ResultTables;
import org.mentorshipgraph.schema.Schemas;
import org.mentorshipgraph.ties.OrgGraph;
import org.mentorshipgraph.ties.TieAggregation;

/**
 * "Which relationships are fading?": judges every tie with the calibrated {@link TieTests}, in Spark, where the ties
 * are ({@link TieJudge}), and flags what matters most — declared mentorships that fade, ties across teams or
 * communities that fade, people whose whole network shrinks, newcomers with few ties and no mentor. Only per-person
 * sums (one row per person), the few away stretches and the first {@code maxFadingRows} fading ties come to the
 * driver.
 *
 * <h2>Steps</h2>
 * <ol>
 *   <li>the organisation's activity per day ({@link ActivityEstimate}): what an ordinary tie is expected to do on
 *       each day of the look-back, so that a company holiday or a quiet August is expected quiet, not fading;</li>
 *   <li>who was away ({@link AwayDetection}): the people whose contact days stop against their own rhythm, or whose
 *       absence is declared; their ties are judged with those days set aside, and a tie that fell quiet because of
 *       them is {@code paused};</li>
 *   <li>each tie's p-value ({@link TieJudge#pValues()}), the Benjamini–Hochberg q-values over every tie tested in
 *       the run ({@link QValues}), and each tie's verdict ({@link TieJudge#verdicts()}): {@code weakening} and
 *       {@code dormant} are called at {@code q ≤ trends.fdr}, so the share of false alarms in the fading list is
 *       controlled, and its expected number is reported ({@link Family#expectedFalseAlarms()}).</li>
 * </ol>
 *
 * <p>Person flags, with R and B the recent and baseline windows, A(W) the organisation's activity summed over a
 * window and w the channel-weighted contacts over all of a person's ties:
 * <ul>
 *   <li><b>away</b>: a stretch away ({@link AwayDetection}) that overlaps R;</li>
 *   <li><b>network shrinking</b>: not away, w<sub>R</sub>/A(R) ≤ (1 − s)·w<sub>B</sub>/A(B) (s = {@code
 *       trends.shrink-share}), and the exact binomial test of the person's recent contacts against their
 *       activity-adjusted share, {@code P(X ≤ c_R)} with X ~ Bin(c_R + c_B, A(R)/(A(R)+A(B))), called at a
 *       Benjamini–Hochberg q ≤ {@code trends.fdr} over every person tested;</li>
 *   <li><b>newcomer without mentor</b>: hired at most {@code newcomerDays} before the run, no current mentor, fewer
 *       active ties than {@code newcomerMinTies};</li>
 *   <li><b>mentorship only tie</b>: a mentee whose only active tie is their mentorship.</li>
 * </ul>
 * Cost: two passes over the ties (O(contacts) each), one sort of the tested ties, a group-by over 2·(ties) person
 * sides for the flags and one for the contact days; driver memory O(people).
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

    /**
     * The ties judged by the first pass ({@link TieJudge#firstPass()}): {@link #ASSESSED}, the fading test's p-value,
     * the smallest p-value the tie could have had (what decides the family), whether it was tested, and its contact
     * days (for the second pass of the ties in the family).
     */
    static final StructType JUDGED = ASSESSED.add("p_fade", DataTypes.DoubleType, false)
            .add("p_min", DataTypes.DoubleType, false)
            .add("tested", DataTypes.BooleanType, false)
            .add("contact_days", DataTypes.createArrayType(DataTypes.IntegerType, false), true);

    /** What the step needs besides the tables. */
    public record Parameters(
            TieTests tests,
            Absence absence,
            double minStrength,
            LocalDate asOf,
            TieAggregation.Windows windows,
            int lookbackDays,
            double shrinkShare,
            int newcomerDays,
            int newcomerMinTies,
            int maxFadingRows) {
        long asOfEndMs() {
            return windows.asOfEndMs();
        }

        LocalDate lookbackStart() {
            return LocalDate.ofEpochDay(Math.floorDiv(windows.lookbackStartMs(), 86_400_000L));
        }
    }

    /**
     * The run's family of tie tests.
     *
     * @param tested         ties tested (every tie that is not new)
     * @param family         tested ties in the false-discovery family: those with enough contacts that a fade could
     *                       be told from chance at this run's level ({@link FalseDiscovery#taroneThreshold})
     * @param threshold      Tarone's threshold: the family's largest smallest-attainable p-value
     * @param listed         ties in the fading list (weakening or dormant)
     * @param largestListedP the largest p-value in the list (NaN when empty)
     * @param fdr            the level the list was called at
     */
    public record Family(long tested, long family, double threshold, long listed, double largestListedP, double fdr) {
        /** Upper estimate of the false alarms in the list ({@link FalseDiscovery#expectedFalseAlarms}). */
        public double expectedFalseAlarms() {
            return FalseDiscovery.expectedFalseAlarms(
                    (int) Math.min(Integer.MAX_VALUE, family), (int) listed, largestListedP);
        }
    }

    /** A one-column Dataset of doubles on the driver (one job; 8 bytes a row). */
    static double[] doubles(Dataset<Row> column) {
        return column.as(Encoders.DOUBLE()).collectAsList().stream()
                .mapToDouble(Double::doubleValue)
                .toArray();
    }

    /**
     * Judges the ties ({@link TieAggregation#TIES}) of the organisation {@code org}, whose people are in
     * {@code community} (aligned with {@code org}), given the declared mentorships and absences.
     */
    public static Trends assess(
            SparkSession spark,
            Dataset<Row> ties,
            OrgGraph org,
            int[] community,
            List<Mentorship> mentorships,
            DirectoryReader.Absences absences,
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
        Dataset<Row> index = personIndex(spark, jsc, org);
        Dataset<Row> ia = index.toDF("a_id", "a_idx"), ib = index.toDF("b_id", "b_idx");
        // broadcast: the id -> index table is O(people), like the team, community and graph arrays the judge already
        // gets; a shuffle join would move every tie twice, for each of the two passes that read them
        Dataset<Row> indexed = ties.join(broadcast(ia), ties.col("a").equalTo(ia.col("a_id")))
                .join(broadcast(ib), ties.col("b").equalTo(ib.col("b_id")));

        long t0 = System.nanoTime();
        ActivityProfile profile =
                ActivityEstimate.of(ties, p.lookbackDays(), p.windows().baselineStartMs());
        long t1 = System.nanoTime();
        AwayDetection.Away away =
                AwayDetection.detect(indexed, org, profile, p.absence(), absences.all(), p.lookbackStart());
        long t2 = System.nanoTime();

        TieJudge judge = new TieJudge(
                p.tests(),
                p.minStrength(),
                p.asOfEndMs(),
                p.lookbackStart(),
                jsc.broadcast(profile),
                jsc.broadcast(away.stretches()),
                jsc.broadcast(org.teamOf()),
                jsc.broadcast(community),
                jsc.broadcast(org.graph()),
                jsc.broadcast(mentorPairs));
        Dataset<Row> judged =
                indexed.mapPartitions(judge.firstPass(), Encoders.row(JUDGED)).persist(StorageLevel.MEMORY_AND_DISK());
        double threshold = FalseDiscovery.taroneThreshold(
                doubles(judged.filter(
                                col("tested").and(col("p_min").leq(p.tests().fdr())))
                        .select("p_min")),
                p.tests().fdr());
        long t3 = System.nanoTime();
        Column inFamily = col("tested").and(col("p_min").leq(threshold));
        Column[] assessedColumns = java.util.Arrays.stream(ASSESSED.fieldNames())
                .map(name -> col(name))
                .toArray(Column[]::new);
        // the family is small (most ties are too sparse to be in it): kept apart, so that the sort and its passes
        // read it, not the whole table
        Dataset<Row> familyRows = judged.filter(inFamily).persist(StorageLevel.MEMORY_AND_DISK());
        Dataset<Row> family = QValues.append(familyRows, "p_fade", "person_a", "person_b")
                .mapPartitions(judge.withQ(), Encoders.row(ASSESSED));
        Dataset<Row> assessed = family.union(judged.filter(not(inFamily)).select(assessedColumns))
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
        judged.unpersist();
        familyRows.unpersist();
        long t4 = System.nanoTime();
        Column listedTie = col("status").isin(TieStatus.WEAKENING.label(), TieStatus.DORMANT.label());
        Row f = assessed.agg(
                        max(when(listedTie, col("p_drop"))).as("largest"),
                        count(when(not(isnan(col("q_value"))), lit(1))).as("family"))
                .first();
        long listed = byStatus.get(TieStatus.WEAKENING.label()) + byStatus.get(TieStatus.DORMANT.label());
        Family tests = new Family(
                total - byStatus.get(TieStatus.NEW.label()),
                f.getLong(1),
                threshold,
                listed,
                f.isNullAt(0) ? Double.NaN : f.getDouble(0),
                p.tests().fdr());
        PersonFlags flags = personFlags(assessed, org, hasMentor, profile, away, p);
        List<FadingTie> fading = fading(assessed, p.maxFadingRows());
        long t5 = System.nanoTime();
        StepLog.info(
                "  tie-status activity profile %.1f s, away %.1f s, p-values %.1f s, q-values and verdicts %.1f s, "
                        + "flags %.1f s",
                (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, (t4 - t3) / 1e9, (t5 - t4) / 1e9);
        return new Trends(assessed, flags, byStatus, byPriority, fading, total, tests, profile, p.tests());
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
    static PersonFlags personFlags(
            Dataset<Row> assessed,
            OrgGraph org,
            boolean[] hasMentor,
            ActivityProfile profile,
            AwayDetection.Away away,
            Parameters p) {
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
        TieTests tests = p.tests();
        int days = profile.days(), rs = days - tests.recentDays(), bs = rs - tests.baselineDays();
        double aR = profile.sum(rs, days), aB = profile.sum(bs, rs);
        double share = aR + aB > 0 ? aR / (aR + aB) : 0;

        boolean[] isAway = new boolean[n];
        String[] awayFrom = new String[n], awayTo = new String[n], awaySource = new String[n];
        LocalDate day0 = p.lookbackStart();
        away.stretches().forEach((i, stretches) -> {
            for (AwayStretch s : stretches) {
                if (!s.overlaps(rs, days)) continue;
                isAway[i] = true; // the latest stretch overlapping R is shown
                awayFrom[i] = day0.plusDays(s.fromDay()).toString();
                awayTo[i] = day0.plusDays(s.toDay() - 1).toString();
                awaySource[i] = away.source().get(i);
            }
        });

        double[] shrinkP = new double[n];
        java.util.Arrays.fill(shrinkP, Double.NaN);
        List<Integer> testedPeople = new ArrayList<>();
        double[] recentRate = new double[n], baselineRate = new double[n];
        for (int i = 0; i < n; i++) {
            recentRate[i] = recentW[i] / tests.recentDays();
            baselineRate[i] = baselineW[i] / tests.baselineDays();
            long total = recentC[i] + baselineC[i];
            if (isAway[i] || total == 0 || !(aR > 0 && aB > 0) || !(baselineW[i] > 0)) continue;
            shrinkP[i] = BinomialTest.lowerTail((int) recentC[i], (int) total, share);
            testedPeople.add(i);
        }
        double[] pTested = new double[testedPeople.size()];
        for (int j = 0; j < pTested.length; j++) pTested[j] = shrinkP[testedPeople.get(j)];
        double[] q = FalseDiscovery.qValues(pTested);
        boolean[] shrinking = new boolean[n], newcomer = new boolean[n], mentorshipOnly = new boolean[n];
        for (int j = 0; j < q.length; j++) {
            int i = testedPeople.get(j);
            shrinking[i] = q[j] <= tests.fdr() && recentW[i] / aR <= (1 - p.shrinkShare()) * baselineW[i] / aB;
        }
        for (int i = 0; i < n; i++) {
            LocalDate hired = org.hireDate(i);
            boolean isNew = hired != null
                    && !hired.isAfter(p.asOf())
                    && ChronoUnit.DAYS.between(hired, p.asOf()) <= p.newcomerDays();
            newcomer[i] = isNew && !hasMentor[i] && activeTies[i] < p.newcomerMinTies();
            mentorshipOnly[i] = hasMentor[i] && activeTies[i] == 1 && activeMentorship[i];
        }
        return new PersonFlags(
                shrinking,
                recentRate,
                baselineRate,
                newcomer,
                mentorshipOnly,
                hasMentor,
                isAway,
                awayFrom,
                awayTo,
                awaySource);
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
