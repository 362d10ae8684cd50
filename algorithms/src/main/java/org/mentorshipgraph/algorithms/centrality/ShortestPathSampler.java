package org.mentorshipgraph.algorithms.centrality;

import java.util.SplittableRandom;
import org.mentorshipgraph.algorithms.graph.CompactGraph;

/**
 * Draws one shortest s–t path uniformly at random among all σ<sub>st</sub> shortest s–t paths, the
 * sampling step of path-sampling betweenness estimators (Riondato &amp; Kornaropoulos 2016; Borassi &amp;
 * Natale 2016, see {@link AdaptiveBetweenness}). Implementations keep O(n) reusable per-thread state and are
 * not thread-safe.
 */
interface ShortestPathSampler {

    /**
     * Samples a uniform shortest path from s to t (s ≠ t, same connected component) and writes its inner
     * nodes, those other than s and t, into {@code inner} in order from s to t.
     *
     * @return the number of inner nodes written (0 when s and t are adjacent)
     */
    int sample(int s, int t, SplittableRandom random, int[] inner);

    /** Adjacency entries scanned by all samples so far: the work done. */
    long edgesScanned();

    /**
     * The sampler for g: balanced bidirectional BFS when {@code length} is null, else Dijkstra over these
     * lengths (1/weight per adjacency entry, {@link BetweennessWorkspace#inverseWeights}, shared read-only).
     */
    static ShortestPathSampler of(CompactGraph g, double[] length) {
        return length != null ? new DijkstraPathSampler(g, length) : new BidirectionalPathSampler(g);
    }
}
