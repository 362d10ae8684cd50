package org.mentorshipgraph.algorithms.ties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mentorshipgraph.algorithms.ties.SimulatedTies.BS;
import static org.mentorshipgraph.algorithms.ties.SimulatedTies.L;
import static org.mentorshipgraph.algorithms.ties.SimulatedTies.RS;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mentorshipgraph.algorithms.ties.SimulatedTies.Bursts;

/**
 * Calibration of {@link TieTests} on simulated organisations (seeded; look-back 182 days, R = 28, B = 84, weekends at
 * 0.15 of a weekday, the activity profile estimated from the simulated counts as the job would): false alarms on ties
 * whose rate never changed (Poisson and over-dispersed), a company holiday inside R, people away, the false share of
 * the fading list over many seeds. Numbers are printed for the closing note.
 */
class TieTestsCalibrationTest {
    static final double ALPHA = 0.05, FDR = 0.1;
    static final double[] RATES = {0.05, 0.1, 0.2, 0.5, 1, 2, 3};
    final TieTests exact = new TieTests(28, 84, 0.5, ALPHA, FDR, false, 7);
    final TieTests midP = new TieTests(28, 84, 0.5, ALPHA, FDR, true, 7);
    final TieTrendRules today = TieTrendRules.defaults();

    /** A simulated organisation: daily counts per tie, and which ties were planted fading. */
    record Org(List<int[]> counts, boolean[] fading, double[] rates) {
        static Org steady(SplittableRandom rnd, int ties, double[] calendar, Bursts bursts, double shape) {
            return mixed(rnd, ties, 0, 1, 0.05, 3, calendar, bursts, shape);
        }

        /** {@code share} of the ties fade to {@code fade} in R; their rates from [fadingLo, 3], the others' [0.05, 3]. */
        static Org mixed(
                SplittableRandom rnd,
                int ties,
                double share,
                double fade,
                double fadingLo,
                double fadingHi,
                double[] calendar,
                Bursts bursts,
                double shape) {
            List<int[]> counts = new ArrayList<>();
            boolean[] fading = new boolean[ties];
            double[] rates = new double[ties];
            for (int i = 0; i < ties; i++) {
                fading[i] = rnd.nextDouble() < share;
                rates[i] = fading[i]
                        ? SimulatedTies.logUniform(rnd, fadingLo, fadingHi)
                        : SimulatedTies.logUniform(rnd, 0.05, 3);
                counts.add(SimulatedTies.counts(rnd, rates[i], calendar, fading[i] ? fade : 1, bursts, shape));
            }
            return new Org(counts, fading, rates);
        }
    }

    /** The verdicts of a run over an organisation, the profile estimated from its counts (null: no contact). */
    static List<TieVerdict> run(TieTests tests, Org org, ActivityProfile profile) {
        List<TieEvidence> evidence = new ArrayList<>();
        List<Integer> index = new ArrayList<>();
        for (int i = 0; i < org.counts().size(); i++) {
            TieHistory h = SimulatedTies.history(org.counts().get(i));
            if (h == null) continue;
            evidence.add(tests.test(h, profile));
            index.add(i);
        }
        List<TieVerdict> judged = tests.judgeAll(evidence);
        List<TieVerdict> out = new ArrayList<>();
        for (int i = 0; i < org.counts().size(); i++) out.add(null);
        for (int j = 0; j < judged.size(); j++) out.set(index.get(j), judged.get(j));
        return out;
    }

    /** The per-tie call at level α without false-discovery control: p &lt; α and the ratio rule. */
    static boolean rawCall(TieEvidence e, double alpha) {
        return e.tested() && e.pFade() < alpha && (e.silent() || e.rateRatio() < 0.5);
    }

    /** Share of judged ties that today's rules call weakening or dormant. */
    double todaysFadingShare(Org org) {
        int judged = 0, fading = 0;
        for (int[] c : org.counts()) {
            if (SimulatedTies.history(c) == null) continue;
            TieStatus s = today.judge(SimulatedTies.activity(c)).status();
            judged++;
            if (s == TieStatus.WEAKENING || s == TieStatus.DORMANT) fading++;
        }
        return (double) fading / judged;
    }

    /** Per rate: the share of tested ties called at level α without FDR, for a test and a contact model. */
    double[] perTieLevel(TieTests tests, Bursts bursts, double shape, int trials, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] calendar = SimulatedTies.calendar(false);
        ActivityProfile profile = ActivityProfile.of(calendar);
        double[] level = new double[RATES.length];
        for (int r = 0; r < RATES.length; r++) {
            int tested = 0, called = 0;
            for (int i = 0; i < trials; i++) {
                TieHistory h = SimulatedTies.history(SimulatedTies.counts(rnd, RATES[r], calendar, 1, bursts, shape));
                if (h == null) continue;
                TieEvidence e = tests.test(h, profile);
                if (!e.tested()) continue;
                tested++;
                if (rawCall(e, ALPHA)) called++;
            }
            level[r] = (double) called / tested;
        }
        return level;
    }

    static String row(double[] v) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < v.length; i++) b.append(String.format(Locale.ROOT, " %s:%.4f", RATES[i], v[i]));
        return b.toString();
    }

    static long fadingCalls(List<TieVerdict> verdicts) {
        return verdicts.stream().filter(v -> v != null && v.fading()).count();
    }

    static List<TieVerdict> judgedOnly(List<TieVerdict> verdicts) {
        return verdicts.stream().filter(java.util.Objects::nonNull).toList();
    }

    static long judged(List<TieVerdict> verdicts) {
        return verdicts.stream().filter(v -> v != null).count();
    }

    /**
     * Poisson ties that keep their rate (0.05 to 3 contacts a day): each test alone is called at most at α (exact and
     * mid-p, per rate); under FDR control at most 1% of an organisation's ties are called weakening or dormant (none,
     * measured); today's dormant rule calls more than 1% (4.5% measured on these rates; see also {@link
     * #theIssuesSparseOrganisation}).
     */
    @Test
    void steadyPoissonTies() {
        double[] exactLevel = perTieLevel(exact, Bursts.NONE, 1, 3000, 1);
        double[] midLevel = perTieLevel(midP, Bursts.NONE, 1, 3000, 1);
        System.out.println("per-tie level, Poisson, exact:" + row(exactLevel));
        System.out.println("per-tie level, Poisson, mid-p:" + row(midLevel));
        for (int r = 0; r < RATES.length; r++) {
            assertThat(exactLevel[r]).as("exact, rate %s", RATES[r]).isLessThanOrEqualTo(ALPHA + 0.01);
            assertThat(midLevel[r]).as("mid-p, rate %s", RATES[r]).isLessThanOrEqualTo(ALPHA + 0.01);
        }

        SplittableRandom rnd = new SplittableRandom(2);
        double[] calendar = SimulatedTies.calendar(false);
        Org org = Org.steady(rnd, 6000, calendar, Bursts.NONE, 1);
        ActivityProfile profile = SimulatedTies.estimateProfile(org.counts());
        List<TieVerdict> v = run(exact, org, profile), vm = run(midP, org, profile);
        double todays = todaysFadingShare(org);
        System.out.printf(
                Locale.ROOT,
                "steady Poisson organisation: %d judged, fading calls exact %d, mid-p %d; today's rules %.1f%%%n",
                judged(v),
                fadingCalls(v),
                fadingCalls(vm),
                100 * todays);
        assertThat(fadingCalls(v)).isLessThanOrEqualTo(judged(v) / 100);
        assertThat(fadingCalls(vm)).isLessThanOrEqualTo(judged(vm) / 100);
        assertThat(todays).as("today's dormant rule fails this calibration").isGreaterThan(0.01);
    }

    /**
     * The issue's organisation: every tie about five contacts spread over the look-back, nothing fading. Today's rules
     * call about one tie in six dormant (the issue: 15.9%); the tests call at most 1% (none, measured).
     */
    @Test
    void theIssuesSparseOrganisation() {
        double[] calendar = SimulatedTies.calendar(false);
        double mean = 0;
        for (double a : calendar) mean += a / L;
        double rate = 5.0 / L / mean; // five contacts expected over the look-back
        SplittableRandom rnd = new SplittableRandom(12);
        List<int[]> counts = new ArrayList<>();
        for (int i = 0; i < 8000; i++) counts.add(SimulatedTies.counts(rnd, rate, calendar, 1, Bursts.NONE, 1));
        Org org = new Org(counts, new boolean[counts.size()], null);
        List<TieVerdict> v = run(exact, org, SimulatedTies.estimateProfile(counts));
        double todays = todaysFadingShare(org);
        long dormant = v.stream()
                .filter(t -> t != null && t.status() == TieStatus.DORMANT)
                .count();
        long quietStable = v.stream()
                .filter(t -> t != null
                        && t.status() == TieStatus.STABLE
                        && t.reason().startsWith("quiet for"))
                .count();
        System.out.printf(
                Locale.ROOT,
                "sparse steady organisation (5 contacts a tie): %d judged, today's rules %.1f%% fading,"
                        + " tests: %d fading (%d dormant), %d stable with a usual quiet%n",
                judged(v),
                100 * todays,
                fadingCalls(v),
                dormant,
                quietStable);
        assertThat(todays).isGreaterThan(0.10);
        assertThat(fadingCalls(v)).isLessThanOrEqualTo(judged(v) / 100);
        assertThat(quietStable).isGreaterThan(judged(v) / 10);
    }

    /**
     * Over-dispersed ties that keep their rate: negative-binomial days (gamma shape 0.5: a day's variance μ + 2μ²) and
     * busy and quiet weeks (a week's rate times Gamma(1), coefficient of variation 1). The exact test stays at α per tie
     * (the dispersion widens it); mid-p is printed (it runs a little above α here, which is why the default is exact);
     * under FDR control at most 1% of the ties are called. Without the dispersion (the plain binomial of today) the
     * weekly bursts would be called far more often than α.
     */
    @Test
    void overDispersedSteadyTies() {
        for (Object[] model : new Object[][] {{Bursts.DAILY, 0.5}, {Bursts.WEEKLY, 1.0}}) {
            Bursts bursts = (Bursts) model[0];
            double shape = (Double) model[1];
            double[] exactLevel = perTieLevel(exact, bursts, shape, 2500, 3);
            double[] midLevel = perTieLevel(midP, bursts, shape, 2500, 3);
            System.out.println("per-tie level, " + bursts + " " + shape + ", exact:" + row(exactLevel));
            System.out.println("per-tie level, " + bursts + " " + shape + ", mid-p:" + row(midLevel));
            for (int r = 0; r < RATES.length; r++)
                assertThat(exactLevel[r])
                        .as("exact, %s, rate %s", bursts, RATES[r])
                        .isLessThanOrEqualTo(ALPHA + 0.01);

            SplittableRandom rnd = new SplittableRandom(4);
            Org org = Org.steady(rnd, 4000, SimulatedTies.calendar(false), bursts, shape);
            List<TieVerdict> v = run(exact, org, SimulatedTies.estimateProfile(org.counts()));
            int plainCalls = 0, tested = 0;
            for (TieVerdict t : v) {
                if (t == null || !t.evidence().tested() || t.evidence().silent()) continue;
                tested++;
                TieEvidence e = t.evidence();
                int n = e.recentContacts() + e.baselineContacts();
                if (n > 0
                        && e.rateRatio() < 0.5
                        && BinomialTest.lowerTail(e.recentContacts(), n, e.expectedShare()) < ALPHA) plainCalls++;
            }
            System.out.printf(
                    Locale.ROOT,
                    "steady %s organisation: %d judged, fading calls %d; plain binomial at α: %.1f%% of %d%n",
                    bursts,
                    judged(v),
                    fadingCalls(v),
                    100.0 * plainCalls / tested,
                    tested);
            assertThat(fadingCalls(v)).isLessThanOrEqualTo(judged(v) / 100);
            if (bursts == Bursts.WEEKLY)
                assertThat((double) plainCalls / tested).isGreaterThan(2 * ALPHA);
        }
    }

    /**
     * A company-wide holiday of ten days inside R (activity × 0.1) in an organisation of 5,000 ties, 10% of them planted
     * fading (rate × 0.2 in R, baseline 1.5 to 3 a day): the fading calls with the holiday are within 20% of those
     * without, and at least 90% of the planted ties are found in both. Judged against a flat calendar instead, the
     * holiday turns into hundreds of false calls.
     */
    @Test
    void aCompanyHolidayInsideR() {
        long[] calls = new long[2];
        for (int h = 0; h < 2; h++) {
            boolean holiday = h == 1;
            Org org = Org.mixed(
                    new SplittableRandom(6), 5000, 0.1, 0.2, 1.5, 3, SimulatedTies.calendar(holiday), Bursts.NONE, 1);
            ActivityProfile profile = SimulatedTies.estimateProfile(org.counts());
            List<TieVerdict> v = run(exact, org, profile);
            int planted = 0, found = 0, falseCalls = 0;
            for (int i = 0; i < v.size(); i++) {
                TieVerdict t = v.get(i);
                if (org.fading()[i]) {
                    planted++;
                    if (t != null && t.fading()) found++;
                } else if (t != null && t.fading()) falseCalls++;
            }
            calls[h] = fadingCalls(v);
            List<TieVerdict> unadjusted = run(exact, org, ActivityProfile.flat(L));
            long unadjustedFalse = 0;
            for (int i = 0; i < v.size(); i++)
                if (!org.fading()[i]
                        && unadjusted.get(i) != null
                        && unadjusted.get(i).fading()) unadjustedFalse++;
            System.out.printf(
                    Locale.ROOT,
                    "holiday %s: fading calls %d, planted found %d/%d, false calls %d (expected at most %.1f);"
                            + " flat calendar: false calls %d%n",
                    holiday,
                    calls[h],
                    found,
                    planted,
                    falseCalls,
                    TieTests.expectedFalseAlarms(judgedOnly(v)),
                    unadjustedFalse);
            assertThat(found).isGreaterThanOrEqualTo((int) Math.ceil(0.9 * planted));
            if (holiday) assertThat(unadjustedFalse).isGreaterThan(10L * Math.max(1, falseCalls));
        }
        assertThat((double) calls[1]).isBetween(0.8 * calls[0], 1.2 * calls[0]);
    }

    /**
     * 400 people with about ten ties each (rates 0.05 to 1 a day), 20 of them away from a week before R to the run
     * date, 20 back from seven weeks of leave in B, a holiday in R. Every leaver is flagged away and at least 90% of
     * their tested ties are paused, none fading; no returner is flagged; without the absences, the leavers' ties would
     * be called fading.
     */
    @Test
    void peopleOnLeave() {
        SplittableRandom rnd = new SplittableRandom(10);
        double[] calendar = SimulatedTies.calendar(true);
        int people = 400, ties = 2000;
        int[][] away = new int[people][];
        for (int p = 0; p < 20; p++) away[p] = new int[] {RS - 7, L};
        for (int p = 20; p < 40; p++) away[p] = new int[] {BS + 10, BS + 59};
        int[] a = new int[ties], b = new int[ties];
        List<int[]> counts = new ArrayList<>();
        List<List<int[]>> byPerson = new ArrayList<>();
        for (int p = 0; p < people; p++) byPerson.add(new ArrayList<>());
        for (int t = 0; t < ties; t++) {
            a[t] = rnd.nextInt(people);
            do b[t] = rnd.nextInt(people);
            while (b[t] == a[t]);
            int[] c = SimulatedTies.counts(rnd, SimulatedTies.logUniform(rnd, 0.05, 1), calendar, 1, Bursts.NONE, 1);
            for (int[] x : new int[][] {away[a[t]], away[b[t]]})
                if (x != null) for (int d = x[0]; d < x[1]; d++) c[d] = 0;
            counts.add(c);
            byPerson.get(a[t]).add(c);
            byPerson.get(b[t]).add(c);
        }
        ActivityProfile profile = SimulatedTies.estimateProfile(counts);
        Absence absence = Absence.defaults();
        List<List<AwayStretch>> stretches = new ArrayList<>();
        int steadyFlagged = 0;
        for (int p = 0; p < people; p++) {
            List<AwayStretch> s = absence.detect(SimulatedTies.contactDays(byPerson.get(p)), profile);
            stretches.add(s);
            boolean flagged = Absence.awayDuring(s, RS, L);
            if (p < 20) assertThat(flagged).as("leaver %d", p).isTrue();
            else if (p < 40) assertThat(flagged).as("returner %d", p).isFalse();
            else if (flagged) steadyFlagged++;
        }
        List<TieEvidence> evidence = new ArrayList<>(), ignoringAbsence = new ArrayList<>();
        List<Integer> index = new ArrayList<>();
        for (int t = 0; t < ties; t++) {
            TieHistory h = SimulatedTies.history(counts.get(t));
            if (h == null) continue;
            evidence.add(exact.test(h, profile, stretches.get(a[t]), stretches.get(b[t])));
            ignoringAbsence.add(exact.test(h, profile));
            index.add(t);
        }
        List<TieVerdict> v = exact.judgeAll(evidence), blind = exact.judgeAll(ignoringAbsence);
        int leaverTies = 0, paused = 0, fading = 0, blindFading = 0, otherPaused = 0, others = 0;
        for (int j = 0; j < v.size(); j++) {
            int t = index.get(j);
            boolean leaver = a[t] < 20 || b[t] < 20;
            if (!v.get(j).evidence().tested()) continue;
            if (leaver) {
                leaverTies++;
                if (v.get(j).paused()) paused++;
                if (v.get(j).fading()) fading++;
                if (blind.get(j).fading()) blindFading++;
            } else {
                others++;
                if (v.get(j).paused()) otherPaused++;
            }
        }
        System.out.printf(
                "people on leave: leavers' tested ties %d, paused %d, fading %d (ignoring absences: %d fading);"
                        + " other ties paused %d of %d; steady people flagged %d of %d%n",
                leaverTies, paused, fading, blindFading, otherPaused, others, steadyFlagged, people - 40);
        assertThat(paused).isGreaterThanOrEqualTo((int) Math.ceil(0.9 * leaverTies));
        assertThat(fading).isZero();
        // the absences matter: judged blind to them, leavers' ties are called fading (12 of 190 with this seed; 55 with
        // a
        // family of every tested tie, before Tarone's rule left the sparse ones out)
        assertThat(blindFading).isGreaterThan(leaverTies / 20);
        assertThat(steadyFlagged).isLessThanOrEqualTo((people - 40) / 100);
    }

    /**
     * The false share of the fading list at fdr = 0.1, averaged over 50 seeds of 1,500 ties each, 20% of them fading
     * (to 0, 0.2 or 0.4 of their rate in R), with Poisson contacts: at most 0.1 on average; the expected false alarms
     * stated for each list ({@link TieTests#expectedFalseAlarms}) are at least the false calls on average; the list
     * without false-discovery control (each tie at p &lt; 0.1) has a false share above 0.1.
     */
    @Test
    void theFalseShareOfTheFadingListIsAtMostFdrPoisson() {
        // mean calls 96.3 with Tarone's family (119.9 with every tested tie in the family: with a fifth of the ties
        // fading the list is long, BH's threshold generous, and the sparse ties Tarone leaves out could have been
        // called; in an organisation where few ties fade, the smaller family is what lets the list find anything)
        falseShareOverSeeds(Bursts.NONE, 90);
    }

    /** The same with busy and quiet weeks (a week's rate times Gamma(2)). */
    @Test
    void theFalseShareOfTheFadingListIsAtMostFdrOverDispersed() {
        falseShareOverSeeds(Bursts.WEEKLY, 40);
    }

    void falseShareOverSeeds(Bursts bursts, int minMeanCalls) {
        double sumFdp = 0, sumRawFdp = 0, sumFalse = 0, sumExpected = 0, sumCalls = 0;
        int seeds = 50;
        for (int seed = 0; seed < seeds; seed++) {
            SplittableRandom rnd = new SplittableRandom(1000 + seed);
            double[] calendar = SimulatedTies.calendar(false);
            List<int[]> counts = new ArrayList<>();
            boolean[] fading = new boolean[1500];
            for (int i = 0; i < fading.length; i++) {
                fading[i] = rnd.nextDouble() < 0.2;
                double fade = fading[i] ? 0.2 * rnd.nextInt(3) : 1;
                counts.add(
                        SimulatedTies.counts(rnd, SimulatedTies.logUniform(rnd, 0.05, 3), calendar, fade, bursts, 2));
            }
            Org org = new Org(counts, fading, null);
            List<TieVerdict> v = run(exact, org, SimulatedTies.estimateProfile(counts));
            int calls = 0, falseCalls = 0, rawCalls = 0, rawFalse = 0;
            for (int i = 0; i < v.size(); i++) {
                if (v.get(i) == null) continue;
                if (rawCall(v.get(i).evidence(), FDR)) {
                    rawCalls++;
                    if (!fading[i]) rawFalse++;
                }
                if (!v.get(i).fading()) continue;
                calls++;
                if (!fading[i]) falseCalls++;
            }
            sumFdp += calls == 0 ? 0 : (double) falseCalls / calls;
            sumRawFdp += rawCalls == 0 ? 0 : (double) rawFalse / rawCalls;
            sumFalse += falseCalls;
            sumCalls += calls;
            sumExpected += TieTests.expectedFalseAlarms(judgedOnly(v));
        }
        System.out.printf(
                Locale.ROOT,
                "FDR over %d seeds, %s: mean false share %.4f (each tie at p < 0.1: %.4f), mean calls %.1f,"
                        + " mean false calls %.2f, mean expected false alarms stated %.2f%n",
                seeds,
                bursts,
                sumFdp / seeds,
                sumRawFdp / seeds,
                sumCalls / seeds,
                sumFalse / seeds,
                sumExpected / seeds);
        assertThat(sumFdp / seeds).isLessThanOrEqualTo(FDR);
        assertThat(sumRawFdp / seeds).as("without FDR control").isGreaterThan(FDR);
        assertThat(sumExpected).isGreaterThanOrEqualTo(sumFalse);
        assertThat(sumCalls / seeds).isGreaterThan(minMeanCalls);
    }
}
