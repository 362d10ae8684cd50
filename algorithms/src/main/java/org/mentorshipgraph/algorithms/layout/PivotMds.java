package org.mentorshipgraph.algorithms.layout;

import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * The starting positions of a stress layout: Pivot MDS (U. Brandes and C. Pich, "Eigensolver methods for
 * progressive multidimensional scaling of large data", Graph Drawing 2006, LNCS 4372, 42–53), the classical
 * multidimensional scaling of Torgerson (1952) computed from k pivot columns of the distance matrix.
 *
 * <p>With k pivots chosen by max–min (the first the node farthest from node 0, then each time the node farthest from
 * the pivots chosen so far, ties to the lowest index) and D the n × k matrix of squared distances to them, the
 * double-centred matrix is
 * <pre>  c<sub>ij</sub> = −½ (d²<sub>ij</sub> − (1/n) Σ<sub>r</sub> d²<sub>rj</sub> − (1/k) Σ<sub>s</sub> d²<sub>is</sub>
 *                     + (1/nk) Σ<sub>r,s</sub> d²<sub>rs</sub>)</pre>
 * and the positions are x = C v<sub>1</sub> / σ<sub>1</sub><sup>1/4</sup>, y = C v<sub>2</sub> /
 * σ<sub>2</sub><sup>1/4</sup>, where (σ, v) are the two leading eigenpairs of the k × k matrix CᵀC, found by
 * cyclic Jacobi rotations (Golub and Van Loan, <i>Matrix Computations</i>, §8.5). With every node a pivot (k = n) C
 * is Torgerson's B, CᵀC = B², and this is exactly classical MDS (x = √λ₁ u₁).
 *
 * <p>Cost: k + 1 single-source shortest paths to choose the pivots ({@link #maxMin}), O(nk) to build C, O(nk²) for
 * CᵀC, O(k³) per Jacobi sweep (a few sweeps); memory O(nk + k²). Deterministic: no randomness at all.
 */
public final class PivotMds {
    private PivotMds() {}

    /**
     * k pivots chosen by max–min and their distances to every node.
     *
     * @param nodes     the pivots' positions in the component, in the order chosen
     * @param distances {@code distances[p][v]}: from pivot p to node v
     */
    public record Pivots(int[] nodes, double[][] distances) {
        public int count() {
            return nodes.length;
        }
    }

    /**
     * Chooses min(k, n) pivots by max–min: the node farthest from node 0 first, then each time the node farthest from
     * the pivots so far (ties to the lowest index). Calls {@code distancesFrom} at most k + 1 times.
     *
     * @param distancesFrom the distances from one node of the component to all of them
     */
    public static Pivots maxMin(IntFunction<double[]> distancesFrom, int n, int k) {
        k = Math.min(k, n);
        int[] pivot = new int[k];
        double[][] rows = new double[k][];
        double[] fromZero = distancesFrom.apply(0);
        int next = 0;
        for (int v = 1; v < n; v++) if (fromZero[v] > fromZero[next]) next = v;
        double[] nearest = new double[n];
        Arrays.fill(nearest, Double.POSITIVE_INFINITY);
        for (int p = 0; p < k; p++) {
            pivot[p] = next;
            rows[p] = next == 0 ? fromZero : distancesFrom.apply(next);
            for (int v = 0; v < n; v++) nearest[v] = Math.min(nearest[v], rows[p][v]);
            next = 0;
            for (int v = 1; v < n; v++) if (nearest[v] > nearest[next]) next = v;
        }
        return new Pivots(pivot, rows);
    }

    /**
     * The starting positions from the pivots' distances.
     *
     * @param n the component's number of nodes, at least 1
     * @return {@code {x, y}}, centred on the origin (all zero for n = 1)
     */
    public static double[][] positions(Pivots pivots, int n) {
        double[] x = new double[n], y = new double[n];
        int k = pivots.count();
        if (n < 2 || k < 2) return new double[][] {x, y};
        double[] c = new double[n * k]; // row-major n × k: squared distances, then double-centred
        double[] colMean = new double[k];
        double[] rowMean = new double[n];
        double all = 0;
        for (int j = 0; j < k; j++) {
            double[] row = pivots.distances()[j];
            for (int i = 0; i < n; i++) {
                double sq = row[i] * row[i];
                c[i * k + j] = sq;
                rowMean[i] += sq;
                colMean[j] += sq;
                all += sq;
            }
        }
        for (int i = 0; i < n; i++) rowMean[i] /= k;
        for (int j = 0; j < k; j++) colMean[j] /= n;
        all /= (double) n * k;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < k; j++) c[i * k + j] = -0.5 * (c[i * k + j] - colMean[j] - rowMean[i] + all);
        double[] ctc = new double[k * k];
        for (int i = 0; i < n; i++) {
            int row = i * k;
            for (int a = 0; a < k; a++) {
                double ca = c[row + a];
                if (ca == 0) continue;
                for (int b = a; b < k; b++) ctc[a * k + b] += ca * c[row + b];
            }
        }
        for (int a = 0; a < k; a++) for (int b = 0; b < a; b++) ctc[a * k + b] = ctc[b * k + a];
        double[] vectors = new double[k * k];
        double[] values = symmetricEigen(ctc, k, vectors);
        int first = 0, second = -1;
        for (int a = 1; a < k; a++) if (values[a] > values[first]) first = a;
        for (int a = 0; a < k; a++) if (a != first && (second < 0 || values[a] > values[second])) second = a;
        project(c, n, k, vectors, first, values[first], x);
        project(c, n, k, vectors, second, values[second], y);
        return new double[][] {x, y};
    }

    private static void project(double[] c, int n, int k, double[] vectors, int which, double sigma, double[] out) {
        if (!(sigma > 1e-300)) return; // a component without a second dimension (a path): stays on the line
        double scale = 1 / Math.sqrt(Math.sqrt(sigma));
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int a = 0; a < k; a++) s += c[i * k + a] * vectors[a * k + which];
            out[i] = s * scale;
        }
    }

    /**
     * Eigenvalues of the symmetric k × k matrix {@code a} (destroyed) by cyclic Jacobi rotations; the eigenvector of
     * value {@code i} is column {@code i} of {@code vectors} (row-major k × k).
     */
    static double[] symmetricEigen(double[] a, int k, double[] vectors) {
        for (int i = 0; i < k; i++) vectors[i * k + i] = 1;
        double norm = 0;
        for (double v : a) norm += v * v;
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            for (int p = 0; p < k; p++) for (int q = p + 1; q < k; q++) off += a[p * k + q] * a[p * k + q];
            if (off <= 1e-30 * norm || off == 0) break;
            for (int p = 0; p < k; p++) {
                for (int q = p + 1; q < k; q++) {
                    double apq = a[p * k + q];
                    if (apq == 0) continue;
                    double theta = (a[q * k + q] - a[p * k + p]) / (2 * apq);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) t = 1;
                    double cs = 1 / Math.sqrt(t * t + 1), sn = t * cs;
                    for (int r = 0; r < k; r++) { // A ← A J (columns p, q)
                        double arp = a[r * k + p], arq = a[r * k + q];
                        a[r * k + p] = cs * arp - sn * arq;
                        a[r * k + q] = sn * arp + cs * arq;
                    }
                    for (int r = 0; r < k; r++) { // A ← Jᵀ A (rows p, q)
                        double apr = a[p * k + r], aqr = a[q * k + r];
                        a[p * k + r] = cs * apr - sn * aqr;
                        a[q * k + r] = sn * apr + cs * aqr;
                    }
                    for (int r = 0; r < k; r++) { // V ← V J
                        double vrp = vectors[r * k + p], vrq = vectors[r * k + q];
                        vectors[r * k + p] = cs * vrp - sn * vrq;
                        vectors[r * k + q] = sn * vrp + cs * vrq;
                    }
                }
            }
        }
        double[] values = new double[k];
        for (int i = 0; i < k; i++) values[i] = a[i * k + i];
        return values;
    }
}
