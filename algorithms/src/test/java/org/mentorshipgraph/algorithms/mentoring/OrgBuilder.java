package org.mentorshipgraph.algorithms.mentoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.mentorshipgraph.algorithms.graph.CompactGraph;

/** A small organisation for mentoring tests: people by index, their profile fields, and weighted ties. */
final class OrgBuilder {
    final int n;
    final int[] level, manager, capacity, taken, title, goal;
    final boolean[] open, top, newcomer;
    final int[][] skills, wants, pathTitles, pathLevels, mentors;
    final double[] teaching;
    final List<int[]> edges = new ArrayList<>();
    final List<Double> weights = new ArrayList<>();
    String[] skillNames = {"s0", "s1", "s2", "s3", "s4", "s5"};
    String[] titleNames = {"t0", "t1", "t2", "t3"};
    boolean trajectoryOn = true, teachingOn = true;

    OrgBuilder(int n) {
        this.n = n;
        level = new int[n];
        manager = new int[n];
        capacity = new int[n];
        taken = new int[n];
        title = new int[n];
        goal = new int[n];
        open = new boolean[n];
        top = new boolean[n];
        newcomer = new boolean[n];
        skills = new int[n][0];
        wants = new int[n][0];
        pathTitles = new int[n][0];
        pathLevels = new int[n][0];
        mentors = new int[n][0];
        teaching = new double[n];
        Arrays.fill(level, MentoringProfiles.UNKNOWN);
        Arrays.fill(manager, -1);
        Arrays.fill(capacity, 3);
        Arrays.fill(title, -1);
        Arrays.fill(goal, -1);
        Arrays.fill(open, true);
    }

    OrgBuilder person(int p, int lvl, int mgr, int[] has, int[] want) {
        level[p] = lvl;
        manager[p] = mgr;
        skills[p] = has.clone();
        Arrays.sort(skills[p]);
        wants[p] = Arrays.stream(want)
                .filter(x -> Arrays.binarySearch(skills[p], x) < 0)
                .sorted()
                .toArray();
        return this;
    }

    OrgBuilder tie(int a, int b, double w) {
        edges.add(new int[] {a, b});
        weights.add(w);
        return this;
    }

    MentoringProfiles profiles() {
        return new MentoringProfiles(
                level,
                manager,
                open,
                capacity,
                taken,
                skills,
                wants,
                title,
                goal,
                pathTitles,
                pathLevels,
                teaching,
                top,
                newcomer,
                mentors,
                skillNames,
                titleNames,
                trajectoryOn,
                teachingOn);
    }

    CompactGraph graph() {
        int[] a = new int[edges.size()], b = new int[edges.size()];
        double[] w = new double[edges.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = edges.get(i)[0];
            b[i] = edges.get(i)[1];
            w[i] = weights.get(i);
        }
        return CompactGraph.fromEdges(n, a, b, w);
    }

    MentorSuggestions.Result suggest(MentorSuggestions.Rules rules) {
        CompactGraph g = graph();
        return MentorSuggestions.run(
                profiles(), g, Reachability.of(g, rules.strongTie()), MentorScore.defaults(), rules, 2);
    }

    static MentorSuggestions.Rules rules() {
        return new MentorSuggestions.Rules(5, true, 1, 200, 0.5);
    }

    /** The suggested mentors of a mentee, in rank order. */
    static List<Integer> mentorsOf(MentorSuggestions.Result r, int mentee) {
        for (MentorSuggestions.ForMentee f : r.mentees())
            if (f.mentee() == mentee)
                return f.suggestions().stream()
                        .map(MentorSuggestions.Suggestion::mentor)
                        .toList();
        return List.of();
    }

    static String unmatched(MentorSuggestions.Result r, int mentee) {
        for (MentorSuggestions.ForMentee f : r.mentees()) if (f.mentee() == mentee) return f.unmatched();
        return null;
    }
}
