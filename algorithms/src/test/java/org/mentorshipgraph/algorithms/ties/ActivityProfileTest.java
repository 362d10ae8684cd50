package org.mentorshipgraph.algorithms.ties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.mentorshipgraph.algorithms.ties.SimulatedTies.HOLIDAY_FROM;
import static org.mentorshipgraph.algorithms.ties.SimulatedTies.HOLIDAY_TO;
import static org.mentorshipgraph.algorithms.ties.SimulatedTies.L;
import static org.mentorshipgraph.algorithms.ties.SimulatedTies.RS;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The activity profile: window sums, and the estimator against the calendar it was simulated from. */
class ActivityProfileTest {
    @Test
    void sumsOverHalfOpenRangesClippedToTheLookback() {
        ActivityProfile p = ActivityProfile.of(1, 0.5, 0.25, 2);
        assertThat(p.days()).isEqualTo(4);
        assertThat(p.sum(0, 4)).isEqualTo(3.75);
        assertThat(p.sum(1, 3)).isEqualTo(0.75);
        assertThat(p.sum(-5, 1)).isEqualTo(1.0);
        assertThat(p.sum(3, 99)).isEqualTo(2.0);
        assertThat(p.sum(2, 2)).isZero();
        assertThat(p.sum(3, 1)).isZero();
        assertThat(ActivityProfile.flat(10).sum(2, 9)).isEqualTo(7.0);
        assertThat(ActivityProfile.between(p, ActivityProfile.of(1, 2, 1, 0.5)).toArray())
                .containsExactly(1, 1, 0.5, 1);
        assertThatThrownBy(() -> ActivityProfile.of(1, -0.1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(ActivityProfile.groupsFor(0, 182)).isEqualTo(1);
        assertThat(ActivityProfile.groupsFor(182L * 20 * 10, 182)).isEqualTo(10);
        assertThat(ActivityProfile.groupsFor(Long.MAX_VALUE / 100, 182)).isEqualTo(64);
    }

    @Test
    void onePooledGroupIsTheDailyTotalOverItsMedianDay() {
        ActivityProfile p = ActivityProfile.estimate(new double[][] {{10, 20, 20, 0, 40}});
        assertThat(p.toArray()).containsExactly(0.5, 1, 1, 0, 2);
        assertThat(ActivityProfile.estimate(new double[][] {{0, 0, 0}}).toArray())
                .containsExactly(1, 1, 1);
    }

    /** 5,000 ties with rates from 0.05 to 3 a day, weekends at 0.15, a ten-day holiday at 0.1 inside R. */
    @Test
    void recoversTheCalendarFromTheTiesCounts() {
        SplittableRandom rnd = new SplittableRandom(21);
        double[] truth = SimulatedTies.calendar(true);
        List<int[]> ties = new ArrayList<>();
        for (int i = 0; i < 5000; i++)
            ties.add(SimulatedTies.counts(
                    rnd, SimulatedTies.logUniform(rnd, 0.05, 3), truth, 1, SimulatedTies.Bursts.NONE, 1));
        double[] a = SimulatedTies.estimateProfile(ties).toArray();
        double worstWeekday = 0, worstWeekend = 0, worstHoliday = 0, weekdayError = 0;
        int weekdays = 0;
        for (int d = 0; d < L; d++) {
            double err = Math.abs(a[d] - truth[d]);
            if (d >= HOLIDAY_FROM && d < HOLIDAY_TO) worstHoliday = Math.max(worstHoliday, err);
            else if (d % 7 < 5) {
                worstWeekday = Math.max(worstWeekday, err);
                weekdayError += err;
                weekdays++;
            } else worstWeekend = Math.max(worstWeekend, err);
        }
        // about 3,600 contacts an ordinary day, half of them pooled after trimming: 2.4% noise a day
        assertThat(weekdayError / weekdays).as("mean weekday error").isLessThan(0.03);
        assertThat(worstWeekday).as("weekdays").isLessThan(0.1);
        assertThat(worstWeekend).as("weekends").isLessThan(0.03);
        assertThat(worstHoliday).as("holiday").isLessThan(0.03);
        // what the tests use: the activity in R against B, within 2%
        double ratio = (sum(a, RS, L) / sum(a, RS - 84, RS)) / (sum(truth, RS, L) / sum(truth, RS - 84, RS));
        assertThat(ratio).isCloseTo(1.0, within(0.02));
    }

    /**
     * A few very heavy ties (an automated mailer with 2,000 contacts a day in one bucket) that stop in R move the pooled
     * ratio by more than a fifth and the trimmed estimate (one group of 32, trimmed) by under 2%.
     */
    @Test
    void aFewHeavyTiesThatStopDoNotMoveIt() {
        SplittableRandom rnd = new SplittableRandom(5);
        double[] truth = SimulatedTies.calendar(false);
        int g = 32;
        double[][] counts = new double[g][L];
        for (int i = 0; i < 5000; i++) {
            int[] c = SimulatedTies.counts(
                    rnd, SimulatedTies.logUniform(rnd, 0.05, 3), truth, 1, SimulatedTies.Bursts.NONE, 1);
            for (int d = 0; d < L; d++) counts[i % g][d] += c[d];
        }
        for (int d = 0; d < RS; d++) counts[3][d] += 2000 * truth[d];
        double[] trimmed = ActivityProfile.estimate(counts).toArray();
        double[] pooled = ActivityProfile.estimate(counts, 0).toArray();
        double shareTrimmed = sum(trimmed, RS, L) / sum(trimmed, 0, L),
                shareTruth = sum(truth, RS, L) / sum(truth, 0, L);
        double sharePooled = sum(pooled, RS, L) / sum(pooled, 0, L);
        assertThat(shareTrimmed / shareTruth).isCloseTo(1.0, within(0.02));
        assertThat(sharePooled / shareTruth).isLessThan(0.8);
    }

    static double sum(double[] a, int from, int to) {
        double s = 0;
        for (int d = from; d < to; d++) s += a[d];
        return s;
    }
}
