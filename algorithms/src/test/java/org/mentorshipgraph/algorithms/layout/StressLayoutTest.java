package org.mentorshipgraph.algorithms.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mentorshipgraph.algorithms.graph.CompactGraph;
import org.mentorshipgraph.algorithms.graph.RandomGraphs;

/**
 * The stress layout: deterministic, separate components apart, the stress of NetworkX's Kamada–Kawai layout or
 * better on published graphs (scripts/reference/layout_stress.py), exact where an exact drawing exists, and fast
 * at 2,000 nodes.
 */
class StressLayoutTest {

    /** Karate and Les Misérables, unit edge lengths: at least as low a stress as NetworkX's Kamada–Kawai layout. */
    @Test
    void stressIsNoWorseThanNetworkXKamadaKawaiOnPublishedGraphs() {
        Map<String, Double> reference = new HashMap<>();
        for (String[] r : tsv("layout-stress.tsv")) reference.put(r[0], Double.parseDouble(r[3]));
        for (String name : List.of("karate", "lesmis")) {
            CompactGraph g = unitLengths(name);
            Layout layout = StressLayout.of(g, LayoutParameters.defaults());
            double ours = bestScaledStress(g, layout);
            System.out.printf(
                    "%s: stress %.3f (NetworkX Kamada-Kawai %.3f), %d sweeps%n",
                    name, ours, reference.get(name), layout.sweeps());
            assertThat(ours).as(name).isLessThanOrEqualTo(1.02 * reference.get(name));
            // the reported stress is the stress of the returned positions (the packing only translates)
            assertThat(layout.stress()).isCloseTo(stressAt(g, layout, 1), within(1e-9 * layout.stress()));
        }
    }

    @Test
    void theSameGraphGivesTheSamePositionsBitForBit() {
        CompactGraph g = twoCliquesAndAPath();
        Layout a = StressLayout.of(g, LayoutParameters.defaults());
        Layout b = StressLayout.of(g, LayoutParameters.defaults());
        assertThat(a.x()).containsExactly(b.x());
        assertThat(a.y()).containsExactly(b.y());
        CompactGraph karate = unitLengths("karate");
        assertThat(StressLayout.of(karate, LayoutParameters.defaults()).x())
                .containsExactly(
                        StressLayout.of(karate, LayoutParameters.defaults()).x());
        // another seed moves the start's jitter only: a different, equally good layout
        Layout other = StressLayout.of(karate, LayoutParameters.defaults().withSeed(99L));
        assertThat(other.x())
                .isNotEqualTo(
                        StressLayout.of(karate, LayoutParameters.defaults()).x());
    }

    /** Two 6-cliques with no tie between them: drawn far apart compared with their own size. */
    @Test
    void twoDisconnectedCliquesEndUpApart() {
        CompactGraph g = twoCliquesAndAPath();
        Layout l = StressLayout.of(g, LayoutParameters.defaults());
        assertThat(l.components()).isEqualTo(3);
        assertThat(l.component()[0]).isNotEqualTo(l.component()[6]);
        double within = 0, nearestBetween = Double.POSITIVE_INFINITY;
        double meanWithin = 0;
        int pairs = 0;
        for (int i = 0; i < 12; i++) {
            for (int j = i + 1; j < 12; j++) {
                double e = Math.hypot(l.x()[i] - l.x()[j], l.y()[i] - l.y()[j]);
                if ((i < 6) == (j < 6)) {
                    within = Math.max(within, e);
                    meanWithin += e;
                    pairs++;
                } else nearestBetween = Math.min(nearestBetween, e);
            }
        }
        meanWithin /= pairs;
        double centres = Math.hypot(mean(l.x(), 0, 6) - mean(l.x(), 6, 12), mean(l.y(), 0, 6) - mean(l.y(), 6, 12));
        System.out.printf(
                "two cliques: widest inside %.2f, mean inside %.2f, nearest across %.2f, centres %.2f apart%n",
                within, meanWithin, nearestBetween, centres);
        assertThat(nearestBetween).as("the gap between them").isGreaterThan(within);
        assertThat(centres).as("centre to centre").isGreaterThan(3 * meanWithin);
        // each clique is drawn as one: every edge about as long as the others
        for (int i = 0; i < 6; i++)
            for (int j = i + 1; j < 6; j++)
                assertThat(Math.hypot(l.x()[i] - l.x()[j], l.y()[i] - l.y()[j])).isBetween(0.5, 1.5);
        // the picture starts at the origin and nothing overlaps: every pair of nodes apart
        assertThat(Arrays.stream(l.x()).min().orElseThrow()).isCloseTo(0, within(1e-12));
        assertThat(Arrays.stream(l.y()).min().orElseThrow()).isCloseTo(0, within(1e-12));
    }

    /** Two cliques joined by one long edge: apart too, though connected. */
    @Test
    void cliquesJoinedByOneWeakTieAreDrawnApart() {
        List<int[]> edges = new ArrayList<>();
        List<Double> lengths = new ArrayList<>();
        for (int base : new int[] {0, 6})
            for (int i = 0; i < 6; i++)
                for (int j = i + 1; j < 6; j++) {
                    edges.add(new int[] {base + i, base + j});
                    lengths.add(1.0);
                }
        edges.add(new int[] {0, 6});
        lengths.add(3.0);
        CompactGraph g = graph(12, edges, lengths);
        Layout l = StressLayout.of(g, LayoutParameters.defaults());
        assertThat(l.components()).isEqualTo(1);
        double centres = Math.hypot(mean(l.x(), 0, 6) - mean(l.x(), 6, 12), mean(l.y(), 0, 6) - mean(l.y(), 6, 12));
        assertThat(centres).isGreaterThan(3.0);
        assertThat(Math.hypot(l.x()[0] - l.x()[6], l.y()[0] - l.y()[6])).isCloseTo(3.0, within(0.6));
    }

    /** A path and a square with its diagonals have exact drawings (σ = 0): the layout finds them. */
    @Test
    void exactDrawingsAreFound() {
        List<int[]> edges = new ArrayList<>();
        for (int i = 0; i < 5; i++) edges.add(new int[] {i, i + 1});
        Layout path = StressLayout.of(graph(6, edges, null), LayoutParameters.defaults());
        assertThat(path.stress()).isLessThan(1e-9);
        assertThat(Math.abs(path.x()[5] - path.x()[0])).isCloseTo(5.0, within(1e-6));
        assertThat(path.height()).as("drawn straight, horizontally").isLessThan(0.01);

        // the 4-cycle with unit sides and √2 diagonals
        List<int[]> square = List.of(
                new int[] {0, 1}, new int[] {1, 2}, new int[] {2, 3}, new int[] {3, 0}, new int[] {0, 2}, new int[] {
                    1, 3
                });
        List<Double> len = List.of(1.0, 1.0, 1.0, 1.0, Math.sqrt(2), Math.sqrt(2));
        Layout sq = StressLayout.of(graph(4, square, len), LayoutParameters.defaults());
        assertThat(sq.stress()).isLessThan(1e-9);
        assertThat(Math.hypot(sq.x()[0] - sq.x()[2], sq.y()[0] - sq.y()[2])).isCloseTo(Math.sqrt(2), within(1e-6));
    }

    @Test
    void isolatedNodesAndTinyGraphsArePlaced() {
        Layout none =
                StressLayout.of(CompactGraph.fromEdges(0, new int[0], new int[0], null), LayoutParameters.defaults());
        assertThat(none.x()).isEmpty();
        Layout three =
                StressLayout.of(CompactGraph.fromEdges(3, new int[0], new int[0], null), LayoutParameters.defaults());
        assertThat(three.components()).isEqualTo(3);
        for (int i = 0; i < 3; i++)
            for (int j = i + 1; j < 3; j++)
                assertThat(Math.hypot(three.x()[i] - three.x()[j], three.y()[i] - three.y()[j]))
                        .isGreaterThanOrEqualTo(2.0 - 1e-9);
        Layout pair = StressLayout.of(
                CompactGraph.fromEdges(2, new int[] {0}, new int[] {1}, new double[] {4.0}),
                LayoutParameters.defaults());
        assertThat(Math.hypot(pair.x()[0] - pair.x()[1], pair.y()[0] - pair.y()[1]))
                .isCloseTo(4.0, within(1e-9));
    }

    /** 2,000 nodes in one organisation-like component: the sparse model, in under 2 s, lowering the full stress. */
    @Test
    void twoThousandNodesTakeLessThanTwoSeconds() {
        CompactGraph org = RandomGraphs.organisation(2000, 8000, 0.5, 7L);
        int[] a = new int[org.edgeCount()], b = new int[org.edgeCount()];
        int e = 0;
        for (int u = 0; u < org.nodeCount(); u++)
            for (int k = org.offsets()[u]; k < org.offsets()[u + 1]; k++)
                if (org.targets()[k] > u) {
                    a[e] = u;
                    b[e++] = org.targets()[k];
                }
        CompactGraph g = CompactGraph.fromEdges(2000, a, b, null);
        StressLayout.of(unitLengths("lesmis"), LayoutParameters.defaults().withExactUpTo(0)); // warm up the JIT
        long t0 = System.nanoTime();
        Layout l = StressLayout.of(g, LayoutParameters.defaults());
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertThat(l.stress()).as("the sparse model was used: no full stress").isNaN();
        double ours = bestScaledStress(g, l);
        double start = bestScaledStress(
                g, StressLayout.of(g, LayoutParameters.defaults().withMaxSweeps(0)));
        System.out.printf(
                "2,000 nodes, %,d edges, %d component(s): %.2f s, %d sweeps, full stress %.0f (Pivot MDS start %.0f)%n",
                g.edgeCount(), l.components(), seconds, l.sweeps(), ours, start);
        assertThat(seconds).isLessThan(2.0);
        assertThat(ours).isLessThan(0.95 * start);
        for (double v : l.x()) assertThat(v).isFinite();
    }

    /**
     * The sparse model on Les Misérables (forced: it would get the full one), with 50 pivots for 77 nodes, comes
     * within 20% of the full model's stress.
     */
    @Test
    void theSparseModelComesCloseToTheFullOne() {
        CompactGraph g = unitLengths("lesmis");
        double full = bestScaledStress(g, StressLayout.of(g, LayoutParameters.defaults()));
        double sparse = bestScaledStress(
                g, StressLayout.of(g, LayoutParameters.defaults().withExactUpTo(0)));
        System.out.printf("lesmis: full model stress %.2f, sparse model %.2f%n", full, sparse);
        assertThat(sparse).isLessThan(1.2 * full);
    }

    @Test
    void aNonComponentIsRefusedWithItsReason() {
        CompactGraph g = CompactGraph.fromEdges(3, new int[] {0}, new int[] {1}, null);
        int[] local = {0, 1, 0};
        assertThatThrownBy(() -> ShortestPathLengths.of(g, new int[] {0}, local))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("outside the component");
        assertThatThrownBy(() -> ShortestPathLengths.of(g, new int[] {0, 1, 2}, new int[] {0, 1, 2}))
                .hasMessageContaining("not connected");
        assertThatThrownBy(() -> new LayoutParameters(10, 1e-4, 1, 600, 2, 1))
                .hasMessageContaining("pivots must be >= 2");
    }

    @Test
    void jacobiFindsTheEigenpairs() {
        double[] a = {4, 1, 2, 1, 3, 0, 2, 0, 5};
        double[] copy = a.clone();
        double[] v = new double[9];
        double[] values = PivotMds.symmetricEigen(a, 3, v);
        for (int c = 0; c < 3; c++) {
            for (int r = 0; r < 3; r++) {
                double av = 0;
                for (int k = 0; k < 3; k++) av += copy[r * 3 + k] * v[k * 3 + c];
                assertThat(av).isCloseTo(values[c] * v[r * 3 + c], within(1e-12));
            }
        }
        assertThat(values[0] + values[1] + values[2]).isCloseTo(12, within(1e-12));
    }

    // ---- helpers ----

    static double mean(double[] v, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) s += v[i];
        return s / (to - from);
    }

    /** Two 6-cliques (0–5, 6–11) and a path 12–13–14, unit lengths, no tie between them. */
    static CompactGraph twoCliquesAndAPath() {
        List<int[]> edges = new ArrayList<>();
        for (int base : new int[] {0, 6})
            for (int i = 0; i < 6; i++) for (int j = i + 1; j < 6; j++) edges.add(new int[] {base + i, base + j});
        edges.add(new int[] {12, 13});
        edges.add(new int[] {13, 14});
        return graph(15, edges, null);
    }

    static CompactGraph graph(int n, List<int[]> edges, List<Double> lengths) {
        int[] a = new int[edges.size()], b = new int[edges.size()];
        double[] w = lengths == null ? null : new double[edges.size()];
        for (int i = 0; i < edges.size(); i++) {
            a[i] = edges.get(i)[0];
            b[i] = edges.get(i)[1];
            if (w != null) w[i] = lengths.get(i);
        }
        return CompactGraph.fromEdges(n, a, b, w);
    }

    /** A reference graph (scripts/reference/make_reference.py) with every edge of length 1. */
    static CompactGraph unitLengths(String name) {
        List<String[]> rows = tsv(name + ".edges.tsv");
        int[] a = new int[rows.size()], b = new int[rows.size()];
        int n = 0;
        for (int i = 0; i < rows.size(); i++) {
            a[i] = Integer.parseInt(rows.get(i)[0]);
            b[i] = Integer.parseInt(rows.get(i)[1]);
            n = Math.max(n, Math.max(a[i], b[i]) + 1);
        }
        return CompactGraph.fromEdges(n, a, b, null);
    }

    /** σ at the best scale, computed here from hop distances (BFS), independently of the layout's own code. */
    static double bestScaledStress(CompactGraph g, Layout l) {
        int n = g.nodeCount();
        int[][] d = hops(g);
        double num = 0, den = 0;
        for (int i = 0; i < n; i++)
            for (int j = i + 1; j < n; j++) {
                double e = Math.hypot(l.x()[i] - l.x()[j], l.y()[i] - l.y()[j]);
                num += e / d[i][j];
                den += e * e / ((double) d[i][j] * d[i][j]);
            }
        return stressAt(g, l, num / den);
    }

    static double stressAt(CompactGraph g, Layout l, double alpha) {
        int n = g.nodeCount();
        int[][] d = hops(g);
        double s = 0;
        for (int i = 0; i < n; i++)
            for (int j = i + 1; j < n; j++) {
                double e = alpha * Math.hypot(l.x()[i] - l.x()[j], l.y()[i] - l.y()[j]);
                s += (e - d[i][j]) * (e - d[i][j]) / ((double) d[i][j] * d[i][j]);
            }
        return s;
    }

    static int[][] hops(CompactGraph g) {
        int n = g.nodeCount();
        int[][] d = new int[n][];
        for (int s = 0; s < n; s++) {
            int[] dist = new int[n];
            Arrays.fill(dist, -1);
            int[] queue = new int[n];
            int head = 0, tail = 0;
            queue[tail++] = s;
            dist[s] = 0;
            while (head < tail) {
                int u = queue[head++];
                for (int k = g.offsets()[u]; k < g.offsets()[u + 1]; k++) {
                    int v = g.targets()[k];
                    if (dist[v] < 0) {
                        dist[v] = dist[u] + 1;
                        queue[tail++] = v;
                    }
                }
            }
            d[s] = dist;
        }
        return d;
    }

    static List<String[]> tsv(String resource) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                StressLayoutTest.class.getResourceAsStream("/reference/" + resource), StandardCharsets.UTF_8))) {
            List<String[]> rows = new ArrayList<>();
            r.readLine();
            for (String line; (line = r.readLine()) != null; ) if (!line.isBlank()) rows.add(line.split("\t"));
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
