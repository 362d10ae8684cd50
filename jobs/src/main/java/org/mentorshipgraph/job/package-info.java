/**
 * The composition root: {@code NightlyJob} runs the steps in order and keeps the run record; the run lock and the
 * Spark session. Imported by {@code cli} only.
 */
package org.mentorshipgraph.job;
