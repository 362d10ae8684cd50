package org.mentorshipgraph.algorithms.layout;

/**
 * Node positions from {@link StressLayout}, in the graph's length unit (an edge of length ℓ is drawn about ℓ long).
 *
 * @param x          x of node v at {@code x[v]}
 * @param y          y of node v at {@code y[v]}; the packed picture has its top-left corner at (0, 0)
 * @param component  the connected component of node v, numbered from 0 in packing order (largest first)
 * @param stress     σ of the final positions, summed over the components (see {@link StressMajorization#stress});
 *                   NaN when a component was too large for the full model and got the sparse one
 * @param sweeps     sweeps of stress majorization done, summed over the components
 */
public record Layout(double[] x, double[] y, int[] component, double stress, int sweeps) {
    /** Width of the picture: the largest x. */
    public double width() {
        double w = 0;
        for (double v : x) w = Math.max(w, v);
        return w;
    }

    /** Height of the picture: the largest y. */
    public double height() {
        double h = 0;
        for (double v : y) h = Math.max(h, v);
        return h;
    }

    /** Number of connected components. */
    public int components() {
        int c = 0;
        for (int v : component) c = Math.max(c, v + 1);
        return c;
    }
}
