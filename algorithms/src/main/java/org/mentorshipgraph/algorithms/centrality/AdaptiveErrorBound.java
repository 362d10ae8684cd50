package org.mentorshipgraph.algorithms.centrality;

import java.util.Arrays;

/**
 * KADABRA's stopping rule (M. Borassi and E. Natale, "KADABRA is an ADaptive Algorithm for Betweenness via
 * Random Approximation", ESA 2016; ACM J. Exp. Algorithmics 24, 2019): after τ path samples,
 * with b̃(v) = c(v)/τ the fraction of samples whose inner nodes contain v, the true betweenness b(v) (on
 * KADABRA's scale, divided by n(n − 1)) satisfies b̃(v) − f ≤ b(v) ≤ b̃(v) + g with
 *
 * <pre>
 *   f(b̃, δ<sub>L</sub>, ω, τ) = min(b̃,     (ln(1/δ<sub>L</sub>)/τ)·(1/3 − ω/τ + √((1/3 − ω/τ)² + 2b̃ω/ln(1/δ<sub>L</sub>))))
 *   g(b̃, δ<sub>U</sub>, ω, τ) = min(1 − b̃, (ln(1/δ<sub>U</sub>)/τ)·(1/3 + ω/τ + √((1/3 + ω/τ)² + 2b̃ω/ln(1/δ<sub>U</sub>))))
 * </pre>
 *
 * each failing with probability at most δ<sub>L</sub>(v), δ<sub>U</sub>(v), for any stopping time τ ≤ ω
 * (the paper's adaptive-sampling theorem, from a Bernstein-type martingale inequality: the centred
 * indicators of "v is an inner node of sample i" have increments at most 1 and variances at most b(v), which
 * sum to at most ω·b(v) because τ never exceeds ω; solving exp(−λ²/(2(ωb + λ/3))) = δ for the deviation
 * λ = τ·(b − b̃), with b written through b̃, gives f and g).
 * The sampler stops when f &lt; ε and g &lt; ε for every node.
 *
 * <h2>Why the guarantee is proven</h2>
 * <ul>
 *   <li>The per-node confidences are fixed <em>before</em> the counted samples are drawn, from a separate
 *       calibration phase of about ω/100 samples ({@link #calibrate}), and Σ<sub>v</sub> (δ<sub>L</sub>(v) +
 *       δ<sub>U</sub>(v)) = δ/2 exactly. A union bound gives: stopping early, all estimates within ε with
 *       probability at least 1 − δ/2.</li>
 *   <li>If the rule never fires, sampling stops at ω = ⌈(c/ε²)(⌊log<sub>2</sub>(VD − 2)⌋ + 1 + ln(2/δ))⌉,
 *       Riondato &amp; Kornaropoulos' (2016) sample size for error ε with probability 1 − δ/2, c = 0.5, VD
 *       an upper bound on the vertex diameter ({@link SourceSelection#vertexDiameterUpperBound}). (c = 0.5 is
 *       the constant of Löffler &amp; Phillips that R&amp;K use; the early stop does not depend on it. The
 *       authors' code and NetworKit write ln(0.5/δ) here; ln(2/δ), R&amp;K at δ/2, is the larger and the one
 *       the union bound needs.)</li>
 *   <li>Together: every node within ε with probability at least 1 − δ.</li>
 * </ul>
 *
 * <h2>The split of δ</h2>
 * A node with a larger betweenness needs more samples for the same ε (its variance is larger), so it gets a
 * larger share. As in the paper's absolute-error mode (and the authors' code): δ<sub>L</sub>(v) =
 * δ<sub>U</sub>(v) = exp(−C ε²/b̃<sub>0</sub>(v)) + r, with b̃<sub>0</sub> the calibration estimate, C found by
 * bisection so that Σ 2·exp(−C ε²/b̃<sub>0</sub>(v)) ≤ (1 − β)·δ/2, β = 0.001, and the remainder r spread evenly
 * so that the total is exactly δ/2. Nodes with fewer than two neighbours are never inner nodes: their estimate
 * is exactly 0 and they take no share.
 *
 * <p>Cost: {@link #calibrate} O(n + distinct calibration counts × 100); one {@link #certified} check O(n) at
 * worst (it starts from the node that failed last time, which usually fails again at once). Memory: 12n bytes.
 */
final class AdaptiveErrorBound {
    static final double BALANCING = 0.001;

    private final double epsilon;
    private final long omega;
    private final int[] candidates;
    private final double[] logInvDelta; // ln(1/δ_L(v)) = ln(1/δ_U(v)), per candidate position
    private int witness;
    private double lastWidth = Double.NaN;

    private AdaptiveErrorBound(double epsilon, long omega, int[] candidates, double[] logInvDelta) {
        this.epsilon = epsilon;
        this.omega = omega;
        this.candidates = candidates;
        this.logInvDelta = logInvDelta;
    }

    /**
     * Riondato–Kornaropoulos with δ/2: ⌈(0.5/ε²)(⌊log<sub>2</sub>(VD − 2)⌋ + 1 + ln(2/δ))⌉, ε on KADABRA's
     * scale; the log term is 0 for VD &lt; 3.
     */
    static long omega(double epsilon, double delta, int vertexDiameter) {
        double log = vertexDiameter >= 3 ? Math.floor(Math.log(vertexDiameter - 2) / Math.log(2)) + 1 : 0;
        return (long) Math.ceil(0.5 / (epsilon * epsilon) * (log + Math.log(2 / delta)));
    }

    /**
     * The per-node confidences from calibration counts.
     *
     * @param candidates nodes that can be inner nodes of a path (ascending)
     * @param calibrationCounts per node, the calibration samples in which it was an inner node
     * @param calibrationSamples how many calibration samples were drawn, at least 1
     * @param epsilon error on KADABRA's scale
     * @param delta total failure probability
     * @param omega the sample cap
     */
    static AdaptiveErrorBound calibrate(
            int[] candidates,
            int[] calibrationCounts,
            long calibrationSamples,
            double epsilon,
            double delta,
            long omega) {
        int k = candidates.length;
        double[] logInv = new double[k];
        if (k == 0) {
            return new AdaptiveErrorBound(epsilon, omega, candidates, logInv);
        }
        // Nodes with the same calibration count get the same share: work on the histogram of counts.
        int maxCount = 0;
        for (int v : candidates) {
            maxCount = Math.max(maxCount, calibrationCounts[v]);
        }
        long[] histogram = new long[maxCount + 1];
        for (int v : candidates) {
            histogram[calibrationCounts[v]]++;
        }
        double target = (1 - BALANCING) * delta / 2;
        // exponent per count c > 0: C * eps^2 / b0 with b0 = c / samples
        double[] unit = new double[maxCount + 1];
        for (int c = 1; c <= maxCount; c++) {
            unit[c] = epsilon * epsilon * calibrationSamples / c;
        }
        double hi = 1;
        while (share(histogram, unit, hi) > target) {
            hi *= 2;
        }
        double lo = 0;
        for (int i = 0; i < 200 && hi - lo > 1e-12 * hi; i++) {
            double mid = (lo + hi) / 2;
            if (share(histogram, unit, mid) > target) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double c = hi;
        double used = share(histogram, unit, c);
        // >= BALANCING * delta / (4k) > 0; shaved by 1e-9 so that rounding cannot push the total over delta / 2
        double rest = (delta / 2 - used) / (2.0 * k) * (1 - 1e-9);
        double[] byCount = new double[maxCount + 1];
        for (int count = 0; count <= maxCount; count++) {
            double d = (count == 0 ? 0 : Math.exp(-c * unit[count])) + rest;
            byCount[count] = -Math.log(d);
        }
        for (int i = 0; i < k; i++) {
            logInv[i] = byCount[calibrationCounts[candidates[i]]];
        }
        return new AdaptiveErrorBound(epsilon, omega, candidates, logInv);
    }

    /** Σ over candidates of δ_L + δ_U without the even remainder: Σ 2 exp(−C·unit[count]). */
    private static double share(long[] histogram, double[] unit, double c) {
        double sum = 0;
        for (int count = 1; count < histogram.length; count++) {
            if (histogram[count] > 0) {
                sum += 2.0 * histogram[count] * Math.exp(-c * unit[count]);
            }
        }
        return sum;
    }

    /** f: how far b(v) may lie below b̃(v). */
    static double lowerError(double estimate, double logInvDelta, double omega, double tau) {
        double a = omega / tau - 1.0 / 3;
        double e = logInvDelta / tau * (-a + Math.sqrt(a * a + 2 * estimate * omega / logInvDelta));
        return Math.min(e, estimate);
    }

    /** g: how far b(v) may lie above b̃(v). */
    static double upperError(double estimate, double logInvDelta, double omega, double tau) {
        double a = omega / tau + 1.0 / 3;
        double e = logInvDelta / tau * (a + Math.sqrt(a * a + 2 * estimate * omega / logInvDelta));
        return Math.min(e, 1 - estimate);
    }

    /**
     * Whether, after tau counted samples with per-node counts summed over {@code counts}' rows, f &lt; ε and
     * g &lt; ε for every candidate. When it returns true, {@link #certifiedWidth()} is the largest f or g.
     */
    boolean certified(int[][] counts, long tau) {
        int k = candidates.length;
        double w = omega;
        double t = tau;
        for (int step = 0; step < k; step++) {
            int i = witness + step < k ? witness + step : witness + step - k;
            int v = candidates[i];
            long c = 0;
            for (int[] row : counts) {
                c += row[v];
            }
            double b = c / t;
            if (!(lowerError(b, logInvDelta[i], w, t) < epsilon && upperError(b, logInvDelta[i], w, t) < epsilon)) {
                witness = i;
                return false;
            }
        }
        double widest = 0;
        for (int i = 0; i < k; i++) {
            int v = candidates[i];
            long c = 0;
            for (int[] row : counts) {
                c += row[v];
            }
            double b = c / t;
            widest = Math.max(
                    widest, Math.max(lowerError(b, logInvDelta[i], w, t), upperError(b, logInvDelta[i], w, t)));
        }
        lastWidth = widest;
        return true;
    }

    /** The largest f or g at the last successful {@link #certified} check; NaN before one. */
    double certifiedWidth() {
        return lastWidth;
    }

    /** Σ over candidates of δ_L(v) + δ_U(v): δ/2 up to rounding (for tests). */
    double totalFailureProbability() {
        double sum = 0;
        for (double l : logInvDelta) {
            sum += 2 * Math.exp(-l);
        }
        return sum;
    }

    /** ln(1/δ_L(v)) per candidate, in candidate order (for tests). */
    double[] logInverseDeltas() {
        return Arrays.copyOf(logInvDelta, logInvDelta.length);
    }

    long omega() {
        return omega;
    }
}
