package org.mentorshipgraph.trends;

import org.mentorshipgraph.algorithms.ties.BridgeRisk;
import org.mentorshipgraph.algorithms.ties.TieStatus;
import org.mentorshipgraph.algorithms.ties.TieTrend;
import org.mentorshipgraph.ties.Tie;

/**
 * A tie with its trend and what makes it matter.
 *
 * @param active          strength at or above the floor: part of the graph centrality uses
 * @param mentorship      a declared, current mentorship joins the pair
 * @param crossTeam       the two people are in different teams
 * @param crossCommunity  the two people are in different communities
 * @param bridgeRisk      for a fading tie in the graph: the rise of its endpoints' Burt constraint if it were lost
 *                        ({@link BridgeRisk}); NaN otherwise
 * @param priority        what to look at first: 1 weakening/dormant mentorship, 2 weakening/dormant bridge, 3 other
 *                        weakening/dormant ties with at least 3 baseline contacts, 9 nothing to flag
 */
public record AssessedTie(
        Tie tie,
        TieTrend trend,
        boolean active,
        boolean mentorship,
        boolean crossTeam,
        boolean crossCommunity,
        double bridgeRisk,
        int priority) {
    public boolean fading() {
        return trend.status() == TieStatus.WEAKENING || trend.status() == TieStatus.DORMANT;
    }
}
