package org.mentorshipgraph.algorithms.mentoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mentorshipgraph.algorithms.graph.CompactGraph;
import org.mentorshipgraph.algorithms.graph.RandomGraphs;
import org.mentorshipgraph.algorithms.mentoring.Reachability.Ball;
import org.mentorshipgraph.algorithms.mentoring.Reachability.Introduction;
import org.mentorshipgraph.algorithms.mentoring.Reachability.WarmPath;

/**
 * {@link Reachability} against NetworkX 2.8.8 ({@code nx.adamic_adar_index}) on Zachary's karate club, Les Misérables
 * and the Florentine families, with floor 0 and with floors that drop weak ties; expected values written by
 * scripts/reference/adamic-adar.py into src/test/resources/reference/adamic-adar/. Then warm paths, balls and
 * introductions on small hand-made graphs, and against brute force on seeded random graphs.
 */
class ReachabilityReferenceTest {
    private static final double TOL = 1e-12;

    // ---------------------------------------------------------------- NetworkX reference

    /** One case of the script: a graph, a floor, every pair's AA and every node's top 3 (with the tied tail). */
    private record Case(
            String name,
            CompactGraph graph,
            double floor,
            int strongEdges,
            List<Pair> pairs,
            Map<Integer, List<Top>> top) {
        Pair pair(int u, int v) {
            int a = Math.min(u, v);
            int b = Math.max(u, v);
            int n = graph.nodeCount();
            // pairs are written u < v in row-major order
            int index = a * n - a * (a + 1) / 2 + (b - a - 1);
            Pair p = pairs.get(index);
            assertThat(p.u() == a && p.v() == b)
                    .as("pair index of " + a + "," + b)
                    .isTrue();
            return p;
        }
    }

    private record Pair(int u, int v, boolean tied, boolean strong, int common, double aa) {}

    private record Top(int person, double score, int common) {}

    private static Case load(String name) {
        Map<String, String> info = new HashMap<>();
        for (String[] r : read(name + ".case.tsv")) {
            info.put(r[0], r[1]);
        }
        int n = Integer.parseInt(info.get("n"));
        List<String[]> edges = read(info.get("graph") + ".edges.tsv");
        int[] a = new int[edges.size()];
        int[] b = new int[edges.size()];
        double[] w = new double[edges.size()];
        for (int i = 0; i < edges.size(); i++) {
            a[i] = Integer.parseInt(edges.get(i)[0]);
            b[i] = Integer.parseInt(edges.get(i)[1]);
            w[i] = Double.parseDouble(edges.get(i)[2]);
        }
        CompactGraph g = CompactGraph.fromEdges(n, a, b, w);
        assertThat(g.edgeCount()).isEqualTo(Integer.parseInt(info.get("m")));
        List<Pair> pairs = new ArrayList<>();
        for (String[] r : read(name + ".pairs.tsv")) {
            pairs.add(new Pair(
                    Integer.parseInt(r[0]),
                    Integer.parseInt(r[1]),
                    r[2].equals("1"),
                    r[3].equals("1"),
                    Integer.parseInt(r[4]),
                    Double.parseDouble(r[5])));
        }
        assertThat(pairs).hasSize(n * (n - 1) / 2);
        Map<Integer, List<Top>> top = new HashMap<>();
        for (String[] r : read(name + ".top3.tsv")) {
            top.computeIfAbsent(Integer.parseInt(r[0]), k -> new ArrayList<>())
                    .add(new Top(Integer.parseInt(r[2]), Double.parseDouble(r[3]), Integer.parseInt(r[4])));
        }
        return new Case(
                name, g, Double.parseDouble(info.get("floor")), Integer.parseInt(info.get("strong_m")), pairs, top);
    }

    @ParameterizedTest
    @ValueSource(strings = {"karate", "lesmis", "florentine", "karate-floor3", "lesmis-floor2"})
    void everyPairMatchesNetworkX(String name) {
        Case c = load(name);
        Reachability r = Reachability.of(c.graph(), c.floor());
        assertThat(r.strongTieCount()).isEqualTo(c.strongEdges());
        for (Pair p : c.pairs()) {
            String what = name + " pair " + p.u() + "," + p.v();
            assertThat(r.adamicAdar(p.u(), p.v())).as(what).isCloseTo(p.aa(), within(TOL));
            assertThat(r.adamicAdar(p.v(), p.u())).as(what + " symmetric").isEqualTo(r.adamicAdar(p.u(), p.v()));
            assertThat(r.commonContacts(p.u(), p.v())).as(what).isEqualTo(p.common());
            assertThat(r.tied(p.u(), p.v())).as(what).isEqualTo(p.tied());
            WarmPath direct = r.warmPath(p.u(), p.v(), 1);
            assertThat(direct != null).as(what + " strong").isEqualTo(p.strong());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"karate", "lesmis", "florentine", "karate-floor3", "lesmis-floor2"})
    void topThreeMatchNetworkXUpToTies(String name) {
        Case c = load(name);
        Reachability r = Reachability.of(c.graph(), c.floor());
        int n = c.graph().nodeCount();
        int compared = 0;
        for (int u = 0; u < n; u++) {
            List<Top> ref = c.top().getOrDefault(u, List.of());
            List<Introduction> ours = r.introductions(u, 3);
            String what = name + " node " + u;
            assertThat(ours).as(what).hasSize(Math.min(3, ref.size()));
            for (int i = 0; i < ours.size(); i++) {
                Introduction in = ours.get(i);
                // the score sequence is NetworkX's, rank by rank
                assertThat(in.score())
                        .as(what + " rank " + (i + 1))
                        .isCloseTo(ref.get(i).score(), within(TOL));
                // the person is one NetworkX ranks at that score (the tie group is a set: any member will do)
                Set<Integer> group = new HashSet<>();
                for (Top t : ref) {
                    if (Math.abs(t.score() - in.score()) <= TOL) {
                        group.add(t.person());
                    }
                }
                assertThat(group).as(what + " rank " + (i + 1)).contains(in.person());
                Pair p = c.pair(u, in.person());
                assertThat(p.tied()).as(what + " never an existing tie").isFalse();
                assertThat(in.commonContacts()).as(what).isEqualTo(p.common());
                assertThat(in.path().hops()).isEqualTo(2);
                assertThat(in.path().nodes()[0]).isEqualTo(u);
                assertThat(in.path().nodes()[2]).isEqualTo(in.person());
                compared++;
            }
            // within equal scores: more common contacts first, then the lower index
            for (int i = 1; i < ours.size(); i++) {
                Introduction x = ours.get(i - 1);
                Introduction y = ours.get(i);
                if (x.score() == y.score()) {
                    assertThat(x.commonContacts() > y.commonContacts()
                                    || (x.commonContacts() == y.commonContacts() && x.person() < y.person()))
                            .as(what + " tie order " + x + " before " + y)
                            .isTrue();
                }
            }
            // the script ranks ties by the same rule (scores compared by fsum): the lists agree exactly
            List<Integer> refFirst = new ArrayList<>();
            for (int i = 0; i < ours.size(); i++) {
                refFirst.add(ref.get(i).person());
            }
            assertThat(ours.stream().map(Introduction::person).toList())
                    .as(what)
                    .isEqualTo(refFirst);
        }
        assertThat(compared).as(name + " introductions compared").isGreaterThan(n);
    }

    @ParameterizedTest
    @ValueSource(strings = {"karate", "lesmis", "florentine", "karate-floor3", "lesmis-floor2"})
    void introductionsNeverNameATieOrThePersonAndCoverEveryTwoHopStranger(String name) {
        Case c = load(name);
        Reachability r = Reachability.of(c.graph(), c.floor());
        int n = c.graph().nodeCount();
        for (int u = 0; u < n; u++) {
            List<Introduction> all = r.introductions(u, n);
            Set<Integer> expected = new HashSet<>();
            for (int x = 0; x < n; x++) {
                if (x != u && !c.pair(u, x).tied() && c.pair(u, x).common() > 0) {
                    expected.add(x);
                }
            }
            Set<Integer> got = new HashSet<>();
            for (int i = 0; i < all.size(); i++) {
                Introduction in = all.get(i);
                assertThat(in.person()).isNotEqualTo(u);
                assertThat(r.tied(u, in.person()))
                        .as(name + " " + u + " -> " + in.person())
                        .isFalse();
                assertThat(in.score()).as("bit-identical to adamicAdar").isEqualTo(r.adamicAdar(u, in.person()));
                assertThat(in.path()).isEqualTo(r.warmPath(u, in.person(), 2));
                if (i > 0) {
                    assertThat(in.score()).isLessThanOrEqualTo(all.get(i - 1).score());
                }
                got.add(in.person());
            }
            assertThat(got).as(name + " node " + u).hasSize(all.size()).isEqualTo(expected);
        }
    }

    @Test
    void aFloorDropsWeakTiesFromScoresButTheyStillCountAsTies() {
        Case c = load("lesmis-floor2");
        assertThat(c.strongEdges()).isLessThan(c.graph().edgeCount());
        Reachability strong = Reachability.of(c.graph(), c.floor());
        Reachability all = Reachability.of(c.graph(), 0);
        int weakWithCommon = 0;
        int differ = 0;
        for (Pair p : c.pairs()) {
            if (p.tied() && !p.strong()) {
                assertThat(strong.tied(p.u(), p.v())).isTrue();
                assertThat(strong.tieStrength(p.u(), p.v()))
                        .isLessThan(c.floor())
                        .isPositive();
                assertThat(strong.warmPath(p.u(), p.v(), 1)).isNull();
                if (p.common() > 0) {
                    weakWithCommon++;
                    assertThat(strong.introductions(p.u(), c.graph().nodeCount()))
                            .extracting(Introduction::person)
                            .doesNotContain(p.v());
                }
            }
            if (Math.abs(strong.adamicAdar(p.u(), p.v()) - all.adamicAdar(p.u(), p.v())) > 1e-9) {
                differ++;
            }
        }
        assertThat(weakWithCommon)
                .as("weak ties whose ends share strong contacts")
                .isPositive();
        assertThat(differ).as("pairs whose score the floor changes").isPositive();
    }

    @Test
    void anIsolatedFamilyHasNoIntroductionsAndNoPaths() {
        Case c = load("florentine");
        Reachability r = Reachability.of(c.graph(), 0);
        int pucci = 15;
        assertThat(r.strongDegree(pucci)).isZero();
        assertThat(r.introductions(pucci, 3)).isEmpty();
        assertThat(r.warmPath(pucci, 0, 3)).isNull();
        assertThat(r.ball(pucci, 3).size()).isEqualTo(1);
    }

    // ---------------------------------------------------------------- warm paths on hand-made graphs

    private static CompactGraph graph(int n, double[][] edges) {
        int[] a = new int[edges.length];
        int[] b = new int[edges.length];
        double[] w = new double[edges.length];
        for (int i = 0; i < edges.length; i++) {
            a[i] = (int) edges[i][0];
            b[i] = (int) edges[i][1];
            w[i] = edges[i][2];
        }
        return CompactGraph.fromEdges(n, a, b, w);
    }

    @Test
    void theIntroducerIsTheContactWithTheStrongestWeakestTie() {
        // 0 and 4 share 1, 2, 3 and 5: bottlenecks 1, 2, 2, 2; sums -, 5, 5, 6
        CompactGraph g = graph(6, new double[][] {
            {0, 1, 5}, {1, 4, 1}, {0, 2, 2}, {2, 4, 3}, {0, 3, 3}, {3, 4, 2}, {0, 5, 2}, {5, 4, 4}
        });
        Reachability r = Reachability.of(g, 0);
        WarmPath p = r.warmPath(0, 4, 2);
        assertThat(p.nodes()).containsExactly(0, 5, 4);
        assertThat(p.strengths()).containsExactly(2.0, 4.0);
        assertThat(p.introducer()).isEqualTo(5);
        assertThat(p.bottleneck()).isEqualTo(2.0);
        assertThat(r.warmPath(4, 0, 3).nodes()).containsExactly(4, 5, 0);
        // without 5, contacts 2 and 3 tie on bottleneck and sum: the lower index
        CompactGraph h = graph(5, new double[][] {{0, 1, 5}, {1, 4, 1}, {0, 2, 2}, {2, 4, 3}, {0, 3, 3}, {3, 4, 2}});
        assertThat(Reachability.of(h, 0).warmPath(0, 4, 2).introducer()).isEqualTo(2);
        assertThat(Reachability.of(h, 0).warmPath(4, 0, 2).introducer()).isEqualTo(2);
        // a floor of 2 removes the tie 1-4: 1 is no longer a common contact
        assertThat(Reachability.of(h, 2).commonContacts(0, 4)).isEqualTo(2);
    }

    @Test
    void aDirectStrongTieIsThePathEvenWhenATwoHopPathIsStronger() {
        CompactGraph g = graph(3, new double[][] {{0, 1, 0.5}, {0, 2, 9}, {2, 1, 9}});
        Reachability r = Reachability.of(g, 0);
        WarmPath p = r.warmPath(0, 1, 3);
        assertThat(p.nodes()).containsExactly(0, 1);
        assertThat(p.strengths()).containsExactly(0.5);
        assertThat(p.hops()).isEqualTo(1);
        assertThat(p.introducer()).isEqualTo(-1);
        // with a floor above the direct tie, the tie is weak: the path goes through 2
        Reachability floored = Reachability.of(g, 1);
        assertThat(floored.tied(0, 1)).isTrue();
        assertThat(floored.tieStrength(0, 1)).isEqualTo(0.5);
        assertThat(floored.warmPath(0, 1, 1)).isNull();
        assertThat(floored.warmPath(0, 1, 2).nodes()).containsExactly(0, 2, 1);
        assertThat(r.warmPath(2, 2, 1).hops()).isZero();
    }

    @Test
    void threeHopsTakeTheStrongestBottleneckAndNothingBeyondMaxHops() {
        // 0 - {1, 2} - {3, 4} - 5, and a tail 5 - 6 - 7
        double[][] edges = {
            {0, 1, 4}, {0, 2, 2}, {1, 3, 1}, {1, 4, 3}, {2, 4, 5}, {3, 5, 5}, {4, 5, 3}, {5, 6, 1}, {6, 7, 1}
        };
        Reachability r = Reachability.of(graph(8, edges), 0);
        // 0-1-3-5: min 1; 0-1-4-5: min 3 (sum 10); 0-2-4-5: min 2
        WarmPath p = r.warmPath(0, 5, 3);
        assertThat(p.nodes()).containsExactly(0, 1, 4, 5);
        assertThat(p.strengths()).containsExactly(4.0, 3.0, 3.0);
        assertThat(p.introducer()).isEqualTo(1);
        assertThat(r.warmPath(5, 0, 3).nodes()).containsExactly(5, 4, 1, 0);
        assertThat(r.warmPath(0, 5, 2)).isNull();
        assertThat(r.warmPath(0, 5, 1)).isNull();
        assertThat(r.warmPath(0, 6, 3)).as("four hops").isNull();
        assertThat(r.warmPath(0, 7, 3)).isNull();
        assertThatThrownBy(() -> r.warmPath(0, 5, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> r.warmPath(0, 5, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void threeHopTiesBreakTheSameWayWhicheverSideIsExpanded() {
        // 0-1-3-5 and 0-2-4-5, all weights 1: equal bottleneck and sum, the lower a (1) wins
        double[][] base = {{0, 1, 1}, {0, 2, 1}, {1, 3, 1}, {2, 4, 1}, {3, 5, 1}, {4, 5, 1}};
        Reachability r = Reachability.of(graph(6, base), 0);
        assertThat(r.warmPath(0, 5, 3).nodes()).containsExactly(0, 1, 3, 5);
        assertThat(r.warmPath(5, 0, 3).nodes()).containsExactly(5, 3, 1, 0);
        // leaves on 1 make 0's side the costly one, so the search expands from 5: same answer
        List<double[]> heavy = new ArrayList<>(List.of(base));
        for (int leaf = 6; leaf < 40; leaf++) {
            heavy.add(new double[] {1, leaf, 1});
        }
        Reachability h = Reachability.of(graph(40, heavy.toArray(new double[0][])), 0);
        assertThat(h.warmPath(0, 5, 3).nodes()).containsExactly(0, 1, 3, 5);
        assertThat(h.warmPath(5, 0, 3).nodes()).containsExactly(5, 3, 1, 0);
    }

    @Test
    void warmPathsMatchBruteForceOnARandomGraph() {
        CompactGraph g = RandomGraphs.organisation(300, 1200, 0.5, 7);
        for (double floor : new double[] {0, 2}) {
            Reachability r = Reachability.of(g, floor);
            for (int u = 0; u < g.nodeCount(); u += 7) {
                for (int v = 0; v < g.nodeCount(); v += 3) {
                    for (int hops = 1; hops <= 3; hops++) {
                        assertThat(r.warmPath(u, v, hops))
                                .as("floor " + floor + " " + u + " -> " + v + " within " + hops)
                                .isEqualTo(bruteWarmPath(g, floor, u, v, hops));
                    }
                }
            }
        }
    }

    /** Enumerates every strong path of 1, 2, then 3 ties and keeps the best by the documented order. */
    private static WarmPath bruteWarmPath(CompactGraph g, double floor, int u, int v, int maxHops) {
        if (u == v) {
            return new WarmPath(new int[] {u}, new double[0]);
        }
        double direct = strong(g, floor, u, v);
        if (direct > 0) {
            return new WarmPath(new int[] {u, v}, new double[] {direct});
        }
        int n = g.nodeCount();
        WarmPath best = null;
        if (maxHops >= 2) {
            for (int c = 0; c < n; c++) {
                double a = strong(g, floor, u, c);
                double b = strong(g, floor, c, v);
                if (a > 0 && b > 0) {
                    WarmPath p = new WarmPath(new int[] {u, c, v}, new double[] {a, b});
                    if (best == null || better(p, best)) {
                        best = p;
                    }
                }
            }
        }
        if (best != null || maxHops < 3) {
            return best;
        }
        int[] off = g.offsets();
        int[] tgt = g.targets();
        for (int i = off[u]; i < off[u + 1]; i++) {
            int a = tgt[i];
            for (int j = off[a]; j < off[a + 1]; j++) {
                int b = tgt[j];
                double w1 = strong(g, floor, u, a);
                double w2 = strong(g, floor, a, b);
                double w3 = strong(g, floor, b, v);
                if (w1 > 0 && w2 > 0 && w3 > 0 && b != u && a != v) {
                    WarmPath p = new WarmPath(new int[] {u, a, b, v}, new double[] {w1, w2, w3});
                    if (best == null || better(p, best)) {
                        best = p;
                    }
                }
            }
        }
        return best;
    }

    private static boolean better(WarmPath p, WarmPath q) {
        if (p.bottleneck() != q.bottleneck()) {
            return p.bottleneck() > q.bottleneck();
        }
        double sp = 0;
        double sq = 0;
        for (int i = 0; i < p.strengths().length; i++) {
            sp += p.strengths()[i];
            sq += q.strengths()[i];
        }
        if (sp != sq) {
            return sp > sq;
        }
        for (int i = 1; i < p.nodes().length - 1; i++) {
            if (p.nodes()[i] != q.nodes()[i]) {
                return p.nodes()[i] < q.nodes()[i];
            }
        }
        return false;
    }

    private static double strong(CompactGraph g, double floor, int u, int v) {
        int[] off = g.offsets();
        for (int i = off[u]; i < off[u + 1]; i++) {
            if (g.targets()[i] == v) {
                return g.weights()[i] >= floor ? g.weights()[i] : 0;
            }
        }
        return 0;
    }

    // ---------------------------------------------------------------- introductions and balls on random graphs

    @Test
    void introductionsMatchBruteForceRankingOnARandomGraph() {
        CompactGraph g = RandomGraphs.organisation(400, 2000, 0.5, 11);
        Reachability r = Reachability.of(g, 1.5);
        int n = g.nodeCount();
        for (int u = 0; u < n; u += 5) {
            List<int[]> cands = new ArrayList<>();
            List<Double> scores = new ArrayList<>();
            for (int x = 0; x < n; x++) {
                if (x != u && !r.tied(u, x) && r.commonContacts(u, x) > 0) {
                    cands.add(new int[] {x, r.commonContacts(u, x)});
                    scores.add(r.adamicAdar(u, x));
                }
            }
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < cands.size(); i++) {
                order.add(i);
            }
            order.sort((i, j) -> {
                int s = Double.compare(scores.get(j), scores.get(i));
                if (s != 0) {
                    return s;
                }
                int cc = Integer.compare(cands.get(j)[1], cands.get(i)[1]);
                return cc != 0 ? cc : Integer.compare(cands.get(i)[0], cands.get(j)[0]);
            });
            List<Integer> expected = new ArrayList<>();
            for (int i = 0; i < Math.min(5, order.size()); i++) {
                expected.add(cands.get(order.get(i))[0]);
            }
            assertThat(r.introductions(u, 5)).extracting(Introduction::person).isEqualTo(expected);
        }
        assertThat(r.introductions(0, 0)).isEmpty();
        assertThatThrownBy(() -> r.introductions(0, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void allIntroductionsInParallelEqualTheOneByOneCalls() {
        CompactGraph g = RandomGraphs.powerlawCluster(3000, 4, 0.3, 5);
        Reachability r = Reachability.of(g, 0);
        List<Introduction>[] parallel = r.allIntroductions(4, 2);
        List<Introduction>[] single = r.allIntroductions(4, 1);
        assertThat(parallel).hasSize(g.nodeCount());
        int nonEmpty = 0;
        for (int v = 0; v < g.nodeCount(); v++) {
            List<Introduction> one = r.introductions(v, 4);
            assertThat(parallel[v]).as("node " + v).isEqualTo(one);
            assertThat(single[v]).as("node " + v).isEqualTo(one);
            nonEmpty += one.isEmpty() ? 0 : 1;
        }
        assertThat(nonEmpty).isGreaterThan(g.nodeCount() / 2);
        assertThatThrownBy(() -> r.allIntroductions(4, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBallHoldsTheStrongHopCountsAndIsReusedWithoutStaleEntries() {
        CompactGraph g = graph(6, new double[][] {{0, 1, 3}, {1, 2, 3}, {2, 3, 3}, {3, 4, 3}, {1, 5, 0.5}});
        Reachability r = Reachability.of(g, 1);
        Ball b = r.ball(0, 2);
        assertThat(b.size()).isEqualTo(3);
        assertThat(b.node(0)).isEqualTo(0);
        assertThat(b.hops(0)).isZero();
        assertThat(b.hopsTo(1)).isEqualTo(1);
        assertThat(b.hopsTo(2)).isEqualTo(2);
        assertThat(b.hopsTo(3)).isEqualTo(-1);
        assertThat(b.hopsTo(5)).as("a weak tie is not a hop").isEqualTo(-1);
        Ball same = r.ball(4, 1);
        assertThat(same).isSameAs(b);
        assertThat(b.size()).isEqualTo(2);
        assertThat(b.hopsTo(0)).as("stale entry of the previous centre").isEqualTo(-1);
        assertThat(b.hopsTo(3)).isEqualTo(1);
        Ball own = r.newBall();
        assertThat(r.ball(2, 3, own)).isNotSameAs(b);
        assertThat(own.size()).isEqualTo(5);
        assertThatThrownBy(() -> r.ball(0, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Reachability.of(g, 0).ball(0, 1, own)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ballsMatchBreadthFirstSearchOnARandomGraph() {
        CompactGraph g = RandomGraphs.organisation(500, 2500, 0.5, 3);
        Reachability r = Reachability.of(g, 2);
        int n = g.nodeCount();
        for (int u = 0; u < n; u += 11) {
            int[] dist = bfs(g, 2, u);
            for (int radius = 1; radius <= 3; radius++) {
                Ball b = r.ball(u, radius);
                int inside = 0;
                for (int v = 0; v < n; v++) {
                    int expected = dist[v] >= 0 && dist[v] <= radius ? dist[v] : -1;
                    assertThat(b.hopsTo(v))
                            .as(u + " -> " + v + " radius " + radius)
                            .isEqualTo(expected);
                    inside += expected >= 0 ? 1 : 0;
                }
                assertThat(b.size()).isEqualTo(inside);
                for (int i = 1; i < b.size(); i++) {
                    assertThat(b.hops(i)).isGreaterThanOrEqualTo(b.hops(i - 1));
                }
            }
        }
    }

    private static int[] bfs(CompactGraph g, double floor, int s) {
        int[] dist = new int[g.nodeCount()];
        java.util.Arrays.fill(dist, -1);
        int[] queue = new int[g.nodeCount()];
        int head = 0;
        int tail = 0;
        dist[s] = 0;
        queue[tail++] = s;
        while (head < tail) {
            int x = queue[head++];
            for (int i = g.offsets()[x]; i < g.offsets()[x + 1]; i++) {
                int y = g.targets()[i];
                if (g.weights()[i] >= floor && dist[y] < 0) {
                    dist[y] = dist[x] + 1;
                    queue[tail++] = y;
                }
            }
        }
        return dist;
    }

    @Test
    void badArgumentsAreRefused() {
        CompactGraph g = graph(3, new double[][] {{0, 1, 1}});
        assertThatThrownBy(() -> Reachability.of(g, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Reachability.of(g, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        Reachability r = Reachability.of(g, 0);
        assertThatThrownBy(() -> r.adamicAdar(1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> r.commonContacts(0, 3)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(r.tied(1, 1)).isFalse();
        assertThat(r.tieStrength(0, 2)).isZero();
    }

    // ---------------------------------------------------------------- resources

    private static List<String[]> read(String file) {
        return org.mentorshipgraph.algorithms.centrality.ReferenceGraph.tsv("adamic-adar/" + file);
    }
}
