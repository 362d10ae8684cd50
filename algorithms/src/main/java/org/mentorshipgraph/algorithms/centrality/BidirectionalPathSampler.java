package org.mentorshipgraph.algorithms.centrality;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.mentorshipgraph.algorithms.graph.CompactGraph;

/**
 * A uniform random shortest s–t path of an unweighted graph by balanced bidirectional breadth-first search
 * (M. Borassi and E. Natale, "KADABRA is an ADaptive Algorithm for Betweenness via Random Approximation",
 * ESA 2016; ACM J. Exp. Algorithmics 24, 2019).
 *
 * <p>Two searches grow balls around s and t. Each step expands, by one whole level, the ball whose frontier
 * has the smaller sum of degrees (the cost of expanding it). Each ball counts shortest paths from its centre,
 * σ<sub>s</sub>(x) or σ<sub>t</sub>(y), as Brandes' BFS does. While a level of one ball is scanned, every edge
 * (x, y) from that ball's frontier to a node y of the other ball is a <em>meeting edge</em>; y then lies on
 * the other ball's frontier, all meeting edges found in that level close paths of the same length d(s, t),
 * and every shortest s–t path crosses exactly one of them, so σ<sub>st</sub> = Σ σ<sub>s</sub>(x)·σ<sub>t</sub>(y)
 * over the meeting edges (oriented s-side first). The search stops after that level. A meeting edge is drawn
 * with probability σ<sub>s</sub>(x)σ<sub>t</sub>(y)/σ<sub>st</sub>, then the path is walked back from x to s
 * and from y to t, at each node u choosing the predecessor p (same ball, one level closer) with probability
 * σ(p)/σ(u). The product of these probabilities is 1/σ<sub>st</sub> for every shortest path: the path is
 * uniform.
 *
 * <p>Cost: O(size of the two balls' adjacency) per sample, in the worst case O(m), but on small-world graphs
 * far less: Borassi &amp; Natale prove m<sup>1/2 + o(1)</sup> with high probability on several random graph
 * models, and observe it on real networks. The walk back costs the degrees of the path's nodes.
 * Memory: about 17n bytes (side, distance, path count, queue), plus the meeting edges of one sample.
 * Not thread-safe.
 */
final class BidirectionalPathSampler implements ShortestPathSampler {
    private static final byte NONE = 0;
    private static final byte FROM_S = 1;
    private static final byte FROM_T = 2;

    private final int[] offsets;
    private final int[] targets;
    private final byte[] side;
    private final int[] dist;
    private final double[] sigma;
    private final int[] queue;
    private int[] meetFrom = new int[16];
    private int[] meetTo = new int[16];
    private double[] meetPaths = new double[16];
    private long scanned;

    BidirectionalPathSampler(CompactGraph g) {
        int n = g.nodeCount();
        this.offsets = g.offsets();
        this.targets = g.targets();
        this.side = new byte[n];
        this.dist = new int[n];
        this.sigma = new double[n];
        this.queue = new int[n];
    }

    @Override
    public long edgesScanned() {
        return scanned;
    }

    @Override
    public int sample(int s, int t, SplittableRandom random, int[] inner) {
        final int[] off = offsets;
        final int[] tgt = targets;
        side[s] = FROM_S;
        side[t] = FROM_T;
        dist[s] = 0;
        dist[t] = 0;
        sigma[s] = 1;
        sigma[t] = 1;
        queue[0] = s;
        queue[1] = t;
        int end = 2;
        int sFrom = 0, sTo = 1, tFrom = 1, tTo = 2;
        long sCost = off[s + 1] - off[s];
        long tCost = off[t + 1] - off[t];
        int meetings = 0;
        while (true) {
            boolean fromS = sCost <= tCost;
            byte me = fromS ? FROM_S : FROM_T;
            int from = fromS ? sFrom : tFrom;
            int to = fromS ? sTo : tTo;
            int levelStart = end;
            long cost = 0;
            for (int k = from; k < to; k++) {
                int x = queue[k];
                int next = dist[x] + 1;
                double sx = sigma[x];
                int a = off[x], b = off[x + 1];
                scanned += b - a;
                for (int i = a; i < b; i++) {
                    int y = tgt[i];
                    byte sy = side[y];
                    if (sy == NONE) {
                        side[y] = me;
                        dist[y] = next;
                        sigma[y] = sx;
                        queue[end++] = y;
                        cost += off[y + 1] - off[y];
                    } else if (sy != me) {
                        if (meetings == meetFrom.length) {
                            growMeetings();
                        }
                        meetFrom[meetings] = x;
                        meetTo[meetings] = y;
                        meetPaths[meetings] = sx * sigma[y];
                        meetings++;
                    } else if (dist[y] == next) {
                        sigma[y] += sx;
                    }
                }
            }
            if (fromS) {
                sFrom = levelStart;
                sTo = end;
                sCost = cost;
            } else {
                tFrom = levelStart;
                tTo = end;
                tCost = cost;
            }
            if (meetings > 0 || end == levelStart) {
                break; // met, or this ball cannot grow: t is not reachable from s
            }
        }
        int count = 0;
        if (meetings > 0) {
            int chosen = meetings - 1;
            double total = 0;
            for (int k = 0; k < meetings; k++) {
                total += meetPaths[k];
            }
            double r = random.nextDouble() * total;
            double acc = 0;
            for (int k = 0; k < meetings; k++) {
                acc += meetPaths[k];
                if (acc > r) {
                    chosen = k;
                    break;
                }
            }
            int x = meetFrom[chosen];
            int y = meetTo[chosen];
            int sNode = side[x] == FROM_S ? x : y;
            int tNode = sNode == x ? y : x;
            int a = dist[sNode];
            int b = dist[tNode];
            // s-side inner nodes are at depths 1..a, written from the meeting edge back towards s
            int v = sNode;
            for (int pos = a - 1; pos >= 0; pos--) {
                inner[pos] = v;
                if (pos > 0) {
                    v = predecessor(v, random);
                }
            }
            v = tNode;
            for (int pos = a; pos < a + b; pos++) {
                inner[pos] = v;
                if (pos < a + b - 1) {
                    v = predecessor(v, random);
                }
            }
            count = a + b;
        }
        for (int k = 0; k < end; k++) {
            side[queue[k]] = NONE;
        }
        return count;
    }

    /** A neighbour of v one level closer to v's ball centre, with probability σ(p)/σ(v). */
    private int predecessor(int v, SplittableRandom random) {
        byte mine = side[v];
        int before = dist[v] - 1;
        double r = random.nextDouble() * sigma[v];
        double acc = 0;
        int last = -1;
        int a = offsets[v], b = offsets[v + 1];
        for (int i = a; i < b; i++) {
            int p = targets[i];
            if (side[p] == mine && dist[p] == before) {
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

    private void growMeetings() {
        int size = 2 * meetFrom.length;
        meetFrom = Arrays.copyOf(meetFrom, size);
        meetTo = Arrays.copyOf(meetTo, size);
        meetPaths = Arrays.copyOf(meetPaths, size);
    }
}
