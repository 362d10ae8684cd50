package org.mentorshipgraph.report;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.mentorshipgraph.algorithms.ties.Absence;
import org.mentorshipgraph.config.JobConfig;
import org.mentorshipgraph.config.Setting;
import org.mentorshipgraph.connectors.ConnectorScore;
import org.mentorshipgraph.connectors.DistributedBetweenness;
import org.mentorshipgraph.connectors.PersonMetrics;
import org.mentorshipgraph.ingest.DirectoryReader;
import org.mentorshipgraph.ingest.Mentorship;
import org.mentorshipgraph.testing.SparkTestSession;
import org.mentorshipgraph.ties.OrgGraph;
import org.mentorshipgraph.ties.TieAggregation;
import org.mentorshipgraph.trends.TieAssessment;
import org.mentorshipgraph.trends.Trends;

/**
 * A hand-made organisation whose figures are known: team Alpha (6 people, all tied to each other), team Beta
 * (5 people in a path), and the tiny team "Tiny Vault" (2 people) alone in the department "Hidden Legal". One
 * bridge Alpha–Beta that went dormant, one dormant mentorship inside Alpha, one tie from Alpha into Tiny Vault, and
 * a newcomer without a mentor in Tiny Vault. The graph and the tie assessment are the job's own ({@link OrgGraph},
 * {@link TieAssessment}, on a real Spark session); the person metrics are set by hand (what the report does with them is under test, not how they are computed).
 */
final class SmallOrg {
    static final String AS_OF = "2026-11-15";
    static final LocalDate AS_OF_DATE = LocalDate.parse(AS_OF);
    static final long AS_OF_END =
            AS_OF_DATE.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    static final long DAY = 86_400_000L;
    static final String TINY_TEAM = "Tiny Vault";
    static final String TINY_DEPARTMENT = "Hidden Legal";

    /** One tie as the ties step writes it. */
    record Tie(
            String personA,
            String personB,
            double strength,
            long interactions,
            int channels,
            String channelList,
            double reciprocity,
            long firstMs,
            long lastMs,
            long recentCount,
            long baselineCount,
            double recentWeight,
            double baselineWeight,
            long beforeRecent,
            double usualGapDays,
            int[] contactDays) {
        Row row() {
            return RowFactory.create(
                    personA,
                    personB,
                    strength,
                    interactions,
                    channels,
                    channelList,
                    reciprocity,
                    firstMs,
                    lastMs,
                    recentCount,
                    baselineCount,
                    recentWeight,
                    baselineWeight,
                    beforeRecent,
                    usualGapDays,
                    Arrays.stream(contactDays).boxed().toList());
        }
    }

    final List<Row> directory = new ArrayList<>();
    final List<Tie> ties = new ArrayList<>();
    final List<Mentorship> mentorships = new ArrayList<>();

    SmallOrg() {
        for (int i = 1; i <= 6; i++)
            person("emp-alpha-" + i, "Alice Alpha" + i, "Alpha", "Engineering", LocalDate.of(2020, 1, 1));
        for (int i = 1; i <= 5; i++)
            person("emp-beta-" + i, "Bob Beta" + i, "Beta", "Engineering", LocalDate.of(2021, 1, 1));
        person("emp-tiny-1", "Tara Tiny1", TINY_TEAM, TINY_DEPARTMENT, LocalDate.of(2019, 1, 1));
        person("emp-tiny-2", "Tom Tiny2", TINY_TEAM, TINY_DEPARTMENT, AS_OF_DATE.minusDays(30));
        for (int i = 1; i <= 6; i++) {
            for (int j = i + 1; j <= 6; j++) {
                if (i == 3 && j == 4) ties.add(dormant("emp-alpha-3", "emp-alpha-4", 1.0));
                else ties.add(stable("emp-alpha-" + i, "emp-alpha-" + j, 1.0));
            }
        }
        for (int i = 1; i < 5; i++) ties.add(stable("emp-beta-" + i, "emp-beta-" + (i + 1), 1.0));
        ties.add(dormant("emp-alpha-1", "emp-beta-1", 2.0));
        ties.add(stable("emp-alpha-2", "emp-tiny-1", 1.0));
        ties.add(stable("emp-tiny-1", "emp-tiny-2", 1.0));
        mentorships.add(new Mentorship("emp-alpha-3", "emp-alpha-4", LocalDate.of(2026, 1, 1), null, "pilot"));
    }

    private void person(String id, String name, String team, String dept, LocalDate hired) {
        directory.add(RowFactory.create(
                id, name, team, dept, null, "Engineer", "3", "Remote", hired.toString(), null, null, null, null, null));
    }

    /** About two contacts a week throughout. */
    static Tie stable(String a, String b, double strength) {
        return tie(a, b, strength, 8, 24, 2 * DAY, 3.0);
    }

    /** Two contacts a week in the baseline, then 40 days of silence. */
    static Tie dormant(String a, String b, double strength) {
        return tie(a, b, strength, 0, 24, 40 * DAY, 3.0);
    }

    static Tie tie(String a, String b, double strength, int recent, int baseline, long sinceLastMs, double gap) {
        String x = a.compareTo(b) < 0 ? a : b, y = a.compareTo(b) < 0 ? b : a;
        return new Tie(
                x,
                y,
                strength,
                recent + baseline,
                2,
                "chat;meeting",
                0.4,
                AS_OF_END - 150 * DAY,
                AS_OF_END - sinceLastMs,
                recent,
                baseline,
                recent,
                baseline,
                baseline,
                gap,
                contactDays(recent, baseline, sinceLastMs));
    }

    /** Look-back days of the test's windows (182, R = 28, B = 84): the first contact day 32, then evenly spread. */
    static int[] contactDays(int recent, int baseline, long sinceLastMs) {
        int lookback = 182, rs = lookback - 28, bs = rs - 84;
        int last = lookback - (int) Math.ceil(sinceLastMs / (double) DAY);
        List<Integer> days = new ArrayList<>();
        days.add(32);
        int bEnd = Math.min(rs - 1, last);
        for (int k = 0; k < baseline; k++)
            days.add(bs + (int) Math.round((double) k * (bEnd - bs) / Math.max(1, baseline - 1)));
        for (int k = 0; k < recent; k++)
            days.add(rs + (int) Math.round((double) k * (last - rs) / Math.max(1, recent - 1)));
        return days.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    JobConfig config(int minGroupSize, boolean pseudonymise, String outputDir) {
        return JobConfig.defaults()
                .with(Map.of(
                        Setting.MIN_GROUP_SIZE,
                        Integer.toString(minGroupSize),
                        Setting.PSEUDONYMISE,
                        Boolean.toString(pseudonymise),
                        Setting.OUT,
                        outputDir));
    }

    /** The figures exactly as the nightly job computes them, for this organisation. */
    Map<String, Object> figures(JobConfig config, Map<String, String> environment) {
        SparkSession spark = SparkTestSession.get();
        Dataset<Row> tieTable = ties(spark);
        OrgGraph org = OrgGraph.build(directoryTable(spark), tieTable, config.minStrength());
        int n = org.size();
        int[] degree = new int[n];
        double[] strength = new double[n],
                betweenness = new double[n],
                constraint = new double[n],
                teamP = new double[n],
                commP = new double[n],
                cross = new double[n];
        int[] community = new int[n];
        for (int i = 0; i < n; i++) {
            degree[i] = org.graph().degree(i);
            strength[i] = org.graph().strength(i);
            constraint[i] = degree[i] == 0 ? Double.NaN : 1.0 / degree[i];
            community[i] = org.teamOf()[i];
        }
        betweenness[org.indexOf("emp-alpha-1")] = 0.45;
        betweenness[org.indexOf("emp-alpha-2")] = 0.30;
        betweenness[org.indexOf("emp-beta-1")] = 0.35;
        betweenness[org.indexOf("emp-tiny-1")] = 0.15;
        teamP[org.indexOf("emp-alpha-1")] = 0.3;
        cross[org.indexOf("emp-alpha-1")] = 2.0 / 7;
        double[] score = ConnectorScore.of(betweenness, constraint, teamP);
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> -score[i]).thenComparing(org::id));
        int[] rank = new int[n];
        for (int r = 0; r < n; r++) rank[order[r]] = r + 1;
        PersonMetrics m = new PersonMetrics(
                betweenness,
                constraint,
                new double[n],
                community,
                teamP,
                commP,
                cross,
                degree,
                strength,
                score,
                rank,
                new String[n],
                3,
                0.42,
                new DistributedBetweenness.Result(betweenness, "exact", n, 0, 0, 0));
        Trends assessed = TieAssessment.assess(
                spark,
                tieTable,
                org,
                community,
                mentorships,
                new DirectoryReader.Absences(List.of(), List.of(), false),
                new TieAssessment.Parameters(
                        config.trendTests(),
                        Absence.defaults(),
                        config.minStrength(),
                        AS_OF_DATE,
                        new TieAggregation.Windows(
                                AS_OF_END, AS_OF_END - 28 * DAY, AS_OF_END - 112 * DAY, AS_OF_END - 182 * DAY, 30),
                        182,
                        config.shrinkShare(),
                        config.newcomerDays(),
                        config.newcomerMinTies(),
                        NetworkHealth.MAX_LIST_ROWS));
        Map<String, Object> definitions = new LinkedHashMap<>();
        definitions.put("active tie", "strength >= 0.5");
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("interaction_rows_read", 1000);
        counts.put("interactions_rejected", 3);
        counts.put("rejected_by_reason", Map.of("missing source_id", 3));
        return NetworkHealth.figures(
                AS_OF, org, m, assessed, config, PrivacyPolicy.of(org, config, environment), definitions, counts);
    }

    OrgGraph org() {
        SparkSession spark = SparkTestSession.get();
        return OrgGraph.build(directoryTable(spark), ties(spark), 0.5);
    }

    Dataset<Row> directoryTable(SparkSession spark) {
        return spark.createDataFrame(directory, DirectoryReader.PEOPLE);
    }

    Dataset<Row> ties(SparkSession spark) {
        return spark.createDataFrame(ties.stream().map(Tie::row).toList(), TieAggregation.TIES);
    }
}
