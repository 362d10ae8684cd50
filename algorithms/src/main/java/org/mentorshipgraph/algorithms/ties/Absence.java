package org.mentorshipgraph.algorithms.ties;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Is a person away? A stretch of days in which the person had (almost) no contact with anyone, while their own
 * baseline says they should have had many: parental leave, a sabbatical, a long illness. Their ties then fall silent
 * for a reason that asks nobody to act, and the tie tests set those days aside ({@link TieTests}, status {@code
 * paused}).
 *
 * <h2>Test</h2>
 *
 * The person's contact days (days with at least one contact with anyone) {@code d₁ < d₂ < … < d_n} in the look-back
 * and the activity profile a(d) ({@link ActivityProfile}). Under the null "the person kept their share of the
 * organisation's activity" their contacts on day d are Poisson with mean λ·a(d), so day d is a contact day with
 * probability {@code w(d) = 1 − exp(−λ·a(d))}; λ̂ solves {@code Σ_{d>d₁} w(d) = N} (bisection), conditionally on the
 * first contact day d₁ (anything before it may be before the hire and is never called away) and its N = n − 1
 * successors. (The contact-day weights matter for busy people: a weekend at a(d) = 0.15 still has a fair chance of a
 * contact day when weekdays are nearly always one.) A candidate stretch S = [d_i + 1, d_j) (or [d_i + 1, L) at the
 * end) with x = j − i − 1 contact days inside has
 *
 * <pre>
 *   X ~ Binomial(N, W(S) / W(d₁ + 1, L)),   p(S) = P(X ≤ x)   (exact lower tail, {@link BinomialTest})
 * </pre>
 *
 * with W the sums of w (the conditional count of independent Bernoulli days, approximated by the binomial with the
 * same mean: conservative, as drawing days without replacement only narrows it).
 *
 * Candidates: every stretch that starts the day after a contact day, holds at most {@code maxStrayDays} contact days
 * and lasts at least {@code minAwayDays} calendar days. A stray contact day is tolerated
 * only between two silent segments in each of which the person would have expected at least {@link
 * #STRAY_SEGMENT_EXPECTED} contact days ({@code N·W(segment)/W(d₁ + 1, L)}): a leave with one e-mail
 * in the middle stays one stretch, but the ordinary gaps of a sparse person before their leave are not swept into it. A stretch is away when {@code M ·
 * p(S) ≤ level} (Bonferroni over the person's candidates, so a person whose rhythm never changed is flagged somewhere in
 * the look-back with probability at most {@code level}). The stretches reported are chosen greedily by smallest p, each
 * disjoint from those already chosen (a scan statistic: the most surprising silence wins, and a stray contact day in
 * the middle of a leave does not cut it in two). A company holiday counts for little (a(d) ≈ 0.1), so the whole
 * company on holiday is not away; weekends count as the profile says.
 *
 * <p>Input from Spark: per person, the sorted distinct day indices of their contacts in the look-back ({@code
 * array_sort(collect_set(day))} over both ends of every interaction). Cost per person O(n · s · s) time with s =
 * maxStrayDays + 1 (the binomial tails are O(x) each) plus O(60 · L) for λ̂, O(n · s + L) memory.
 *
 * @param level          family-wise level per person, default 0.05
 * @param minAwayDays    shortest stretch, in calendar days, default 7
 * @param maxStrayDays   contact days tolerated inside a stretch, default 1
 * @param minContactDays fewer contact days than this and nobody can tell: no stretch, default 10
 */
public record Absence(double level, int minAwayDays, int maxStrayDays, int minContactDays)
        implements java.io.Serializable {

    /** Contact days a silent segment next to a stray contact day must have been expected to hold. */
    public static final double STRAY_SEGMENT_EXPECTED = 3.0;

    public Absence {
        if (!(level > 0 && level < 1)) throw new IllegalArgumentException("level must be in (0,1)");
        if (minAwayDays < 1) throw new IllegalArgumentException("minAwayDays must be >= 1");
        if (maxStrayDays < 0) throw new IllegalArgumentException("maxStrayDays must be >= 0");
        if (minContactDays < 2) throw new IllegalArgumentException("minContactDays must be >= 2");
    }

    public static Absence defaults() {
        return new Absence(0.05, 7, 1, 10);
    }

    /** The person's away stretches in the look-back, earliest first; empty when none. */
    public List<AwayStretch> detect(int[] contactDays, ActivityProfile profile) {
        int n = contactDays.length, days = profile.days();
        for (int i = 0; i < n; i++) {
            if (contactDays[i] < 0 || contactDays[i] >= days)
                throw new IllegalArgumentException("contact day outside the look-back: " + contactDays[i]);
            if (i > 0 && contactDays[i] <= contactDays[i - 1])
                throw new IllegalArgumentException("contact days must be sorted and distinct");
        }
        if (n < minContactDays) return List.of();
        int first = contactDays[0], trials = n - 1;
        ActivityProfile weights = contactDayWeights(profile, first + 1, trials);
        double span = weights.sum(first + 1, days);
        if (!(span > 0)) return List.of();
        double rate = trials / span;
        List<AwayStretch> candidates = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int from = contactDays[i] + 1;
            for (int x = 0; x <= maxStrayDays && i + x + 1 <= n; x++) {
                int j = i + x + 1;
                int to = j < n ? contactDays[j] : days;
                if (x > 0) {
                    // the segment that the stray day x closes, and the one after it, must each look empty
                    int segFrom = x == 1 ? from : contactDays[i + x - 1] + 1, segTo = contactDays[i + x];
                    if (rate * weights.sum(segFrom, segTo) < STRAY_SEGMENT_EXPECTED) break;
                    if (rate * weights.sum(contactDays[i + x] + 1, to) < STRAY_SEGMENT_EXPECTED) continue;
                }
                if (to - from < minAwayDays) continue;
                double share = Math.min(1.0, weights.sum(from, to) / span);
                candidates.add(new AwayStretch(from, to, x, BinomialTest.lowerTail(x, trials, share)));
            }
        }
        int m = n * (maxStrayDays + 1);
        List<AwayStretch> chosen = new ArrayList<>();
        candidates.stream()
                .filter(c -> c.pValue() * m <= level)
                .sorted(Comparator.comparingDouble(AwayStretch::pValue).thenComparingInt(AwayStretch::fromDay))
                .forEach(c -> {
                    for (AwayStretch s : chosen) if (s.overlaps(c.fromDay(), c.toDay())) return;
                    chosen.add(new AwayStretch(c.fromDay(), c.toDay(), c.contactDays(), Math.min(1.0, c.pValue() * m)));
                });
        AwayStretch[] out = chosen.toArray(new AwayStretch[0]);
        Arrays.sort(out, Comparator.comparingInt(AwayStretch::fromDay));
        return List.of(out);
    }

    /**
     * The contact-day probabilities {@code w(d) = 1 − exp(−λ·a(d))} for days ≥ from, with λ such that they sum to
     * {@code trials} (0 before from); every day with a(d) &gt; 0 at 1 when trials fill them all. 60 bisection steps.
     */
    static ActivityProfile contactDayWeights(ActivityProfile profile, int from, int trials) {
        int days = profile.days();
        double[] w = new double[days];
        int open = 0;
        for (int d = from; d < days; d++) if (profile.at(d) > 0) open++;
        if (trials >= open) {
            for (int d = from; d < days; d++) w[d] = profile.at(d) > 0 ? 1.0 : 0.0;
            return ActivityProfile.of(w);
        }
        double lo = 0, hi = 1;
        while (expectedDays(profile, from, hi) < trials) hi *= 2;
        for (int it = 0; it < 60; it++) {
            double mid = 0.5 * (lo + hi);
            if (expectedDays(profile, from, mid) < trials) lo = mid;
            else hi = mid;
        }
        double lambda = 0.5 * (lo + hi);
        for (int d = from; d < days; d++) w[d] = -Math.expm1(-lambda * profile.at(d));
        return ActivityProfile.of(w);
    }

    private static double expectedDays(ActivityProfile profile, int from, double lambda) {
        double s = 0;
        for (int d = from; d < profile.days(); d++) s += -Math.expm1(-lambda * profile.at(d));
        return s;
    }

    /** Whether any stretch shares a day with {@code [from, to)}: with R, the person's {@code away} flag. */
    public static boolean awayDuring(List<AwayStretch> stretches, int from, int to) {
        for (AwayStretch s : stretches) if (s.overlaps(from, to)) return true;
        return false;
    }
}
