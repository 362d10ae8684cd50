package org.mentorshipgraph.algorithms.ties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.mentorshipgraph.algorithms.ties.SimulatedTies.BS;
import static org.mentorshipgraph.algorithms.ties.SimulatedTies.L;
import static org.mentorshipgraph.algorithms.ties.SimulatedTies.RS;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Away stretches of a person: by hand, then on simulated people who never left, left for R, or came back. */
class AbsenceTest {
    final Absence absence = Absence.defaults();
    final ActivityProfile flat = ActivityProfile.flat(L);

    @Test
    void aPersonSilentSinceDay140IsAwayFromDay141ToTheRunDate() {
        int[] days = IntStream.range(0, 141).filter(d -> d % 2 == 0).toArray(); // every other day to day 140
        List<AwayStretch> away = absence.detect(days, flat);
        assertThat(away).hasSize(1);
        AwayStretch s = away.get(0);
        assertThat(s.fromDay()).isEqualTo(141);
        assertThat(s.toDay()).isEqualTo(L);
        assertThat(s.contactDays()).isZero();
        // N = 70 contact days after day 0 on a flat profile: every day weighs the same, the stretch's share is 41/181;
        // Bonferroni over 71 x 2 stretches (each contact day, followed by 0 or 1 stray day)
        double p = Math.pow(1 - 41.0 / 181, 70) * 142;
        assertThat(s.pValue()).isCloseTo(p, within(p * 1e-9));
        assertThat(Absence.awayDuring(away, RS, L)).isTrue();
        assertThat(Absence.awayDuring(away, 0, 141)).isFalse();
    }

    @Test
    void aStrayContactInsideALeaveDoesNotCutItInTwo() {
        int[] before = IntStream.range(0, 120).filter(d -> d % 2 == 0).toArray();
        int[] days = IntStream.concat(Arrays.stream(before), IntStream.of(150)).toArray();
        List<AwayStretch> away = absence.detect(days, flat);
        assertThat(away).hasSize(1);
        assertThat(away.get(0).fromDay()).isEqualTo(119);
        assertThat(away.get(0).toDay()).isEqualTo(L);
        assertThat(away.get(0).contactDays()).isEqualTo(1);
    }

    @Test
    void aCompanyHolidayIsNotAnAbsence() {
        double[] a = new double[L];
        Arrays.fill(a, 1.0);
        for (int d = 150; d < 170; d++) a[d] = 0.05;
        int[] days = IntStream.range(0, L).filter(d -> d < 150 || d >= 170).toArray();
        assertThat(absence.detect(days, ActivityProfile.of(a))).isEmpty();
        assertThat(absence.detect(days, flat)).singleElement().satisfies(s -> {
            assertThat(s.fromDay()).isEqualTo(150);
            assertThat(s.toDay()).isEqualTo(170);
        });
    }

    @Test
    void tooFewContactDaysToTell() {
        assertThat(absence.detect(new int[] {0, 10, 20}, flat)).isEmpty();
        assertThat(absence.detect(new int[0], flat)).isEmpty();
    }

    /**
     * 3,000 simulated people, contact on a weekday with probability q from 0.25 to 0.95 (weekends at 0.15 of the rate,
     * a ten-day holiday in R). Of those who never left, at most 1% are flagged away anywhere; of those who
     * left for the whole of R (from a week before it), all with q ≥ 0.5 are flagged, 90% of them from the day after
     * their last contact (the others a little earlier, through one stray day); those who came back from seven weeks of
     * leave in B are flagged in R no more often than 1%, and 90% of them have the stretch found in B. Prints the leavers found by q.
     */
    @Test
    void onSimulatedPeople() {
        SplittableRandom rnd = new SplittableRandom(8);
        double[] calendar = SimulatedTies.calendar(true);
        ActivityProfile profile = ActivityProfile.of(calendar);
        int n = 1000, steadyFlagged = 0, steadyInR = 0, busyLeavers = 0, busyLeaversFlagged = 0, fromLastContact = 0;
        int returnersFlaggedInR = 0, returnersFound = 0;
        int[] found = new int[7], tried = new int[7];
        for (int i = 0; i < n; i++) {
            double q = 0.25 + 0.7 * rnd.nextDouble(), rate = -Math.log(1 - q);
            List<AwayStretch> steady = absence.detect(person(rnd, rate, calendar, -1, -1), profile);
            if (!steady.isEmpty()) steadyFlagged++;
            if (Absence.awayDuring(steady, RS, L)) steadyInR++;
            int[] leaverDays = person(rnd, rate, calendar, RS - 7, L);
            List<AwayStretch> leaver = absence.detect(leaverDays, profile);
            boolean flagged = Absence.awayDuring(leaver, RS, L);
            tried[(int) ((q - 0.25) / 0.1)]++;
            if (flagged) found[(int) ((q - 0.25) / 0.1)]++;
            if (q >= 0.5) {
                busyLeavers++;
                if (flagged) busyLeaversFlagged++;
            }
            if (flagged) {
                AwayStretch s = leaver.get(leaver.size() - 1);
                assertThat(s.toDay()).isEqualTo(L);
                assertThat(s.fromDay()).isLessThanOrEqualTo(RS - 7);
                if (s.fromDay() == leaverDays[leaverDays.length - 1] + 1) fromLastContact++;
            }
            List<AwayStretch> returner = absence.detect(person(rnd, rate, calendar, BS + 10, BS + 59), profile);
            if (Absence.awayDuring(returner, RS, L)) returnersFlaggedInR++;
            if (Absence.awayDuring(returner, BS + 20, BS + 50)) returnersFound++;
        }
        StringBuilder curve = new StringBuilder();
        for (int b = 0; b < found.length; b++)
            curve.append(String.format(" q=%.2f-%.2f:%d/%d", 0.25 + 0.1 * b, 0.35 + 0.1 * b, found[b], tried[b]));
        System.out.printf(
                "absence: steady flagged %d/%d (%d in R); leavers away for R found by q:%s; returners flagged in R %d,"
                        + " their leave found in B %d/%d%n",
                steadyFlagged, n, steadyInR, curve, returnersFlaggedInR, returnersFound, n);
        assertThat(steadyFlagged).isLessThanOrEqualTo(n / 100);
        assertThat(steadyInR).isLessThanOrEqualTo(n / 100);
        assertThat(busyLeaversFlagged).isEqualTo(busyLeavers);
        assertThat(fromLastContact).isGreaterThanOrEqualTo(busyLeavers * 9 / 10);
        assertThat(returnersFlaggedInR).isLessThanOrEqualTo(n / 100);
        assertThat(returnersFound).isGreaterThanOrEqualTo(n * 9 / 10);
    }

    /** A person's contact days: Poisson contacts at {@code rate · a(d)}, none on [awayFrom, awayTo). */
    static int[] person(SplittableRandom rnd, double rate, double[] calendar, int awayFrom, int awayTo) {
        return IntStream.range(0, L)
                .filter(d -> !(d >= awayFrom && d < awayTo) & SimulatedTies.poisson(rnd, rate * calendar[d]) > 0)
                .toArray();
    }
}
