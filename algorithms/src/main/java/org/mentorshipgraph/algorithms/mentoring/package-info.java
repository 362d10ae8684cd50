/**
 * Mentoring: who can reach whom through the ties they already have, and who can introduce them (Adamic–Adar
 * scores, warm paths, suggested introductions). Pure Java over the compact graph; no Spark, no Neo4j.
 */
package org.mentorshipgraph.algorithms.mentoring;
