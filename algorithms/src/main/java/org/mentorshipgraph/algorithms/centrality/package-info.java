/**
 * Structural measures over the compact graph: Brandes betweenness (exact and sampled), Burt's constraint and
 * effective size, Louvain communities, modularity, participation coefficients. Pure Java, unit-tested against NetworkX
 * and igraph.
 */
package org.mentorshipgraph.algorithms.centrality;
