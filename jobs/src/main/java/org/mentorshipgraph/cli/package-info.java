/**
 * The commands ({@code scripts/nightly}, {@code scripts/report}, {@code scripts/query}): options, the summary, exit
 * codes, and what happens when the driver runs out of memory. The top layer.
 */
package org.mentorshipgraph.cli;
