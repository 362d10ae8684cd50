/**
 * Drawing a graph: node positions in the plane that show its structure. {@link StressLayout} lays out each
 * connected component by stress majorization from a Pivot MDS start and packs the components apart; its parts
 * ({@link ShortestPathLengths}, {@link PivotMds}, {@link StressMajorization}, {@link ComponentPacking}) can be read
 * and tested alone. Pure Java over arrays, deterministic: no clock, no unseeded randomness, a fixed order of work.
 */
package org.mentorshipgraph.algorithms.layout;
