package org.mentorshipgraph.algorithms.layout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.mentorshipgraph.algorithms.graph.CompactGraph;

/**
 * A drawing of a graph whose edge weights are the lengths wanted for its edges. Every connected component is laid
 * out by stress majorization, minimising
 * <pre>  σ(X) = Σ<sub>i&lt;j</sub> d<sub>ij</sub><sup>−2</sup> (‖x<sub>i</sub> − x<sub>j</sub>‖ − d<sub>ij</sub>)²</pre>
 * over its shortest-path lengths d ({@link ShortestPathLengths}; E. R. Gansner, Y. Koren and S. North, "Graph
 * drawing by stress majorization", GD 2004): the full model ({@link StressMajorization}) for components of at most
 * {@link LayoutParameters#exactUpTo()} nodes, the sparse model of Ortmann, Klimenta and Brandes (2016,
 * {@link SparseStressMajorization}) above. The start is Pivot MDS ({@link PivotMds}; Brandes and Pich 2006),
 * moved by a seeded jitter of 10⁻³ of its spread (so that a start on a line can leave it) and scaled to its best
 * size (α = Σ w e d / Σ w e²). Each component is then turned so that its long axis is horizontal (principal axes)
 * and mirrored so that its lowest-numbered node is in the upper left, and the components are packed apart, largest
 * first, with {@link LayoutParameters#componentGap()} between them ({@link ComponentPacking}). Groups with many
 * short paths between them end up together, groups with few apart, and groups with none are packed apart.
 *
 * <p>Cost, for a component of n nodes and m edges and k pivots: full model O(n (m + n) log n) for the distances and
 * O(n²) per sweep, memory two n × n matrices of doubles (16n² bytes: 5.8 MB at n = 600); sparse model
 * O(k (m + n) log n) for the pivots' distances and O(m + nk) per sweep, memory O(m + nk); the start O(nk²); at most
 * {@code maxSweeps} sweeps. Deterministic: the same graph and parameters give the same positions, bit for bit (no
 * clock, a seeded {@link Random}, {@link StrictMath} for the angles, a fixed order of work).
 */
public final class StressLayout {
    private StressLayout() {}

    /** Lays out {@code g}, its weights read as edge lengths. */
    public static Layout of(CompactGraph g, LayoutParameters p) {
        int n = g.nodeCount();
        List<int[]> components = components(g);
        components.sort(
                (a, b) -> a.length != b.length ? Integer.compare(b.length, a.length) : Integer.compare(a[0], b[0]));
        int c = components.size();
        double[][] xs = new double[c][], ys = new double[c][];
        int[] component = new int[n];
        int[] local = new int[n];
        double stress = 0;
        int sweeps = 0;
        for (int k = 0; k < c; k++) {
            int[] nodes = components.get(k);
            int m = nodes.length;
            for (int i = 0; i < m; i++) {
                local[nodes[i]] = i;
                component[nodes[i]] = k;
            }
            double[] x = new double[m], y = new double[m];
            if (m > 1) {
                boolean exact = m <= p.exactUpTo();
                double[] d = exact ? ShortestPathLengths.of(g, nodes, local) : null;
                PivotMds.Pivots pivots = PivotMds.maxMin(
                        exact
                                ? i -> Arrays.copyOfRange(d, i * m, (i + 1) * m)
                                : i -> ShortestPathLengths.from(g, nodes, local, i),
                        m,
                        p.pivots());
                double[][] start = PivotMds.positions(pivots, m);
                x = start[0];
                y = start[1];
                jitter(x, y, new Random(p.seed() * 1_000_003L + nodes[0]));
                double alpha = exact ? StressMajorization.bestScale(d, m, x, y) : bestScale(pivots, x, y);
                for (int i = 0; i < m; i++) {
                    x[i] *= alpha;
                    y[i] *= alpha;
                }
                StressMajorization.Result r = exact
                        ? StressMajorization.run(d, m, x, y, p.maxSweeps(), p.tolerance())
                        : SparseStressMajorization.run(g, nodes, local, pivots, x, y, p.maxSweeps(), p.tolerance());
                stress += exact ? r.stress() : Double.NaN;
                sweeps += r.sweeps();
                alignAxes(x, y);
            }
            xs[k] = x;
            ys[k] = y;
        }
        ComponentPacking.pack(xs, ys, p.componentGap(), 1.6);
        double[] x = new double[n], y = new double[n];
        for (int k = 0; k < c; k++) {
            int[] nodes = components.get(k);
            for (int i = 0; i < nodes.length; i++) {
                x[nodes[i]] = xs[k][i];
                y[nodes[i]] = ys[k][i];
            }
        }
        return new Layout(x, y, component, stress, sweeps);
    }

    /** The connected components, each as its nodes in ascending order, in the order of their lowest node. */
    static List<int[]> components(CompactGraph g) {
        int n = g.nodeCount();
        boolean[] seen = new boolean[n];
        int[] stack = new int[n];
        List<int[]> out = new ArrayList<>();
        int[] off = g.offsets(), tgt = g.targets();
        for (int s = 0; s < n; s++) {
            if (seen[s]) continue;
            int top = 0, size = 0;
            int[] members = new int[Math.min(n, 16)];
            stack[top++] = s;
            seen[s] = true;
            while (top > 0) {
                int u = stack[--top];
                if (size == members.length) members = Arrays.copyOf(members, Math.min(n, 2 * size));
                members[size++] = u;
                for (int k = off[u]; k < off[u + 1]; k++) {
                    int v = tgt[k];
                    if (!seen[v]) {
                        seen[v] = true;
                        stack[top++] = v;
                    }
                }
            }
            int[] nodes = Arrays.copyOf(members, size);
            Arrays.sort(nodes);
            out.add(nodes);
        }
        return out;
    }

    /** α = Σ w e d / Σ w e² over the pairs of a pivot and a node (w = d⁻²): the start's best scale for the sparse model. */
    static double bestScale(PivotMds.Pivots pivots, double[] x, double[] y) {
        double num = 0, den = 0;
        for (int p = 0; p < pivots.count(); p++) {
            int j = pivots.nodes()[p];
            double[] d = pivots.distances()[p];
            for (int i = 0; i < x.length; i++) {
                if (i == j) continue;
                double dx = x[i] - x[j], dy = y[i] - y[j];
                double e = Math.sqrt(dx * dx + dy * dy);
                num += e / d[i];
                den += e * e / (d[i] * d[i]);
            }
        }
        return den > 0 ? num / den : 1;
    }

    /** Moves every node by up to 10⁻³ of the start's spread (before it is scaled), from the seeded {@code random}. */
    private static void jitter(double[] x, double[] y, Random random) {
        double spread = 0;
        for (int i = 0; i < x.length; i++) spread = Math.max(spread, Math.abs(x[i]) + Math.abs(y[i]));
        double scale = 1e-3 * (spread > 0 ? spread : 1);
        for (int i = 0; i < x.length; i++) {
            x[i] += scale * (random.nextDouble() - 0.5);
            y[i] += scale * (random.nextDouble() - 0.5);
        }
    }

    /** Centres on the origin, turns the long (principal) axis horizontal, and puts node 0 in the upper left. */
    static void alignAxes(double[] x, double[] y) {
        int n = x.length;
        double mx = 0, my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double sxx = 0, syy = 0, sxy = 0;
        for (int i = 0; i < n; i++) {
            double dx = x[i] - mx, dy = y[i] - my;
            sxx += dx * dx;
            syy += dy * dy;
            sxy += dx * dy;
        }
        double theta = 0.5 * StrictMath.atan2(2 * sxy, sxx - syy);
        double cos = StrictMath.cos(theta), sin = StrictMath.sin(theta);
        for (int i = 0; i < n; i++) {
            double dx = x[i] - mx, dy = y[i] - my;
            x[i] = cos * dx + sin * dy;
            y[i] = -sin * dx + cos * dy;
        }
        if (x[0] > 0) for (int i = 0; i < n; i++) x[i] = -x[i];
        if (y[0] > 0) for (int i = 0; i < n; i++) y[i] = -y[i];
    }
}
