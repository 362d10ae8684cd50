package org.mentorshipgraph.algorithms.layout;

import java.util.Arrays;
import org.mentorshipgraph.algorithms.graph.CompactGraph;

/**
 * Stress majorization on the sparse stress model (M. Ortmann, M. Klimenta and U. Brandes, "A sparse stress model",
 * Graph Drawing and Network Visualization 2016, LNCS 9801, 18–32), for components too large for the full model
 * ({@link StressMajorization}, O(n²) per sweep). Each node keeps its terms with its neighbours and, for the far
 * pairs, one term with each of k pivots P standing for the nodes around it:
 * <pre>  σ<sub>S</sub>(X) = Σ<sub>{i,j}∈E</sub> w<sub>ij</sub> (‖x<sub>i</sub> − x<sub>j</sub>‖ − ℓ<sub>ij</sub>)²
 *        + Σ<sub>i</sub> Σ<sub>p∈P∖N(i)∖{i}</sub> s<sub>ip</sub> w<sub>ip</sub> (‖x<sub>i</sub> − x<sub>p</sub>‖ −
 *        d<sub>ip</sub>)²,   w = d<sup>−2</sup>,</pre>
 * where ℓ<sub>ij</sub> is the edge's length, d<sub>ip</sub> the shortest-path length to the pivot, and
 * s<sub>ip</sub> = |{j ∈ R(p) : d<sub>jp</sub> ≤ d<sub>ip</sub> / 2}| the number of nodes of p's region R(p)
 * (the nodes nearest to p among the pivots, ties to the pivot chosen first) that are at most half as far from p as
 * i is: the pairs the pivot's term stands for. Sweeps move each node in turn, in index order, to the minimiser of
 * the majorizing function in its own position (the localized update of Gansner, Koren and North 2004, over these
 * terms), so σ<sub>S</sub> never rises; they stop when one lowers it by less than {@code tolerance} · σ<sub>S</sub>.
 *
 * <p>Cost: O(m + nk) time per sweep and for σ<sub>S</sub>, O(nk log n) to weigh the pivot terms, memory O(m + nk)
 * (the k pivots' distances come from {@link PivotMds#maxMin}: k single-source shortest paths). Deterministic.
 */
public final class SparseStressMajorization {
    private SparseStressMajorization() {}

    /**
     * Improves {@code x}, {@code y} in place.
     *
     * @param g      the graph, weights = lengths
     * @param nodes  the component's nodes (global ids)
     * @param local  {@code local[v]} = v's position in {@code nodes}
     * @param pivots pivots of this component and their distances
     * @return σ<sub>S</sub> of the final positions and the sweeps done
     */
    public static StressMajorization.Result run(
            CompactGraph g,
            int[] nodes,
            int[] local,
            PivotMds.Pivots pivots,
            double[] x,
            double[] y,
            int maxSweeps,
            double tolerance) {
        int n = nodes.length, k = pivots.count();
        int[] off = g.offsets(), tgt = g.targets();
        double[] len = g.weights();
        // neighbour terms in local ids
        int[] nOff = new int[n + 1];
        for (int i = 0; i < n; i++) nOff[i + 1] = nOff[i] + g.degree(nodes[i]);
        int[] nbr = new int[nOff[n]];
        double[] nInv = new double[nOff[n]]; // 1/ℓ
        for (int i = 0; i < n; i++) {
            int at = nOff[i];
            for (int e = off[nodes[i]]; e < off[nodes[i] + 1]; e++) {
                nbr[at] = local[tgt[e]];
                nInv[at++] = 1 / len[e];
            }
        }
        // pivot terms: s_ip · d_ip^-2 and 1/d_ip, 0 where p is i or a neighbour of i
        double[][] dist = pivots.distances();
        int[] region = new int[n];
        for (int i = 0; i < n; i++) {
            int best = 0;
            for (int p = 1; p < k; p++) if (dist[p][i] < dist[best][i]) best = p;
            region[i] = best;
        }
        double[][] members = new double[k][]; // per pivot, its region's distances to it, sorted
        int[] count = new int[k];
        for (int i = 0; i < n; i++) count[region[i]]++;
        for (int p = 0; p < k; p++) members[p] = new double[count[p]];
        Arrays.fill(count, 0);
        for (int i = 0; i < n; i++) members[region[i]][count[region[i]]++] = dist[region[i]][i];
        for (double[] m : members) Arrays.sort(m);
        double[] pW = new double[n * k], pInvS = new double[n * k]; // pInvS = s · (1/d)  (= weight · d)
        boolean[] adjacent = new boolean[n];
        for (int i = 0; i < n; i++) {
            for (int a = nOff[i]; a < nOff[i + 1]; a++) adjacent[nbr[a]] = true;
            for (int p = 0; p < k; p++) {
                int pn = pivots.nodes()[p];
                if (pn == i || adjacent[pn]) continue;
                double d = dist[p][i];
                int s = upperBound(members[p], d / 2);
                double inv = 1 / d;
                pW[i * k + p] = s * inv * inv;
                pInvS[i * k + p] = s * inv;
            }
            for (int a = nOff[i]; a < nOff[i + 1]; a++) adjacent[nbr[a]] = false;
        }
        double[] weightSum = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int a = nOff[i]; a < nOff[i + 1]; a++) s += nInv[a] * nInv[a];
            for (int p = 0; p < k; p++) s += pW[i * k + p];
            weightSum[i] = s;
        }
        int[] pivotNode = pivots.nodes();
        double stress = stress(n, k, nOff, nbr, nInv, pivotNode, pW, dist, x, y);
        int sweeps = 0;
        while (sweeps < maxSweeps && stress > 0) {
            for (int i = 0; i < n; i++) {
                if (weightSum[i] == 0) continue;
                double xi = x[i], yi = y[i], sx = 0, sy = 0;
                for (int a = nOff[i]; a < nOff[i + 1]; a++) {
                    int j = nbr[a];
                    double v = nInv[a], w = v * v;
                    double dx = xi - x[j], dy = yi - y[j];
                    double e = Math.sqrt(dx * dx + dy * dy);
                    sx += w * x[j];
                    sy += w * y[j];
                    if (e > 0) {
                        sx += v / e * dx;
                        sy += v / e * dy;
                    }
                }
                int row = i * k;
                for (int p = 0; p < k; p++) {
                    double w = pW[row + p];
                    if (w == 0) continue;
                    int j = pivotNode[p];
                    double dx = xi - x[j], dy = yi - y[j];
                    double e = Math.sqrt(dx * dx + dy * dy);
                    sx += w * x[j];
                    sy += w * y[j];
                    if (e > 0) {
                        double f = pInvS[row + p] / e;
                        sx += f * dx;
                        sy += f * dy;
                    }
                }
                x[i] = sx / weightSum[i];
                y[i] = sy / weightSum[i];
            }
            sweeps++;
            double next = stress(n, k, nOff, nbr, nInv, pivotNode, pW, dist, x, y);
            boolean settled = Math.abs(stress - next) < tolerance * stress;
            stress = next;
            if (settled) break;
        }
        return new StressMajorization.Result(stress, sweeps);
    }

    private static double stress(
            int n,
            int k,
            int[] nOff,
            int[] nbr,
            double[] nInv,
            int[] pivotNode,
            double[] pW,
            double[][] dist,
            double[] x,
            double[] y) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            for (int a = nOff[i]; a < nOff[i + 1]; a++) {
                int j = nbr[a];
                if (j < i) continue; // each edge once
                double dx = x[i] - x[j], dy = y[i] - y[j];
                double r = Math.sqrt(dx * dx + dy * dy) * nInv[a] - 1;
                s += r * r;
            }
            for (int p = 0; p < k; p++) {
                double w = pW[i * k + p];
                if (w == 0) continue;
                int j = pivotNode[p];
                double r = Math.sqrt((x[i] - x[j]) * (x[i] - x[j]) + (y[i] - y[j]) * (y[i] - y[j])) - dist[p][i];
                s += w * r * r;
            }
        }
        return s;
    }

    /** The number of values in the sorted {@code v} that are at most {@code limit}. */
    private static int upperBound(double[] v, double limit) {
        int lo = 0, hi = v.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (v[mid] <= limit) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
