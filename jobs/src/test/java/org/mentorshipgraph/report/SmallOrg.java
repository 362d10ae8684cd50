package org.mentorshipgraph.report;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mentorshipgraph.config.JobConfig;
import org.mentorshipgraph.config.Setting;
import org.mentorshipgraph.connectors.ConnectorScore;
import org.mentorshipgraph.connectors.DistributedBetweenness;
import org.mentorshipgraph.connectors.PersonMetrics;
import org.mentorshipgraph.ingest.Mentorship;
import org.mentorshipgraph.ingest.Person;
import org.mentorshipgraph.ties.OrgGraph;
import org.mentorshipgraph.ties.Tie;
import org.mentorshipgraph.trends.TieAssessment;

/**
 * A hand-made organisation whose figures are known: team Alpha (6 people, all tied to each other), team Beta
 * (5 people in a path), and the tiny team "Tiny Vault" (2 people) alone in the department "Hidden Legal". One
 * bridge Alpha–Beta that went dormant, one dormant mentorship inside Alpha, one tie from Alpha into Tiny Vault, and
 * a newcomer without a mentor in Tiny Vault. Tie assessment is the job's own ({@link TieAssessment}); the person
 * metrics are set by hand (what the report does with them is under test, not how they are computed).
 */
final class SmallOrg {
    static final String AS_OF = "2026-11-15";
    static final LocalDate AS_OF_DATE = LocalDate.parse(AS_OF);
    static final long AS_OF_END =
            AS_OF_DATE.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    static final long DAY = 86_400_000L;
    static final String TINY_TEAM = "Tiny Vault";
    static final String TINY_DEPARTMENT = "Hidden Legal";

    final Map<String, Person> directory = new LinkedHashMap<>();
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
        directory.put(
                id, new Person(id, name, team, dept, null, "Engineer", "3", "Remote", hired, List.of(), List.of()));
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
                gap);
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
        OrgGraph org = OrgGraph.build(directory, ties, config.minStrength());
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
        TieAssessment.Result assessed =
                TieAssessment.assess(ties, org, community, mentorships, AS_OF_DATE, AS_OF_END, config);
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
        return OrgGraph.build(directory, ties, 0.5);
    }
}
