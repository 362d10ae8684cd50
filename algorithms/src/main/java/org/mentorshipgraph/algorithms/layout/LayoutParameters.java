package org.mentorshipgraph.algorithms.layout;

/**
 * How {@link StressLayout} works.
 *
 * @param maxSweeps     at most this many sweeps of stress majorization per component (each O(n²))
 * @param tolerance     stop when a sweep lowers the stress by less than this share of it (Gansner et al. use 1e-4)
 * @param pivots        pivots of the Pivot MDS start and of the sparse model (k)
 * @param exactUpTo     components of at most this many nodes get the full stress model (O(n²) per sweep), larger
 *                      ones the sparse model (O(m + nk) per sweep)
 * @param componentGap  the empty space left between two packed components, in the graph's length unit
 * @param seed          seed of the tiny jitter added to the start, so that a start on a line can leave it
 */
public record LayoutParameters(
        int maxSweeps, double tolerance, int pivots, int exactUpTo, double componentGap, long seed) {
    public LayoutParameters {
        if (maxSweeps < 0) throw new IllegalArgumentException("maxSweeps must be >= 0, was " + maxSweeps);
        if (!(tolerance >= 0)) throw new IllegalArgumentException("tolerance must be >= 0, was " + tolerance);
        if (pivots < 2) throw new IllegalArgumentException("pivots must be >= 2, was " + pivots);
        if (exactUpTo < 0) throw new IllegalArgumentException("exactUpTo must be >= 0, was " + exactUpTo);
        if (!(componentGap >= 0) || Double.isInfinite(componentGap))
            throw new IllegalArgumentException("componentGap must be finite and >= 0, was " + componentGap);
    }

    /** 300 sweeps at most, tolerance 1e-5, 50 pivots, the full model up to 600 nodes, a gap of 2 length units, seed 1. */
    public static LayoutParameters defaults() {
        return new LayoutParameters(300, 1e-5, 50, 600, 2.0, 1L);
    }

    public LayoutParameters withComponentGap(double gap) {
        return new LayoutParameters(maxSweeps, tolerance, pivots, exactUpTo, gap, seed);
    }

    public LayoutParameters withMaxSweeps(int sweeps) {
        return new LayoutParameters(sweeps, tolerance, pivots, exactUpTo, componentGap, seed);
    }

    public LayoutParameters withExactUpTo(int nodes) {
        return new LayoutParameters(maxSweeps, tolerance, pivots, nodes, componentGap, seed);
    }

    public LayoutParameters withSeed(long seed) {
        return new LayoutParameters(maxSweeps, tolerance, pivots, exactUpTo, componentGap, seed);
    }
}
