package org.mentorshipgraph.algorithms.mentoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mentorshipgraph.algorithms.graph.CompactGraph;

/**
 * Over random organisations (managers, levels, skills, capacities, mentorships, ties): no suggestion ever breaks a
 * hard rule, every score is in 0..100, the same input gives the same output, and the search equals an exhaustive one
 * (every person scored against every mentee, hops by breadth-first search) when no skill has more open holders than
 * the search draws.
 */
class MentorSuggestionsPropertyTest {
    static OrgBuilder random(long seed, int n) {
        SplittableRandom r = new SplittableRandom(seed);
        OrgBuilder o = new OrgBuilder(n);
        for (int p = 0; p < n; p++) {
            int[] has = r.ints(r.nextInt(3), 0, 6).distinct().toArray();
            int[] want = r.ints(r.nextInt(3), 0, 6).distinct().toArray();
            o.person(
                    p,
                    r.nextInt(10) == 0 ? MentoringProfiles.UNKNOWN : 1 + r.nextInt(6),
                    p == 0 ? -1 : r.nextInt(p),
                    has,
                    want);
            o.open[p] = r.nextInt(8) != 0;
            o.capacity[p] = r.nextInt(4);
            o.teaching[p] = r.nextInt(4) == 0 ? r.nextInt(30) : 0;
            o.top[p] = r.nextInt(10) == 0;
            o.newcomer[p] = r.nextInt(10) == 0;
            o.title[p] = r.nextInt(5) - 1;
            o.goal[p] = r.nextInt(3) == 0 ? r.nextInt(4) : -1;
            int steps = r.nextInt(3);
            o.pathTitles[p] = new int[steps + (o.title[p] >= 0 ? 1 : 0)];
            o.pathLevels[p] = new int[o.pathTitles[p].length];
            for (int i = 0; i < o.pathTitles[p].length; i++) {
                o.pathTitles[p][i] = i == o.pathTitles[p].length - 1 && o.title[p] >= 0 ? o.title[p] : r.nextInt(4);
                o.pathLevels[p][i] = 1 + i;
            }
        }
        for (int p = 0; p < n; p++) {
            if (r.nextInt(4) == 0) {
                int m = r.nextInt(n);
                if (m != p) {
                    o.mentors[p] = new int[] {m};
                    o.taken[m]++;
                }
            }
        }
        for (int e = 0; e < n * 3; e++) {
            int a = r.nextInt(n), b = r.nextInt(n);
            if (a != b) o.tie(a, b, 0.1 + r.nextDouble() * 5);
        }
        return o;
    }

    @Test
    void noSuggestionEverBreaksAHardRuleAndScoresStayIn0To100() {
        for (long seed = 1; seed <= 60; seed++) {
            OrgBuilder o = random(seed, 40 + (int) seed);
            MentoringProfiles p = o.profiles();
            for (boolean same : new boolean[] {true, false}) {
                MentorSuggestions.Rules rules = new MentorSuggestions.Rules(5, same, 1, 200, 0.5);
                MentorEligibility rulesCheck = new MentorEligibility(p, same, 1);
                for (MentorSuggestions.ForMentee f : o.suggest(rules).mentees()) {
                    assertThat(p.menteeCandidate(f.mentee())).isTrue();
                    assertThat(f.suggestions().isEmpty()).isEqualTo(f.unmatched() != null);
                    for (MentorSuggestions.Suggestion s : f.suggestions()) {
                        int e = s.mentee(), m = s.mentor();
                        assertThat(m).isNotEqualTo(e);
                        assertThat(rulesCheck.inManagerChain(e, m)).isFalse();
                        if (same && p.manager()[e] >= 0)
                            assertThat(p.manager()[m]).isNotEqualTo(p.manager()[e]);
                        assertThat(p.open()[m]).isTrue();
                        assertThat(p.capacity()[m] - p.taken()[m]).isPositive();
                        if (p.level()[e] != MentoringProfiles.UNKNOWN && p.level()[m] != MentoringProfiles.UNKNOWN)
                            assertThat(p.level()[m] - p.level()[e]).isGreaterThanOrEqualTo(1);
                        assertThat(p.isMentorOf(m, e)).isFalse();
                        assertThat(s.score()).isBetween(0.0, 100.0);
                        for (double c :
                                new double[] {s.skillFit(), s.trajectoryFit(), s.reachability(), s.teaching(), s.load()
                                }) assertThat(c).isBetween(0.0, 1.0);
                        if (s.path() != null) {
                            assertThat(s.path().nodes()[0]).isEqualTo(e);
                            assertThat(s.path().nodes()[s.path().hops()]).isEqualTo(m);
                            assertThat(s.path().hops()).isEqualTo(s.hops()).isBetween(1, 3);
                        }
                    }
                }
            }
        }
    }

    @Test
    void theSameInputGivesTheSameOutput() {
        OrgBuilder o = random(7, 120);
        MentorSuggestions.Result a = o.suggest(OrgBuilder.rules()),
                b = random(7, 120).suggest(OrgBuilder.rules());
        assertThat(a.mentees()).hasSameSizeAs(b.mentees());
        for (int i = 0; i < a.mentees().size(); i++) {
            assertThat(a.mentees().get(i).unmatched())
                    .isEqualTo(b.mentees().get(i).unmatched());
            List<MentorSuggestions.Suggestion> x = a.mentees().get(i).suggestions(),
                    y = b.mentees().get(i).suggestions();
            assertThat(x.stream()
                            .map(s -> s.mentor() + ":" + s.score() + ":" + s.path())
                            .toList())
                    .isEqualTo(y.stream()
                            .map(s -> s.mentor() + ":" + s.score() + ":" + s.path())
                            .toList());
        }
    }

    @Test
    void theSearchEqualsAnExhaustiveOne() {
        int compared = 0;
        for (long seed = 100; seed < 140; seed++) {
            OrgBuilder o = random(seed, 30 + (int) (seed % 40));
            MentorSuggestions.Rules rules = OrgBuilder.rules();
            MentorSuggestions.Result found = o.suggest(rules);
            MentoringProfiles p = o.profiles();
            CompactGraph g = o.graph();
            Reachability r = Reachability.of(g, rules.strongTie());
            int k = rules.suggestions();
            int[] mentees = found.mentees().stream()
                    .mapToInt(MentorSuggestions.ForMentee::mentee)
                    .toArray();
            MentorSuggestions.Candidates[] cands = new MentorSuggestions.Candidates[mentees.length];
            int[] demand = new int[p.size()];
            boolean[] had = new boolean[mentees.length];
            int[][] kept = MentorSuggestions.spread(
                    mentees,
                    (e, full, ws) -> {
                        List<double[]> all = exhaustive(p, g, r, rules, e, Integer.MAX_VALUE);
                        List<double[]> open = all.stream()
                                .filter(x -> full == null || !full[(int) x[0]])
                                .limit(4L * k)
                                .toList();
                        return new MentorSuggestions.Candidates(
                                e,
                                open.stream().mapToInt(x -> (int) x[0]).toArray(),
                                open.stream().mapToDouble(x -> x[1]).toArray(),
                                open.isEmpty() ? "none" : null);
                    },
                    cands,
                    p,
                    k,
                    MentorSuggestions.ROUNDS,
                    1,
                    demand,
                    had);
            for (int i = 0; i < mentees.length; i++) {
                MentorSuggestions.ForMentee f = found.mentees().get(i);
                assertThat(f.suggestions().stream()
                                .mapToInt(MentorSuggestions.Suggestion::mentor)
                                .toArray())
                        .as("seed %d mentee %d", seed, f.mentee())
                        .isEqualTo(kept[i]);
                java.util.Map<Integer, Double> scoreOf = new java.util.HashMap<>();
                for (double[] x : exhaustive(p, g, r, rules, f.mentee(), Integer.MAX_VALUE))
                    scoreOf.put((int) x[0], x[1]);
                for (MentorSuggestions.Suggestion x : f.suggestions())
                    assertThat(x.score()).isEqualTo(scoreOf.get(x.mentor()));
                compared++;
            }
            assertThat(found.demand()).isEqualTo(demand);
        }
        assertThat(compared).isGreaterThan(500);
    }

    @Test
    void aMentorIsSuggestedToAtMostKMenteesPerFreePlaceThoseTheyFitBest() {
        OrgBuilder o = new OrgBuilder(60);
        for (int p = 0; p < 60; p++)
            o.person(
                    p,
                    p < 10 ? 5 : 1,
                    -1,
                    p < 10 ? new int[] {0} : new int[] {},
                    p < 10 ? new int[] {} : new int[] {0});
        o.teaching[0] = 50; // the same star teacher tops all 50 lists
        for (int p = 50; p < 60; p++) o.tie(p, 0, 3); // and is closest to mentees 50..59
        MentoringProfiles p = o.profiles();
        CompactGraph g = o.graph();
        MentorSuggestions.Rules rules = new MentorSuggestions.Rules(1, true, 1, 200, 0.5);
        MentorSuggestions.Result plain =
                MentorSuggestions.run(p, g, Reachability.of(g, 0.5), MentorScore.defaults(), rules, 2, false);
        MentorSuggestions.Result spread =
                MentorSuggestions.run(p, g, Reachability.of(g, 0.5), MentorScore.defaults(), rules, 2);
        assertThat(plain.demand()[0]).isEqualTo(50);
        // k = 1 and 3 free places: the star is suggested to 3 mentees, those who fit them best (tied to them)
        assertThat(spread.demand()[0]).isEqualTo(3);
        assertThat(spread.mentees().stream()
                        .filter(f -> !f.suggestions().isEmpty()
                                && f.suggestions().get(0).mentor() == 0)
                        .map(MentorSuggestions.ForMentee::mentee))
                .containsExactly(50, 51, 52);
        assertThat(java.util.Arrays.stream(spread.demand()).max().getAsInt()).isEqualTo(3);
        // each mentee keeps up to 4k = 4 candidates: 4 mentors x 3 places = 12 of the other 47 get one
        long with = spread.mentees().stream()
                .filter(f -> !f.suggestions().isEmpty())
                .count();
        assertThat(with).isGreaterThanOrEqualTo(12);
        assertThat(spread.mentees().stream().filter(f -> f.suggestions().isEmpty()))
                .allSatisfy(
                        f -> assertThat(f.unmatched())
                                .isEqualTo(
                                        "everyone who fits is already suggested to 1 mentees per free place who fit them better"));
    }

    /** Every person scored as a mentor for e, the hard rules and the relevance rule applied, the top k. */
    static List<double[]> exhaustive(
            MentoringProfiles p, CompactGraph g, Reachability r, MentorSuggestions.Rules rules, int e, int keep) {
        int[] hops = bfs(g, e, rules.strongTie());
        MentorEligibility check = new MentorEligibility(p, rules.excludeSameManager(), rules.minLevelGap());
        MentorScore w = MentorScore.defaults();
        int n = p.size();
        int[] holders = new int[p.skillNames().length];
        for (int[] s : p.skills()) for (int x : s) holders[x]++;
        double want = 0;
        for (int s : p.wants()[e]) want += MentorScore.rarity(holders[s], n);
        boolean trajOn = p.trajectoryOn() && (p.careerTitles(e).length > 0 || p.goal()[e] >= 0);
        List<double[]> all = new ArrayList<>();
        for (int m = 0; m < n; m++) {
            if (check.check(e, m) != MentorEligibility.Verdict.ELIGIBLE) continue;
            double covered = 0;
            int count = 0;
            for (int s : p.wants()[e])
                if (p.has(m, s)) {
                    covered += MentorScore.rarity(holders[s], n);
                    count++;
                }
            TrajectoryFit.Fit fit = trajOn
                    ? TrajectoryFit.of(
                            p.careerTitles(e), p.level()[e], p.goal()[e], p.careerTitles(m), p.careerLevels(m))
                    : null;
            double traj = fit == null ? 0 : fit.value();
            int h = hops[m] >= 1 && hops[m] <= 3 ? hops[m] : 0;
            boolean nothing = p.wants()[e].length == 0 && p.goal()[e] < 0;
            if (!MentorSuggestions.relevant(count, fit, p.wants()[e].length > 0, nothing, h)) continue;
            double score = w.score(
                    want > 0 ? covered / want : 0,
                    p.wants()[e].length > 0,
                    traj,
                    trajOn,
                    MentorScore.reachability(h, h == 2 ? r.adamicAdar(e, m) : 0),
                    MentorScore.teaching(p.teaching()[m]),
                    p.teachingOn(),
                    MentorScore.load(p.remaining(m), p.capacity()[m], p.topConnector()[m]));
            all.add(new double[] {m, score});
        }
        all.sort(Comparator.<double[]>comparingDouble(x -> -x[1]).thenComparingDouble(x -> x[0]));
        return all.subList(0, Math.min(keep, all.size()));
    }

    static int[] bfs(CompactGraph g, int s, double floor) {
        int[] d = new int[g.nodeCount()];
        Arrays.fill(d, -1);
        d[s] = 0;
        ArrayDeque<Integer> q = new ArrayDeque<>(List.of(s));
        while (!q.isEmpty()) {
            int u = q.poll();
            for (int i = g.offsets()[u]; i < g.offsets()[u + 1]; i++) {
                int v = g.targets()[i];
                if (g.weights()[i] >= floor && d[v] < 0) {
                    d[v] = d[u] + 1;
                    q.add(v);
                }
            }
        }
        return d;
    }
}
