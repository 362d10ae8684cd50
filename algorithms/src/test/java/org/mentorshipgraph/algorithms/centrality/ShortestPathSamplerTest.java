package org.mentorshipgraph.algorithms.centrality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mentorshipgraph.algorithms.graph.CompactGraph;
import org.mentorshipgraph.algorithms.graph.RandomGraphs;

class ShortestPathSamplerTest {

    private static ShortestPathSampler sampler(CompactGraph g, boolean weighted) {
        return ShortestPathSampler.of(g, weighted ? BetweennessWorkspace.inverseWeights(g) : null);
    }

    /**
     * Three shortest 0–5 paths: 0-1-3-5, 0-2-3-5 and 0-4-6-5. Node 3 is on two of them, so a uniform path
     * passes through it 2/3 of the time; a sampler that picked predecessors uniformly (instead of in
     * proportion to their path counts) would give 1/2.
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void everyShortestPathIsEquallyLikely(boolean weighted) {
        CompactGraph g =
                CompactGraph.fromEdges(7, new int[] {0, 0, 1, 2, 3, 0, 4, 6}, new int[] {1, 2, 3, 3, 5, 4, 6, 5}, null);
        ShortestPathSampler sampler = sampler(g, weighted);
        SplittableRandom random = new SplittableRandom(3);
        int[] inner = new int[7];
        int draws = 30_000;
        int[] through = new int[7];
        for (int i = 0; i < draws; i++) {
            boolean forward = i % 2 == 0; // both directions: the balanced search starts from either end
            int k = sampler.sample(forward ? 0 : 5, forward ? 5 : 0, random, inner);
            assertThat(k).isEqualTo(2);
            for (int j = 0; j < k; j++) {
                through[inner[j]]++;
            }
        }
        assertThat(through[3] / (double) draws).isCloseTo(2.0 / 3, within(0.015));
        assertThat(through[1] / (double) draws).isCloseTo(1.0 / 3, within(0.015));
        assertThat(through[2] / (double) draws).isCloseTo(1.0 / 3, within(0.015));
        assertThat(through[4] / (double) draws).isCloseTo(1.0 / 3, within(0.015));
        assertThat(through[6]).isEqualTo(through[4]);
        assertThat(through[0] + through[5]).isZero(); // endpoints are never inner nodes
    }

    /** On a grid the number of shortest paths through a node varies a lot: the visit frequencies must follow. */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void gridCornerToCornerVisitsFollowPathCounts(boolean weighted) {
        int side = 4; // 4 x 4 grid, corner 0 to corner 15: C(6,3) = 20 shortest paths
        int[] a = new int[2 * side * (side - 1)];
        int[] b = new int[a.length];
        int e = 0;
        for (int r = 0; r < side; r++) {
            for (int c = 0; c < side; c++) {
                int v = r * side + c;
                if (c + 1 < side) {
                    a[e] = v;
                    b[e++] = v + 1;
                }
                if (r + 1 < side) {
                    a[e] = v;
                    b[e++] = v + side;
                }
            }
        }
        CompactGraph g = CompactGraph.fromEdges(side * side, a, b, null);
        ShortestPathSampler sampler = sampler(g, weighted);
        SplittableRandom random = new SplittableRandom(11);
        int[] inner = new int[16];
        int draws = 40_000;
        int[] through = new int[16];
        for (int i = 0; i < draws; i++) {
            int k = sampler.sample(0, 15, random, inner);
            assertThat(k).isEqualTo(5);
            for (int j = 0; j < k; j++) {
                through[inner[j]]++;
            }
        }
        for (int r = 0; r < side; r++) {
            for (int c = 0; c < side; c++) {
                int v = r * side + c;
                if (v == 0 || v == 15) {
                    continue;
                }
                // paths through (r, c): C(r + c, r) * C(6 - r - c, 3 - r) of 20
                double expected = binomial(r + c, r) * binomial(6 - r - c, 3 - r) / 20.0;
                assertThat(through[v] / (double) draws).as("node (%d,%d)", r, c).isCloseTo(expected, within(0.012));
            }
        }
    }

    /** Every sampled path is a real shortest path: consecutive nodes adjacent, each prefix as long as the distance. */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void sampledPathsAreShortestPaths(boolean weighted) {
        // tie strengths from 0.2 to 10, so weighted shortest paths differ from the fewest-hop ones
        CompactGraph g = RandomGraphs.organisation(600, 3000, 0.5, 5);
        ShortestPathSampler sampler = sampler(g, weighted);
        SplittableRandom random = new SplittableRandom(8);
        int[] inner = new int[g.nodeCount()];
        for (int i = 0; i < 300; i++) {
            int s = random.nextInt(g.nodeCount());
            int t = random.nextInt(g.nodeCount());
            if (s == t) {
                continue;
            }
            double[] distance = distances(g, s, weighted);
            int k = sampler.sample(s, t, random, inner);
            int[] path = new int[k + 2];
            path[0] = s;
            System.arraycopy(inner, 0, path, 1, k);
            path[k + 1] = t;
            double length = 0;
            for (int j = 0; j + 1 < path.length; j++) {
                double l = edgeLength(g, path[j], path[j + 1], weighted);
                assertThat(l)
                        .as("edge %d-%d of a sampled path", path[j], path[j + 1])
                        .isFinite();
                length += l;
                // each prefix is itself a shortest path
                assertThat(length).isCloseTo(distance[path[j + 1]], within(1e-9));
            }
            assertThat(Arrays.stream(path).distinct().count()).isEqualTo(path.length);
        }
        assertThat(sampler.edgesScanned()).isPositive();
    }

    private static double edgeLength(CompactGraph g, int u, int v, boolean weighted) {
        for (int i = g.offsets()[u]; i < g.offsets()[u + 1]; i++) {
            if (g.targets()[i] == v) {
                return weighted ? 1.0 / g.weights()[i] : 1.0;
            }
        }
        return Double.POSITIVE_INFINITY;
    }

    /** Plain Dijkstra (all lengths 1 when unweighted) for the expected distances. */
    private static double[] distances(CompactGraph g, int s, boolean weighted) {
        int n = g.nodeCount();
        double[] d = new double[n];
        Arrays.fill(d, Double.POSITIVE_INFINITY);
        boolean[] done = new boolean[n];
        d[s] = 0;
        for (int round = 0; round < n; round++) {
            int v = -1;
            for (int u = 0; u < n; u++) {
                if (!done[u] && (v < 0 || d[u] < d[v])) {
                    v = u;
                }
            }
            if (v < 0 || d[v] == Double.POSITIVE_INFINITY) {
                break;
            }
            done[v] = true;
            for (int i = g.offsets()[v]; i < g.offsets()[v + 1]; i++) {
                int w = g.targets()[i];
                double nd = d[v] + (weighted ? 1.0 / g.weights()[i] : 1.0);
                if (nd < d[w]) {
                    d[w] = nd;
                }
            }
        }
        return d;
    }

    private static double binomial(int n, int k) {
        double r = 1;
        for (int i = 1; i <= k; i++) {
            r = r * (n - k + i) / i;
        }
        return r;
    }
}
