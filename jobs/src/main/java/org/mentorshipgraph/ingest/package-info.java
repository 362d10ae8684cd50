/**
 * The ingest step: reading interactions, the people directory and mentorships, and checking every row against the
 * data contract ({@code docs/domain.md}); quarantined rows keep their reason. May use {@code config}, {@code schema},
 * {@code progress}, {@code failures}.
 */
package org.mentorshipgraph.ingest;
