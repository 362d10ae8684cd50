package org.mentorshipgraph.algorithms.layout;

/**
 * Stress majorization (E. R. Gansner, Y. Koren and S. North, "Graph drawing by stress majorization", Graph Drawing
 * 2004, LNCS 3383, 239–250): positions x<sub>i</sub> in the plane that minimise the stress
 * <pre>  σ(X) = Σ<sub>i&lt;j</sub> w<sub>ij</sub> (‖x<sub>i</sub> − x<sub>j</sub>‖ − d<sub>ij</sub>)²,
 *        w<sub>ij</sub> = d<sub>ij</sub><sup>−2</sup></pre>
 * for graph-theoretic distances d<sub>ij</sub>: pairs are drawn as far apart as the graph says, near pairs
 * weighing most (Kamada and Kawai's energy, 1989). Each sweep moves every node in turn, in index order, to the
 * minimiser of the majorizing function of σ in its own position, the others held (the paper's localized update,
 * §2.3):
 * <pre>  x<sub>i</sub> ← Σ<sub>j≠i</sub> w<sub>ij</sub> (x<sub>j</sub> + d<sub>ij</sub> (x<sub>i</sub> − x<sub>j</sub>) /
 *        ‖x<sub>i</sub> − x<sub>j</sub>‖) / Σ<sub>j≠i</sub> w<sub>ij</sub></pre>
 * (the direction term is left out while x<sub>i</sub> = x<sub>j</sub>). No step raises σ, so the stress falls
 * monotonically to a local minimum; sweeps stop when one lowers σ by less than {@code tolerance} · σ.
 *
 * <p>Cost: O(n²) time per sweep and for σ, O(n²) memory (the matrix of 1/d<sub>ij</sub>, 8n² bytes).
 * Deterministic: a fixed order of work over the given start.
 */
public final class StressMajorization {
    private StressMajorization() {}

    /** What {@link #run} did. */
    public record Result(double stress, int sweeps) {}

    /**
     * Improves {@code x}, {@code y} in place.
     *
     * @param d row-major all-pairs distances of one connected component, each off-diagonal one finite and &gt; 0
     */
    public static Result run(double[] d, int n, double[] x, double[] y, int maxSweeps, double tolerance) {
        double[] inv = new double[n * n]; // 1/d: w = inv², w·d = inv
        double[] weightSum = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i == j) continue;
                double dij = d[i * n + j];
                if (!(dij > 0) || Double.isInfinite(dij))
                    throw new IllegalArgumentException(
                            "distance " + i + "–" + j + " must be finite and > 0, was " + dij);
                double v = 1 / dij;
                inv[i * n + j] = v;
                weightSum[i] += v * v;
            }
        }
        double stress = stressFromInverse(inv, n, x, y);
        int sweeps = 0;
        while (sweeps < maxSweeps && stress > 0) {
            for (int i = 0; i < n; i++) {
                double xi = x[i], yi = y[i], sx = 0, sy = 0;
                int row = i * n;
                for (int j = 0; j < n; j++) {
                    if (j == i) continue;
                    double v = inv[row + j], w = v * v;
                    double dx = xi - x[j], dy = yi - y[j];
                    double e = Math.sqrt(dx * dx + dy * dy);
                    sx += w * x[j];
                    sy += w * y[j];
                    if (e > 0) {
                        double f = v / e; // w · d / e
                        sx += f * dx;
                        sy += f * dy;
                    }
                }
                x[i] = sx / weightSum[i];
                y[i] = sy / weightSum[i];
            }
            sweeps++;
            double next = stressFromInverse(inv, n, x, y);
            boolean settled = stress - next < tolerance * stress;
            stress = next;
            if (settled) break;
        }
        return new Result(stress, sweeps);
    }

    /** σ(X) for the given positions and distances (row-major, one connected component). O(n²). */
    public static double stress(double[] d, int n, double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double dij = d[i * n + j];
                double dx = x[i] - x[j], dy = y[i] - y[j];
                double r = Math.sqrt(dx * dx + dy * dy) / dij - 1; // w (e − d)² = (e/d − 1)²
                s += r * r;
            }
        }
        return s;
    }

    private static double stressFromInverse(double[] inv, int n, double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            int row = i * n;
            for (int j = i + 1; j < n; j++) {
                double dx = x[i] - x[j], dy = y[i] - y[j];
                double r = Math.sqrt(dx * dx + dy * dy) * inv[row + j] - 1;
                s += r * r;
            }
        }
        return s;
    }

    /**
     * The scale α that minimises σ(αX): α = Σ w e d / Σ w e² over the pairs, e = ‖x<sub>i</sub> − x<sub>j</sub>‖;
     * 1 when every e is 0.
     */
    public static double bestScale(double[] d, int n, double[] x, double[] y) {
        double num = 0, den = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double dij = d[i * n + j];
                double dx = x[i] - x[j], dy = y[i] - y[j];
                double e = Math.sqrt(dx * dx + dy * dy);
                num += e / dij;
                den += e * e / (dij * dij);
            }
        }
        return den > 0 ? num / den : 1;
    }
}
