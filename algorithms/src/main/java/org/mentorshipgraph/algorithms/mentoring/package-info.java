/**
 * Mentoring as pure algorithms over arrays (no Spark, no Neo4j): who may mentor whom ({@code MentorEligibility}), how
 * well ({@code MentorScore}, {@code TrajectoryFit}), the search for the best ({@code MentorSuggestions}), how close two
 * people are through the ties they already have and who can introduce them ({@code Reachability}: Adamic–Adar, warm
 * paths, introductions), and the optimal programme assignment within capacities ({@code ProgrammeMatching}, an exact
 * maximum-weight bipartite b-matching). Uses {@code algorithms.graph} only.
 */
package org.mentorshipgraph.algorithms.mentoring;
