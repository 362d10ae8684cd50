package org.mentorshipgraph.algorithms.centrality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mentorshipgraph.algorithms.graph.CompactGraph;
import org.mentorshipgraph.algorithms.graph.RandomGraphs;

class SourceSelectionTest {

    @Test
    void riondatoKornaropoulosFormula() {
        // (0.5 / 0.01^2) * (floor(log2(18)) + 1 + ln 10) = 5000 * (4 + 1 + 2.302585...) = 36512.9...
        assertThat(SourceSelection.sampleSizeFor(0.01, 0.1, 20)).isEqualTo(36513);
        // VD = 2: nobody is between anybody, only the confidence term remains.
        assertThat(SourceSelection.sampleSizeFor(0.1, 0.1, 2)).isEqualTo((int) Math.ceil(50 * Math.log(10)));
        // NetworkX scale: epsilon' = epsilon (n - 2) / n.
        assertThat(SourceSelection.sampleSizeFor(0.05, 0.1, 20, 10))
                .isEqualTo(SourceSelection.sampleSizeFor(0.04, 0.1, 20));
        assertThatThrownBy(() -> SourceSelection.sampleSizeFor(0, 0.1, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SourceSelection.sampleSizeFor(0.1, 1, 5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hoeffdingFormula() {
        int n = 1001;
        double expected = Math.ceil(Math.pow(1001.0 / 1000, 2) * Math.log(2 * 1001 / 0.05) / (2 * 0.1 * 0.1));
        assertThat(SourceSelection.sourceSampleSizeFor(0.1, 0.05, n)).isEqualTo((int) expected);
    }

    @Test
    void sampledIsUniformWithoutReplacementSortedAndSeeded() {
        SourceSelection s = SourceSelection.sampled(1000, 100, 7);
        int[] a = s.sources();
        assertThat(a).hasSize(100).isSorted().doesNotHaveDuplicates();
        assertThat(IntStream.of(a).allMatch(v -> v >= 0 && v < 1000)).isTrue();
        assertThat(SourceSelection.sampled(1000, 100, 7).sources()).containsExactly(a);
        assertThat(SourceSelection.sampled(1000, 100, 8).sources()).isNotEqualTo(a);
        assertThat(s.scaleFactor()).isEqualTo(10.0);
        assertThat(s.exact()).isFalse();
        SourceSelection all = SourceSelection.sampled(50, 80, 1);
        assertThat(all.exact()).isTrue();
        assertThat(all.sources()).hasSize(50);
        assertThat(all.scaleFactor()).isEqualTo(1.0);
        // Every node equally likely: 2000 draws of 100 of 1000, each node expected 200 times.
        int[] hits = new int[1000];
        for (int seed = 0; seed < 2000; seed++) {
            for (int v : SourceSelection.sampled(1000, 100, seed).sources()) {
                hits[v]++;
            }
        }
        assertThat(IntStream.of(hits).min().getAsInt()).isGreaterThan(140);
        assertThat(IntStream.of(hits).max().getAsInt()).isLessThan(260);
    }

    @ParameterizedTest
    @ValueSource(strings = {"karate", "lesmis", "florentine"})
    void diameterBoundHoldsOnReferenceGraphs(String name) {
        CompactGraph g = ReferenceGraph.load(name).graph;
        int trueVd = trueVertexDiameter(g);
        int bound = SourceSelection.vertexDiameterUpperBound(g);
        assertThat(bound).isGreaterThanOrEqualTo(trueVd).isLessThanOrEqualTo(2 * trueVd + 1);
        assertThat(SourceSelection.vertexDiameterUpperBound(g, true)).isGreaterThanOrEqualTo(trueVd);
    }

    @Test
    void diameterBoundOnPathAndIsolatedNodes() {
        int[] a = IntStream.range(0, 9).toArray();
        int[] b = IntStream.range(1, 10).toArray();
        CompactGraph path = CompactGraph.fromEdges(12, a, b, null); // 10-node path and two isolated nodes
        assertThat(SourceSelection.vertexDiameterUpperBound(path)).isEqualTo(10); // capped by component size
        assertThat(SourceSelection.vertexDiameterUpperBound(CompactGraph.fromEdges(3, new int[0], new int[0], null)))
                .isEqualTo(1);
        // weighted: hops on a shortest path can exceed the hop diameter; here a weak shortcut 0-9
        double[] w = new double[10];
        Arrays.fill(w, 1.0);
        w[9] = 0.01;
        CompactGraph cycle = CompactGraph.fromEdges(
                10,
                IntStream.range(0, 10).toArray(),
                IntStream.range(0, 10).map(i -> (i + 1) % 10).toArray(),
                w);
        assertThat(SourceSelection.vertexDiameterUpperBound(cycle, false)).isGreaterThanOrEqualTo(6);
        assertThat(SourceSelection.vertexDiameterUpperBound(cycle, true)).isEqualTo(10); // the path 0..9
    }

    @Test
    void sampledScoresAreWithinEpsilonOnAFiveThousandNodeGraph() {
        int n = 5000;
        CompactGraph g = RandomGraphs.powerlawCluster(n, 3, 0.3, 2024);
        double epsilon = 0.03;
        double delta = 0.1;
        int vd = SourceSelection.vertexDiameterUpperBound(g);
        int k = SourceSelection.sampleSizeFor(epsilon, delta, vd, n);
        assertThat(k).isLessThan(n);
        double[] exact = BrandesBetweenness.exact(g, false, 2);
        SourceSelection sample = SourceSelection.sampled(n, k, 99);
        double[] estimate = BrandesBetweenness.normalize(
                BrandesBetweenness.accumulate(g, sample.sources(), false, 2), n, sample.scaleFactor());
        double worst = 0;
        for (int v = 0; v < n; v++) {
            worst = Math.max(worst, Math.abs(estimate[v] - exact[v]));
        }
        System.out.printf(
                "Holme-Kim n=%d m=%d: VD bound %d, k=%d, max |error| %.2e (epsilon %.2e), max score %.4f%n",
                n,
                g.edgeCount(),
                vd,
                k,
                worst,
                epsilon,
                Arrays.stream(exact).max().getAsDouble());
        assertThat(worst).isLessThanOrEqualTo(epsilon);
        int[] exactTop = top(exact, 20);
        int[] sampledTop = top(estimate, 40);
        assertThat(sampledTop).contains(exactTop);
    }

    @Test
    void weightedSampledScoresAreWithinEpsilon() {
        int n = 5000;
        CompactGraph g = RandomGraphs.organisation(n, 22_000, 0.5, 11);
        double epsilon = 0.04;
        int vd = SourceSelection.vertexDiameterUpperBound(g, true);
        int k = SourceSelection.sampleSizeFor(epsilon, 0.1, vd, n);
        assertThat(k).isLessThan(n);
        double[] exact = BrandesBetweenness.exact(g, true, 2);
        SourceSelection sample = SourceSelection.sampled(n, k, 5);
        double[] estimate = BrandesBetweenness.normalize(
                BrandesBetweenness.accumulate(g, sample.sources(), true, 2), n, sample.scaleFactor());
        double worst = 0;
        for (int v = 0; v < n; v++) {
            worst = Math.max(worst, Math.abs(estimate[v] - exact[v]));
        }
        System.out.printf(
                "organisation n=%d m=%d weighted: VD bound %d, k=%d, max |error| %.2e%n",
                n, g.edgeCount(), vd, k, worst);
        assertThat(worst).isLessThanOrEqualTo(epsilon);
        assertThat(top(estimate, 40)).contains(top(exact, 20));
    }

    static int[] top(double[] score, int count) {
        return IntStream.range(0, score.length)
                .boxed()
                .sorted(Comparator.comparingDouble((Integer v) -> -score[v]).thenComparingInt(v -> v))
                .limit(count)
                .mapToInt(Integer::intValue)
                .toArray();
    }

    private static int trueVertexDiameter(CompactGraph g) {
        int n = g.nodeCount();
        int best = n == 0 ? 0 : 1;
        int[] dist = new int[n];
        int[] queue = new int[n];
        for (int s = 0; s < n; s++) {
            Arrays.fill(dist, -1);
            dist[s] = 0;
            int size = 0;
            queue[size++] = s;
            for (int h = 0; h < size; h++) {
                int v = queue[h];
                best = Math.max(best, dist[v] + 1);
                for (int i = g.offsets()[v]; i < g.offsets()[v + 1]; i++) {
                    int w = g.targets()[i];
                    if (dist[w] < 0) {
                        dist[w] = dist[v] + 1;
                        queue[size++] = w;
                    }
                }
            }
        }
        return best;
    }
}
