package org.mentorshipgraph.algorithms.centrality;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.mentorshipgraph.algorithms.graph.CompactGraph;

/**
 * A uniform random shortest s–t path of a weighted graph, lengths ℓ(u,v) = 1/w(u,v) as in
 * {@link BrandesBetweenness}: Dijkstra's search from s, counting shortest paths σ<sub>s</sub>(v) exactly as
 * {@link BetweennessWorkspace} does (same relaxations, same exact comparisons, so the same shortest-path
 * DAG), stopped as soon as t is settled; then the path is walked back from t, at each node v choosing a
 * predecessor p (settled, d(p) + ℓ(p,v) = d(v)) with probability σ<sub>s</sub>(p)/σ<sub>s</sub>(v), which makes
 * every shortest s–t path equally likely (probability 1/σ<sub>st</sub>).
 *
 * <p>This is one-directional: it settles every node closer to s than t, O(m log n) in the worst case and on
 * small-world graphs a large part of the graph per sample, unlike the unweighted balanced bidirectional
 * search ({@link BidirectionalPathSampler}). Memory: about 32n bytes plus the 16m-byte inverse weights,
 * which are shared. Not thread-safe.
 */
final class DijkstraPathSampler implements ShortestPathSampler {
    private static final int SETTLED = -2;
    private static final int UNSEEN = -1;

    private final int[] offsets;
    private final int[] targets;
    private final double[] length;
    private final double[] dist;
    private final double[] sigma;
    private final int[] heap;
    private final int[] heapIndex;
    private final int[] touched;
    private final int[] reversed;
    private long scanned;

    /** @param length 1/weight for every adjacency entry of g ({@link BetweennessWorkspace#inverseWeights}) */
    DijkstraPathSampler(CompactGraph g, double[] length) {
        int n = g.nodeCount();
        this.offsets = g.offsets();
        this.targets = g.targets();
        this.length = length;
        this.dist = new double[n];
        Arrays.fill(dist, Double.POSITIVE_INFINITY);
        this.sigma = new double[n];
        this.heap = new int[n];
        this.heapIndex = new int[n];
        Arrays.fill(heapIndex, UNSEEN);
        this.touched = new int[n];
        this.reversed = new int[n];
    }

    @Override
    public long edgesScanned() {
        return scanned;
    }

    @Override
    public int sample(int s, int t, SplittableRandom random, int[] inner) {
        final int[] off = offsets;
        final int[] tgt = targets;
        final double[] len = length;
        final int[] pos = heapIndex;
        int reached = 0;
        dist[s] = 0;
        sigma[s] = 1;
        touched[reached++] = s;
        heap[0] = s;
        pos[s] = 0;
        int size = 1;
        boolean found = false;
        while (size > 0) {
            int v = heap[0];
            size--;
            if (size > 0) {
                siftDown(heap[size], 0, size);
            }
            pos[v] = SETTLED;
            if (v == t) {
                found = true;
                break;
            }
            double dv = dist[v];
            double sv = sigma[v];
            int a = off[v], b = off[v + 1];
            scanned += b - a;
            for (int i = a; i < b; i++) {
                int w = tgt[i];
                double nd = dv + len[i];
                double dw = dist[w];
                if (nd < dw) {
                    dist[w] = nd;
                    sigma[w] = sv;
                    int h = pos[w];
                    if (h == UNSEEN) {
                        touched[reached++] = w;
                        h = size++;
                    }
                    siftUp(w, h);
                } else if (nd == dw && pos[w] != SETTLED) {
                    sigma[w] += sv;
                }
            }
        }
        int count = 0;
        if (found) {
            int v = t;
            while (true) {
                int p = predecessor(v, random);
                if (p == s) {
                    break;
                }
                reversed[count++] = p;
                v = p;
            }
            for (int k = 0; k < count; k++) {
                inner[k] = reversed[count - 1 - k];
            }
        }
        for (int k = 0; k < reached; k++) {
            int v = touched[k];
            dist[v] = Double.POSITIVE_INFINITY;
            pos[v] = UNSEEN;
        }
        return count;
    }

    /** A settled neighbour p of v with d(p) + ℓ(p,v) = d(v), with probability σ(p)/σ(v). */
    private int predecessor(int v, SplittableRandom random) {
        double dv = dist[v];
        double r = random.nextDouble() * sigma[v];
        double acc = 0;
        int last = -1;
        int a = offsets[v], b = offsets[v + 1];
        for (int i = a; i < b; i++) {
            int p = targets[i];
            if (heapIndex[p] == SETTLED && dist[p] + length[i] == dv) {
                last = p;
                acc += sigma[p];
                if (acc > r) {
                    scanned += i - a + 1;
                    return p;
                }
            }
        }
        scanned += b - a;
        return last; // only reached through rounding in acc
    }

    private void siftUp(int v, int p) {
        final int[] h = heap;
        final int[] pos = heapIndex;
        double key = dist[v];
        while (p > 0) {
            int parent = (p - 1) >>> 1;
            int u = h[parent];
            if (dist[u] <= key) {
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
        double key = dist[v];
        int half = size >>> 1;
        while (p < half) {
            int child = 2 * p + 1;
            int right = child + 1;
            if (right < size && dist[h[right]] < dist[h[child]]) {
                child = right;
            }
            int u = h[child];
            if (key <= dist[u]) {
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
