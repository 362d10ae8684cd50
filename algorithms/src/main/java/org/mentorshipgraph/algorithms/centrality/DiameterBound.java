package org.mentorshipgraph.algorithms.centrality;

import java.util.Arrays;
import org.mentorshipgraph.algorithms.graph.CompactGraph;

/** The vertex-diameter upper bound documented on {@link SourceSelection}. */
final class DiameterBound {
    private DiameterBound() {}

    static int vertexDiameterUpperBound(CompactGraph g, boolean weighted) {
        int n = g.nodeCount();
        int[] off = g.offsets();
        int[] tgt = g.targets();
        double[] wt = g.weights();
        int[] component = new int[n];
        Arrays.fill(component, -1);
        int[] queue = new int[n];
        int best = n == 0 ? 0 : 1;
        int id = 0;
        double[] dist = weighted ? new double[n] : null;
        for (int start = 0; start < n; start++) {
            if (component[start] != -1) {
                continue;
            }
            // Collect the component by BFS, remembering its highest-degree node and its strongest tie.
            int size = 0;
            queue[size++] = start;
            component[start] = id;
            int root = start;
            double maxWeight = 0;
            for (int head = 0; head < size; head++) {
                int v = queue[head];
                if (off[v + 1] - off[v] > off[root + 1] - off[root]) {
                    root = v;
                }
                for (int i = off[v]; i < off[v + 1]; i++) {
                    maxWeight = Math.max(maxWeight, wt[i]);
                    int w = tgt[i];
                    if (component[w] == -1) {
                        component[w] = id;
                        queue[size++] = w;
                    }
                }
            }
            long bound;
            if (size == 1) {
                bound = 1;
            } else if (!weighted) {
                bound = 2L * hopEccentricity(g, root, queue, component, id) + 1;
            } else {
                double ecc = weightedEccentricity(g, root, dist, queue, size);
                double minLength = 1.0 / maxWeight;
                // a little slack so that rounding in the path sums can never undercount a hop
                bound = (long) Math.floor(2 * ecc / minLength * (1 + 1e-12)) + 1;
            }
            best = (int) Math.max(best, Math.min(bound, size));
            id++;
        }
        return best;
    }

    /** BFS eccentricity of root; reuses queue; marks visited by flipping component ids to -2 - id. */
    private static int hopEccentricity(CompactGraph g, int root, int[] queue, int[] component, int id) {
        int[] off = g.offsets();
        int[] tgt = g.targets();
        int visited = -2 - id;
        int size = 0;
        queue[size++] = root;
        component[root] = visited;
        int levelEnd = size;
        int depth = 0;
        for (int head = 0; head < size; head++) {
            if (head == levelEnd) {
                depth++;
                levelEnd = size;
            }
            int v = queue[head];
            for (int i = off[v]; i < off[v + 1]; i++) {
                int w = tgt[i];
                if (component[w] == id) {
                    component[w] = visited;
                    queue[size++] = w;
                }
            }
        }
        return depth;
    }

    /** Dijkstra eccentricity of root over lengths 1/weight, with a lazy binary heap. */
    private static double weightedEccentricity(CompactGraph g, int root, double[] dist, int[] members, int size) {
        int[] off = g.offsets();
        int[] tgt = g.targets();
        double[] wt = g.weights();
        for (int k = 0; k < size; k++) {
            dist[members[k]] = Double.POSITIVE_INFINITY;
        }
        int cap = 16;
        double[] keys = new double[cap];
        int[] nodes = new int[cap];
        int heap = 0;
        dist[root] = 0;
        keys[0] = 0;
        nodes[0] = root;
        heap = 1;
        double ecc = 0;
        while (heap > 0) {
            double d = keys[0];
            int v = nodes[0];
            heap--;
            if (heap > 0) {
                double kLast = keys[heap];
                int nLast = nodes[heap];
                int p = 0;
                while (2 * p + 1 < heap) {
                    int c = 2 * p + 1;
                    if (c + 1 < heap && keys[c + 1] < keys[c]) {
                        c++;
                    }
                    if (kLast <= keys[c]) {
                        break;
                    }
                    keys[p] = keys[c];
                    nodes[p] = nodes[c];
                    p = c;
                }
                keys[p] = kLast;
                nodes[p] = nLast;
            }
            if (d > dist[v]) {
                continue; // stale entry
            }
            ecc = Math.max(ecc, d);
            for (int i = off[v]; i < off[v + 1]; i++) {
                int w = tgt[i];
                double nd = d + 1.0 / wt[i];
                if (nd < dist[w]) {
                    dist[w] = nd;
                    if (heap == cap) {
                        cap *= 2;
                        keys = Arrays.copyOf(keys, cap);
                        nodes = Arrays.copyOf(nodes, cap);
                    }
                    int p = heap++;
                    while (p > 0) {
                        int parent = (p - 1) >>> 1;
                        if (keys[parent] <= nd) {
                            break;
                        }
                        keys[p] = keys[parent];
                        nodes[p] = nodes[parent];
                        p = parent;
                    }
                    keys[p] = nd;
                    nodes[p] = w;
                }
            }
        }
        return ecc;
    }
}
