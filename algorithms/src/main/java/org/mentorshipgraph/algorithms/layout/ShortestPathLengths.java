package org.mentorshipgraph.algorithms.layout;

import java.util.Arrays;
import org.mentorshipgraph.algorithms.graph.CompactGraph;

/**
 * All-pairs shortest-path lengths d<sub>ij</sub> inside one connected component, the graph's edge weights read as
 * lengths (each finite and &gt; 0, as {@link CompactGraph} guarantees): Dijkstra (1959) from every node, with a
 * binary heap and lazy deletion.
 *
 * <p>Cost: O((m + n) log n) time per source for a component of n nodes and m edges, the heap O(m); all pairs
 * ({@link #of}) take n times that and one dense n × n matrix (8n² bytes: 32 MB at n = 2,000).
 */
public final class ShortestPathLengths {
    private ShortestPathLengths() {}

    /**
     * @param g     the graph, weights = lengths
     * @param nodes the component's nodes (global ids), in the order of the result's rows and columns
     * @param local {@code local[v]} = v's position in {@code nodes}; any value for nodes outside the component
     * @return row-major {@code d[i * n + j]}, 0 on the diagonal
     * @throws IllegalArgumentException when a node of {@code nodes} reaches a node outside it, or two of them are
     *     not connected
     */
    public static double[] of(CompactGraph g, int[] nodes, int[] local) {
        int n = nodes.length;
        double[] d = new double[n * n];
        for (int s = 0; s < n; s++) System.arraycopy(from(g, nodes, local, s), 0, d, s * n, n);
        return d;
    }

    /**
     * The lengths from one node of the component to every node of it: one Dijkstra, O((m + n) log n).
     *
     * @param source the source's position in {@code nodes}
     * @return {@code d[j]} for the node {@code nodes[j]}
     */
    public static double[] from(CompactGraph g, int[] nodes, int[] local, int source) {
        int n = nodes.length;
        int[] off = g.offsets();
        int[] tgt = g.targets();
        double[] len = g.weights();
        double[] dist = new double[n];
        int cap = 16;
        double[] heapKey = new double[cap];
        int[] heapNode = new int[cap];
        Arrays.fill(dist, Double.POSITIVE_INFINITY);
        dist[source] = 0;
        int size = 0;
        heapKey[size] = 0;
        heapNode[size++] = source;
        while (size > 0) {
            double du = heapKey[0];
            int u = heapNode[0];
            size--;
            if (size > 0) siftDown(heapKey, heapNode, size, heapKey[size], heapNode[size]);
            if (du > dist[u]) continue; // a stale entry
            int gu = nodes[u];
            for (int k = off[gu]; k < off[gu + 1]; k++) {
                int gv = tgt[k];
                int v = local[gv];
                if (v < 0 || v >= n || nodes[v] != gv)
                    throw new IllegalArgumentException("node " + gu + " has a neighbour " + gv
                            + " outside the component: pass a whole connected component");
                double dv = du + len[k];
                if (dv < dist[v]) {
                    dist[v] = dv;
                    if (size == cap) {
                        cap *= 2;
                        heapKey = Arrays.copyOf(heapKey, cap);
                        heapNode = Arrays.copyOf(heapNode, cap);
                    }
                    siftUp(heapKey, heapNode, size++, dv, v);
                }
            }
        }
        for (int v = 0; v < n; v++)
            if (dist[v] == Double.POSITIVE_INFINITY)
                throw new IllegalArgumentException("nodes " + nodes[source] + " and " + nodes[v]
                        + " are not connected: pass one connected component");
        return dist;
    }

    private static void siftUp(double[] key, int[] node, int at, double k, int v) {
        while (at > 0) {
            int parent = (at - 1) >>> 1;
            if (key[parent] <= k) break;
            key[at] = key[parent];
            node[at] = node[parent];
            at = parent;
        }
        key[at] = k;
        node[at] = v;
    }

    private static void siftDown(double[] key, int[] node, int size, double k, int v) {
        int at = 0;
        while (true) {
            int child = 2 * at + 1;
            if (child >= size) break;
            if (child + 1 < size && key[child + 1] < key[child]) child++;
            if (key[child] >= k) break;
            key[at] = key[child];
            node[at] = node[child];
            at = child;
        }
        key[at] = k;
        node[at] = v;
    }
}
