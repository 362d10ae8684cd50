package org.mentorshipgraph.algorithms.ties;

import org.mentorshipgraph.algorithms.graph.CompactGraph;

/**
 * How much the network would lose if one tie disappeared: the rise in Burt's constraint of its two endpoints
 * (R. S. Burt, <i>Structural Holes</i>, 1992), as NetworkX's {@code constraint} defines it on strengths,
 *
 * <pre>  risk(a, b) = [c'(a) − c(a)] + [c'(b) − c(b)]</pre>
 *
 * where c' is the constraint in the graph without the tie. A person left with no tie at all counts as fully
 * constrained (c' = 1). A broker whose non-redundant bridge fades loses access to a whole group: their
 * constraint jumps, and so does the risk; a tie inside a dense team changes little. Used to rank fading bridges.
 *
 * <p>Time O(deg(a)·d̄ + deg(b)·d̄) per tie (a local recomputation), memory O(n) scratch shared across calls.
 */
public final class BridgeRisk {
    private final CompactGraph g;
    private final double[] strength;
    private final double[] p;

    public BridgeRisk(CompactGraph g) {
        this.g = g;
        this.strength = new double[g.nodeCount()];
        for (int v = 0; v < strength.length; v++) strength[v] = g.strength(v);
        this.p = new double[g.nodeCount()];
    }

    /** The risk of losing tie {a, b}; 0 when the graph has no such tie. */
    public double of(int a, int b) {
        double w = weight(a, b);
        if (w == 0) return 0;
        return delta(a, a, b, w) + delta(b, a, b, w);
    }

    private double delta(int u, int x, int y, double w) {
        double without = constraint(u, x, y, w);
        return (Double.isNaN(without) ? 1.0 : without) - constraint(u, -1, -1, 0);
    }

    /** Constraint of u with the edge {x, y} of weight w removed (x = −1: nothing removed); NaN when u is isolated. */
    double constraint(int u, int x, int y, double w) {
        int[] off = g.offsets(), tgt = g.targets();
        double[] wt = g.weights();
        double su = adjusted(u, x, y, w);
        if (su <= 0) return Double.NaN;
        for (int i = off[u]; i < off[u + 1]; i++) if (!removed(u, tgt[i], x, y)) p[tgt[i]] = wt[i] / su;
        double c = 0;
        for (int i = off[u]; i < off[u + 1]; i++) {
            int v = tgt[i];
            if (removed(u, v, x, y)) continue;
            double indirect = 0;
            for (int j = off[v]; j < off[v + 1]; j++) {
                int q = tgt[j];
                if (p[q] != 0 && !removed(v, q, x, y)) indirect += p[q] * (wt[j] / adjusted(q, x, y, w));
            }
            double local = p[v] + indirect;
            c += local * local;
        }
        for (int i = off[u]; i < off[u + 1]; i++) p[tgt[i]] = 0;
        return c;
    }

    private double adjusted(int k, int x, int y, double w) {
        return (x >= 0 && (k == x || k == y)) ? strength[k] - w : strength[k];
    }

    private static boolean removed(int s, int t, int x, int y) {
        return x >= 0 && ((s == x && t == y) || (s == y && t == x));
    }

    private double weight(int a, int b) {
        int[] off = g.offsets(), tgt = g.targets();
        for (int i = off[a]; i < off[a + 1]; i++) if (tgt[i] == b) return g.weights()[i];
        return 0;
    }
}
