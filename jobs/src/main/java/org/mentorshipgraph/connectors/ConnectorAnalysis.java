package org.mentorshipgraph.connectors;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaSparkContext;
import org.mentorshipgraph.algorithms.centrality.Louvain;
import org.mentorshipgraph.algorithms.centrality.Modularity;
import org.mentorshipgraph.algorithms.centrality.ParticipationCoefficient;
import org.mentorshipgraph.algorithms.centrality.StructuralHoles;
import org.mentorshipgraph.algorithms.graph.CompactGraph;
import org.mentorshipgraph.config.BetweennessMode;
import org.mentorshipgraph.ties.OrgGraph;

/**
 * "Who connects us?": runs the structural measures on the tie graph and explains the top connectors.
 * Betweenness runs across Spark executors; the rest are pure array algorithms on the driver.
 */
public final class ConnectorAnalysis {
    private ConnectorAnalysis() {}

    /**
     * What the step needs: how betweenness is computed ({@code mode}, shortest paths on 1/strength when
     * {@code weighted}, the exact-mode work limit of {@code auto}, the error bound of sampled modes), the seed of every
     * random choice, and how many top connectors get a written reason.
     */
    public record Parameters(
            BetweennessMode mode,
            boolean weighted,
            double exactMaxWork,
            double epsilon,
            double delta,
            long seed,
            int topConnectors) {}

    public static PersonMetrics run(JavaSparkContext jsc, OrgGraph org, Parameters config) {
        CompactGraph g = org.graph();
        int n = g.nodeCount();
        DistributedBetweenness.Result bc = DistributedBetweenness.compute(
                jsc,
                g,
                config.mode(),
                config.weighted(),
                config.exactMaxWork(),
                config.epsilon(),
                config.delta(),
                config.seed());
        double[] constraint = StructuralHoles.constraint(g);
        double[] effectiveSize = StructuralHoles.effectiveSize(g);
        int[] community = Louvain.communities(g, config.seed());
        double modularity = g.edgeCount() == 0 ? 0 : Modularity.of(g, community);
        int communities = IntStream.of(community).max().orElse(-1) + 1;
        double[] teamP = ParticipationCoefficient.of(g, org.teamOf());
        double[] commP = ParticipationCoefficient.of(g, community);
        double[] crossTeam = new double[n];
        double[] strength = new double[n];
        int[] degree = new int[n];
        int[] off = g.offsets(), tgt = g.targets();
        double[] w = g.weights();
        for (int u = 0; u < n; u++) {
            double out = 0, all = 0;
            for (int k = off[u]; k < off[u + 1]; k++) {
                all += w[k];
                if (org.teamOf()[tgt[k]] != org.teamOf()[u]) out += w[k];
            }
            strength[u] = all;
            degree[u] = off[u + 1] - off[u];
            crossTeam[u] = all > 0 ? out / all : 0;
        }
        double[] score = ConnectorScore.of(bc.scores(), constraint, teamP);
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        java.util.Arrays.sort(
                order, Comparator.<Integer>comparingDouble(i -> -score[i]).thenComparing(i -> org.id(i)));
        int[] rank = new int[n];
        for (int r = 0; r < n; r++) rank[order[r]] = r + 1;
        String[] reason = new String[n];
        for (int r = 0; r < Math.min(config.topConnectors(), n); r++) {
            int u = order[r];
            if (degree[u] > 0)
                reason[u] = explain(org, u, rank[u], n, bc.scores()[u], constraint[u], crossTeam[u], community);
        }
        return new PersonMetrics(
                bc.scores(),
                constraint,
                effectiveSize,
                community,
                teamP,
                commP,
                crossTeam,
                degree,
                strength,
                score,
                rank,
                reason,
                communities,
                modularity,
                bc);
    }

    /** One sentence an analyst can check: which teams and departments the person's strength joins, and how much crosses lines. */
    static String explain(
            OrgGraph org,
            int u,
            int rank,
            int n,
            double betweenness,
            double constraint,
            double crossTeam,
            int[] community) {
        CompactGraph g = org.graph();
        Map<String, Double> byTeam = new TreeMap<>();
        Map<String, Double> byDept = new TreeMap<>();
        java.util.Set<Integer> comms = new java.util.TreeSet<>();
        double total = 0;
        for (int k = g.offsets()[u]; k < g.offsets()[u + 1]; k++) {
            int v = g.targets()[k];
            double w = g.weights()[k];
            total += w;
            byTeam.merge(org.teams()[org.teamOf()[v]], w, Double::sum);
            byDept.merge(org.departments()[org.departmentOf()[v]], w, Double::sum);
            comms.add(community[v]);
        }
        List<Map.Entry<String, Double>> teams = new ArrayList<>(byTeam.entrySet());
        teams.sort(Map.Entry.<String, Double>comparingByValue().reversed());
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "rank %d of %d; links %d teams (", rank, n, byTeam.size()));
        for (int i = 0; i < Math.min(4, teams.size()); i++) {
            if (i > 0) sb.append(", ");
            sb.append(String.format(
                    Locale.ROOT,
                    "%s %.0f%%",
                    teams.get(i).getKey(),
                    100 * teams.get(i).getValue() / total));
        }
        if (teams.size() > 4) sb.append(", ...");
        sb.append(String.format(
                Locale.ROOT,
                ") in %d department%s and %d communit%s; %.0f%% of tie strength crosses team lines; "
                        + "betweenness %.4f, constraint %.3f",
                byDept.size(),
                byDept.size() == 1 ? "" : "s",
                comms.size(),
                comms.size() == 1 ? "y" : "ies",
                100 * crossTeam,
                betweenness,
                constraint));
        return sb.toString();
    }
}
