package org.mentorshipgraph.algorithms.layout;

/**
 * Packs separately laid-out components side by side so that they look separate: shelf packing of their bounding
 * boxes (rows filled left to right, in the given order, largest first when the caller sorts so), each box centred
 * vertically in its row, with {@code gap} of empty space between boxes and between rows. The rows are about
 * √(aspect · Σ area) wide (never narrower than the widest box), so the picture comes out roughly {@code aspect}
 * times as wide as high.
 *
 * <p>Cost: O(n + c) for n nodes in c components. Deterministic.
 */
public final class ComponentPacking {
    private ComponentPacking() {}

    /**
     * Translates every component in place; afterwards the picture's top-left corner is (0, 0).
     *
     * @param xs x of component c's nodes at {@code xs[c]}, in packing order
     * @param ys y likewise
     * @param gap empty space between two boxes, ≥ 0
     * @param aspect wanted width / height of the whole picture, &gt; 0
     */
    public static void pack(double[][] xs, double[][] ys, double gap, double aspect) {
        int c = xs.length;
        double[] minX = new double[c], minY = new double[c], w = new double[c], h = new double[c];
        double widest = 0, area = 0;
        for (int k = 0; k < c; k++) {
            double lx = Double.POSITIVE_INFINITY, hx = Double.NEGATIVE_INFINITY;
            double ly = Double.POSITIVE_INFINITY, hy = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < xs[k].length; i++) {
                lx = Math.min(lx, xs[k][i]);
                hx = Math.max(hx, xs[k][i]);
                ly = Math.min(ly, ys[k][i]);
                hy = Math.max(hy, ys[k][i]);
            }
            if (xs[k].length == 0) lx = hx = ly = hy = 0;
            minX[k] = lx;
            minY[k] = ly;
            w[k] = hx - lx;
            h[k] = hy - ly;
            widest = Math.max(widest, w[k]);
            area += (w[k] + gap) * (h[k] + gap);
        }
        double rowWidth = Math.max(widest, Math.sqrt(aspect * area) - gap);
        int start = 0;
        double top = 0;
        while (start < c) {
            int end = start;
            double used = 0, rowHeight = 0;
            while (end < c && (end == start || used + gap + w[end] <= rowWidth + 1e-9)) {
                used += (end == start ? 0 : gap) + w[end];
                rowHeight = Math.max(rowHeight, h[end]);
                end++;
            }
            double left = 0;
            for (int k = start; k < end; k++) {
                double dx = left - minX[k], dy = top + (rowHeight - h[k]) / 2 - minY[k];
                for (int i = 0; i < xs[k].length; i++) {
                    xs[k][i] += dx;
                    ys[k][i] += dy;
                }
                left += w[k] + gap;
            }
            top += rowHeight + gap;
            start = end;
        }
    }
}
