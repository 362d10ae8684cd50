/**
 * The files step: a run's folder written aside and published atomically ({@code RunFiles}), the people and ties
 * tables written by Spark (CSV as one file with a header, Parquet), {@code rejected.csv}, and JSON. May use the steps
 * below it (connectors, trends, ties, ingest).
 */
package org.mentorshipgraph.files;
