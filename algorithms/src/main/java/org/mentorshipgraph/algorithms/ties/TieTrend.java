package org.mentorshipgraph.algorithms.ties;

/**
 * The verdict on one tie with its evidence, so that a reader can see why.
 *
 * @param status       the verdict
 * @param recentRate   weighted contacts per day in R
 * @param baselineRate weighted contacts per day in B
 * @param rateRatio    recentRate / baselineRate (NaN when the baseline is empty)
 * @param pDrop        P(X ≤ recent count) under an unchanged rate (exact binomial); 1 when untested
 * @param pRise        P(X ≥ recent count) under an unchanged rate; 1 when untested
 * @param reason       one human-readable sentence
 */
public record TieTrend(
        TieStatus status,
        double recentRate,
        double baselineRate,
        double rateRatio,
        double pDrop,
        double pRise,
        String reason) {}
