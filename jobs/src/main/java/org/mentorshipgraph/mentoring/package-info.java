/**
 * The mentoring step: mentor suggestions with hard constraints, a documented score and a warm introduction
 * ({@code Mentoring}), introductions for everyone, and the optional programme matching, from the directory, the job
 * history, the mentorships, the teaching interactions and the graph of active ties. May use {@code ties},
 * {@code ingest} and below (the connector ranks and newcomer flags come in as arrays).
 */
package org.mentorshipgraph.mentoring;
