/**
 * The ties step: interactions to one tie per pair in Spark ({@code TieAggregation}), and the compact graph of
 * active ties on the driver ({@code OrgGraph}). May use {@code ingest} and the layers below it, and the algorithms
 * module.
 */
package org.mentorshipgraph.ties;
