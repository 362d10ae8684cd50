package org.mentorshipgraph.algorithms.centrality;

import java.util.Arrays;
import org.mentorshipgraph.algorithms.graph.CompactGraph;

/**
 * The per-thread state of Brandes' algorithm: one single-source shortest-path search plus the
 * dependency accumulation that follows it, over primitive arrays that are reused from source to source.
 *
 * <p>For a source s the search computes, for every node v it reaches, the distance d(s,v) and the number
 * of shortest paths σ<sub>sv</sub>; the accumulation then walks the reached nodes in order of decreasing
 * distance and computes the dependency
 * δ<sub>s•</sub>(v) = Σ<sub>w : v ∈ P<sub>s</sub>(w)</sub> (σ<sub>sv</sub> / σ<sub>sw</sub>) · (1 + δ<sub>s•</sub>(w))
 * (Brandes, J. Math. Sociology 25, 2001, Theorem 6), adding it to {@code into[v]} for every v ≠ s.
 * w is a successor of v on a shortest path exactly when d(s,v) + ℓ(v,w) = d(s,w). Breadth-first, the
 * successors of v are final when v is scanned, so the search lists them (at most m entries, in queue
 * order) and the accumulation reads only those; Dijkstra's distances are final only when settled, so the
 * weighted accumulation tests the condition while scanning v's row instead. Either way it keeps
 * c(w) = (1 + δ(w)) / σ<sub>sw</sub>, in the slot that held σ<sub>sw</sub>, so each node needs one division.
 *
 * <p>Unweighted searches are breadth-first (ℓ = 1). Weighted searches are Dijkstra's with an indexed
 * binary heap and ℓ(v,w) = 1 / w(v,w): the weight is a tie strength, so stronger ties are shorter.
 * Equal distances are compared exactly, as NetworkX does.
 *
 * <p>Time per source: O(m) unweighted, O(m log n) weighted. Memory: 24n + 4m bytes unweighted, 28n bytes
 * weighted (plus 16m bytes for the inverse weights, shared when created through
 * {@link BrandesBetweenness}). After each source only the nodes the search reached are reset (as igraph
 * does), so a source in a small component costs time proportional to that component only. Nothing is
 * allocated per source. Not thread-safe: use one workspace per thread.
 */
public final class BetweennessWorkspace {
    private static final int SETTLED = -2;
    private static final int UNSEEN = -1;

    private final int[] offsets;
    private final int[] targets;
    private final double[] length; // 1 / weight, weighted mode only
    // Per node v: state[2v] = distance from the source (-1 unseen in BFS, +inf unseen in Dijkstra) and
    // state[2v+1] = sigma, overwritten by (1 + delta) / sigma once v is accumulated. Interleaved so that a
    // neighbour's distance and path count share a cache line.
    private final double[] state;
    private final int[] successors; // BFS: 2w for each shortest-path edge v -> w, grouped by v in queue order
    private final int[] successorStart; // BFS: where the successors of the node at queue position k start
    private final int[] order; // nodes in the order they were settled (BFS queue / Brandes' stack S)
    private final int[] heap; // Dijkstra: binary heap of node ids keyed by distance
    private final int[] heapIndex; // Dijkstra: position in heap, UNSEEN or SETTLED

    /** A workspace for {@code g}; weighted mode uses Dijkstra over lengths 1 / weight. */
    public BetweennessWorkspace(CompactGraph g, boolean weighted) {
        this(g, weighted ? inverseWeights(g) : null);
    }

    BetweennessWorkspace(CompactGraph g, double[] length) {
        int n = g.nodeCount();
        this.offsets = g.offsets();
        this.targets = g.targets();
        this.length = length;
        this.order = new int[n];
        if (length == null) {
            this.state = new double[2 * n];
            for (int v = 0; v < n; v++) {
                state[2 * v] = -1;
            }
            this.successors = new int[targets.length / 2];
            this.successorStart = new int[n + 1];
            this.heap = null;
            this.heapIndex = null;
        } else {
            this.state = new double[2 * n];
            for (int v = 0; v < n; v++) {
                state[2 * v] = Double.POSITIVE_INFINITY;
            }

            this.successors = null;
            this.successorStart = null;
            this.heap = new int[n];
            this.heapIndex = new int[n];
            Arrays.fill(heapIndex, UNSEEN);
        }
    }

    static double[] inverseWeights(CompactGraph g) {
        double[] w = g.weights();
        double[] inv = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            inv[i] = 1.0 / w[i];
        }
        return inv;
    }

    /** Whether this workspace searches with Dijkstra over 1 / weight. */
    public boolean weighted() {
        return length != null;
    }

    /**
     * Runs one search from {@code source} and adds its dependencies δ<sub>s•</sub>(v) to {@code into[v]}
     * for every v ≠ source.
     *
     * @return the number of nodes the search reached, the source included
     */
    public int accumulateFrom(int source, double[] into) {
        return length == null ? unweighted(source, into) : weighted(source, into);
    }

    private int unweighted(int s, double[] into) {
        final int[] off = offsets;
        final int[] tgt = targets;
        final double[] st = state; // st[2v] = distance (-1 = unseen), st[2v+1] = sigma, later (1 + delta) / sigma
        final int[] q = order;
        final int[] succ = successors;
        final int[] start = successorStart;
        if (off[s] == off[s + 1]) {
            return 1;
        }
        st[2 * s] = 0;
        st[2 * s + 1] = 1.0;
        q[0] = s;
        int head = 0;
        int tail = 1;
        int edges = 0;
        while (head < tail) {
            // The successors of v on shortest paths are final when v is scanned: they are the neighbours at
            // distance d(v) + 1, discovered now or earlier in this level. They are listed in queue order.
            start[head] = edges;
            int v = q[head++];
            double next = st[2 * v] + 1;
            double sv = st[2 * v + 1];
            for (int i = off[v], end = off[v + 1]; i < end; i++) {
                int w = tgt[i];
                int p = w << 1;
                double dw = st[p];
                if (dw < 0) {
                    st[p] = next;
                    st[p + 1] = sv;
                    q[tail++] = w;
                    succ[edges++] = p;
                } else if (dw == next) {
                    st[p + 1] += sv;
                    succ[edges++] = p;
                }
            }
        }
        start[tail] = edges;
        for (int k = tail - 1; k > 0; k--) {
            double acc = 0;
            for (int j = start[k], end = start[k + 1]; j < end; j++) {
                acc += st[succ[j] + 1];
            }
            int pv = q[k] << 1;
            double sv = st[pv + 1];
            double delta = sv * acc;
            into[q[k]] += delta;
            st[pv + 1] = (1.0 + delta) / sv; // sigma[v] is not needed any more: v's predecessors read this
        }
        for (int k = 0; k < tail; k++) {
            st[2 * q[k]] = -1;
        }
        return tail;
    }

    private int weighted(int s, double[] into) {
        final int[] off = offsets;
        final int[] tgt = targets;
        final double[] len = length;
        final double[] st = state;
        final int[] settled = order;
        final int[] pos = heapIndex;
        if (off[s] == off[s + 1]) {
            return 1;
        }
        st[2 * s] = 0.0;
        st[2 * s + 1] = 1.0;
        int size = 0;
        heap[size++] = s;
        pos[s] = 0;
        int count = 0;
        while (size > 0) {
            int v = heap[0];
            size--;
            if (size > 0) {
                siftDown(heap[size], 0, size);
            }
            pos[v] = SETTLED;
            settled[count++] = v;
            double dv = st[2 * v];
            double sv = st[2 * v + 1];
            for (int i = off[v], end = off[v + 1]; i < end; i++) {
                int w = tgt[i];
                int p = w << 1;
                double nd = dv + len[i];
                double dw = st[p];
                if (nd < dw) {
                    st[p] = nd;
                    st[p + 1] = sv;
                    int h = pos[w];
                    if (h == UNSEEN) {
                        h = size++;
                    }
                    siftUp(w, h);
                } else if (nd == dw && pos[w] != SETTLED) {
                    st[p + 1] += sv;
                }
            }
        }
        for (int k = count - 1; k > 0; k--) {
            int v = settled[k];
            int pv = v << 1;
            double dv = st[pv];
            double acc = 0;
            for (int i = off[v], end = off[v + 1]; i < end; i++) {
                int p = tgt[i] << 1;
                if (dv + len[i] == st[p]) {
                    acc += st[p + 1];
                }
            }
            double sv = st[pv + 1];
            double delta = sv * acc;
            into[v] += delta;
            st[pv + 1] = (1.0 + delta) / sv;
        }
        for (int k = 0; k < count; k++) {
            int v = settled[k];
            st[2 * v] = Double.POSITIVE_INFINITY;
            pos[v] = UNSEEN;
        }
        return count;
    }

    private void siftUp(int v, int p) {
        final int[] h = heap;
        final int[] pos = heapIndex;
        final double[] st = state;
        double key = st[2 * v];
        while (p > 0) {
            int parent = (p - 1) >>> 1;
            int u = h[parent];
            if (st[2 * u] <= key) {
                break;
            }
            h[p] = u;
            pos[u] = p;
            p = parent;
        }
        h[p] = v;
        pos[v] = p;
    }

    private void siftDown(int v, int p, int size) {
        final int[] h = heap;
        final int[] pos = heapIndex;
        final double[] st = state;
        double key = st[2 * v];
        int half = size >>> 1;
        while (p < half) {
            int child = 2 * p + 1;
            int right = child + 1;
            if (right < size && st[2 * h[right]] < st[2 * h[child]]) {
                child = right;
            }
            int u = h[child];
            if (key <= st[2 * u]) {
                break;
            }
            h[p] = u;
            pos[u] = p;
            p = child;
        }
        h[p] = v;
        pos[v] = p;
    }
}
