/**
 * Tie statistics: the tie-status rules, the exact binomial test, bridge risk. Pure Java over the compact graph.
 */
package org.mentorshipgraph.algorithms.ties;
