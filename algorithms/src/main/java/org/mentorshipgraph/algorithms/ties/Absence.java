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
 * organisation's activity", conditionally on the first contact day d₁ (anything before it may be before the hire and is
 * never called away), each of the other N = n − 1 contact days falls on day d &gt; d₁ with probability proportional to
 * a(d) (the Poisson approximation of contact days, conservative for busy people). A candidate stretch S = [d_i + 1,
 * d_j) (or [d_i + 1, L) at the end) with x = j − i − 1 contact days inside has
 *
 * <pre>
 *   X ~ Binomial(N, A(S) / A(d₁ + 1, L)),   p(S) = P(X ≤ x)   (exact lower tail, {@link BinomialTest})
 * </pre>
 *
 * Candidates: every stretch that starts the day after a contact day, holds at most {@code maxStrayDays} contact days
 * and lasts at least {@code minAwayDays} calendar days; M of them for the person. A stretch is away when {@code M ·
 * p(S) ≤ level} (Bonferroni over the person's candidates, so a person whose rhythm never changed is flagged somewhere in
 * the look-back with probability at most {@code level}). The stretches reported are chosen greedily by smallest p, each
 * disjoint from those already chosen (a scan statistic: the most surprising silence wins, and a stray contact day in
 * the middle of a leave does not cut it in two). A company holiday counts for little (a(d) ≈ 0.1), so the whole
 * company on holiday is not away; weekends count as the profile says.
 *
 * <p>Input from Spark: per person, the sorted distinct day indices of their contacts in the look-back ({@code
 * array_sort(collect_set(day))} over both ends of every interaction). Cost per person O(n · s · s) time with s =
 * maxStrayDays + 1 (the binomial tails are O(x) each), O(n · s) memory.
 *
 * @param level          family-wise level per person, default 0.01
 * @param minAwayDays    shortest stretch, in calendar days, default 7
 * @param maxStrayDays   contact days tolerated inside a stretch, default 2
 * @param minContactDays fewer contact days than this and nobody can tell: no stretch, default 10
 */
public record Absence(double level, int minAwayDays, int maxStrayDays, int minContactDays)
        implements java.io.Serializable {

    public Absence {
        if (!(level > 0 && level < 1)) throw new IllegalArgumentException("level must be in (0,1)");
        if (minAwayDays < 1) throw new IllegalArgumentException("minAwayDays must be >= 1");
        if (maxStrayDays < 0) throw new IllegalArgumentException("maxStrayDays must be >= 0");
        if (minContactDays < 2) throw new IllegalArgumentException("minContactDays must be >= 2");
    }

    public static Absence defaults() {
        return new Absence(0.01, 7, 2, 10);
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
        double span = profile.sum(first + 1, days);
        if (!(span > 0)) return List.of();
        List<AwayStretch> candidates = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int from = contactDays[i] + 1;
            for (int x = 0; x <= maxStrayDays && i + x + 1 <= n; x++) {
                int j = i + x + 1;
                int to = j < n ? contactDays[j] : days;
                if (to - from < minAwayDays) continue;
                double share = Math.min(1.0, profile.sum(from, to) / span);
                candidates.add(new AwayStretch(from, to, x, BinomialTest.lowerTail(x, trials, share)));
            }
        }
        int m = candidates.size();
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

    /** Whether any stretch shares a day with {@code [from, to)}: with R, the person's {@code away} flag. */
    public static boolean awayDuring(List<AwayStretch> stretches, int from, int to) {
        for (AwayStretch s : stretches) if (s.overlaps(from, to)) return true;
        return false;
    }
}
