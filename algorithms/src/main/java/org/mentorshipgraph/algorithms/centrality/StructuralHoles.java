package org.mentorshipgraph.algorithms.centrality;

import org.mentorshipgraph.algorithms.graph.CompactGraph;

/**
 * Burt's structural-hole measures on tie strengths (R. S. Burt, <i>Structural Holes: The Social Structure
 * of Competition</i>, Harvard University Press, 1992), computed exactly as NetworkX 2.8.8
 * {@code nx.constraint(G, weight="weight")} and {@code nx.effective_size(G, weight="weight")} on an
 * undirected graph.
 *
 * <p>With p<sub>uv</sub> = w(u,v) / s(u) the proportional strength of u's tie to v (s(u) = u's strength;
 * NetworkX's "normalized mutual weight", where the factor 2 of an undirected mutual weight cancels) and
 * m<sub>vw</sub> = w(v,w) / max<sub>x</sub> w(v,x) the strength of v's tie to w relative to v's strongest:
 * <ul>
 *   <li>constraint c(u) = Σ<sub>v ∈ N(u)</sub> (p<sub>uv</sub> + Σ<sub>w ∈ N(u) ∩ N(v)</sub>
 *       p<sub>uw</sub> p<sub>wv</sub>)²: 1/deg(u) when the contacts are unconnected and equally strong,
 *       1 for a single contact, and up to slightly above 1 in small dense cliques (1.125 in a triangle);
 *       low constraint = a broker across structural holes;</li>
 *   <li>effective size e(u) = Σ<sub>v ∈ N(u)</sub> (1 − Σ<sub>w ∈ N(u) ∩ N(v)</sub> p<sub>uw</sub>
 *       m<sub>vw</sub>), the number of non-redundant contacts, at most deg(u). Unweighted it reduces to
 *       Borgatti's n − 2t/n.</li>
 * </ul>
 * Neither is normalized further. Both are undefined for an isolated node, which gets {@code NaN}, as in
 * NetworkX.
 *
 * <p>Running time O(Σ<sub>v</sub> deg(v)²); memory O(n) besides the result (one scratch array of n doubles).
 */
public final class StructuralHoles {
    private StructuralHoles() {}

    /** Burt's constraint c(u) for every node; NaN for isolated nodes. */
    public static double[] constraint(CompactGraph g) {
        int n = g.nodeCount();
        int[] off = g.offsets();
        int[] tgt = g.targets();
        double[] wt = g.weights();
        double[] p = new double[n]; // p[w] = p_uw for the current u, 0 elsewhere
        double[] out = new double[n];
        for (int u = 0; u < n; u++) {
            if (off[u] == off[u + 1]) {
                out[u] = Double.NaN;
                continue;
            }
            double su = g.strength(u);
            for (int i = off[u]; i < off[u + 1]; i++) {
                p[tgt[i]] = wt[i] / su;
            }
            double c = 0;
            for (int i = off[u]; i < off[u + 1]; i++) {
                int v = tgt[i];
                double indirect = 0;
                for (int j = off[v]; j < off[v + 1]; j++) {
                    int w = tgt[j];
                    double puw = p[w];
                    if (puw != 0) {
                        indirect += puw * (wt[j] / g.strength(w)); // p_wv = w(w,v) / s(w)
                    }
                }
                double local = p[v] + indirect;
                c += local * local;
            }
            out[u] = c;
            for (int i = off[u]; i < off[u + 1]; i++) {
                p[tgt[i]] = 0;
            }
        }
        return out;
    }

    /** Burt's effective size e(u) for every node; NaN for isolated nodes. */
    public static double[] effectiveSize(CompactGraph g) {
        int n = g.nodeCount();
        int[] off = g.offsets();
        int[] tgt = g.targets();
        double[] wt = g.weights();
        double[] max = new double[n];
        for (int v = 0; v < n; v++) {
            double m = 0;
            for (int i = off[v]; i < off[v + 1]; i++) {
                m = Math.max(m, wt[i]);
            }
            max[v] = m;
        }
        double[] p = new double[n];
        double[] out = new double[n];
        for (int u = 0; u < n; u++) {
            if (off[u] == off[u + 1]) {
                out[u] = Double.NaN;
                continue;
            }
            double su = g.strength(u);
            for (int i = off[u]; i < off[u + 1]; i++) {
                p[tgt[i]] = wt[i] / su;
            }
            double e = 0;
            for (int i = off[u]; i < off[u + 1]; i++) {
                int v = tgt[i];
                double redundancy = 0;
                for (int j = off[v]; j < off[v + 1]; j++) {
                    double puw = p[tgt[j]];
                    if (puw != 0) {
                        redundancy += puw * (wt[j] / max[v]); // m_vw = w(v,w) / max_x w(v,x)
                    }
                }
                e += 1 - redundancy;
            }
            out[u] = e;
            for (int i = off[u]; i < off[u + 1]; i++) {
                p[tgt[i]] = 0;
            }
        }
        return out;
    }
}
