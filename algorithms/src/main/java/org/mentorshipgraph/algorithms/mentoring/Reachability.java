package org.mentorshipgraph.algorithms.mentoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.mentorshipgraph.algorithms.graph.CompactGraph;

/**
 * How close two people are through the ties they already have, and who can introduce them.
 *
 * <p>The <em>strong ties</em> are the edges of the graph G with weight w(u,v) ≥ f, the strong-tie floor (f = 0: every
 * edge). N(v) is v's set of strong neighbours and d(v) = |N(v)| its strong degree. Every measure except {@link #tied}
 * and {@link #tieStrength} runs on the strong ties only; "has a tie" ({@link #tied}) means any edge of G.
 *
 * <ul>
 *   <li><b>Common contacts</b> |N(u) ∩ N(v)|.
 *   <li><b>Adamic–Adar index</b> (L. A. Adamic and E. Adar, "Friends and neighbors on the Web", Social Networks 25,
 *       2003; as in NetworkX's {@code adamic_adar_index} on the strong subgraph):
 *       <pre>  AA(u, v) = Σ<sub>w ∈ N(u) ∩ N(v)</sub> 1 / ln d(w)</pre>
 *       A shared contact who knows few people says more than a shared hub. The terms are added in ascending order of
 *       d(w), so two pairs whose common contacts have the same multiset of degrees get bit-identical scores and tie
 *       exactly; sums that are equal only in exact arithmetic through different degrees (1/ln 3 = 2/ln 9) may differ
 *       in the last bit.
 *   <li><b>Warm path</b> ({@link #warmPath}): a shortest path of at most three strong ties, the one whose weakest tie
 *       (its bottleneck) is strongest.
 *   <li><b>Introductions</b> ({@link #introductions}): the people u has no tie with, ranked by AA(u, x).
 * </ul>
 *
 * <p>Cost, for n nodes, m edges of G and m<sub>s</sub> strong edges: {@link #of} takes O(n + m) time and, when f &gt;
 * 0, a copy of the strong ties (n + 1 + 2m<sub>s</sub> ints and 2m<sub>s</sub> doubles; f = 0 shares G's arrays).
 * {@link #tied} and {@link #tieStrength} take O(log min(deg u, deg v)); {@link #commonContacts} and {@link
 * #adamicAdar} O(min(d(u) + d(v), d<sub>min</sub>·log d<sub>max</sub>)) plus, for AA, a sort of the common contacts'
 * degrees. {@link #introductions} takes O(d(u) log d(u) + Σ<sub>w ∈ N(u)</sub> d(w) + T log k + k·(d(u) + d(x))) for
 * T ≤ Σ<sub>w ∈ N(u)</sub> d(w) candidates, with a per-thread workspace of O(n) (four int and two double arrays of
 * length n, about 32n bytes, allocated once per thread and reset only where a call touched it: no map, no per-call
 * O(n) work). {@link #allIntroductions} is n such calls spread over threads, Σ<sub>w</sub> d(w)² scatter steps in all.
 * Measured (ReachabilityScaleTest, k = 10, two threads on a shared 2-core machine): 2.7 s on a Holme–Kim
 * powerlaw-cluster graph of 100,000 people and 999,900 ties (largest degree 1,375, Σ d² = 1.2·10<sup>8</sup>), 1.5 s
 * on the organisation model with 1,000,000 ties. No degree cap is applied to hubs: the measurement did not need one.
 *
 * <p>Instances are immutable and safe to share between threads; the workspaces are per thread.
 */
public final class Reachability {
    private final CompactGraph graph;
    private final double floor;
    private final int n;
    private final int[] gOffsets;
    private final int[] gTargets;
    private final double[] gWeights;
    private final int[] offsets;
    private final int[] targets;
    private final double[] weights;
    private final int maxStrongDegree;
    /** 1 / ln d for every strong degree d ≥ 2 that occurs (entries 0 and 1 are never read). */
    private final double[] inverseLogDegree;

    private final ThreadLocal<Workspace> workspaces;
    private final ThreadLocal<Ball> balls;

    private Reachability(CompactGraph g, double floor) {
        this.graph = g;
        this.floor = floor;
        this.n = g.nodeCount();
        this.gOffsets = g.offsets();
        this.gTargets = g.targets();
        this.gWeights = g.weights();
        if (floor == 0) {
            offsets = gOffsets;
            targets = gTargets;
            weights = gWeights;
        } else {
            offsets = new int[n + 1];
            int kept = 0;
            for (double x : gWeights) {
                if (x >= floor) kept++;
            }
            targets = new int[kept];
            weights = new double[kept];
            int out = 0;
            for (int v = 0; v < n; v++) {
                offsets[v] = out;
                for (int i = gOffsets[v]; i < gOffsets[v + 1]; i++) {
                    if (gWeights[i] >= floor) {
                        targets[out] = gTargets[i];
                        weights[out] = gWeights[i];
                        out++;
                    }
                }
            }
            offsets[n] = out;
        }
        int max = 0;
        for (int v = 0; v < n; v++) {
            max = Math.max(max, offsets[v + 1] - offsets[v]);
        }
        this.maxStrongDegree = max;
        this.inverseLogDegree = new double[max + 1];
        for (int d = 2; d <= max; d++) {
            inverseLogDegree[d] = 1.0 / Math.log(d);
        }
        this.workspaces = ThreadLocal.withInitial(Workspace::new);
        this.balls = ThreadLocal.withInitial(this::newBall);
    }

    /**
     * Strong ties are the edges with weight &gt;= strongTieFloor (the whole graph when the floor is 0).
     *
     * @param strongTieFloor finite and &gt;= 0
     */
    public static Reachability of(CompactGraph g, double strongTieFloor) {
        Objects.requireNonNull(g, "graph");
        if (!(strongTieFloor >= 0) || Double.isInfinite(strongTieFloor)) {
            throw new IllegalArgumentException("strong-tie floor must be finite and >= 0, was " + strongTieFloor);
        }
        return new Reachability(g, strongTieFloor);
    }

    /** The graph G. */
    public CompactGraph graph() {
        return graph;
    }

    /** The strong-tie floor f. */
    public double strongTieFloor() {
        return floor;
    }

    /** Number of strong ties (undirected), m<sub>s</sub>. */
    public int strongTieCount() {
        return targets.length / 2;
    }

    /** d(v), the number of v's strong ties. O(1). */
    public int strongDegree(int v) {
        Objects.checkIndex(v, n);
        return offsets[v + 1] - offsets[v];
    }

    /** Whether G has an edge (strong or not) between u and v; false for u = v. Binary search, O(log min degree). */
    public boolean tied(int u, int v) {
        return tieStrength(u, v) > 0;
    }

    /** The weight of G's edge {u, v} (strong or not), 0 when there is none. Binary search, O(log min degree). */
    public double tieStrength(int u, int v) {
        Objects.checkIndex(u, n);
        Objects.checkIndex(v, n);
        return find(gOffsets, gTargets, gWeights, u, v);
    }

    /** |N(u) ∩ N(v)|, the number of strong contacts u and v share; u ≠ v. */
    public int commonContacts(int u, int v) {
        checkPair(u, v);
        return intersect(u, v, workspaces.get());
    }

    /**
     * Adamic &amp; Adar (2003): sum over common strong neighbours w of 1 / ln(strongDegree(w)); u ≠ v. The terms are
     * added in ascending order of d(w) (see the class comment), so the value equals the score {@link #introductions}
     * reports, bit for bit.
     */
    public double adamicAdar(int u, int v) {
        checkPair(u, v);
        Workspace ws = workspaces.get();
        int c = intersect(u, v, ws);
        int[] deg = ws.degrees;
        for (int k = 0; k < c; k++) {
            int w = targets[ws.atU[k]];
            deg[k] = offsets[w + 1] - offsets[w];
        }
        Arrays.sort(deg, 0, c);
        double s = 0;
        for (int k = 0; k < c; k++) {
            s += inverseLogDegree[deg[k]];
        }
        return s;
    }

    /**
     * The warm path from u to v through strong ties, at most maxHops ties (1..3), or null when v is further (or
     * unreachable). Always a shortest strong path:
     *
     * <ul>
     *   <li>a direct strong tie: [u, v];
     *   <li>two hops: the introducer is the common contact c maximising min(w(u,c), w(c,v)); ties: the larger w(u,c) +
     *       w(c,v), then the lower index;
     *   <li>three hops: of all paths u–a–b–v, the one with the largest bottleneck min(w(u,a), w(a,b), w(b,v)); ties:
     *       the larger sum (w(u,a) + w(a,b)) + w(b,v), then the lower a, then the lower b.
     * </ul>
     *
     * u = v gives the path [u] of no tie. Deterministic for a given graph: the choice does not depend on the order the
     * candidates are visited in. Cost: O(log d) for a direct tie, one intersection (as {@link #commonContacts}) for
     * two hops, and for three hops O(d(u) + d(v) + min(Σ<sub>a ∈ N(u)</sub> d(a), Σ<sub>b ∈ N(v)</sub> d(b))): the
     * cheaper side is expanded against the other side's marked neighbours.
     */
    public WarmPath warmPath(int u, int v, int maxHops) {
        Objects.checkIndex(u, n);
        Objects.checkIndex(v, n);
        if (maxHops < 1 || maxHops > 3) {
            throw new IllegalArgumentException("maxHops must be 1, 2 or 3, was " + maxHops);
        }
        if (u == v) {
            return new WarmPath(new int[] {u}, new double[0]);
        }
        double direct = find(offsets, targets, weights, u, v);
        if (direct > 0) {
            return new WarmPath(new int[] {u, v}, new double[] {direct});
        }
        if (maxHops == 1) {
            return null;
        }
        Workspace ws = workspaces.get();
        WarmPath two = twoHops(u, v, ws);
        if (two != null || maxHops == 2) {
            return two;
        }
        return threeHops(u, v, ws);
    }

    /**
     * The calling thread's reusable ball, filled with the nodes within {@code radius} (1..3) strong hops of u and
     * their hop counts (u itself at 0 hops, first). No allocation: the ball is overwritten by the thread's next call
     * of this method; use {@link #newBall()} and {@link #ball(int, int, Ball)} to hold several at once. Time
     * O(Σ d(x) over the nodes x closer than {@code radius}); the ball holds three int arrays of length n.
     */
    public Ball ball(int u, int radius) {
        return ball(u, radius, balls.get());
    }

    /** Fills {@code into} (made by this instance's {@link #newBall()}) with the ball of u; returns it. */
    public Ball ball(int u, int radius, Ball into) {
        Objects.checkIndex(u, n);
        if (radius < 1 || radius > 3) {
            throw new IllegalArgumentException("radius must be 1, 2 or 3, was " + radius);
        }
        if (into.owner != this) {
            throw new IllegalArgumentException("the ball belongs to another Reachability");
        }
        into.fill(u, radius);
        return into;
    }

    /** A new, empty ball workspace for this graph (three int arrays of length n). */
    public Ball newBall() {
        return new Ball(this);
    }

    /**
     * "Who should you meet": the top k people u has NO tie with (not tied(u,x), x != u), ranked by Adamic–Adar over
     * strong ties (so always exactly 2 strong hops away), ties broken by more common contacts, then lower index; each
     * with its score, common-contact count and warm path (the best introducer, as {@link #warmPath}). Fewer than k
     * when fewer people are two strong hops away.
     *
     * <p>Cost O(d(u) log d(u) + Σ<sub>w ∈ N(u)</sub> d(w) + T log k + k·(d(u) + d(x))): one scatter pass adds 1 / ln
     * d(w) to every neighbour x of every strong contact w, into the calling thread's workspace (O(n) ints and doubles,
     * reused across calls, reset only where touched); the T candidates go through a bounded heap of size k; each
     * chosen person's introducer takes one intersection.
     */
    public List<Introduction> introductions(int u, int k) {
        Objects.checkIndex(u, n);
        if (k < 0) {
            throw new IllegalArgumentException("k must be >= 0, was " + k);
        }
        return introductions(u, k, workspaces.get());
    }

    /**
     * {@link #introductions} for every node, in parallel over nodes ({@code parallelism} plain Java threads taking
     * chunks of nodes from a shared counter, each with its own workspace), results indexed by node.
     *
     * @param parallelism number of threads, at least 1 (1: the calling thread alone)
     */
    @SuppressWarnings("unchecked")
    public List<Introduction>[] allIntroductions(int k, int parallelism) {
        if (k < 0) {
            throw new IllegalArgumentException("k must be >= 0, was " + k);
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be >= 1, was " + parallelism);
        }
        List<Introduction>[] out = (List<Introduction>[]) new List<?>[n];
        final int chunk = 64;
        int threads = (int) Math.min(parallelism, Math.max(1, (n + (long) chunk - 1) / chunk));
        if (threads == 1) {
            Workspace ws = workspaces.get();
            for (int v = 0; v < n; v++) {
                out[v] = introductions(v, k, ws);
            }
            return out;
        }
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable work = () -> {
            try {
                Workspace ws = new Workspace();
                while (!stop.get()) {
                    int start = next.getAndAdd(chunk);
                    if (start >= n) {
                        break;
                    }
                    int end = Math.min(n, start + chunk);
                    for (int v = start; v < end; v++) {
                        out[v] = introductions(v, k, ws);
                    }
                }
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
                stop.set(true);
            }
        };
        List<Thread> pool = new ArrayList<>(threads);
        for (int t = 0; t < threads; t++) {
            Thread th = new Thread(work, "reachability-" + t);
            th.setDaemon(true);
            pool.add(th);
            th.start();
        }
        boolean interrupted = false;
        for (Thread th : pool) {
            while (true) {
                try {
                    th.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                    stop.set(true);
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
            throw new CancellationException("allIntroductions interrupted");
        }
        Throwable t = failure.get();
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        if (t != null) {
            throw new IllegalStateException(t);
        }
        return out;
    }

    // ---------------------------------------------------------------------------------------------------------------

    private List<Introduction> introductions(int u, int k, Workspace ws) {
        int start = offsets[u];
        int du = offsets[u + 1] - start;
        if (k == 0 || du == 0) {
            return List.of();
        }
        for (int i = gOffsets[u]; i < gOffsets[u + 1]; i++) {
            ws.tiedTo[gTargets[i]] = u; // marks u's ties in G; a stale mark never equals another u
        }
        long[] order = ws.order;
        for (int i = 0; i < du; i++) {
            int w = targets[start + i];
            order[i] = ((long) (offsets[w + 1] - offsets[w]) << 32) | w;
        }
        Arrays.sort(order, 0, du); // ascending d(w), so every candidate's terms are summed in the same canonical order
        double[] score = ws.score;
        int[] count = ws.count;
        int[] touched = ws.touched;
        int t = 0;
        for (int i = 0; i < du; i++) {
            int w = (int) order[i];
            double term = inverseLogDegree[(int) (order[i] >>> 32)];
            for (int j = offsets[w]; j < offsets[w + 1]; j++) {
                int x = targets[j];
                if (x == u) {
                    continue;
                }
                if (count[x]++ == 0) {
                    touched[t++] = x;
                }
                score[x] += term;
            }
        }
        int[] heap = ws.heap(Math.min(k, t));
        int size = 0;
        int[] tiedTo = ws.tiedTo;
        for (int i = 0; i < t; i++) {
            int x = touched[i];
            if (tiedTo[x] == u) {
                continue;
            }
            if (size < k) {
                heap[size] = x;
                siftUp(heap, size++, score, count);
            } else if (ranksAbove(x, heap[0], score, count)) {
                heap[0] = x;
                siftDown(heap, size, score, count);
            }
        }
        Introduction[] result = new Introduction[size];
        for (int r = size - 1; r >= 0; r--) { // the root is the lowest-ranked: fill from the end
            int x = heap[0];
            result[r] = new Introduction(x, score[x], count[x], twoHops(u, x, ws));
            heap[0] = heap[r];
            siftDown(heap, r, score, count);
        }
        for (int i = 0; i < t; i++) {
            score[touched[i]] = 0;
            count[touched[i]] = 0;
        }
        return List.of(result);
    }

    /** Whether x ranks above y: higher score, then more common contacts, then lower index. */
    private static boolean ranksAbove(int x, int y, double[] score, int[] count) {
        if (score[x] != score[y]) {
            return score[x] > score[y];
        }
        if (count[x] != count[y]) {
            return count[x] > count[y];
        }
        return x < y;
    }

    /** Min-heap on rank (the root ranks lowest). */
    private static void siftUp(int[] heap, int i, double[] score, int[] count) {
        int x = heap[i];
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!ranksAbove(heap[parent], x, score, count)) {
                break;
            }
            heap[i] = heap[parent];
            i = parent;
        }
        heap[i] = x;
    }

    private static void siftDown(int[] heap, int size, double[] score, int[] count) {
        if (size == 0) {
            return;
        }
        int x = heap[0];
        int i = 0;
        while (true) {
            int c = 2 * i + 1;
            if (c >= size) {
                break;
            }
            if (c + 1 < size && ranksAbove(heap[c], heap[c + 1], score, count)) {
                c++;
            }
            if (!ranksAbove(x, heap[c], score, count)) {
                break;
            }
            heap[i] = heap[c];
            i = c;
        }
        heap[i] = x;
    }

    /** The best two-hop path u–c–v (see {@link #warmPath}), or null when u and v share no strong contact. */
    private WarmPath twoHops(int u, int v, Workspace ws) {
        int c = intersect(u, v, ws);
        int best = -1;
        double bestMin = 0;
        double bestSum = 0;
        for (int k = 0; k < c; k++) { // ascending contact index: only a strict improvement replaces
            double a = weights[ws.atU[k]];
            double b = weights[ws.atV[k]];
            double min = Math.min(a, b);
            double sum = a + b;
            if (best < 0 || min > bestMin || (min == bestMin && sum > bestSum)) {
                best = k;
                bestMin = min;
                bestSum = sum;
            }
        }
        if (best < 0) {
            return null;
        }
        int via = targets[ws.atU[best]];
        return new WarmPath(new int[] {u, via, v}, new double[] {weights[ws.atU[best]], weights[ws.atV[best]]});
    }

    /** The best three-hop path u–a–b–v (see {@link #warmPath}), given that none shorter exists; or null. */
    private WarmPath threeHops(int u, int v, Workspace ws) {
        long costU = 0;
        long costV = 0;
        for (int i = offsets[u]; i < offsets[u + 1]; i++) {
            costU += offsets[targets[i] + 1] - offsets[targets[i]];
        }
        for (int i = offsets[v]; i < offsets[v + 1]; i++) {
            costV += offsets[targets[i] + 1] - offsets[targets[i]];
        }
        boolean fromU = costU <= costV;
        int near = fromU ? u : v; // expanded: near – x – y, y marked as a neighbour of far
        int far = fromU ? v : u;
        int stamp = ws.nextStamp();
        for (int i = offsets[far]; i < offsets[far + 1]; i++) {
            ws.mark[targets[i]] = stamp;
            ws.markWeight[targets[i]] = weights[i];
        }
        int bestA = -1;
        int bestB = -1;
        double wa = 0;
        double wab = 0;
        double wb = 0;
        double bestMin = 0;
        double bestSum = 0;
        for (int i = offsets[near]; i < offsets[near + 1]; i++) {
            int x = targets[i];
            double wNear = weights[i];
            for (int j = offsets[x]; j < offsets[x + 1]; j++) {
                int y = targets[j];
                if (ws.mark[y] != stamp) {
                    continue;
                }
                // the path u–a–b–v in u-to-v orientation
                int a = fromU ? x : y;
                int b = fromU ? y : x;
                double w1 = fromU ? wNear : ws.markWeight[y];
                double w3 = fromU ? ws.markWeight[y] : wNear;
                double w2 = weights[j];
                double min = Math.min(w1, Math.min(w2, w3));
                double sum = (w1 + w2) + w3;
                if (bestA < 0
                        || min > bestMin
                        || (min == bestMin
                                && (sum > bestSum || (sum == bestSum && (a < bestA || (a == bestA && b < bestB)))))) {
                    bestA = a;
                    bestB = b;
                    wa = w1;
                    wab = w2;
                    wb = w3;
                    bestMin = min;
                    bestSum = sum;
                }
            }
        }
        if (bestA < 0) {
            return null;
        }
        return new WarmPath(new int[] {u, bestA, bestB, v}, new double[] {wa, wab, wb});
    }

    /**
     * Positions in the strong rows of u and v of their common neighbours, ascending, into ws.atU / ws.atV; returns
     * their number. Merges the two rows, or binary-searches the shorter row's entries in the longer when it is more
     * than 16 times shorter.
     */
    private int intersect(int u, int v, Workspace ws) {
        int i = offsets[u];
        int ie = offsets[u + 1];
        int j = offsets[v];
        int je = offsets[v + 1];
        int du = ie - i;
        int dv = je - j;
        int[] atU = ws.atU;
        int[] atV = ws.atV;
        int c = 0;
        if (du == 0 || dv == 0) {
            return 0;
        }
        if ((long) du * 16 < dv) {
            for (; i < ie && j < je; i++) {
                int k = Arrays.binarySearch(targets, j, je, targets[i]);
                if (k >= 0) {
                    atU[c] = i;
                    atV[c++] = k;
                    j = k + 1;
                } else {
                    j = -k - 1;
                }
            }
        } else if ((long) dv * 16 < du) {
            for (; j < je && i < ie; j++) {
                int k = Arrays.binarySearch(targets, i, ie, targets[j]);
                if (k >= 0) {
                    atU[c] = k;
                    atV[c++] = j;
                    i = k + 1;
                } else {
                    i = -k - 1;
                }
            }
        } else {
            while (i < ie && j < je) {
                int a = targets[i];
                int b = targets[j];
                if (a < b) {
                    i++;
                } else if (a > b) {
                    j++;
                } else {
                    atU[c] = i++;
                    atV[c++] = j++;
                }
            }
        }
        return c;
    }

    /** The weight of the edge {u, v} in the given CSR arrays (binary search in the shorter row), 0 when none. */
    private static double find(int[] off, int[] tgt, double[] w, int u, int v) {
        if (off[u + 1] - off[u] > off[v + 1] - off[v]) {
            int s = u;
            u = v;
            v = s;
        }
        int k = Arrays.binarySearch(tgt, off[u], off[u + 1], v);
        return k >= 0 ? w[k] : 0;
    }

    private void checkPair(int u, int v) {
        Objects.checkIndex(u, n);
        Objects.checkIndex(v, n);
        if (u == v) {
            throw new IllegalArgumentException("a pair needs two different people, got " + u + " twice");
        }
    }

    /** Per-thread scratch: arrays of length n, reset only where a call touched them. */
    private final class Workspace {
        final double[] score = new double[n];
        final int[] count = new int[n];
        final int[] touched = new int[n];
        final int[] tiedTo = new int[n];
        final int[] mark = new int[n];
        final double[] markWeight = new double[n];
        final int[] atU = new int[maxStrongDegree];
        final int[] atV = new int[maxStrongDegree];
        final int[] degrees = new int[maxStrongDegree];
        final long[] order = new long[maxStrongDegree];
        int[] heap = new int[16];
        int stamp;

        Workspace() {
            Arrays.fill(tiedTo, -1);
        }

        int[] heap(int size) {
            if (heap.length < size) {
                heap = new int[Math.max(size, 2 * heap.length)];
            }
            return heap;
        }

        int nextStamp() {
            if (stamp == Integer.MAX_VALUE) {
                Arrays.fill(mark, 0);
                stamp = 0;
            }
            return ++stamp;
        }
    }

    /**
     * A warm path: {@code nodes[0]} is the person asking, {@code nodes[hops()]} the person to reach, and {@code
     * strengths[i]} the weight of the tie nodes[i]–nodes[i+1]. The arrays are the record's own (not copied): treat
     * them as read-only. Equality compares the contents.
     */
    public record WarmPath(int[] nodes, double[] strengths) {
        public WarmPath {
            Objects.requireNonNull(nodes, "nodes");
            Objects.requireNonNull(strengths, "strengths");
            if (nodes.length == 0 || strengths.length != nodes.length - 1) {
                throw new IllegalArgumentException(
                        "a path of " + nodes.length + " nodes needs " + (nodes.length - 1) + " strengths");
            }
        }

        /** Number of ties on the path (0 for the path from a person to themself). */
        public int hops() {
            return nodes.length - 1;
        }

        /** nodes[1], the person who makes the introduction, when hops() &gt;= 2; else -1. */
        public int introducer() {
            return hops() >= 2 ? nodes[1] : -1;
        }

        /** The weakest tie on the path, min strengths (+∞ for a path of no tie). */
        public double bottleneck() {
            double m = Double.POSITIVE_INFINITY;
            for (double s : strengths) {
                m = Math.min(m, s);
            }
            return m;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof WarmPath p && Arrays.equals(nodes, p.nodes) && Arrays.equals(strengths, p.strengths);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(nodes) + Arrays.hashCode(strengths);
        }

        @Override
        public String toString() {
            return "WarmPath" + Arrays.toString(nodes) + " strengths " + Arrays.toString(strengths);
        }
    }

    /**
     * A suggested introduction: the person, AA(u, person), the number of strong contacts they share and the warm
     * path through the best introducer.
     */
    public record Introduction(int person, double score, int commonContacts, WarmPath path) {}

    /**
     * The nodes within a radius of strong hops of a centre, with their hop counts: a reusable workspace of three int
     * arrays of length n and a visited stamp, refilled by {@link Reachability#ball(int, int, Ball)} without
     * allocation. Node 0 is the centre (0 hops); the others follow in breadth-first order (hops non-decreasing). Not
     * thread-safe.
     */
    public static final class Ball {
        private final Reachability owner;
        private final int[] nodes;
        private final int[] hops;
        private final int[] seen;
        private int stamp;
        private int size;
        private int center = -1;
        private int radius;

        private Ball(Reachability owner) {
            this.owner = owner;
            this.nodes = new int[owner.n];
            this.hops = new int[owner.n];
            this.seen = new int[owner.n];
        }

        private void fill(int u, int r) {
            if (stamp == Integer.MAX_VALUE) {
                Arrays.fill(seen, 0);
                stamp = 0;
            }
            int s = ++stamp;
            int[] off = owner.offsets;
            int[] tgt = owner.targets;
            nodes[0] = u;
            seen[u] = s;
            hops[u] = 0;
            int head = 0;
            int end = 1;
            while (head < end) {
                int x = nodes[head++];
                int h = hops[x];
                if (h == r) {
                    break; // breadth-first order: every later node is at least as far
                }
                for (int i = off[x]; i < off[x + 1]; i++) {
                    int y = tgt[i];
                    if (seen[y] != s) {
                        seen[y] = s;
                        hops[y] = h + 1;
                        nodes[end++] = y;
                    }
                }
            }
            size = end;
            center = u;
            radius = r;
        }

        /** The centre u (-1 before the first fill). */
        public int center() {
            return center;
        }

        /** The radius of the last fill. */
        public int radius() {
            return radius;
        }

        /** Number of nodes in the ball, the centre included. */
        public int size() {
            return size;
        }

        /** The i-th node, 0 &lt;= i &lt; size(), in breadth-first order. */
        public int node(int i) {
            return nodes[Objects.checkIndex(i, size)];
        }

        /** Strong hops from the centre to node(i). */
        public int hops(int i) {
            return hops[node(i)];
        }

        /** Strong hops from the centre to v, or -1 when v is outside the ball. O(1). */
        public int hopsTo(int v) {
            return stamp > 0 && seen[v] == stamp ? hops[v] : -1;
        }
    }
}
