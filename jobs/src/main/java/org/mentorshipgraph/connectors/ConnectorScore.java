package org.mentorshipgraph.connectors;

/**
 * The connector score, one documented combination of the structural measures, on a 0–100 scale:
 *
 * <pre>
 *   score = 100 · ( 0.50 · b / max(b)          brokerage: normalized betweenness (Brandes 2001) relative to the top
 *                 + 0.25 · (1 − min(1, C))      structural holes: 1 − Burt's constraint (Burt 1992); 0 for isolates
 *                 + 0.25 · P_team )             bridging: participation coefficient over teams (Guimerà &amp; Amaral 2005)
 * </pre>
 *
 * Betweenness carries half the weight because it directly measures how many shortest paths between others run
 * through a person; constraint and participation explain why (non-redundant contacts, strength spread over
 * teams). Every term is in [0, 1], so the score is in [0, 100]. Pure function over arrays: O(n).
 */
public final class ConnectorScore {
    private ConnectorScore() {}

    public static final double BETWEENNESS_WEIGHT = 0.50;
    public static final double HOLES_WEIGHT = 0.25;
    public static final double BRIDGING_WEIGHT = 0.25;

    public static double[] of(double[] betweenness, double[] constraint, double[] teamParticipation) {
        int n = betweenness.length;
        double max = 0;
        for (double b : betweenness) max = Math.max(max, b);
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            double b = max > 0 ? betweenness[i] / max : 0;
            double holes = Double.isNaN(constraint[i]) ? 0 : 1 - Math.min(1, constraint[i]);
            s[i] = 100 * (BETWEENNESS_WEIGHT * b + HOLES_WEIGHT * holes + BRIDGING_WEIGHT * teamParticipation[i]);
        }
        return s;
    }
}
