/**
 * The report step: the network-health figures from the run's aggregates and per-person arrays
 * ({@code NetworkHealth}), privacy ({@code PrivacyPolicy}), the self-contained HTML page, its CSV exports, and the
 * history across runs. May use {@code files} and below.
 */
package org.mentorshipgraph.report;
