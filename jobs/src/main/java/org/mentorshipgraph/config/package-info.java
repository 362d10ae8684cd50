/**
 * The job's configuration: one immutable {@code JobConfig}, built from the defaults, a file, the environment and the
 * command line ({@code Setting} lists every key). May use {@code failures} and the algorithms module.
 */
package org.mentorshipgraph.config;
