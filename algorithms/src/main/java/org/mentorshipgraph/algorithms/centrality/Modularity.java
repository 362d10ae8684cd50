package org.mentorshipgraph.algorithms.centrality;

import org.mentorshipgraph.algorithms.graph.CompactGraph;

/**
 * Newman–Girvan modularity of a partition on tie strengths (M. E. J. Newman and M. Girvan, Phys. Rev. E 69,
 * 026113, 2004; weighted form M. E. J. Newman, Phys. Rev. E 70, 056131, 2004), as NetworkX 2.8.8
 * {@code nx.community.modularity(G, parts, weight="weight")} with resolution 1:
 * Q = Σ<sub>c</sub> [ L<sub>c</sub> / m − (D<sub>c</sub> / 2m)² ], where m is the total edge weight,
 * L<sub>c</sub> the weight of edges inside community c and D<sub>c</sub> the summed strength of its members.
 *
 * <p>Q lies in [−1/2, 1); it is undefined for a graph without edges, where this returns {@code NaN}
 * (NetworkX raises ZeroDivisionError). Running time O(n + m); memory O(number of communities).
 */
public final class Modularity {
    private Modularity() {}

    /**
     * @param community community id per node, each &gt;= 0 (need not be dense)
     * @return Q, or NaN when the graph has no edges
     */
    public static double of(CompactGraph g, int[] community) {
        int n = g.nodeCount();
        if (community.length != n) {
            throw new IllegalArgumentException(
                    "community has length " + community.length + ", graph has " + n + " nodes");
        }
        int c = 0;
        for (int x : community) {
            if (x < 0) {
                throw new IllegalArgumentException("community ids must be >= 0, found " + x);
            }
            c = Math.max(c, x + 1);
        }
        int[] off = g.offsets();
        int[] tgt = g.targets();
        double[] wt = g.weights();
        double[] inside = new double[c];
        double[] degree = new double[c];
        double degSum = 0;
        for (int u = 0; u < n; u++) {
            int cu = community[u];
            double s = g.strength(u);
            degree[cu] += s;
            degSum += s;
            for (int i = off[u]; i < off[u + 1]; i++) {
                int v = tgt[i];
                if (v > u && community[v] == cu) {
                    inside[cu] += wt[i];
                }
            }
        }
        if (degSum == 0) {
            return Double.NaN;
        }
        double m = degSum / 2;
        double norm = 1 / (degSum * degSum);
        double q = 0;
        for (int k = 0; k < c; k++) {
            q += inside[k] / m - degree[k] * degree[k] * norm;
        }
        return q;
    }
}
