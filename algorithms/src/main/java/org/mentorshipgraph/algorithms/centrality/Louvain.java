package org.mentorshipgraph.algorithms.centrality;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.mentorshipgraph.algorithms.graph.CompactGraph;

/**
 * Community detection by the Louvain method (V. D. Blondel, J.-L. Guillaume, R. Lambiotte and E. Lefebvre,
 * "Fast unfolding of communities in large networks", J. Stat. Mech. P10008, 2008), maximizing weighted
 * modularity Q = Σ<sub>c</sub> [ L<sub>c</sub> / m − (D<sub>c</sub> / 2m)² ] (see {@link Modularity}).
 *
 * <p>Each level repeats local moving until no node moves: nodes are visited in a random order (drawn
 * from the seed, a new order per level) and each moves to the neighbouring community with the largest
 * gain ΔQ ∝ k<sub>i,c</sub> − Σ<sub>tot,c</sub> · k<sub>i</sub> / 2m, where k<sub>i,c</sub> is the weight
 * from i into c, Σ<sub>tot,c</sub> the strength of c without i and k<sub>i</sub> the strength of i; it
 * stays unless another community is strictly better. The communities then become the nodes of the next
 * level (internal weight as self-loops). The method stops at the first level where no node moves.
 *
 * <p>Deterministic for a given seed. Nothing is normalized: the ids returned are dense, 0..c−1, numbered
 * by first appearance in node order; isolated nodes end up as singleton communities.
 *
 * <p>Running time: O(m) per local-moving pass, with a few passes per level and typically O(log n) levels;
 * memory O(n + m) for the aggregated graphs.
 */
public final class Louvain {
    private static final int MAX_PASSES = 1000;

    private Louvain() {}

    /** Louvain communities of {@code g} on its weights, with resolution 1. */
    public static int[] communities(CompactGraph g, long seed) {
        int n = g.nodeCount();
        int[] assignment = new int[n];
        for (int v = 0; v < n; v++) {
            assignment[v] = v;
        }
        Level level = Level.of(g);
        SplittableRandom random = new SplittableRandom(seed);
        while (level.n > 0) {
            int[] comm = level.localMoving(random);
            if (comm == null) {
                break;
            }
            int communityCount = renumber(comm);
            for (int v = 0; v < n; v++) {
                assignment[v] = comm[assignment[v]];
            }
            if (communityCount == level.n) {
                break;
            }
            level = level.aggregate(comm, communityCount);
        }
        renumber(assignment);
        return assignment;
    }

    /** Renumbers ids in place to 0..c−1 by first appearance; returns c. */
    private static int renumber(int[] ids) {
        int max = 0;
        for (int x : ids) {
            max = Math.max(max, x);
        }
        int[] map = new int[max + 1];
        Arrays.fill(map, -1);
        int c = 0;
        for (int i = 0; i < ids.length; i++) {
            int x = ids[i];
            if (map[x] < 0) {
                map[x] = c++;
            }
            ids[i] = map[x];
        }
        return c;
    }

    /** One level of the hierarchy: a weighted graph whose self-loops hold the weight inside a node. */
    private static final class Level {
        final int n;
        final int[] off;
        final int[] tgt;
        final double[] w;
        final double[] strength; // k_i: adjacent weights plus twice the self-loop
        final double total; // 2m

        Level(int n, int[] off, int[] tgt, double[] w, double[] strength) {
            this.n = n;
            this.off = off;
            this.tgt = tgt;
            this.w = w;
            this.strength = strength;
            double t = 0;
            for (double s : strength) {
                t += s;
            }
            this.total = t;
        }

        static Level of(CompactGraph g) {
            int n = g.nodeCount();
            double[] k = new double[n];
            for (int v = 0; v < n; v++) {
                k[v] = g.strength(v);
            }
            return new Level(n, g.offsets(), g.targets(), g.weights(), k);
        }

        /** Local moving; returns each node's community, or null if no node moved. */
        int[] localMoving(SplittableRandom random) {
            if (total == 0) {
                return null;
            }
            int[] comm = new int[n];
            double[] tot = new double[n];
            for (int i = 0; i < n; i++) {
                comm[i] = i;
                tot[i] = strength[i];
            }
            int[] order = new int[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int x = order[i];
                order[i] = order[j];
                order[j] = x;
            }
            double[] toComm = new double[n];
            boolean[] seen = new boolean[n];
            int[] touched = new int[n];
            boolean anyMove = false;
            for (int pass = 0; pass < MAX_PASSES; pass++) {
                boolean moved = false;
                for (int i : order) {
                    int ci = comm[i];
                    double ki = strength[i];
                    int t = 0;
                    for (int e = off[i]; e < off[i + 1]; e++) {
                        int c = comm[tgt[e]];
                        if (!seen[c]) {
                            seen[c] = true;
                            touched[t++] = c;
                        }
                        toComm[c] += w[e];
                    }
                    tot[ci] -= ki;
                    double ratio = ki / total;
                    int best = ci;
                    double bestGain = toComm[ci] - tot[ci] * ratio;
                    for (int k = 0; k < t; k++) {
                        int c = touched[k];
                        double gain = toComm[c] - tot[c] * ratio;
                        if (gain > bestGain) {
                            bestGain = gain;
                            best = c;
                        }
                    }
                    for (int k = 0; k < t; k++) {
                        int c = touched[k];
                        toComm[c] = 0;
                        seen[c] = false;
                    }
                    tot[best] += ki;
                    if (best != ci) {
                        comm[i] = best;
                        moved = true;
                    }
                }
                if (!moved) {
                    break;
                }
                anyMove = true;
            }
            return anyMove ? comm : null;
        }

        /** The next level: one node per community, {@code comm} already dense 0..c−1. */
        Level aggregate(int[] comm, int c) {
            int[] memberStart = new int[c + 1];
            for (int i = 0; i < n; i++) {
                memberStart[comm[i] + 1]++;
            }
            for (int k = 0; k < c; k++) {
                memberStart[k + 1] += memberStart[k];
            }
            int[] members = new int[n];
            int[] fill = Arrays.copyOf(memberStart, c);
            for (int i = 0; i < n; i++) {
                members[fill[comm[i]]++] = i;
            }
            double[] k = new double[c];
            int[] newOff = new int[c + 1];
            int[] newTgt = new int[Math.max(tgt.length, 1)];
            double[] newW = new double[newTgt.length];
            double[] acc = new double[c];
            boolean[] seen = new boolean[c];
            int[] touched = new int[c];
            int out = 0;
            for (int a = 0; a < c; a++) {
                newOff[a] = out;
                int t = 0;
                double s = 0;
                for (int p = memberStart[a]; p < memberStart[a + 1]; p++) {
                    int i = members[p];
                    s += strength[i];
                    for (int e = off[i]; e < off[i + 1]; e++) {
                        int b = comm[tgt[e]];
                        if (b == a) {
                            continue; // internal weight stays inside the node's strength
                        }
                        if (!seen[b]) {
                            seen[b] = true;
                            touched[t++] = b;
                        }
                        acc[b] += w[e];
                    }
                }
                Arrays.sort(touched, 0, t);
                for (int x = 0; x < t; x++) {
                    int b = touched[x];
                    newTgt[out] = b;
                    newW[out] = acc[b];
                    out++;
                    acc[b] = 0;
                    seen[b] = false;
                }
                k[a] = s;
            }
            newOff[c] = out;
            return new Level(c, newOff, Arrays.copyOf(newTgt, out), Arrays.copyOf(newW, out), k);
        }
    }
}
