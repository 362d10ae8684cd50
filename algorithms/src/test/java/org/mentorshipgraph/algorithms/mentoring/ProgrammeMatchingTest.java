package org.mentorshipgraph.algorithms.mentoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mentorshipgraph.algorithms.mentoring.ProgrammeInstances.Instance;
import org.mentorshipgraph.algorithms.mentoring.ProgrammeMatching.Assignment;
import org.mentorshipgraph.algorithms.mentoring.ProgrammeMatching.Pair;

class ProgrammeMatchingTest {

    @Test
    void matchesBruteForceOnSmallRandomInstances() {
        int instances = 3000;
        int withTies = 0;
        for (long seed = 0; seed < instances; seed++) {
            Instance in = ProgrammeInstances.small(seed, 7, 4, 3);
            Assignment a = checkedSolve(in);
            assertThat(a.total()).as("seed " + seed).isCloseTo(bruteForce(in), within(1e-9));
            if (in.score().length > 0 && in.score()[0] == Math.rint(in.score()[0])) withTies++;
        }
        assertThat(withTies).as("instances with whole-number scores").isBetween(instances / 3, 2 * instances / 3);
    }

    @Test
    void matchesScipyLinearSumAssignmentTotals() throws IOException {
        List<Object> instances = referenceInstances();
        assertThat(instances).hasSize(30);
        for (Object o : instances) {
            Map<?, ?> x = (Map<?, ?>) o;
            Instance in = fromJson(x);
            Assignment a = checkedSolve(in);
            assertThat(a.total()).as("seed " + x.get("seed")).isCloseTo((Double) x.get("total"), within(1e-9));
            // The list form reads the same pairs and must agree exactly.
            Assignment b = ProgrammeMatching.solve(in.mentees(), in.capacity(), in.pairs());
            assertThat(b.mentorOf()).containsExactly(a.mentorOf());
        }
    }

    @Test
    void leavesNoImprovingCycleOnOrganisationShapedInstances() {
        // An optimal b-matching is one whose residual graph has no negative cycle (Bellman-Ford, independently of the
        // solver's potentials). Popular mentors are asked many times over, so paths are long and displacements many.
        for (long seed = 1; seed <= 3; seed++) {
            Instance in = ProgrammeInstances.organisation(1500, 500, 20, seed);
            Assignment a = checkedSolve(in);
            assertThat(a.assigned()).isGreaterThan(500);
            assertNoNegativeCycle(in, a);
        }
        for (long seed = 100; seed < 140; seed++) {
            Instance in = ProgrammeInstances.small(seed, 120, 25, 4);
            assertNoNegativeCycle(in, checkedSolve(in));
        }
    }

    @Test
    void beatsGreedyWhenTheBestPairWouldBlockTwoGoodOnes() {
        // Greedy takes (0, A) = 10 and leaves mentee 1 out; the optimum moves mentee 0 to B: 9 + 9 = 18.
        Assignment a = ProgrammeMatching.solve(
                2, new int[] {1, 1}, List.of(new Pair(0, 0, 10), new Pair(0, 1, 9), new Pair(1, 0, 9)));
        assertThat(a.mentorOf()).containsExactly(1, 0);
        assertThat(a.total()).isEqualTo(18.0);
        assertThat(a.assigned()).isEqualTo(2);
    }

    @Test
    void aLaterMenteeDisplacesAlongAChain() {
        // Mentee 2 can only have mentor 0; making room moves 0 to mentor 1 and 1 to mentor 2 (capacity 1 each).
        List<Pair> pairs = List.of(
                new Pair(0, 0, 50), new Pair(0, 1, 49), new Pair(1, 1, 50), new Pair(1, 2, 49), new Pair(2, 0, 10));
        Assignment a = ProgrammeMatching.solve(3, new int[] {1, 1, 1}, pairs);
        assertThat(a.mentorOf()).containsExactly(1, 2, 0);
        assertThat(a.total()).isEqualTo(108.0);
        // With mentor 2 gone the chain cannot end in a free place: letting mentee 2 in would cost more than it gains.
        Assignment b = ProgrammeMatching.solve(3, new int[] {1, 1, 0}, pairs);
        assertThat(b.mentorOf()).containsExactly(0, 1, -1);
        assertThat(b.total()).isEqualTo(100.0);
    }

    @Test
    void noPairsAssignsNobody() {
        Assignment a = ProgrammeMatching.solve(4, new int[] {2, 3}, List.of());
        assertThat(a.mentorOf()).containsExactly(-1, -1, -1, -1);
        assertThat(a.total()).isZero();
        assertThat(a.assigned()).isZero();
        Assignment none = ProgrammeMatching.solve(0, new int[0], List.of());
        assertThat(none.mentorOf()).isEmpty();
        assertThat(none.assigned()).isZero();
    }

    @Test
    void zeroCapacitiesAssignNobody() {
        List<Pair> pairs = List.of(new Pair(0, 0, 90), new Pair(1, 1, 80), new Pair(1, 0, 70));
        Assignment a = ProgrammeMatching.solve(2, new int[] {0, 0}, pairs);
        assertThat(a.mentorOf()).containsExactly(-1, -1);
        assertThat(a.total()).isZero();
        // Only the mentor with room is used, even though the other is scored higher.
        Assignment b = ProgrammeMatching.solve(2, new int[] {0, 1}, pairs);
        assertThat(b.mentorOf()).containsExactly(-1, 1);
        assertThat(b.total()).isEqualTo(80.0);
    }

    @Test
    void oneMentorForAllTakesTheBestMentees() {
        int mentees = 10;
        List<Pair> pairs = new ArrayList<>();
        double[] score = {12, 95, 40, 77, 3, 88, 61, 95.5, 20, 50};
        for (int i = 0; i < mentees; i++) pairs.add(new Pair(i, 0, score[i]));
        Assignment three = ProgrammeMatching.solve(mentees, new int[] {3}, pairs);
        assertThat(three.mentorOf()).containsExactly(-1, 0, -1, -1, -1, 0, -1, 0, -1, -1);
        assertThat(three.total()).isEqualTo(95 + 88 + 95.5);
        assertThat(three.assigned()).isEqualTo(3);
        Assignment all = ProgrammeMatching.solve(mentees, new int[] {Integer.MAX_VALUE}, pairs);
        assertThat(all.assigned()).isEqualTo(mentees);
        assertThat(all.total()).isEqualTo(Arrays.stream(score).sum());
    }

    @Test
    void tiesGoToLowerIndices() {
        // Two mentees want the one place equally: the lower-indexed mentee keeps it.
        Assignment a = ProgrammeMatching.solve(2, new int[] {1}, List.of(new Pair(1, 0, 40), new Pair(0, 0, 40)));
        assertThat(a.mentorOf()).containsExactly(0, -1);
        // One mentee, two mentors with room and the same score: the lower-indexed mentor.
        Assignment b = ProgrammeMatching.solve(1, new int[] {1, 1}, List.of(new Pair(0, 1, 40), new Pair(0, 0, 40)));
        assertThat(b.mentorOf()).containsExactly(0);
        // Mentee 1 could take mentor 0 and move mentee 0 to the free mentor 1: 20 + 10 = 30, no better than the 30
        // mentee 0 has alone. Without a strict gain nothing changes: the later mentee stays out.
        Assignment c = ProgrammeMatching.solve(
                2, new int[] {1, 1}, List.of(new Pair(0, 0, 30), new Pair(0, 1, 10), new Pair(1, 0, 20)));
        assertThat(c.mentorOf()).containsExactly(0, -1);
        assertThat(c.total()).isEqualTo(30.0);
        // One point more for mentee 1 and the move is made.
        Assignment d = ProgrammeMatching.solve(
                2, new int[] {1, 1}, List.of(new Pair(0, 0, 30), new Pair(0, 1, 10), new Pair(1, 0, 21)));
        assertThat(d.mentorOf()).containsExactly(1, 0);
        assertThat(d.total()).isEqualTo(31.0);
    }

    @Test
    void resolvesScoresThatDifferInTheTwelfthDecimal() {
        double low = 50;
        double high = 50 + 1e-12;
        Assignment a = ProgrammeMatching.solve(1, new int[] {1, 1}, List.of(new Pair(0, 0, low), new Pair(0, 1, high)));
        assertThat(a.mentorOf()).containsExactly(1);
        Assignment b = ProgrammeMatching.solve(2, new int[] {1}, List.of(new Pair(0, 0, low), new Pair(1, 0, high)));
        assertThat(b.mentorOf()).containsExactly(-1, 0);
    }

    @Test
    void theOrderOfThePairsDoesNotMatter() {
        Instance in = ProgrammeInstances.organisation(800, 300, 15, 7);
        Assignment a = checkedSolve(in);
        List<Pair> shuffled = new ArrayList<>(in.pairs());
        Collections.shuffle(shuffled, new Random(3));
        Assignment b = ProgrammeMatching.solve(in.mentees(), in.capacity(), shuffled);
        assertThat(b.mentorOf()).containsExactly(a.mentorOf());
        assertThat(b.total()).isEqualTo(a.total());
    }

    @Test
    void rejectsInvalidInput() {
        int[] cap = {1, 1};
        assertThatThrownBy(() -> ProgrammeMatching.solve(1, cap, List.of(new Pair(0, 0, 5), new Pair(0, 0, 6))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(0, 0) listed twice");
        for (double bad : new double[] {0, -1, 100.5, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> ProgrammeMatching.solve(1, cap, List.of(new Pair(0, 0, bad))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not in (0, 100]");
        }
        assertThatThrownBy(() -> ProgrammeMatching.solve(1, cap, List.of(new Pair(1, 0, 5))))
                .hasMessageContaining("mentee 1 not in 0..0");
        assertThatThrownBy(() -> ProgrammeMatching.solve(1, cap, List.of(new Pair(0, 2, 5))))
                .hasMessageContaining("mentor 2 not in 0..1");
        assertThatThrownBy(() -> ProgrammeMatching.solve(1, new int[] {-1}, List.of()))
                .hasMessageContaining("negative capacity");
        // The score bound is inclusive at 100.
        assertThat(ProgrammeMatching.solve(1, cap, List.of(new Pair(0, 1, 100))).total())
                .isEqualTo(100.0);
    }

    // ---- checks shared by the tests

    /** Solves and checks the result is feasible: allowed pairs only, capacities held, total and count consistent. */
    static Assignment checkedSolve(Instance in) {
        Assignment a = in.solve();
        Map<Long, Double> allowed = allowed(in);
        assertThat(a.mentorOf()).hasSize(in.mentees());
        int[] load = new int[in.mentors()];
        double total = 0;
        int assigned = 0;
        for (int i = 0; i < in.mentees(); i++) {
            int j = a.mentorOf()[i];
            if (j < 0) {
                assertThat(j).isEqualTo(-1);
                continue;
            }
            assertThat(allowed).as("pair (" + i + ", " + j + ") is allowed").containsKey(key(i, j));
            load[j]++;
            total += allowed.get(key(i, j));
            assigned++;
        }
        for (int j = 0; j < in.mentors(); j++) {
            assertThat(load[j]).as("load of mentor " + j).isLessThanOrEqualTo(in.capacity()[j]);
        }
        assertThat(a.assigned()).isEqualTo(assigned);
        assertThat(a.total()).isCloseTo(total, within(1e-9));
        return a;
    }

    /** The best total by trying every assignment (mentee by mentee, each unassigned or at a mentor with room). */
    static double bruteForce(Instance in) {
        List<List<double[]>> options = new ArrayList<>();
        for (int i = 0; i < in.mentees(); i++) options.add(new ArrayList<>());
        for (int p = 0; p < in.mentee().length; p++) {
            options.get(in.mentee()[p]).add(new double[] {in.mentor()[p], in.score()[p]});
        }
        return best(options, 0, in.capacity().clone());
    }

    private static double best(List<List<double[]>> options, int i, int[] room) {
        if (i == options.size()) return 0;
        double best = best(options, i + 1, room);
        for (double[] o : options.get(i)) {
            int j = (int) o[0];
            if (room[j] == 0) continue;
            room[j]--;
            best = Math.max(best, o[1] + best(options, i + 1, room));
            room[j]++;
        }
        return best;
    }

    /**
     * Bellman-Ford on the residual graph of the flow source → mentee → mentor → sink (costs: −s on an unused pair,
     * +s back along a chosen pair, 0 on "unassigned" and on a mentor's places): a cycle of negative cost would be a
     * way to raise the total, so none may exist.
     */
    static void assertNoNegativeCycle(Instance in, Assignment a) {
        int m = in.mentees();
        int k = in.mentors();
        int sink = m + k;
        List<double[]> arcs = new ArrayList<>(); // from, to, cost
        int[] load = new int[k];
        for (int i = 0; i < m; i++) if (a.mentorOf()[i] >= 0) load[a.mentorOf()[i]]++;
        for (int p = 0; p < in.mentee().length; p++) {
            int i = in.mentee()[p];
            int j = in.mentor()[p];
            if (a.mentorOf()[i] == j) {
                arcs.add(new double[] {m + j, i, in.score()[p]});
            } else {
                arcs.add(new double[] {i, m + j, -in.score()[p]});
            }
        }
        for (int i = 0; i < m; i++) {
            arcs.add(a.mentorOf()[i] >= 0 ? new double[] {i, sink, 0} : new double[] {sink, i, 0});
        }
        for (int j = 0; j < k; j++) {
            if (load[j] < in.capacity()[j]) arcs.add(new double[] {m + j, sink, 0});
            if (load[j] > 0) arcs.add(new double[] {sink, m + j, 0});
        }
        double[] d = new double[m + k + 1]; // a virtual source at distance 0 to every node
        boolean changed = true;
        for (int round = 0; round <= m + k + 1 && changed; round++) {
            changed = false;
            for (double[] arc : arcs) {
                int u = (int) arc[0];
                int v = (int) arc[1];
                if (d[u] + arc[2] < d[v] - 1e-9) {
                    d[v] = d[u] + arc[2];
                    changed = true;
                }
            }
        }
        assertThat(changed)
                .as("a negative cycle remains: the assignment can be improved")
                .isFalse();
    }

    private static Map<Long, Double> allowed(Instance in) {
        Map<Long, Double> out = new HashMap<>();
        for (int p = 0; p < in.mentee().length; p++) out.put(key(in.mentee()[p], in.mentor()[p]), in.score()[p]);
        return out;
    }

    private static long key(int i, int j) {
        return ((long) i << 32) | j;
    }

    static List<Object> referenceInstances() throws IOException {
        try (InputStream s = ProgrammeMatchingTest.class.getResourceAsStream("/reference/programme-matching.json")) {
            assertThat(s)
                    .as("reference/programme-matching.json on the test class path")
                    .isNotNull();
            Map<?, ?> doc = (Map<?, ?>) ReferenceJson.parse(new String(s.readAllBytes(), StandardCharsets.UTF_8));
            @SuppressWarnings("unchecked")
            List<Object> instances = (List<Object>) doc.get("instances");
            return instances;
        }
    }

    private static Instance fromJson(Map<?, ?> x) {
        List<?> capacity = (List<?>) x.get("capacity");
        List<?> pairs = (List<?>) x.get("pairs");
        int[] cap = new int[capacity.size()];
        for (int j = 0; j < cap.length; j++) cap[j] = ((Double) capacity.get(j)).intValue();
        int[] mentee = new int[pairs.size()];
        int[] mentor = new int[pairs.size()];
        double[] score = new double[pairs.size()];
        for (int p = 0; p < pairs.size(); p++) {
            List<?> pair = (List<?>) pairs.get(p);
            mentee[p] = ((Double) pair.get(0)).intValue();
            mentor[p] = ((Double) pair.get(1)).intValue();
            score[p] = (Double) pair.get(2);
        }
        return new Instance(((Double) x.get("mentees")).intValue(), cap, mentee, mentor, score);
    }
}
