/**
 * Mentoring programmes, pure Java: the optimal assignment of mentees to mentors with capacities
 * ({@link org.mentorshipgraph.algorithms.mentoring.ProgrammeMatching}, an exact maximum-weight bipartite b-matching).
 */
package org.mentorshipgraph.algorithms.mentoring;
