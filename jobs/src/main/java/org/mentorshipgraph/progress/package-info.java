/**
 * How steps report: progress lines ({@code StepLog}), the {@code Progress} interface handed to each step, the
 * {@code StepResult} each step returns (summary line, rows, counts), and the driver's heap watch ({@code HeapWatch}:
 * peak per step, exhaustion). Bottom layer: depends on nothing of the project.
 */
package org.mentorshipgraph.progress;
