package org.mentorshipgraph.algorithms.mentoring;

import java.util.Arrays;
import java.util.List;

/**
 * The best assignment of mentees to mentors for a mentoring programme: a maximum-weight bipartite b-matching,
 * solved exactly.
 *
 * <p>Mentees are 0..M−1; mentor j has {@code capacity[j] ≥ 0} places left; the allowed pairs (i, j) each have a
 * score s<sub>ij</sub> in (0, 100]. The assignment x<sub>ij</sub> ∈ {0, 1} maximises
 *
 * <pre>  Σ<sub>(i,j) allowed</sub> s<sub>ij</sub> x<sub>ij</sub>   subject to
 *   Σ<sub>j</sub> x<sub>ij</sub> ≤ 1 (every mentee i),
 *   Σ<sub>i</sub> x<sub>ij</sub> ≤ capacity[j] (every mentor j)</pre>
 *
 * A mentee may stay unassigned; a pair that is not listed is never chosen.
 *
 * <p>Method: the shortest-augmenting-path Hungarian method on the sparse graph (H. W. Kuhn, "The Hungarian method
 * for the assignment problem", Naval Res. Logist. Q. 2, 1955; with node potentials as in N. Tomizawa, Networks 1,
 * 1971, and J. Edmonds and R. M. Karp, J. ACM 19, 1972; one row at a time with early exit as in R. Jonker and
 * A. Volgenant, "A shortest augmenting path algorithm for dense and sparse linear assignment problems", Computing
 * 38, 1987). Equivalently, successive shortest paths in the flow network source → mentee → mentor → sink with a
 * mentee → sink arc of cost 0 for "stays unassigned" and a mentor → sink arc of capacity {@code capacity[j]}: a
 * mentor is one node with a capacity, never copied into places. Mentees are added in index order; for each,
 * Dijkstra over the residual graph with reduced costs c<sub>π</sub>(u, v) = c(u, v) + π(u) − π(v) ≥ 0 (cost −s on
 * mentee → mentor, +s on the reverse arc of a chosen pair) runs from the new mentee until the cheapest way to the
 * sink is settled: a mentor with a free place, or a mentee (the new one or one it displaces) left unassigned with
 * value 0. The path is then flipped and the potentials updated, π(v) += d(v) − D for every settled node (D the
 * distance to the sink), which keeps the reduced cost of every arc a search can use non-negative. After mentee i
 * the assignment is optimal for mentees 0..i (augmenting along a shortest path leaves no negative cycle), so the
 * final one is optimal.
 *
 * <p>Exactness: scores are turned into integers, s · 2<sup>48</sup> rounded (exact for every score ≥ 16 and within
 * 2<sup>−49</sup> of it otherwise), and all search arithmetic is on {@code long}: no epsilon. Potentials stay within
 * ±100 · 2<sup>48</sup>, so nothing overflows. The assignment is therefore optimal for the integer scores, and its
 * total (summed from the given doubles) is within M · 2<sup>−48</sup> of the true optimum (under 2.2·10<sup>−10</sup>
 * for M = 60,000). Pairs with a mentor of capacity 0 are dropped first.
 *
 * <p>Deterministic for a given input, whatever the order of the pairs. Ties: mentees are added in index order and
 * the assignment changes only for a strict gain, so on ties the lower-indexed mentees keep their mentors and a later
 * mentee stays out rather than displace one for nothing; a mentee's pairs are tried in mentor order, so of its
 * equally good free mentors the lowest-indexed one is taken.
 *
 * <p>Cost: time O(M · (E + N) log N) in the worst case (one Dijkstra with a binary heap per mentee, over N = M + K
 * nodes and the E allowed pairs), usually far less: a search only expands nodes closer than the cheapest way to the
 * sink found so far, a mentor with a free place ends it, and nodes reached over a tight arc (reduced cost 0, such as
 * a chosen pair's mentee from its mentor) skip the heap. Measured with tools {@code bench.ProgrammeMatchingSpeed}
 * (scripts/bench-matching, one thread, on the shared 2-core machine): 60,000 mentees, 20,000 mentors with 40,042
 * places and 1.2 million pairs, mentors Zipf-popular and so asked many times over their places, 0.8–1.0 s (up to
 * 2 CPU s when the machine is loaded), peak heap under 180 MB, and it runs in a 256 MB heap; with uniform popularity
 * instead (every mentor asked about 60 times for 2 places), a harder case for the searches, 5–7 s. Memory
 * O(M + K + E): the pairs sorted by mentee (an int, a long and a double each, 20 bytes), a few arrays over the nodes,
 * and the places taken (at most E).
 */
public final class ProgrammeMatching {
    /** Scores are turned into integers in units of 2<sup>−48</sup>. */
    static final double UNITS_PER_POINT = 0x1p48;

    /** The largest score accepted. */
    public static final double MAX_SCORE = 100.0;

    private ProgrammeMatching() {}

    /** An allowed pair: {@code mentee} may be mentored by {@code mentor}, with {@code score} in (0, 100]. */
    public record Pair(int mentee, int mentor, double score) {}

    /**
     * The optimal assignment: {@code mentorOf[i]} is mentee i's mentor or −1 when unassigned (the array is the
     * result's own, not copied); {@code total} the sum of the chosen pairs' scores; {@code assigned} how many mentees
     * have a mentor.
     */
    public record Assignment(int[] mentorOf, double total, int assigned) {}

    /** The optimal assignment of {@code mentees} mentees to mentors with {@code capacity}, over the allowed pairs. */
    public static Assignment solve(int mentees, int[] capacity, List<Pair> allowed) {
        int n = allowed.size();
        int[] mentee = new int[n];
        int[] mentor = new int[n];
        double[] score = new double[n];
        for (int p = 0; p < n; p++) {
            Pair pair = allowed.get(p);
            mentee[p] = pair.mentee();
            mentor[p] = pair.mentor();
            score[p] = pair.score();
        }
        return solve(mentees, capacity, mentee, mentor, score);
    }

    /**
     * The same over parallel arrays: pair p is ({@code mentee[p]}, {@code mentor[p]}, {@code score[p]}).
     *
     * @throws IllegalArgumentException for a negative capacity, an index out of range, a score outside (0, 100] or a
     *     pair listed twice
     */
    public static Assignment solve(int mentees, int[] capacity, int[] mentee, int[] mentor, double[] score) {
        if (mentees < 0) {
            throw new IllegalArgumentException("negative number of mentees: " + mentees);
        }
        if (mentee.length != mentor.length || mentee.length != score.length) {
            throw new IllegalArgumentException(
                    "pair arrays of different lengths: " + mentee.length + ", " + mentor.length + ", " + score.length);
        }
        for (int j = 0; j < capacity.length; j++) {
            if (capacity[j] < 0) {
                throw new IllegalArgumentException("mentor " + j + " has negative capacity " + capacity[j]);
            }
        }
        for (int p = 0; p < mentee.length; p++) {
            if (mentee[p] < 0 || mentee[p] >= mentees) {
                throw new IllegalArgumentException(
                        "pair " + p + ": mentee " + mentee[p] + " not in 0.." + (mentees - 1));
            }
            if (mentor[p] < 0 || mentor[p] >= capacity.length) {
                throw new IllegalArgumentException(
                        "pair " + p + ": mentor " + mentor[p] + " not in 0.." + (capacity.length - 1));
            }
            if (!(score[p] > 0 && score[p] <= MAX_SCORE)) {
                throw new IllegalArgumentException("pair " + p + ": score " + score[p] + " not in (0, 100]");
            }
        }
        return new Solver(mentees, capacity, mentee, mentor, score).run();
    }

    /** One run: the pairs by mentee, the current assignment, the potentials and the search's scratch space. */
    private static final class Solver {
        private final int m;
        private final int k;
        // Pairs sorted by (mentee, mentor): mentee i's pairs are off[i]..off[i+1]-1.
        private final int[] off;
        private final int[] to;
        private final long[] gain;
        private final double[] score;
        // Places: mentor j's taken places are slots[slotStart[j]] .. slots[slotStart[j] + load[j] - 1].
        private final int[] places;
        private final int[] slotStart;
        private final int[] slots;
        private final int[] load;
        // The assignment: mentorOf[i] = -1 or j; slotOf[i] its index in slots; pairOf[i] its pair.
        private final int[] mentorOf;
        private final int[] slotOf;
        private final int[] pairOf;
        // Potentials of mentees 0..m-1 and mentors m..m+k-1; the sink's is 0 throughout.
        private final long[] pi;
        // Search scratch, valid where stamp == search.
        private final long[] dist;
        private final int[] pred;
        private final int[] stamp;
        private final int[] settled;
        private int[] touched = new int[64];
        private int touchedSize;
        private final NodeHeap heap = new NodeHeap();
        // Nodes reached at exactly the distance being settled (tight arcs: a chosen pair's mentee from its mentor).
        private int[] atLevel = new int[64];
        private int levelSize;
        private long level;
        private int search;
        // The cheapest way to the sink found so far in this search, and the node it ends at.
        private long best;
        private int end;

        Solver(int mentees, int[] capacity, int[] mentee, int[] mentor, double[] pairScore) {
            m = mentees;
            k = capacity.length;
            // Counting sort by mentor, then stably by mentee: pairs end up sorted by (mentee, mentor).
            int n = 0;
            for (int p = 0; p < mentee.length; p++) if (capacity[mentor[p]] > 0) n++;
            int[] byMentorStart = new int[k + 1];
            for (int p = 0; p < mentee.length; p++) if (capacity[mentor[p]] > 0) byMentorStart[mentor[p] + 1]++;
            for (int j = 0; j < k; j++) byMentorStart[j + 1] += byMentorStart[j];
            int[] byMentor = new int[n];
            int[] fill = Arrays.copyOf(byMentorStart, k);
            for (int p = 0; p < mentee.length; p++) if (capacity[mentor[p]] > 0) byMentor[fill[mentor[p]]++] = p;
            off = new int[m + 1];
            for (int p : byMentor) off[mentee[p] + 1]++;
            for (int i = 0; i < m; i++) off[i + 1] += off[i];
            to = new int[n];
            gain = new long[n];
            score = new double[n];
            int[] next = Arrays.copyOf(off, m);
            for (int p : byMentor) {
                int q = next[mentee[p]]++;
                to[q] = mentor[p];
                score[q] = pairScore[p];
                gain[q] = Math.round(pairScore[p] * UNITS_PER_POINT);
            }
            for (int i = 0; i < m; i++) {
                for (int q = off[i] + 1; q < off[i + 1]; q++) {
                    if (to[q] == to[q - 1]) {
                        throw new IllegalArgumentException("pair (" + i + ", " + to[q] + ") listed twice");
                    }
                }
            }
            // A mentor never needs more places than it has pairs.
            places = new int[k];
            slotStart = new int[k + 1];
            for (int j = 0; j < k; j++) {
                places[j] = Math.min(capacity[j], byMentorStart[j + 1] - byMentorStart[j]);
                slotStart[j + 1] = slotStart[j] + places[j];
            }
            slots = new int[slotStart[k]];
            load = new int[k];
            mentorOf = new int[m];
            Arrays.fill(mentorOf, -1);
            slotOf = new int[m];
            pairOf = new int[m];
            pi = new long[m + k];
            dist = new long[m + k];
            pred = new int[m + k];
            stamp = new int[m + k];
            settled = new int[m + k];
        }

        Assignment run() {
            for (int i = 0; i < m; i++) {
                if (off[i + 1] > off[i]) add(i);
            }
            // Neumaier's compensated sum, in mentee order: off by about one rounding of the total, not one per term
            double total = 0;
            double carry = 0;
            int assigned = 0;
            for (int i = 0; i < m; i++) {
                if (mentorOf[i] >= 0) {
                    double x = score[pairOf[i]];
                    double t = total + x;
                    carry += Math.abs(total) >= x ? (total - t) + x : (x - t) + total;
                    total = t;
                    assigned++;
                }
            }
            return new Assignment(mentorOf, total + carry, assigned);
        }

        /**
         * Adds mentee i: Dijkstra from i to the sink over reduced costs, then flips the path. A way to the sink is
         * priced as soon as its last node is reached, so that {@code best} bounds the search early; a node is
         * expanded only while closer than {@code best}. Ends are encoded as a mentor node (m + j: a free place at j)
         * or a mentee node (that mentee is left unassigned).
         */
        private void add(int i) {
            long start = 0; // pi[i] so that every arc out of i has a non-negative reduced cost
            for (int q = off[i]; q < off[i + 1]; q++) start = Math.max(start, pi[m + to[q]] + gain[q]);
            pi[i] = start;
            search++;
            touchedSize = 0;
            best = start; // i's own "stays unassigned": reduced cost pi[i] - pi[sink] = pi[i]
            end = i;
            heap.clear();
            levelSize = 0;
            stamp[i] = search;
            dist[i] = 0;
            heap.push(0, i);
            while (true) {
                long d;
                int v;
                if (levelSize > 0) {
                    d = level;
                    v = atLevel[--levelSize];
                    if (d >= best) break;
                } else if (!heap.isEmpty() && heap.topKey() < best) {
                    d = heap.topKey();
                    v = heap.pop();
                } else {
                    break;
                }
                if (settled[v] == search || d != dist[v]) continue;
                settled[v] = search;
                level = d;
                if (touchedSize == touched.length) touched = Arrays.copyOf(touched, 2 * touchedSize);
                touched[touchedSize++] = v;
                long piV = pi[v];
                if (v < m) {
                    int own = mentorOf[v];
                    for (int q = off[v]; q < off[v + 1]; q++) {
                        int j = to[q];
                        if (j == own) continue;
                        long nd = d + piV - pi[m + j] - gain[q];
                        if (nd < best) reachMentor(j, nd, v);
                    }
                } else {
                    int j = v - m;
                    for (int s = slotStart[j], e = s + load[j]; s < e; s++) {
                        int u = slots[s];
                        long nd = d + gain[pairOf[u]] + piV - pi[u];
                        if (nd < best) reachMentee(u, nd, v);
                    }
                }
            }
            for (int t = 0; t < touchedSize; t++) {
                int v = touched[t];
                pi[v] += dist[v] - best;
            }
            flip(i, end);
        }

        /** Mentor j reached at distance d from mentee {@code from}; a free place there ends a path at d + pi. */
        private void reachMentor(int j, long d, int from) {
            int v = m + j;
            if (!shorter(v, d)) return;
            dist[v] = d;
            pred[v] = from;
            if (load[j] < places[j]) {
                long viaPlace = d + pi[v]; // pi of a mentor with a free place is 0, so this is d < best
                if (viaPlace < best) {
                    best = viaPlace;
                    end = v;
                }
            }
            if (d < best) enqueue(d, v);
        }

        /** Assigned mentee u reached from its mentor at distance d; leaving u unassigned ends a path at d + pi. */
        private void reachMentee(int u, long d, int from) {
            if (!shorter(u, d)) return;
            dist[u] = d;
            pred[u] = from;
            long viaDummy = d + pi[u];
            if (viaDummy < best) {
                best = viaDummy;
                end = u;
            }
            if (d < best) enqueue(d, u);
        }

        /** Nodes at the distance being settled skip the heap: they come next whatever their order. */
        private void enqueue(long d, int v) {
            if (d == level) {
                if (levelSize == atLevel.length) atLevel = Arrays.copyOf(atLevel, 2 * levelSize);
                atLevel[levelSize++] = v;
            } else {
                heap.push(d, v);
            }
        }

        private boolean shorter(int v, long d) {
            if (stamp[v] != search) {
                stamp[v] = search;
                return true;
            }
            return settled[v] != search && d < dist[v];
        }

        /** Flips the path found for mentee i that ends at {@code end}, moving each mentee along it one place. */
        private void flip(int i, int end) {
            int j;
            int slot;
            if (end >= m) {
                j = end - m;
                slot = slotStart[j] + load[j]++;
            } else {
                if (end == i) return;
                j = mentorOf[end];
                slot = slotOf[end];
                mentorOf[end] = -1;
            }
            while (true) {
                int u = pred[m + j]; // u moves into place `slot` of mentor j
                int oldMentor = mentorOf[u];
                int oldSlot = slotOf[u];
                slots[slot] = u;
                mentorOf[u] = j;
                slotOf[u] = slot;
                pairOf[u] = pairIndex(u, j);
                if (u == i) return;
                j = oldMentor;
                slot = oldSlot;
            }
        }

        private int pairIndex(int u, int j) {
            int q = Arrays.binarySearch(to, off[u], off[u + 1], j);
            if (q < 0) throw new IllegalStateException("no pair (" + u + ", " + j + ")");
            return q;
        }
    }

    /** A binary min-heap of (key, node); stale entries are skipped by the caller. */
    private static final class NodeHeap {
        private long[] keys = new long[64];
        private int[] nodes = new int[64];
        private int size;

        void clear() {
            size = 0;
        }

        boolean isEmpty() {
            return size == 0;
        }

        long topKey() {
            return keys[0];
        }

        void push(long key, int node) {
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, 2 * size);
                nodes = Arrays.copyOf(nodes, 2 * size);
            }
            int c = size++;
            while (c > 0) {
                int p = (c - 1) >>> 1;
                if (key >= keys[p]) break;
                keys[c] = keys[p];
                nodes[c] = nodes[p];
                c = p;
            }
            keys[c] = key;
            nodes[c] = node;
        }

        int pop() {
            int top = nodes[0];
            size--;
            if (size > 0) {
                long key = keys[size];
                int node = nodes[size];
                int c = 0;
                while (true) {
                    int l = 2 * c + 1;
                    if (l >= size) break;
                    int r = l + 1;
                    int s = r < size && keys[r] < keys[l] ? r : l;
                    if (keys[s] >= key) break;
                    keys[c] = keys[s];
                    nodes[c] = nodes[s];
                    c = s;
                }
                keys[c] = key;
                nodes[c] = node;
            }
            return top;
        }
    }
}
