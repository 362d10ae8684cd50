/**
 * Tie statistics, pure Java: the calibrated tie-status tests ({@link org.mentorshipgraph.algorithms.ties.TieTests}:
 * activity-adjusted drop and silence tests, over-dispersion, false-discovery control, absences), with their parts: the activity profile, the exact and
 * beta-binomial tails, Benjamini–Hochberg q-values, away stretches; and bridge risk over the compact graph.
 */
package org.mentorshipgraph.algorithms.ties;
