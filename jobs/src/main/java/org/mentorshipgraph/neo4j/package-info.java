/**
 * The Neo4j step: the graph of a run written idempotently in batches, with history and a Run node
 * ({@code GraphWriter}), the latest run's mentoring graph (skills and mentor suggestions), and the analysts' query
 * library. May use {@code files}, {@code mentoring}, {@code ties} and below; never {@code job}.
 */
package org.mentorshipgraph.neo4j;
