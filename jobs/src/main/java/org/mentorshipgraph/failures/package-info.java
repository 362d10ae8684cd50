/**
 * Failures the job can explain in one line and the exit codes the scheduler sees ({@code ExitCodes}). The bottom
 * layer: every package may use it; it uses nothing of the project.
 */
package org.mentorshipgraph.failures;
