package org.mentorshipgraph.ingest;

/** A quarantined row of a small input (people, mentorships), in the same shape as rejected interactions. */
public record RejectedRow(String input, String file, String reason, String record) {}
