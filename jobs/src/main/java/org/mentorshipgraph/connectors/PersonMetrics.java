package org.mentorshipgraph.connectors;

/**
 * Per-person structural measures, aligned with the indices of an {@code OrgGraph}.
 *
 * @param betweenness         NetworkX-normalized betweenness, 2/((n−1)(n−2)) · Σ σ_st(v)/σ_st
 * @param constraint          Burt's constraint on tie strengths (NaN for people without ties)
 * @param effectiveSize       Burt's effective size on tie strengths (NaN for people without ties)
 * @param community           community index (Louvain)
 * @param teamParticipation   1 − Σ_team (s_it/s_i)²
 * @param communityParticipation 1 − Σ_community (s_ic/s_i)²
 * @param crossTeamShare      share of the person's tie strength to people in other teams
 * @param degree              number of active ties
 * @param strength            sum of active tie strengths
 * @param connectorScore      {@link ConnectorScore}
 * @param rank                1 = highest connector score
 * @param reason              why the person scores high (top connectors only; null otherwise)
 */
public record PersonMetrics(
        double[] betweenness,
        double[] constraint,
        double[] effectiveSize,
        int[] community,
        double[] teamParticipation,
        double[] communityParticipation,
        double[] crossTeamShare,
        int[] degree,
        double[] strength,
        double[] connectorScore,
        int[] rank,
        String[] reason,
        int communities,
        double modularity,
        DistributedBetweenness.Result betweennessRun)
        implements org.mentorshipgraph.progress.StepResult {

    @Override
    public String summary() {
        String how = "adaptive".equals(betweennessRun.mode())
                ? String.format(
                        java.util.Locale.ROOT,
                        "%,d sampled paths (bound %,d)",
                        betweennessRun.samples(),
                        betweennessRun.sampleBound())
                : String.format(java.util.Locale.ROOT, "%,d sources", betweennessRun.sources());
        return String.format(
                java.util.Locale.ROOT,
                "betweenness %s over %s, %d communities, modularity %.3f",
                betweennessRun.mode(),
                how,
                communities,
                modularity);
    }

    @Override
    public java.util.Map<String, Object> counts() {
        return java.util.Map.of("communities", communities);
    }
}
