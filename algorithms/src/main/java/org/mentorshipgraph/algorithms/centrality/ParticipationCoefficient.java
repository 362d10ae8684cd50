package org.mentorshipgraph.algorithms.centrality;

import org.mentorshipgraph.algorithms.graph.CompactGraph;

/**
 * The participation coefficient of R. Guimerà and L. A. N. Amaral ("Functional cartography of complex
 * metabolic networks", Nature 433, 2005), on tie strengths:
 * P(i) = 1 − Σ<sub>c</sub> (s<sub>ic</sub> / s<sub>i</sub>)², where s<sub>i</sub> is i's strength and
 * s<sub>ic</sub> the part of it on ties to members of group c (i's own group included).
 *
 * <p>P(i) = 0 when all of i's strength stays in one group, and approaches 1 − 1/g when it is spread evenly
 * over g groups; it is not normalized further. An isolated node (s<sub>i</sub> = 0) gets 0.
 *
 * <p>Running time O(n + m); memory O(n + number of groups).
 */
public final class ParticipationCoefficient {
    private ParticipationCoefficient() {}

    /**
     * @param group group id per node (a team, a community), each &gt;= 0
     * @return P(i) for every node
     */
    public static double[] of(CompactGraph g, int[] group) {
        int n = g.nodeCount();
        if (group.length != n) {
            throw new IllegalArgumentException("group has length " + group.length + ", graph has " + n + " nodes");
        }
        int groups = 0;
        for (int c : group) {
            if (c < 0) {
                throw new IllegalArgumentException("group ids must be >= 0, found " + c);
            }
            groups = Math.max(groups, c + 1);
        }
        int[] off = g.offsets();
        int[] tgt = g.targets();
        double[] wt = g.weights();
        double[] byGroup = new double[groups];
        int[] touched = new int[groups];
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double s = g.strength(i);
            if (s == 0) {
                continue;
            }
            int t = 0;
            for (int k = off[i]; k < off[i + 1]; k++) {
                int c = group[tgt[k]];
                if (byGroup[c] == 0) {
                    touched[t++] = c;
                }
                byGroup[c] += wt[k];
            }
            double sum = 0;
            for (int k = 0; k < t; k++) {
                double share = byGroup[touched[k]] / s;
                sum += share * share;
                byGroup[touched[k]] = 0;
            }
            out[i] = 1.0 - sum;
        }
        return out;
    }
}
