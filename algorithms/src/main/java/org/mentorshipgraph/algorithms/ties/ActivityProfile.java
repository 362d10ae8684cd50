package org.mentorshipgraph.algorithms.ties;

import java.util.Arrays;

/**
 * The relative activity of an organisation (or a team) per day of the look-back: how much contact an ordinary tie is
 * expected to have on day d compared with an ordinary day, {@code a(d) ≥ 0}, 1.0 on an ordinary day, about 0.1 on a
 * day when most of the company is on holiday, low at weekends. It is the "expected activity" A of the tie tests:
 * under the null hypothesis "this tie kept its share of the activity around it" a tie's contacts on day d are Poisson
 * with mean {@code λ·a(d)}, so a window W counts for {@code A(W) = Σ_{d∈W} a(d)} ordinary days.
 *
 * <p>Days are indexed from the start of the look-back: day 0 is its first (oldest) day, day {@code days() − 1} the
 * last day before the run date T; with a recent window of r days and a baseline of b days, R = [L − r, L) and B = [L −
 * r − b, L − r) for L = {@link #days()}. Sums over half-open day ranges are O(1) from prefix sums; building costs O(L).
 *
 * <h2>Estimator ({@link #estimate})</h2>
 *
 * From per-day contact counts {@code c[g][d]} of G groups of ties (hash buckets of ties, or teams), a DESeq-style
 * median-of-ratios (S. Anders &amp; W. Huber, "Differential expression analysis for sequence count data", Genome
 * Biology 11:R106, 2010), here as a trimmed mean of ratios in the spirit of TMM (M. D. Robinson &amp; A. Oshlack,
 * Genome Biology 11:R25, 2010), pooled over the groups kept:
 *
 * <pre>
 *   m_g   = (1/L) Σ_d c[g][d]                         the group's mean day
 *   r_g,d = c[g][d] / m_g                             the group's relative activity on day d
 *   K_d   = the groups left when the ⌊τG⌋ lowest and the ⌊τG⌋ highest r_g,d are dropped (τ = trim, default 0.25)
 *   a'(d) = Σ_{g∈K_d} c[g][d] / Σ_{g∈K_d} m_g
 *   a(d)  = a'(d) / median_d a'(d)                     so that an ordinary (median) day is 1.0
 * </pre>
 *
 * With τ = 0 (or G &lt; 1/τ) it is the pooled ratio Σ_g c / Σ_g m (the Poisson maximum-likelihood day effect); with τ
 * → ½ the median of the ratios. Trimming by count of groups, not by their weight, bounds the influence of any one
 * group however heavy: a few heavy ties that stop (an automated mailer), or one team's off-site, land in the trimmed
 * tails as long as fewer than τG groups behave so. Fading ties spread evenly over all groups are not
 * trimmed: they lower a(d) in R by their share of the contacts (5% of ties fading to 20% lowers it by about 4%), which
 * makes the tests slightly conservative, never liberal. The trimmed mean of ratios of small Poisson counts is biased
 * low (about −20% at 1 contact per group-day, under 1% from 20), so choose G with {@link #groupsFor} to keep an
 * ordinary group-day at 20 contacts or more; weekends and holidays, where counts are low, then carry a small bias on a
 * small number.
 *
 * <h2>What to feed it (Spark)</h2>
 *
 * One grouped count: for the ties that already existed before the baseline (first contact before B, so that new ties
 * and new hires do not raise R against B), {@code groupBy(pmod(hash(a, b), G), day).count()} over the look-back,
 * collected to the driver as a G × L array (G ≤ 64: at most 64 · L numbers). Team profiles are the same estimator
 * over the team's ties, when the team has the contacts for it.
 *
 * <p>Cost: {@link #estimate} O(L · G log G) time, O(G · L) memory; {@link #sum} O(1).
 */
public final class ActivityProfile implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    /** Default trim fraction τ of {@link #estimate(double[][])}. */
    public static final double DEFAULT_TRIM = 0.25;

    private final double[] relative;
    private final double[] prefix;

    private ActivityProfile(double[] relative) {
        this.relative = relative;
        this.prefix = new double[relative.length + 1];
        for (int d = 0; d < relative.length; d++) {
            double a = relative[d];
            if (!(a >= 0) || Double.isInfinite(a))
                throw new IllegalArgumentException("relative activity must be finite and >= 0, day " + d + ": " + a);
            prefix[d + 1] = prefix[d] + a;
        }
    }

    /** A profile with the given relative activity per day (copied). */
    public static ActivityProfile of(double... relativeActivity) {
        return new ActivityProfile(relativeActivity.clone());
    }

    /** Every day ordinary (1.0): the tests then reduce to the unadjusted ones with window shares |R|/(|R|+|B|). */
    public static ActivityProfile flat(int days) {
        double[] a = new double[days];
        Arrays.fill(a, 1.0);
        return new ActivityProfile(a);
    }

    /** Days in the look-back, L. */
    public int days() {
        return relative.length;
    }

    /** a(d), the relative activity of day d. */
    public double at(int day) {
        return relative[day];
    }

    /** A copy of a(0..L−1). */
    public double[] toArray() {
        return relative.clone();
    }

    /** {@code A([from, to)) = Σ_{from ≤ d < to} a(d)}; the range is clipped to [0, L). O(1). */
    public double sum(int from, int to) {
        int f = Math.max(0, from), t = Math.min(relative.length, to);
        return t <= f ? 0.0 : prefix[t] - prefix[f];
    }

    /**
     * The profile of a tie across two groups: the per-day geometric mean {@code √(a₁(d)·a₂(d))}, the multiplicative
     * model's rate of a tie between a member of each (a day off in either group lowers it).
     */
    public static ActivityProfile between(ActivityProfile p, ActivityProfile q) {
        if (p.days() != q.days()) throw new IllegalArgumentException("profiles of different lengths");
        double[] a = new double[p.days()];
        for (int d = 0; d < a.length; d++) a[d] = Math.sqrt(p.relative[d] * q.relative[d]);
        return new ActivityProfile(a);
    }

    /**
     * How many hash buckets of ties to count in, so that an ordinary bucket-day holds about 20 contacts: {@code
     * clamp(contacts / (20 · days), 1, 64)}.
     */
    public static int groupsFor(long contactsInLookback, int days) {
        long g = contactsInLookback / (20L * Math.max(1, days));
        return (int) Math.max(1, Math.min(64, g));
    }

    /** {@link #estimate(double[][], double)} with τ = {@link #DEFAULT_TRIM}. */
    public static ActivityProfile estimate(double[][] countsByGroupByDay) {
        return estimate(countsByGroupByDay, DEFAULT_TRIM);
    }

    /**
     * The robust activity profile from per-group, per-day contact counts (see the class comment). Groups with no
     * contact at all are ignored; with none left, or a median day of 0, the profile is flat.
     *
     * @param countsByGroupByDay {@code c[g][d]}, every row of the same length L
     * @param trim               τ in [0, 0.5): the share of weight trimmed at each end of the ratios of a day
     */
    public static ActivityProfile estimate(double[][] countsByGroupByDay, double trim) {
        if (!(trim >= 0 && trim < 0.5)) throw new IllegalArgumentException("trim must be in [0, 0.5): " + trim);
        if (countsByGroupByDay.length == 0) throw new IllegalArgumentException("no groups");
        int days = countsByGroupByDay[0].length;
        int[] kept = new int[countsByGroupByDay.length];
        double[] mean = new double[countsByGroupByDay.length];
        int g = 0;
        for (int i = 0; i < countsByGroupByDay.length; i++) {
            double[] row = countsByGroupByDay[i];
            if (row.length != days) throw new IllegalArgumentException("group " + i + " has " + row.length + " days");
            double s = 0;
            for (double c : row) {
                if (!(c >= 0)) throw new IllegalArgumentException("counts must be >= 0");
                s += c;
            }
            if (s > 0) {
                kept[g] = i;
                mean[g++] = s / days;
            }
        }
        if (g == 0) return flat(days);
        int cut = (int) Math.floor(trim * g);
        double[] raw = new double[days];
        Integer[] order = new Integer[g];
        double[] ratio = new double[g];
        for (int d = 0; d < days; d++) {
            for (int i = 0; i < g; i++) {
                ratio[i] = countsByGroupByDay[kept[i]][d] / mean[i];
                order[i] = i;
            }
            Arrays.sort(order, (x, y) -> Double.compare(ratio[x], ratio[y]));
            // drop the ⌊τG⌋ lowest and highest ratios, pool the rest
            double num = 0, den = 0;
            for (int j = cut; j < g - cut; j++) {
                int i = order[j];
                num += countsByGroupByDay[kept[i]][d];
                den += mean[i];
            }
            raw[d] = den > 0 ? num / den : 0.0;
        }
        double[] sorted = raw.clone();
        Arrays.sort(sorted);
        double median = days % 2 == 1 ? sorted[days / 2] : 0.5 * (sorted[days / 2 - 1] + sorted[days / 2]);
        if (!(median > 0)) return flat(days);
        for (int d = 0; d < days; d++) raw[d] /= median;
        return new ActivityProfile(raw);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ActivityProfile p && Arrays.equals(relative, p.relative);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(relative);
    }

    @Override
    public String toString() {
        return "ActivityProfile[" + relative.length + " days, total " + prefix[relative.length] + "]";
    }
}
