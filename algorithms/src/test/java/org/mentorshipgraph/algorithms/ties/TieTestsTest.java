package org.mentorshipgraph.algorithms.ties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The calibrated tie tests case by case, with the formulas worked out by hand. Look-back 182, R = 28, B = 84. */
class TieTestsTest {
    static final int L = 182, R = 28, B = 84, RS = L - R, BS = RS - B;
    final TieTests tests = new TieTests(R, B, 0.5, 0.05, 0.1, false, 7);
    final ActivityProfile flat = ActivityProfile.flat(L);

    static TieHistory days(int... d) {
        return TieHistory.ofDays(L, R, B, d);
    }

    static int[] range(int from, int to, int step) {
        return IntStream.iterate(from, d -> d < to, d -> d + step).toArray();
    }

    /** A tie judged alone: its q is its p. */
    TieVerdict alone(TieEvidence e) {
        return tests.judgeAll(List.of(e)).get(0);
    }

    @Test
    void aTieWithNothingBeforeRIsNewAndNotTested() {
        TieEvidence e = tests.test(days(160, 170), flat);
        assertThat(e.isNew()).isTrue();
        assertThat(e.tested()).isFalse();
        TieVerdict v = alone(e);
        assertThat(v.status()).isEqualTo(TieStatus.NEW);
        assertThat(v.qValue()).isNaN();
        assertThat(v.reason()).isEqualTo("first contact 22 days ago, 2 contact day(s) since");
    }

    @Test
    void aLongSilenceOfABusyTieIsDormantWithTheConditionalPoissonP() {
        // contact every 2nd day from day 0 to 120: first = 0, N = 60 contact days after it, silent on days 121..181
        TieEvidence e = tests.test(days(range(0, 121, 2)), flat);
        assertThat(e.silent()).isTrue();
        assertThat(e.contactDays()).isEqualTo(60);
        assertThat(e.silenceDays()).isEqualTo(61);
        assertThat(e.pSilence()).isCloseTo(Math.pow(1 - 61.0 / 181, 60), within(1e-15));
        assertThat(e.pFade()).isEqualTo(e.pSilence());
        TieVerdict v = alone(e);
        assertThat(v.status()).isEqualTo(TieStatus.DORMANT);
        assertThat(v.fading()).isTrue();
        assertThat(v.reason()).startsWith("silent for 61 days (61.0 ordinary days of activity) after 61 contact days");
    }

    @Test
    void theSilenceOfASparseTieIsUsualAndSaysSo() {
        // first = 10, N = 3 after it, span = days 11..181 (171), silence = days 141..181 (41)
        TieEvidence e = tests.test(days(10, 60, 110, 140), flat);
        double p = Math.pow(1 - 41.0 / 171, 3);
        assertThat(e.pSilence()).isCloseTo(p, within(1e-15));
        TieVerdict v = alone(e);
        assertThat(v.status()).isEqualTo(TieStatus.STABLE);
        assertThat(v.reason()).isEqualTo(String.format("quiet for 41 days, usual for a tie this sparse (p = %.2f)", p));
        TieVerdict single = alone(tests.test(days(100), flat));
        assertThat(single.status()).isEqualTo(TieStatus.STABLE);
        assertThat(single.reason()).contains("single contact day");
    }

    @Test
    void aSilenceOverAHolidayCountsForLittle() {
        double[] a = new double[L];
        Arrays.fill(a, 1.0);
        for (int d = 151; d < L; d++) a[d] = 0.05; // the whole company away for the last 31 days
        TieHistory tie = days(range(0, 151, 2));
        TieEvidence flatRun = tests.test(tie, flat), holiday = tests.test(tie, ActivityProfile.of(a));
        assertThat(alone(flatRun).status()).isEqualTo(TieStatus.DORMANT);
        assertThat(holiday.silenceActivity()).isCloseTo(31 * 0.05, within(1e-12));
        double span = 150 + 31 * 0.05;
        assertThat(holiday.pSilence()).isCloseTo(Math.pow(1 - 31 * 0.05 / span, 75), within(1e-12));
        assertThat(alone(holiday).status()).isEqualTo(TieStatus.STABLE);
    }

    @Test
    void aDropIsWeakeningWithTheActivityAdjustedShare() {
        // every day before R, every 7th day in R: c_R = 4 of n = 4 + 84 (B = days 70..153)
        TieHistory tie = days(concat(range(0, RS, 1), range(RS, L, 7)));
        TieEvidence e = tests.test(tie, flat);
        assertThat(e.recentContacts()).isEqualTo(4);
        assertThat(e.baselineContacts()).isEqualTo(84);
        assertThat(e.expectedShare()).isCloseTo(0.25, within(1e-15));
        assertThat(e.dispersion()).isEqualTo(1.0); // one contact every day: under-dispersed, floored at 1
        assertThat(e.pDrop()).isEqualTo(BinomialTest.lowerTail(4, 88, 0.25));
        assertThat(e.rateRatio()).isCloseTo((4 / 28.0) / (84 / 84.0), within(1e-15));
        TieVerdict v = alone(e);
        assertThat(v.status()).isEqualTo(TieStatus.WEAKENING);
        assertThat(v.reason()).startsWith("1.00/week recently vs 7.00/week before (14% of its share of the activity)");

        // the same counts with R at half the activity of B: the drop is smaller than it looks
        double[] a = new double[L];
        Arrays.fill(a, 1.0);
        for (int d = RS; d < L; d++) a[d] = 0.5;
        TieEvidence adjusted = tests.test(tie, ActivityProfile.of(a));
        assertThat(adjusted.expectedShare()).isCloseTo(14.0 / (14 + 84), within(1e-15));
        assertThat(adjusted.rateRatio()).isCloseTo((4 / 14.0) / (84 / 84.0), within(1e-15));
        assertThat(adjusted.pDrop()).isGreaterThan(e.pDrop());
        assertThat(adjusted.recentRateAdjusted()).isCloseTo(4 / 14.0, within(1e-15));
        assertThat(adjusted.recentRate()).isCloseTo(4 / 28.0, within(1e-15));
    }

    @Test
    void aSignificantDropThatFailsTheRatioRuleStaysStable() {
        // every day before R, 4 days of 7 in R: ratio 0.57, p about 0.02 on 100 contacts
        int[] recent = IntStream.range(RS, L).filter(d -> d % 7 < 4).toArray();
        TieEvidence e = tests.test(days(concat(range(0, RS, 1), recent)), flat);
        assertThat(e.pDrop()).isLessThan(0.05);
        assertThat(e.rateRatio()).isBetween(0.5, 1.0);
        assertThat(alone(e).status()).isEqualTo(TieStatus.STABLE);
    }

    @Test
    void aRiseIsStrengthening() {
        TieVerdict v = alone(tests.test(days(concat(range(0, RS, 7), range(RS, L, 1))), flat));
        assertThat(v.status()).isEqualTo(TieStatus.STRENGTHENING);
    }

    @Test
    void aTieThatBeganInsideBIsTestedFromTheDayAfterItsFirstContact() {
        // first contact on day 126: B' = days 127..153 (27 days), R = 28 days; one contact a day throughout
        TieEvidence e = tests.test(days(range(126, L, 1)), flat);
        assertThat(e.baselineContacts()).isEqualTo(27);
        assertThat(e.recentContacts()).isEqualTo(28);
        assertThat(e.expectedShare()).isCloseTo(28.0 / 55, within(1e-15));
        assertThat(alone(e).status()).isEqualTo(TieStatus.STABLE);
    }

    @Test
    void burstsWidenTheDropTest() {
        // contact days every 14 days before R and one in R; 3 contacts each, or bursts of 9 every third contact day
        int[] d = concat(range(0, RS, 14), new int[] {161});
        int[] even = new int[d.length], bursty = new int[d.length];
        for (int i = 0; i < d.length; i++) {
            even[i] = d[i] >= RS ? 1 : 3;
            bursty[i] = d[i] >= RS ? 1 : i % 3 == 0 ? 9 : 1;
        }
        TieEvidence evenly = tests.test(TieHistory.unweighted(d, even, L, R, B), flat);
        TieEvidence bursts = tests.test(TieHistory.unweighted(d, bursty, L, R, B), flat);
        assertThat(bursts.dispersion()).isGreaterThan(evenly.dispersion());
        assertThat(evenly.dispersion()).isGreaterThanOrEqualTo(1.0);
        assertThat(bursts.recentContacts()).isEqualTo(1);
        int n = bursts.recentContacts() + bursts.baselineContacts();
        double rho = BetaBinomialTest.rhoForDispersion(bursts.dispersion(), n);
        assertThat(rho).isPositive();
        assertThat(bursts.pDrop())
                .isEqualTo(BetaBinomialTest.lowerTail(1, n, bursts.expectedShare(), rho))
                .isGreaterThan(2 * BinomialTest.lowerTail(1, n, bursts.expectedShare()));
    }

    @Test
    void aTieWhoseSilenceIsOneSideAwayIsPausedNamingWhoAndSince() {
        TieHistory tie = days(range(0, 121, 2));
        List<AwayStretch> awayB = List.of(new AwayStretch(121, L, 0, 1e-9));
        TieEvidence e = tests.test(tie, flat, List.of(), awayB);
        assertThat(e.awayParty()).isEqualTo(2);
        assertThat(e.awaySince()).isEqualTo(121);
        assertThat(e.silenceActivity()).isZero();
        assertThat(e.pSilence()).isEqualTo(1.0);
        TieVerdict v = tests.verdict(e, 1.0, "p0001", "p0002", LocalDate.of(2026, 5, 17));
        assertThat(v.status()).isEqualTo(TieTests.PAUSED);
        assertThat(v.paused()).isTrue();
        assertThat(v.fading()).isFalse();
        assertThat(v.reason()).isEqualTo("paused: p0002 away since 2026-09-15");
        assertThat(alone(e).reason()).isEqualTo("paused: b away since day 121");

        // away from day 164: the first 10 days of R are tested, and a tie that kept its pace there is paused
        int[] kept = concat(range(0, RS, 2), range(RS, 164, 2));
        TieEvidence part = tests.test(days(kept), flat, List.of(new AwayStretch(164, L, 0, 1e-9)), List.of());
        assertThat(part.silent()).isFalse();
        assertThat(part.recentContacts()).isEqualTo(5);
        assertThat(part.rateRatio()).isCloseTo((5 / 10.0) / (42 / 84.0), within(1e-12));
        assertThat(part.ratioIgnoringAbsence()).isCloseTo((5 / 28.0) / (42 / 84.0), within(1e-12));
        assertThat(alone(part).status()).isEqualTo(TieTests.PAUSED);
        assertThat(alone(part).paused()).isTrue();
        assertThat(alone(tests.test(days(kept), flat)).status()).isEqualTo(TieStatus.WEAKENING);

        // a tie that had faded before the absence began is still called fading
        int[] faded = range(0, 100, 2);
        TieEvidence before = tests.test(days(faded), flat, List.of(new AwayStretch(160, L, 0, 1e-9)), List.of());
        assertThat(alone(before).status()).isEqualTo(TieStatus.DORMANT);
    }

    /**
     * A tie's own rhythm does not make it fade: meeting every 2, 4 or 6 weeks, or three days in a row at those periods,
     * at every phase against the run date (a 6-week tie can be silent through R), is never weakening or dormant, even
     * alone (q = p).
     */
    @Test
    void regularRhythmsAreNotFading() {
        ActivityProfile weekly = ActivityProfile.of(SimulatedTies.calendar(false));
        for (int period : new int[] {14, 28, 42}) {
            final int per = period;
            for (int phase = 0; phase < period; phase++) {
                TieVerdict v = alone(tests.test(days(range(phase, L, period)), weekly));
                assertThat(v.fading())
                        .as("every %d days from day %d: %s", period, phase, v.reason())
                        .isFalse();
                final int p = phase;
                int[] bursts =
                        IntStream.range(0, L).filter(d -> (d - p + 28) % 28 < 3).toArray();
                TieVerdict b = alone(tests.test(days(bursts), weekly));
                assertThat(b.fading())
                        .as("three days every %d days from %d: %s", period, phase, b.reason())
                        .isFalse();
            }
        }
    }

    @Test
    void theRunsQValuesAndExpectedFalseAlarms() {
        List<TieEvidence> evidence = new ArrayList<>();
        evidence.add(tests.test(days(range(0, 121, 2)), flat)); // dormant, p ~ 1e-11
        evidence.add(tests.test(days(10, 60, 110, 140), flat)); // p 0.44
        evidence.add(tests.test(days(160, 170), flat)); // new
        evidence.add(tests.test(days(concat(range(0, RS, 1), range(RS, L, 7))), flat)); // weakening
        List<TieVerdict> v = tests.judgeAll(evidence);
        // the family: the tested ties whose smallest attainable p passes Tarone's rule; the sparse tie is not in it
        double t = FalseDiscovery.taroneThreshold(
                new double[] {
                    evidence.get(0).pMin(),
                    evidence.get(1).pMin(),
                    evidence.get(3).pMin()
                },
                0.1);
        assertThat(evidence.get(0).pMin()).isLessThanOrEqualTo(t);
        assertThat(evidence.get(1).pMin()).isGreaterThan(t);
        assertThat(evidence.get(3).pMin()).isLessThanOrEqualTo(t);
        double[] p = {evidence.get(0).pFade(), evidence.get(3).pFade()};
        double[] q = FalseDiscovery.qValues(p);
        assertThat(v.get(0).qValue()).isEqualTo(q[0]);
        assertThat(v.get(1).qValue()).as("outside the family").isNaN();
        assertThat(v.get(2).qValue()).isNaN();
        assertThat(v.get(3).qValue()).isEqualTo(q[1]);
        assertThat(v.stream().filter(TieVerdict::fading).count()).isEqualTo(2);
        double largest = Math.max(p[0], p[1]);
        assertThat(TieTests.expectedFalseAlarms(v)).isCloseTo(2 * largest, within(1e-20));
        assertThat(v.get(3).toTrend().status()).isEqualTo(TieStatus.WEAKENING);
        assertThat(v.get(3).toTrend().pDrop()).isEqualTo(evidence.get(3).pDrop());
    }

    @Test
    void theDefaultsAreTheJobsDefaults() {
        assertThat(TieTests.defaults()).isEqualTo(new TieTests(28, 84, 0.5, 0.05, 0.1, false, 7));
    }

    static int[] concat(int[] a, int[] b) {
        return IntStream.concat(Arrays.stream(a), Arrays.stream(b)).toArray();
    }
}
