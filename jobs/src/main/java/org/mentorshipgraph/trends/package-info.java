/**
 * The tie-status step: every tie judged in Spark ({@code TieAssessment}, {@code TieJudge}), the person flags
 * (network shrinking, newcomers without a mentor) and what to look at first. May use {@code ties}, {@code ingest} and
 * below.
 */
package org.mentorshipgraph.trends;
