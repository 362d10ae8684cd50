/**
 * The compact graph (CSR arrays of ints and doubles) every algorithm runs on. Pure Java; no Spark, no Neo4j.
 */
package org.mentorshipgraph.algorithms.graph;
