package org.mentorshipgraph.algorithms.graph;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Seeded random graphs for tests and benchmarks. Test code: it lives in the algorithms module's test sources and
 * reaches the benchmarks (tools module) through the algorithms test-jar, so the production jar does not contain it.
 *
 * <ul>
 *   <li>{@link #powerlawCluster}: P. Holme and B. J. Kim, "Growing scale-free networks with tunable
 *       clustering", Phys. Rev. E 65, 026107, 2002 — preferential attachment where, after each
 *       preferential tie, the next tie closes a triangle with probability p. Same procedure as NetworkX's
 *       {@code powerlaw_cluster_graph(n, m, p)} (not the same random stream). About m(n − m) edges.</li>
 *   <li>{@link #organisation}: teams under managers with dense ties inside teams, a reporting tree, and
 *       cross-team ties chosen preferentially (a few people are widely connected).</li>
 * </ul>
 * Running time O(n·m) expected; memory O(n·m).
 */
public final class RandomGraphs {
    private RandomGraphs() {}

    /** Holme–Kim powerlaw-cluster graph with n nodes, m ties per new node, triangle probability p. */
    public static CompactGraph powerlawCluster(int n, int m, double p, long seed) {
        if (m < 1 || m >= n) {
            throw new IllegalArgumentException("need 1 <= m < n, got m=" + m + ", n=" + n);
        }
        SplittableRandom random = new SplittableRandom(seed);
        EdgeBuffer edges = new EdgeBuffer(n);
        int[] repeated = new int[2 * m * n + m];
        int repeatedSize = 0;
        for (int v = 0; v < m; v++) {
            repeated[repeatedSize++] = v;
        }
        int[] targets = new int[m];
        int[] neighbourhood = new int[n];
        for (int source = m; source < n; source++) {
            // m distinct preferential targets
            int t = 0;
            while (t < m) {
                int x = repeated[random.nextInt(repeatedSize)];
                boolean dup = false;
                for (int i = 0; i < t; i++) {
                    dup |= targets[i] == x;
                }
                if (!dup) {
                    targets[t++] = x;
                }
            }
            int target = targets[--t];
            edges.add(source, target);
            repeated[repeatedSize++] = target;
            int count = 1;
            while (count < m) {
                if (random.nextDouble() < p) {
                    int size = 0;
                    for (int nb : edges.neighbours(target)) {
                        if (nb != source && !edges.has(source, nb)) {
                            neighbourhood[size++] = nb;
                        }
                    }
                    if (size > 0) {
                        int nb = neighbourhood[random.nextInt(size)];
                        edges.add(source, nb);
                        repeated[repeatedSize++] = nb;
                        count++;
                        continue;
                    }
                }
                // the remaining preferential targets may already be neighbours via triangles: skip those
                int next = -1;
                while (t > 0 && next < 0) {
                    int x = targets[--t];
                    if (!edges.has(source, x)) {
                        next = x;
                    }
                }
                if (next < 0) {
                    break;
                }
                target = next;
                edges.add(source, target);
                repeated[repeatedSize++] = target;
                count++;
            }
            for (int i = 0; i < m; i++) {
                repeated[repeatedSize++] = source;
            }
        }
        return edges.toGraph(null);
    }

    /**
     * An organisation-like graph of n people: teams of 5 to 12 people whose members are tied with
     * probability {@code insideTeam}; each team's manager tied to a manager one level up (a reporting
     * tree, fan-out up to 8); then cross-team ties, each from a uniformly chosen person to a person chosen
     * preferentially by current degree, until the graph has {@code edges} ties. Weights are tie strengths
     * in (0, 10]: strong inside teams, weaker across.
     */
    public static CompactGraph organisation(int n, int edges, double insideTeam, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        EdgeBuffer buffer = new EdgeBuffer(n);
        int[] endpointPool = new int[2 * Math.max(edges, 1) + 2 * n];
        int pool = 0;
        int teamStart = 0;
        int[] managers = new int[n];
        int teams = 0;
        while (teamStart < n) {
            int size = Math.min(n - teamStart, 5 + random.nextInt(8));
            for (int i = teamStart; i < teamStart + size; i++) {
                for (int j = i + 1; j < teamStart + size; j++) {
                    if (random.nextDouble() < insideTeam) {
                        buffer.add(i, j, 2 + 8 * random.nextDouble());
                        endpointPool[pool++] = i;
                        endpointPool[pool++] = j;
                    }
                }
                if (i > teamStart && buffer.neighbours(i).length == 0) {
                    buffer.add(i, teamStart, 2 + 8 * random.nextDouble()); // nobody is alone in a team
                    endpointPool[pool++] = i;
                    endpointPool[pool++] = teamStart;
                }
            }
            managers[teams] = teamStart;
            if (teams > 0) {
                int boss = managers[(teams - 1) / 8];
                if (!buffer.has(teamStart, boss)) {
                    buffer.add(teamStart, boss, 1 + 4 * random.nextDouble());
                    endpointPool[pool++] = teamStart;
                    endpointPool[pool++] = boss;
                }
            }
            teams++;
            teamStart += size;
        }
        int attempts = 0;
        while (buffer.size() < edges && attempts < 50L * edges) {
            attempts++;
            int a = random.nextInt(n);
            int b = pool > 0 && random.nextDouble() < 0.7 ? endpointPool[random.nextInt(pool)] : random.nextInt(n);
            if (a == b || buffer.has(a, b)) {
                continue;
            }
            buffer.add(a, b, 0.2 + 2 * random.nextDouble());
            if (pool + 2 <= endpointPool.length) {
                endpointPool[pool++] = a;
                endpointPool[pool++] = b;
            }
        }
        return buffer.toGraph(buffer.weights());
    }

    /** Growing adjacency with O(degree) membership tests, for generators only. */
    private static final class EdgeBuffer {
        private final int[][] adj;
        private final int[] deg;
        private int[] a = new int[1024];
        private int[] b = new int[1024];
        private double[] w = new double[1024];
        private int size;

        EdgeBuffer(int n) {
            adj = new int[n][];
            deg = new int[n];
        }

        int size() {
            return size;
        }

        void add(int u, int v) {
            add(u, v, 1.0);
        }

        void add(int u, int v, double weight) {
            if (size == a.length) {
                a = Arrays.copyOf(a, 2 * size);
                b = Arrays.copyOf(b, 2 * size);
                w = Arrays.copyOf(w, 2 * size);
            }
            a[size] = u;
            b[size] = v;
            w[size] = weight;
            size++;
            push(u, v);
            push(v, u);
        }

        private void push(int u, int v) {
            if (adj[u] == null) {
                adj[u] = new int[4];
            } else if (deg[u] == adj[u].length) {
                adj[u] = Arrays.copyOf(adj[u], 2 * deg[u]);
            }
            adj[u][deg[u]++] = v;
        }

        boolean has(int u, int v) {
            int x = deg[u] <= deg[v] ? u : v;
            int y = x == u ? v : u;
            for (int i = 0; i < deg[x]; i++) {
                if (adj[x][i] == y) {
                    return true;
                }
            }
            return false;
        }

        int[] neighbours(int u) {
            return adj[u] == null ? new int[0] : Arrays.copyOf(adj[u], deg[u]);
        }

        double[] weights() {
            return Arrays.copyOf(w, size);
        }

        CompactGraph toGraph(double[] weights) {
            return CompactGraph.fromEdges(adj.length, Arrays.copyOf(a, size), Arrays.copyOf(b, size), weights);
        }
    }
}
