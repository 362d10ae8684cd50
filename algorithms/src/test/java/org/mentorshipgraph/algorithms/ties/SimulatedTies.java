package org.mentorshipgraph.algorithms.ties;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded simulations of tie histories for the calibration tests: a look-back of 182 days, R = the last 28, B = the 84
 * before; a calendar with weekends at 0.15 of a weekday and an optional company-wide holiday of ten days inside R at 0.1;
 * ties whose contacts per day are Poisson (or gamma-Poisson, bursty) with mean {@code rate · a(d)}, optionally fading to
 * {@code rate · fade} in R.
 */
final class SimulatedTies {
    static final int L = 182, R = 28, B = 84, RS = L - R, BS = RS - B;
    /** The holiday: days [L − 20, L − 10), inside R. */
    static final int HOLIDAY_FROM = L - 20, HOLIDAY_TO = L - 10;

    private SimulatedTies() {}

    /** How contacts cluster. */
    enum Bursts {
        /** Poisson days. */
        NONE,
        /** Each day's mean times a Gamma(shape, 1/shape) factor: negative-binomial days, bursts within a day. */
        DAILY,
        /** Each week's mean times a Gamma(shape, 1/shape) factor: busy weeks and quiet weeks. */
        WEEKLY
    }

    static double[] calendar(boolean holiday) {
        double[] a = new double[L];
        for (int d = 0; d < L; d++) {
            a[d] = d % 7 < 5 ? 1.0 : 0.15;
            if (holiday && d >= HOLIDAY_FROM && d < HOLIDAY_TO) a[d] *= 0.1;
        }
        return a;
    }

    /** Contacts per day of one tie. */
    static int[] counts(
            SplittableRandom rnd, double rate, double[] activity, double fade, Bursts bursts, double shape) {
        int[] c = new int[L];
        double week = 1;
        for (int d = 0; d < L; d++) {
            if (bursts == Bursts.WEEKLY && d % 7 == 0) week = gamma(rnd, shape) / shape;
            double g = switch (bursts) {
                case NONE -> 1.0;
                case DAILY -> gamma(rnd, shape) / shape;
                case WEEKLY -> week;
            };
            double mean = rate * activity[d] * g * (d >= RS ? fade : 1.0);
            c[d] = poisson(rnd, mean);
        }
        return c;
    }

    /** The tie's history from its daily counts (null when it has no contact). */
    static TieHistory history(int[] daily) {
        int k = 0;
        for (int c : daily) if (c > 0) k++;
        if (k == 0) return null;
        int[] days = new int[k], contacts = new int[k];
        k = 0;
        for (int d = 0; d < daily.length; d++)
            if (daily[d] > 0) {
                days[k] = d;
                contacts[k++] = daily[d];
            }
        return TieHistory.unweighted(days, contacts, L, R, B);
    }

    /**
     * The profile as the job would estimate it: ties whose first contact is before B, in {@link
     * ActivityProfile#groupsFor} hash buckets, per-day counts, {@link ActivityProfile#estimate}.
     */
    static ActivityProfile estimateProfile(List<int[]> dailyCounts) {
        long total = 0;
        List<int[]> eligible = new ArrayList<>();
        for (int[] c : dailyCounts) {
            int first = -1;
            for (int d = 0; d < L && first < 0; d++) if (c[d] > 0) first = d;
            if (first >= 0 && first < BS) {
                eligible.add(c);
                for (int x : c) total += x;
            }
        }
        int g = ActivityProfile.groupsFor(total, L);
        double[][] buckets = new double[g][L];
        for (int i = 0; i < eligible.size(); i++) {
            int[] c = eligible.get(i);
            for (int d = 0; d < L; d++) buckets[i % g][d] += c[d];
        }
        return ActivityProfile.estimate(buckets);
    }

    /** Days (sorted) on which any of the given daily count arrays has a contact: a person's contact days. */
    static int[] contactDays(List<int[]> dailyCounts) {
        boolean[] any = new boolean[L];
        for (int[] c : dailyCounts) for (int d = 0; d < L; d++) if (c[d] > 0) any[d] = true;
        int k = 0;
        for (boolean b : any) if (b) k++;
        int[] out = new int[k];
        k = 0;
        for (int d = 0; d < L; d++) if (any[d]) out[k++] = d;
        return out;
    }

    /**
     * What today's rules ({@link TieTrendRules#judge}) see of the same tie, as the job computes it: counts in R and B,
     * days since the first and the last contact (a contact at mid-day), the median gap between contact days.
     */
    static TieActivity activity(int[] daily) {
        int recent = 0, baseline = 0, before = 0, first = -1, last = -1;
        List<Integer> days = new ArrayList<>();
        for (int d = 0; d < L; d++) {
            if (daily[d] == 0) continue;
            if (first < 0) first = d;
            last = d;
            days.add(d);
            if (d >= RS) recent += daily[d];
            else {
                before += daily[d];
                if (d >= BS) baseline += daily[d];
            }
        }
        double gap = Double.NaN;
        if (days.size() >= 2) {
            double[] gaps = new double[days.size() - 1];
            for (int i = 1; i < days.size(); i++) gaps[i - 1] = days.get(i) - days.get(i - 1);
            java.util.Arrays.sort(gaps);
            int m = gaps.length;
            gap = m % 2 == 1 ? gaps[m / 2] : (gaps[m / 2 - 1] + gaps[m / 2]) / 2;
        }
        return new TieActivity(recent, baseline, recent, baseline, before, L - first - 0.5, L - last - 0.5, gap);
    }

    /** A rate drawn log-uniformly from [lo, hi]. */
    static double logUniform(SplittableRandom rnd, double lo, double hi) {
        return lo * Math.exp(rnd.nextDouble() * Math.log(hi / lo));
    }

    static int poisson(SplittableRandom r, double mean) {
        if (mean <= 0) return 0;
        if (mean > 30) return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian(r)));
        double l = Math.exp(-mean), p = 1;
        int k = 0;
        do {
            k++;
            p *= r.nextDouble();
        } while (p > l);
        return k - 1;
    }

    static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    /** Gamma(shape, 1) by Marsaglia &amp; Tsang (2000), with the shape &lt; 1 boost. */
    static double gamma(SplittableRandom r, double shape) {
        if (shape < 1) return gamma(r, shape + 1) * Math.pow(r.nextDouble(), 1 / shape);
        double d = shape - 1.0 / 3, c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = gaussian(r), v = 1 + c * x;
            if (v <= 0) continue;
            v = v * v * v;
            double u = r.nextDouble();
            if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
        }
    }
}
