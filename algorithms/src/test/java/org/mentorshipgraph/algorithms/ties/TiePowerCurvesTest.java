package org.mentorshipgraph.algorithms.ties;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mentorshipgraph.algorithms.ties.SimulatedTies.Bursts;

/**
 * Power curves: the share of fading ties found against the fading strength f (rate × f in R; f = 1 is no fade, the
 * false-alarm rate), per baseline rate (contacts per ordinary weekday), for today's rules, the exact test and mid-p.
 * Printed for the closing note. Look-back 182, R = 28, B = 84, weekends at 0.15.
 */
class TiePowerCurvesTest {
    static final double[] FADES = {0, 0.1, 0.2, 0.3, 0.5, 0.7, 1.0};
    static final double[] RATES = {0.1, 0.3, 1, 3};
    final TieTests exact = new TieTests(28, 84, 0.5, 0.05, 0.1, false, 7);
    final TieTests midP = new TieTests(28, 84, 0.5, 0.05, 0.1, true, 7);
    final TieTrendRules today = TieTrendRules.defaults();

    /** Each tie alone at α = 0.05 (no false-discovery control): [method][rate][fade]. */
    @Test
    void perTieAtAlpha() {
        int trials = 1200;
        double[] calendar = SimulatedTies.calendar(false);
        ActivityProfile profile = ActivityProfile.of(calendar);
        double[][][] power = new double[3][RATES.length][FADES.length];
        SplittableRandom rnd = new SplittableRandom(17);
        for (int r = 0; r < RATES.length; r++) {
            for (int f = 0; f < FADES.length; f++) {
                int judged = 0;
                int[] called = new int[3];
                for (int i = 0; i < trials; i++) {
                    int[] c = SimulatedTies.counts(rnd, RATES[r], calendar, FADES[f], Bursts.NONE, 1);
                    TieHistory h = SimulatedTies.history(c);
                    if (h == null) continue;
                    TieEvidence e = exact.test(h, profile), m = midP.test(h, profile);
                    if (!e.tested()) continue;
                    judged++;
                    TieStatus s = today.judge(SimulatedTies.activity(c)).status();
                    if (s == TieStatus.WEAKENING || s == TieStatus.DORMANT) called[0]++;
                    if (TieTestsCalibrationTest.rawCall(e, 0.05)) called[1]++;
                    if (TieTestsCalibrationTest.rawCall(m, 0.05)) called[2]++;
                }
                for (int k = 0; k < 3; k++) power[k][r][f] = (double) called[k] / judged;
            }
        }
        print("per tie at α = 0.05", new String[] {"today", "exact", "mid-p"}, power);
        for (int r = 0; r < RATES.length; r++) {
            for (int f = 0; f < FADES.length; f++) {
                assertThat(power[2][r][f]).as("mid-p >= exact").isGreaterThanOrEqualTo(power[1][r][f] - 0.02);
                if (f > 0) assertThat(power[1][r][f]).isLessThanOrEqualTo(power[1][r][f - 1] + 0.05);
            }
            assertThat(power[1][r][FADES.length - 1])
                    .as("level, rate %s", RATES[r])
                    .isLessThanOrEqualTo(0.06);
        }
        assertThat(power[1][2][2]).as("rate 1, fade to 0.2").isGreaterThanOrEqualTo(0.9);
        assertThat(power[1][1][0]).as("rate 0.3, full stop").isGreaterThanOrEqualTo(0.9);
    }

    /**
     * In a run: 4,000 ties, 10% fading to f (rates 0.1 to 3), the others steady (0.05 to 3); the share of the fading
     * ties called under FDR control at 0.1, by rate band: [method][band][fade].
     */
    @Test
    void underFalseDiscoveryControl() {
        double[] bands = {0.1, 0.3, 1, 3.0001};
        double[] calendar = SimulatedTies.calendar(false);
        double[][][] power = new double[2][bands.length - 1][FADES.length - 1];
        for (int f = 0; f < FADES.length - 1; f++) {
            SplittableRandom rnd = new SplittableRandom(30 + f);
            TieTestsCalibrationTest.Org org =
                    TieTestsCalibrationTest.Org.mixed(rnd, 4000, 0.1, FADES[f], 0.1, 3, calendar, Bursts.NONE, 1);
            ActivityProfile profile = SimulatedTies.estimateProfile(org.counts());
            TieTests[] methods = {exact, midP};
            for (int k = 0; k < 2; k++) {
                List<TieVerdict> v = TieTestsCalibrationTest.run(methods[k], org, profile);
                int[] planted = new int[bands.length - 1], found = new int[bands.length - 1];
                for (int i = 0; i < v.size(); i++) {
                    if (!org.fading()[i]) continue;
                    int b = 0;
                    while (org.rates()[i] >= bands[b + 1]) b++;
                    planted[b]++;
                    if (v.get(i) != null && v.get(i).fading()) found[b]++;
                }
                for (int b = 0; b < planted.length; b++) power[k][b][f] = (double) found[b] / planted[b];
            }
        }
        List<String> bandNames = new ArrayList<>();
        for (int b = 0; b + 1 < bands.length; b++)
            bandNames.add(String.format(Locale.ROOT, "%.1f-%.0f", bands[b], Math.floor(bands[b + 1])));
        StringBuilder out =
                new StringBuilder("power under FDR 0.1 (10% of 4,000 ties fading), by baseline rate band\n");
        String[] names = {"exact", "mid-p"};
        for (int k = 0; k < 2; k++)
            for (int b = 0; b < bands.length - 1; b++) {
                out.append(String.format(Locale.ROOT, "  %-6s rate %-8s", names[k], bandNames.get(b)));
                for (int f = 0; f < FADES.length - 1; f++)
                    out.append(String.format(Locale.ROOT, " f=%.1f:%.2f", FADES[f], power[k][b][f]));
                out.append('\n');
            }
        System.out.print(out);
        for (int b = 0; b < bands.length - 1; b++)
            for (int f = 0; f < FADES.length - 1; f++)
                assertThat(power[1][b][f]).isGreaterThanOrEqualTo(power[0][b][f] - 0.03);
        assertThat(power[0][2][0]).as("1-3 a day, full stop").isGreaterThanOrEqualTo(0.95);
        assertThat(power[0][2][2]).as("1-3 a day, fade to 0.2").isGreaterThanOrEqualTo(0.8);
    }

    static void print(String title, String[] methods, double[][][] power) {
        StringBuilder out = new StringBuilder("power curves, " + title + " (f = 1: no fade, the false-alarm rate)\n");
        for (int k = 0; k < methods.length; k++)
            for (int r = 0; r < RATES.length; r++) {
                out.append(String.format(Locale.ROOT, "  %-6s rate %-4s", methods[k], RATES[r]));
                for (int f = 0; f < FADES.length; f++)
                    out.append(String.format(Locale.ROOT, " f=%.1f:%.2f", FADES[f], power[k][r][f]));
                out.append('\n');
            }
        System.out.print(out);
    }
}
