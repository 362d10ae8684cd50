package org.mentorshipgraph.algorithms.mentoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.mentorshipgraph.algorithms.graph.CompactGraph;

/**
 * "Who could mentor me, and how do I reach them?": for every mentee candidate the top k eligible mentors by
 * {@link MentorScore}, each with the warm path to them ({@link Reachability#warmPath}), or the reason nobody qualifies.
 *
 * <p>The search, per mentee e with wanted skills W and goal G:
 * <ol>
 *   <li><b>candidates</b>: for each s ∈ W M people who have s, are open and have a free place: the M/2 best placed by
 *       their mentee-independent part of the score (teaching and load), and M/2 more from a mentee-dependent place in
 *       the rest of that order (so that mentees who want the same skill do not all draw the same people); the first M such people who ever held G, and who ever held e's title; and
 *       everyone within two strong ties of e (a breadth-first ball). M is {@code candidatesPerSkill}; when no skill
 *       has more than M open holders the search is exhaustive and the top k exact.</li>
 *   <li><b>hard constraints</b> ({@link MentorEligibility}) drop candidates; they are never traded against the
 *       score.</li>
 *   <li><b>relevance</b> ({@link #relevant}): a candidate is suggested only if they cover a wanted skill, reached the
 *       goal, or held the mentee's title and moved on; or, for a mentee who states neither (a newcomer), are within
 *       two strong ties.</li>
 *   <li><b>ranking</b> by score, then lower index; the warm path (at most 3 strong ties) is found for the k kept.</li>
 * </ol>
 * Cost per mentee: O(|W|·M·(|W| + d) + b) for ball size b and mean strong degree d (the 3-hop test looks at each
 * candidate's strong neighbours), plus k warm-path searches; O(n) ints of workspace per thread. Mentees are
 * independent and run in parallel.
 */
public final class MentorSuggestions {
    private MentorSuggestions() {}

    /**
     * @param suggestions k, suggestions per mentee
     * @param excludeSameManager also exclude peers under the mentee's manager
     * @param minLevelGap how far above the mentee a mentor's level must be, where both are known
     * @param candidatesPerSkill M, candidates drawn per wanted skill (and for the goal)
     * @param strongTie the tie strength from which a tie counts for reachability
     */
    public record Rules(
            int suggestions, boolean excludeSameManager, int minLevelGap, int candidatesPerSkill, double strongTie) {
        public Rules {
            if (suggestions < 1) throw new IllegalArgumentException("suggestions must be >= 1");
            if (candidatesPerSkill < 1) throw new IllegalArgumentException("candidates per skill must be >= 1");
        }
    }

    /** One suggestion: the components in [0, 1], the score 0–100, the skills covered and the way in. */
    public record Suggestion(
            int mentee,
            int mentor,
            int rank,
            double score,
            double skillFit,
            double trajectoryFit,
            double reachability,
            double teaching,
            double load,
            int hops,
            int[] skillsCovered,
            TrajectoryFit.Fit trajectory,
            Reachability.WarmPath path) {}

    /** A mentee's best candidates before spreading: mentors and scores, best first, or the reason there are none. */
    record Candidates(int mentee, int[] mentors, double[] scores, String unmatched) {}

    /** A mentee's suggestions, or (when none) the reason nobody qualifies. */
    public record ForMentee(int mentee, List<Suggestion> suggestions, String unmatched) {}

    /**
     * Every mentee candidate's result, in index order, which components were on, and per mentor the number of
     * mentees they are suggested to.
     */
    public record Result(List<ForMentee> mentees, boolean trajectoryOn, boolean teachingOn, int[] demand) {}

    /**
     * The suggestions, spread so that they do not pile onto a few mentors: a mentor is suggested to at most k mentees
     * per free place, those for whom they score highest. Each mentee's best 4k candidates are found (in parallel);
     * then all (mentee, mentor, score) pairs are taken greedily, highest score first, each mentee keeping at most k and
     * each mentor at most k · free; mentees left short look again past the full mentors, in up to {@link #ROUNDS}
     * rounds ({@link #spread}); the warm paths are found for the pairs kept. Deterministic.
     */
    public static Result run(
            MentoringProfiles p, CompactGraph g, Reachability r, MentorScore w, Rules rules, int parallelism) {
        return run(p, g, r, w, rules, parallelism, true);
    }

    /** With {@code spread} false, every mentee keeps their own top k, however many others share a mentor. */
    public static Result run(
            MentoringProfiles p,
            CompactGraph g,
            Reachability r,
            MentorScore w,
            Rules rules,
            int parallelism,
            boolean spread) {
        Search s = new Search(p, g, r, w, rules);
        int k = rules.suggestions(), keep = spread ? 4 * k : k;
        int[] mentees = IntStream.range(0, p.size()).filter(p::menteeCandidate).toArray();
        Candidates[] found = new Candidates[mentees.length];
        int[] demand = new int[p.size()];
        int[][] kept = new int[mentees.length][];
        boolean[] had = new boolean[mentees.length];
        if (spread) {
            kept = spread(
                    mentees,
                    (e, full, ws) -> s.forMentee(e, ws, keep, full),
                    found,
                    p,
                    k,
                    ROUNDS,
                    parallelism,
                    demand,
                    had);
        } else {
            parallel(
                    parallelism,
                    mentees.length,
                    ws -> i -> found[i] = s.forMentee(mentees[i], ws, keep, null),
                    p.size());
            for (int i = 0; i < mentees.length; i++) {
                kept[i] = found[i].mentors();
                had[i] = kept[i].length > 0;
                for (int m : kept[i]) demand[m]++;
            }
        }
        int[][] keptFinal = kept;
        ForMentee[] out = new ForMentee[mentees.length];
        parallel(
                parallelism,
                mentees.length,
                ws -> i -> out[i] = s.finish(found[i], keptFinal[i], had[i], ws),
                p.size());
        return new Result(Arrays.asList(out), p.trajectoryOn(), p.teachingOn(), demand);
    }

    /** Rounds of the spread: a mentee left short looks again, past the mentors who filled up. */
    static final int ROUNDS = 6;

    /** Where the spread draws a mentee's best candidates from, skipping the mentors already full (null: none). */
    interface CandidateSource {
        Candidates candidates(int mentee, boolean[] full, Workspace ws);
    }

    /**
     * The spread, in rounds: round 1 takes every mentee's best candidates; all (mentee, mentor, score) pairs of the
     * round are taken greedily by score (ties: lower mentee, then lower mentor index), a mentee keeping at most k, a
     * mentor taking at most k · free; a mentee left short because a mentor was full looks again in the next round, past
     * the mentors now full. At most {@code rounds} rounds.
     *
     * @param found filled with each mentee's latest candidates
     * @param demand filled with the mentees each mentor is suggested to
     * @param had filled with whether a mentee had any candidate in any round
     * @return per mentee the mentors kept, in the order taken (best first)
     */
    static int[][] spread(
            int[] mentees,
            CandidateSource source,
            Candidates[] found,
            MentoringProfiles p,
            int k,
            int rounds,
            int parallelism,
            int[] demand,
            boolean[] had) {
        int n = p.size();
        int[] count = new int[mentees.length];
        int[][] mine = new int[mentees.length][k];
        boolean[] active = new boolean[mentees.length], full = null;
        Arrays.fill(active, true);
        for (int round = 0; round < rounds; round++) {
            boolean[] fullNow = full;
            int[] todo =
                    IntStream.range(0, mentees.length).filter(i -> active[i]).toArray();
            if (todo.length == 0) break;
            parallel(
                    parallelism,
                    todo.length,
                    ws -> t -> found[todo[t]] = source.candidates(mentees[todo[t]], fullNow, ws),
                    n);
            int pairs = 0;
            for (int i : todo) pairs += found[i].mentors().length;
            double[] score = new double[pairs];
            int[] who = new int[pairs], mentor = new int[pairs];
            int x = 0;
            for (int i : todo) {
                had[i] |= found[i].mentors().length > 0;
                for (int j = 0; j < found[i].mentors().length; j++) {
                    who[x] = i;
                    mentor[x] = found[i].mentors()[j];
                    score[x] = found[i].scores()[j];
                    x++;
                }
            }
            Integer[] idx = new Integer[pairs];
            for (int i = 0; i < pairs; i++) idx[i] = i;
            Arrays.sort(
                    idx,
                    (a1, b1) -> score[a1] != score[b1]
                            ? Double.compare(score[b1], score[a1])
                            : who[a1] != who[b1] ? who[a1] - who[b1] : mentor[a1] - mentor[b1]);
            boolean[] shortOfFull = new boolean[mentees.length];
            for (int t : idx) {
                int i = who[t], m = mentor[t];
                if (count[i] >= k || contains(mine[i], count[i], m)) continue;
                if (demand[m] >= (long) k * p.remaining(m)) {
                    shortOfFull[i] = true;
                    continue;
                }
                mine[i][count[i]++] = m;
                demand[m]++;
            }
            full = new boolean[n];
            for (int m = 0; m < n; m++) full[m] = demand[m] >= (long) k * p.remaining(m);
            for (int i = 0; i < mentees.length; i++) active[i] = active[i] && count[i] < k && shortOfFull[i];
        }
        int[][] kept = new int[mentees.length][];
        for (int i = 0; i < mentees.length; i++) kept[i] = Arrays.copyOf(mine[i], count[i]);
        return kept;
    }

    private static boolean contains(int[] a, int size, int x) {
        for (int i = 0; i < size; i++) if (a[i] == x) return true;
        return false;
    }

    /** Runs body(i) for i in [0, count) on a pool of the given size, each thread with its own workspace. */
    private static void parallel(
            int parallelism,
            int count,
            java.util.function.Function<Workspace, java.util.function.IntConsumer> body,
            int workspaceSize) {
        ThreadLocal<java.util.function.IntConsumer> worker =
                ThreadLocal.withInitial(() -> body.apply(new Workspace(workspaceSize)));
        ForkJoinPool pool = new ForkJoinPool(Math.max(1, parallelism));
        try {
            pool.submit(() -> IntStream.range(0, count)
                            .parallel()
                            .forEach(i -> worker.get().accept(i)))
                    .join();
        } finally {
            pool.shutdown();
        }
    }

    /**
     * Whether a candidate is worth suggesting at all: they cover a wanted skill or reached the goal; or, for a mentee
     * who wants no skill, held the mentee's title and moved on; or, for a mentee who states neither skills nor a goal,
     * they are within two strong ties.
     */
    public static boolean relevant(
            int skillsCovered, TrajectoryFit.Fit fit, boolean wantsSkills, boolean statesNothing, int hops) {
        if (skillsCovered > 0) return true;
        if (fit != null && fit.reachedGoal()) return true;
        if (!wantsSkills && fit != null && fit.match() == TrajectoryFit.Match.TITLE && fit.value() >= 0.2) return true;
        return statesNothing && hops >= 1 && hops <= 2;
    }

    /** Per-thread scratch: stamps for the candidate pool and the hop ball, reset by bumping the stamp. */
    static final class Workspace {
        final int[] seen, ballStamp, ballHops;
        final int[] pool;
        int stamp, poolSize;

        Workspace(int n) {
            seen = new int[n];
            ballStamp = new int[n];
            ballHops = new int[n];
            pool = new int[n];
        }
    }

    static final class Search {
        final MentoringProfiles p;
        final CompactGraph g;
        final Reachability r;
        final MentorScore w;
        final Rules rules;
        final MentorEligibility rulesCheck;
        final int[][] openHolders, allHolders, goalHolders;
        final double[] rarity;

        Search(MentoringProfiles p, CompactGraph g, Reachability r, MentorScore w, Rules rules) {
            this.p = p;
            this.g = g;
            this.r = r;
            this.w = w;
            this.rules = rules;
            this.rulesCheck = new MentorEligibility(p, rules.excludeSameManager(), rules.minLevelGap());
            int n = p.size(), skills = p.skillNames().length, titles = p.titleNames().length;
            int[] holders = new int[skills];
            for (int[] s : p.skills()) for (int x : s) holders[x]++;
            rarity = new double[skills];
            for (int x = 0; x < skills; x++) rarity[x] = MentorScore.rarity(holders[x], n);
            double[] standing = new double[n];
            for (int m = 0; m < n; m++)
                standing[m] = (p.teachingOn() ? w.teaching() * MentorScore.teaching(p.teaching()[m]) : 0)
                        + w.load() * MentorScore.load(p.remaining(m), p.capacity()[m], p.topConnector()[m]);
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) order[i] = i;
            Arrays.sort(order, (a, b) -> standing[a] != standing[b] ? Double.compare(standing[b], standing[a]) : a - b);
            List<List<Integer>> open = lists(skills), all = lists(skills), goal = lists(titles);
            for (int m : order) {
                boolean available = p.open()[m] && p.remaining(m) > 0;
                for (int x : p.skills()[m]) {
                    all.get(x).add(m);
                    if (available) open.get(x).add(m);
                }
                if (available) {
                    for (int t : Arrays.stream(p.careerTitles(m))
                            .filter(x -> x >= 0)
                            .sorted()
                            .distinct()
                            .toArray()) goal.get(t).add(m);
                }
            }
            openHolders = arrays(open);
            allHolders = arrays(all);
            goalHolders = arrays(goal);
        }

        /** The load part: free places over capacity, halved for a top connector. */
        double load(int m) {
            return MentorScore.load(p.remaining(m), p.capacity()[m], p.topConnector()[m]);
        }

        /** Fills the workspace for mentee e: the candidate pool and the ball of two strong ties. */
        private void prepare(int e, Workspace ws, boolean[] full) {
            ws.stamp++;
            ws.poolSize = 0;
            int cap = rules.candidatesPerSkill();
            for (int s : p.wants()[e]) draw(openHolders[s], e, cap, full, ws);
            int[] menteePath = p.careerTitles(e);
            int current = menteePath.length == 0 ? -1 : menteePath[menteePath.length - 1];
            for (int t : new int[] {p.goal()[e], current}) {
                if (t < 0) continue;
                draw(goalHolders[t], e, cap, full, ws);
            }
            ball(e, ws);
        }

        /** Mentor m scored for mentee e (the workspace prepared for e), or null when not eligible or not relevant. */
        private Suggestion evaluate(int e, int m, Workspace ws) {
            if (rulesCheck.check(e, m) != MentorEligibility.Verdict.ELIGIBLE) return null;
            int[] wants = p.wants()[e], menteePath = p.careerTitles(e);
            boolean trajOn = p.trajectoryOn() && (menteePath.length > 0 || p.goal()[e] >= 0);
            boolean statesNothing = wants.length == 0 && p.goal()[e] < 0;
            double covered = 0, wantWeight = 0;
            int coveredCount = 0;
            for (int s : wants) {
                wantWeight += rarity[s];
                if (p.has(m, s)) {
                    covered += rarity[s];
                    coveredCount++;
                }
            }
            double skillFit = wantWeight > 0 ? covered / wantWeight : 0;
            TrajectoryFit.Fit fit = trajOn
                    ? TrajectoryFit.of(menteePath, p.level()[e], p.goal()[e], p.careerTitles(m), p.careerLevels(m))
                    : null;
            double trajFit = fit == null ? 0 : fit.value();
            int hops = hops(m, ws);
            if (!relevant(coveredCount, fit, wants.length > 0, statesNothing, hops)) return null;
            double reach = MentorScore.reachability(hops, hops == 2 ? r.adamicAdar(e, m) : 0);
            double teach = MentorScore.teaching(p.teaching()[m]);
            double load = load(m);
            double score = w.score(skillFit, wants.length > 0, trajFit, trajOn, reach, teach, p.teachingOn(), load);
            int[] coveredSkills = new int[coveredCount];
            int j = 0;
            for (int s : wants) if (p.has(m, s)) coveredSkills[j++] = s;
            return new Suggestion(
                    e,
                    m,
                    0,
                    score,
                    skillFit,
                    trajFit,
                    reach,
                    p.teachingOn() ? teach : 0,
                    load,
                    hops,
                    coveredSkills,
                    fit,
                    null);
        }

        /** The mentee's best {@code keep} eligible, relevant candidates (mentor and score only), best first. */
        Candidates forMentee(int e, Workspace ws, int keep, boolean[] full) {
            prepare(e, ws, full);
            int[] mentors = new int[keep];
            double[] scores = new double[keep];
            int kept = 0;
            for (int i = 0; i < ws.poolSize; i++) {
                int m = ws.pool[i];
                if (full != null && full[m]) continue;
                Suggestion c = evaluate(e, m, ws);
                if (c == null) continue;
                double score = c.score();
                if (kept == keep && !better(score, m, scores[keep - 1], mentors[keep - 1])) continue;
                int at = kept < keep ? kept++ : keep - 1;
                mentors[at] = m;
                scores[at] = score;
                while (at > 0 && better(scores[at], mentors[at], scores[at - 1], mentors[at - 1])) {
                    int tm = mentors[at - 1];
                    double ts = scores[at - 1];
                    mentors[at - 1] = mentors[at];
                    scores[at - 1] = scores[at];
                    mentors[at] = tm;
                    scores[at] = ts;
                    at--;
                }
            }
            return new Candidates(
                    e, Arrays.copyOf(mentors, kept), Arrays.copyOf(scores, kept), kept == 0 ? unmatched(e) : null);
        }

        /** The kept mentors of a mentee, ranked, each with its parts and warm path; the reason when none was kept. */
        ForMentee finish(Candidates found, int[] kept, boolean hadCandidates, Workspace ws) {
            int e = found.mentee();
            List<Suggestion> list = new ArrayList<>(kept.length);
            if (kept.length > 0) prepare(e, ws, null);
            for (int i = 0; i < kept.length; i++) {
                Suggestion c = evaluate(e, kept[i], ws);
                Reachability.WarmPath way = c.hops() >= 1 ? r.warmPath(e, c.mentor(), 3) : null;
                list.add(new Suggestion(
                        c.mentee(),
                        c.mentor(),
                        i + 1,
                        c.score(),
                        c.skillFit(),
                        c.trajectoryFit(),
                        c.reachability(),
                        c.teaching(),
                        c.load(),
                        c.hops(),
                        c.skillsCovered(),
                        c.trajectory(),
                        way));
            }
            String why = null;
            if (list.isEmpty())
                why = !hadCandidates
                        ? found.unmatched()
                        : "everyone who fits is already suggested to " + rules.suggestions()
                                + " mentees per free place who fit them better";
            return new ForMentee(e, list, why);
        }

        private static boolean better(double score, int mentor, double thanScore, int thanMentor) {
            return score > thanScore || (score == thanScore && mentor < thanMentor);
        }

        /**
         * Draws up to M candidates from a list ordered by standing, skipping full mentors: the first M/2 (the best
         * placed), then M/2 from a place in the rest that depends on the mentee (a multiplicative hash of its index),
         * so that mentees who want the same skill do not all draw the same people. All of them when the list is no
         * longer than M.
         */
        private void draw(int[] h, int e, int cap, boolean[] full, Workspace ws) {
            if (h.length <= cap) {
                for (int m : h) if (full == null || !full[m]) add(ws, m);
                return;
            }
            int half = cap / 2, taken = 0, i = 0;
            for (; i < h.length && taken < half; i++)
                if (full == null || !full[h[i]]) {
                    add(ws, h[i]);
                    taken++;
                }
            int rest = h.length - i;
            if (rest <= 0) return;
            int from = (int) Long.remainderUnsigned((e + 1L) * 0x9E3779B97F4A7C15L, rest);
            for (int j = 0; j < rest && taken < cap; j++) {
                int m = h[i + (from + j) % rest];
                if (full == null || !full[m]) {
                    add(ws, m);
                    taken++;
                }
            }
        }

        private void add(Workspace ws, int m) {
            if (ws.seen[m] != ws.stamp) {
                ws.seen[m] = ws.stamp;
                ws.pool[ws.poolSize++] = m;
            }
        }

        /** Marks everyone within two strong ties of e with their hop count, and adds them to the pool. */
        private void ball(int e, Workspace ws) {
            int[] off = g.offsets(), to = g.targets();
            double[] wt = g.weights();
            double floor = rules.strongTie();
            ws.ballStamp[e] = ws.stamp;
            ws.ballHops[e] = 0;
            for (int i = off[e]; i < off[e + 1]; i++) {
                if (wt[i] < floor) continue;
                int x = to[i];
                ws.ballStamp[x] = ws.stamp;
                ws.ballHops[x] = 1;
            }
            for (int i = off[e]; i < off[e + 1]; i++) {
                if (wt[i] < floor) continue;
                int x = to[i];
                add(ws, x);
                for (int j = off[x]; j < off[x + 1]; j++) {
                    if (wt[j] < floor) continue;
                    int y = to[j];
                    if (ws.ballStamp[y] != ws.stamp) {
                        ws.ballStamp[y] = ws.stamp;
                        ws.ballHops[y] = 2;
                        add(ws, y);
                    }
                }
            }
        }

        /** Strong hops from the ball's centre to m: 1, 2, 3 (a strong neighbour at 2), or 0 for none within 3. */
        private int hops(int m, Workspace ws) {
            if (ws.ballStamp[m] == ws.stamp && ws.ballHops[m] > 0) return ws.ballHops[m];
            int[] off = g.offsets(), to = g.targets();
            double[] wt = g.weights();
            for (int i = off[m]; i < off[m + 1]; i++) {
                if (wt[i] < rules.strongTie()) continue;
                int x = to[i];
                if (ws.ballStamp[x] == ws.stamp && ws.ballHops[x] == 2) return 3;
            }
            return 0;
        }

        /** Why nobody qualifies for e, from the verdicts of everyone who has a wanted skill. */
        String unmatched(int e) {
            int[] wants = p.wants()[e];
            String skills = names(wants);
            if (wants.length == 0) {
                if (p.goal()[e] >= 0)
                    return "nobody open with a free place above their level has been " + p.titleNames()[p.goal()[e]];
                return "nobody open with a free place above their level is within two strong ties";
            }
            boolean[] counted = new boolean[p.size()];
            Map<MentorEligibility.Verdict, Integer> tally = new EnumMap<>(MentorEligibility.Verdict.class);
            int total = 0;
            for (int s : wants)
                for (int m : allHolders[s]) {
                    if (m == e || counted[m]) continue;
                    counted[m] = true;
                    total++;
                    tally.merge(rulesCheck.check(e, m), 1, Integer::sum);
                }
            if (total == 0) return "nobody else has " + skills;
            if (tally.containsKey(MentorEligibility.Verdict.ELIGIBLE))
                return tally.get(MentorEligibility.Verdict.ELIGIBLE) + " who have " + skills
                        + " qualify but lie beyond the search (mentoring.candidates-per-skill)";
            if (tally.size() == 1) {
                MentorEligibility.Verdict v = tally.keySet().iterator().next();
                return switch (v) {
                    case MANAGER_CHAIN -> "only their manager or those above them have " + skills;
                    case SAME_MANAGER -> "only peers under their manager have " + skills;
                    case FULL -> "everyone who has " + skills + " is at capacity";
                    case NOT_OPEN -> "nobody who has " + skills + " is open to mentoring";
                    case LEVEL -> "nobody who has " + skills + " is above their level";
                    default -> "everyone who has " + skills + " " + v.phrase();
                };
            }
            StringBuilder b = new StringBuilder(
                    "of the " + total + (total == 1 ? " person" : " people") + " who have " + skills + ": ");
            boolean first = true;
            for (Map.Entry<MentorEligibility.Verdict, Integer> t : tally.entrySet()) {
                if (!first) b.append(", ");
                first = false;
                b.append(t.getValue()).append(' ').append(t.getKey().phrase(t.getValue()));
            }
            return b.toString();
        }

        private String names(int[] skills) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < skills.length; i++) {
                if (i > 0) b.append(i == skills.length - 1 ? " or " : ", ");
                b.append(p.skillNames()[skills[i]]);
            }
            return b.toString();
        }

        private static List<List<Integer>> lists(int size) {
            List<List<Integer>> l = new ArrayList<>(size);
            for (int i = 0; i < size; i++) l.add(new ArrayList<>());
            return l;
        }

        private static int[][] arrays(List<List<Integer>> lists) {
            int[][] a = new int[lists.size()][];
            for (int i = 0; i < a.length; i++)
                a[i] = lists.get(i).stream().mapToInt(Integer::intValue).toArray();
            return a;
        }
    }
}
