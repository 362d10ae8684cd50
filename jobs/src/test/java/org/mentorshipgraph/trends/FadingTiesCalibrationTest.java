package org.mentorshipgraph.trends;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.mentorshipgraph.algorithms.ties.Absence;
import org.mentorshipgraph.algorithms.ties.TieTests;
import org.mentorshipgraph.ingest.DirectoryReader;
import org.mentorshipgraph.testing.SparkTestSession;
import org.mentorshipgraph.ties.OrgGraph;
import org.mentorshipgraph.ties.TieAggregation;

/**
 * The tie-status step, through Spark as the job runs it, on generated organisations where it is known what happened
 * (see {@link SteadyOrganisation}): false alarms where nothing happened, misses where something did.
 */
class FadingTiesCalibrationTest {
    static final TieTests TESTS = TieTests.defaults();

    /** A run of the step and the people and ties it judged. */
    record Judged(Trends trends, OrgGraph org, Map<String, Long> byStatus, long judged) {
        long fading() {
            return byStatus.get("weakening") + byStatus.get("dormant");
        }
    }

    static final java.util.List<Dataset<Row>> PERSISTED = new java.util.ArrayList<>();

    static Judged judge(SteadyOrganisation o) {
        SparkSession spark = SparkTestSession.get();
        Dataset<Row> ties = TieAggregation.ties(
                        TieAggregation.pairs(o.interactions(spark), Map.of()), SteadyOrganisation.windows(), 1)
                .persist(StorageLevel.MEMORY_AND_DISK());
        PERSISTED.add(ties);
        OrgGraph org = OrgGraph.build(o.directory(spark), ties, 0.5);
        Trends t = TieAssessment.assess(
                spark,
                ties,
                org,
                new int[org.size()],
                List.of(),
                new DirectoryReader.Absences(List.of(), List.of(), false),
                new TieAssessment.Parameters(
                        TESTS,
                        Absence.defaults(),
                        0.5,
                        SteadyOrganisation.AS_OF,
                        SteadyOrganisation.windows(),
                        SteadyOrganisation.LOOKBACK,
                        0.4,
                        90,
                        3,
                        100));
        PERSISTED.add(t.ties());
        return new Judged(t, org, t.byStatus(), t.tieCount());
    }

    @AfterAll
    static void release() {
        PERSISTED.forEach(Dataset::unpersist);
    }

    @Test
    void aSteadyOrganisationOf20000PeopleHasAlmostNoFadingTiesNoShrinkingNetworksAndNobodyAway() {
        Judged j = judge(SteadyOrganisation.steady(20_000, 1));
        System.out.printf(
                "steady 20,000 people: %,d ties judged, %s; %d people away, %d shrinking; expected false alarms %.1f%n",
                j.judged(),
                j.byStatus(),
                j.trends().people().awayCount(),
                j.trends().people().shrinkingCount(),
                j.trends().family().expectedFalseAlarms());
        assertThat(j.judged()).isGreaterThan(70_000);
        assertThat((double) j.fading() / j.judged())
                .as("share of ties called weakening or dormant where nothing faded")
                .isLessThanOrEqualTo(0.01);
        assertThat(j.fading()).as("with false-discovery control, near none").isLessThanOrEqualTo(20);
        assertThat(j.trends().priority(1) + j.trends().priority(2))
                .as("fading mentorships and bridges")
                .isLessThanOrEqualTo(j.fading());
        assertThat(j.trends().people().shrinkingCount())
                .as("shrinking networks")
                .isLessThanOrEqualTo(20);
        assertThat(j.trends().people().awayCount()).as("people called away").isLessThanOrEqualTo(20);
        assertThat(j.byStatus().get("paused")).as("paused ties").isLessThanOrEqualTo(100);
        assertThat(j.trends().recentActivity()).isBetween(0.75, 1.05);
    }

    /**
     * The same at 100,000 people (about 380,000 ties): {@code mvn -pl jobs -am test
     * -Dtest='FadingTiesCalibrationTest' -Dmg.calibration.large=true} (75 s here: 383,358 ties, none called fading).
     */
    @Test
    @EnabledIfSystemProperty(named = "mg.calibration.large", matches = "true")
    void aSteadyOrganisationOf100000PeopleToo() {
        Judged j = judge(SteadyOrganisation.steady(100_000, 4));
        System.out.printf(
                "steady 100,000 people: %,d ties judged, %s; %d people away, %d shrinking; expected false alarms %.1f%n",
                j.judged(),
                j.byStatus(),
                j.trends().people().awayCount(),
                j.trends().people().shrinkingCount(),
                j.trends().family().expectedFalseAlarms());
        assertThat((double) j.fading() / j.judged()).isLessThanOrEqualTo(0.01);
        assertThat(j.fading()).isLessThanOrEqualTo(100);
        assertThat(j.trends().people().shrinkingCount()).isLessThanOrEqualTo(100);
    }

    @Test
    void aCompanyHolidayInsideRSetsOffNoAlarmsAndHidesNoFadingTie() {
        // established ties (five contacts a week) that all but stop: about 65 contacts in B, one in R
        SteadyOrganisation base = SteadyOrganisation.steady(4_000, 2).withFading(0.01, 0.05);
        Judged without = judge(base), with = judge(base.withHoliday(true));
        System.out.printf(
                "holiday: without %s, with %s; recent activity %.2f vs %.2f%n",
                without.byStatus(),
                with.byStatus(),
                without.trends().recentActivity(),
                with.trends().recentActivity());
        assertThat(with.trends().recentActivity())
                .as("ten days at a tenth of the activity in 28")
                .isBetween(0.55, 0.8);
        assertThat((double) with.fading())
                .as("fading calls with the holiday against without it")
                .isBetween(0.8 * without.fading(), 1.2 * without.fading());
        for (Judged j : List.of(without, with)) {
            long planted = 0, found = 0;
            Set<String> fading = fadingPairs(j);
            for (long k = 0; k < base.ties(); k++) {
                if (!base.fades(k)) continue;
                int[] ab = base.pair(k);
                if (ab[0] == ab[1]) continue;
                planted++;
                if (fading.contains(key(ab[0], ab[1]))) found++;
            }
            assertThat(planted).isGreaterThan(100);
            assertThat((double) found / planted).as("planted fading ties found").isGreaterThanOrEqualTo(0.9);
        }
    }

    @Test
    void theTiesOfPeopleOnLeaveArePausedAndTheyAreAwayWhilePeopleBackFromLeaveAreNot() {
        SteadyOrganisation o = SteadyOrganisation.steady(4_000, 3).withLeave(0.01);
        Judged j = judge(o);
        PersonFlagsView flags = new PersonFlagsView(j);
        int onLeave = 0, flagged = 0, back = 0, backFlagged = 0;
        for (int p = 0; p < o.people(); p++) {
            Integer i = j.org().indexOf(SteadyOrganisation.id(p));
            if (i == null) continue;
            if (o.leave(p) == 1) {
                onLeave++;
                if (flags.away(i)) flagged++;
            } else if (o.leave(p) == 2) {
                back++;
                if (flags.away(i)) backFlagged++;
            }
        }
        long leaveTies = 0, paused = 0, fading = 0;
        for (Row r : j.trends()
                .ties()
                .filter(col("status").notEqual("new"))
                .select("person_a", "person_b", "status", "baseline_count")
                .collectAsList()) {
            int a = Integer.parseInt(r.getString(0).substring(1)),
                    b = Integer.parseInt(r.getString(1).substring(1));
            if (o.leave(a) != 1 && o.leave(b) != 1) continue;
            if (r.getLong(3) == 0) continue; // no contact in B: nothing to pause
            leaveTies++;
            if (r.getString(2).equals("paused")) paused++;
            if (r.getString(2).equals("weakening") || r.getString(2).equals("dormant")) fading++;
        }
        System.out.printf(
                "leave: %d of %d on leave flagged away, %d of %d back flagged; %d of %d of their ties paused, %d fading%n",
                flagged, onLeave, backFlagged, back, paused, leaveTies, fading);
        assertThat(onLeave).isGreaterThan(20);
        assertThat(flagged).as("people on leave through R flagged away").isGreaterThanOrEqualTo((int)
                Math.ceil(0.9 * onLeave));
        assertThat(backFlagged).as("people back from leave").isZero();
        assertThat((double) paused / leaveTies).as("their ties paused").isGreaterThanOrEqualTo(0.9);
        assertThat(fading).as("their ties called fading").isLessThanOrEqualTo(leaveTies / 100);
    }

    /** The away flags of a run, by person index. */
    record PersonFlagsView(Judged j) {
        boolean away(int i) {
            return j.trends().people().away()[i];
        }
    }

    static Set<String> fadingPairs(Judged j) {
        Set<String> out = new HashSet<>();
        for (Row r : j.trends()
                .ties()
                .filter(col("status").isin("weakening", "dormant"))
                .select("person_a", "person_b")
                .collectAsList()) out.add(r.getString(0) + "|" + r.getString(1));
        return out;
    }

    static String key(int a, int b) {
        String x = SteadyOrganisation.id(a), y = SteadyOrganisation.id(b);
        return x.compareTo(y) < 0 ? x + "|" + y : y + "|" + x;
    }
}
