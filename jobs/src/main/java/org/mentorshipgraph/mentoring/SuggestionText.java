package org.mentorshipgraph.mentoring;

import java.util.Locale;
import org.mentorshipgraph.algorithms.mentoring.MentorSuggestions.Suggestion;
import org.mentorshipgraph.algorithms.mentoring.MentoringProfiles;
import org.mentorshipgraph.algorithms.mentoring.Reachability;
import org.mentorshipgraph.algorithms.mentoring.TrajectoryFit;

/**
 * The readable side of a suggestion: the skills it covers, how the paths match, the warm introduction with each tie's
 * strength, the mentor's load; one line, e.g. "covers kafka (rare: 3 people have it); was Data Engineer like you, later
 * Senior Data Engineer, your goal; introduced by p0234 (ties 4.20 and 3.10); started 12 teaching interactions in the
 * look-back; 1 of 3 places taken".
 */
final class SuggestionText {
    /** A skill held by at most this many people is called rare in the explanation. */
    static final int RARE = 5;

    private final MentoringProfiles p;
    private final String[] ids;
    private final int[] holders;

    SuggestionText(MentoringProfiles p, String[] ids) {
        this.p = p;
        this.ids = ids;
        this.holders = new int[p.skillNames().length];
        for (int[] s : p.skills()) for (int x : s) holders[x]++;
    }

    String skillsCovered(Suggestion s) {
        StringBuilder b = new StringBuilder();
        for (int x : s.skillsCovered()) {
            if (b.length() > 0) b.append(';');
            b.append(p.skillNames()[x]);
        }
        return b.toString();
    }

    /** "p0012 -4.20- p0234 -3.10- p0301", or null without a path. */
    String path(Reachability.WarmPath w) {
        if (w == null) return null;
        StringBuilder b = new StringBuilder(ids[w.nodes()[0]]);
        for (int i = 1; i < w.nodes().length; i++)
            b.append(String.format(Locale.ROOT, " -%.2f- ", w.strengths()[i - 1]))
                    .append(ids[w.nodes()[i]]);
        return b.toString();
    }

    String places(int mentor) {
        return p.taken()[mentor] + " of " + p.capacity()[mentor] + (p.capacity()[mentor] == 1 ? " place" : " places")
                + " taken";
    }

    String reason(Suggestion s) {
        StringBuilder b = new StringBuilder();
        if (s.skillsCovered().length > 0) {
            b.append("covers ");
            for (int i = 0; i < s.skillsCovered().length; i++) {
                int x = s.skillsCovered()[i];
                if (i > 0) b.append(i == s.skillsCovered().length - 1 ? " and " : ", ");
                b.append(p.skillNames()[x]);
                if (holders[x] <= RARE)
                    b.append(" (rare: ")
                            .append(holders[x])
                            .append(holders[x] == 1 ? " person has it)" : " people have it)");
            }
        }
        TrajectoryFit.Fit f = s.trajectory();
        if (f != null && f.match() != TrajectoryFit.Match.NONE) {
            sep(b);
            String goal = p.goal()[s.mentee()] >= 0 ? p.titleNames()[p.goal()[s.mentee()]] : null;
            switch (f.match()) {
                case TITLE ->
                    b.append("was ").append(p.titleNames()[f.matchTitle()]).append(" like you");
                case LEVEL ->
                    b.append("was at your level (").append(f.matchLevel()).append(')');
                case GOAL_ONLY -> b.append("became ").append(goal).append(", your goal");
                default -> {}
            }
            if (f.reachedGoal() && f.match() != TrajectoryFit.Match.GOAL_ONLY)
                b.append(", later ").append(goal).append(", your goal");
            else if (!f.reachedGoal() && f.match() != TrajectoryFit.Match.GOAL_ONLY) b.append(", and moved on");
        }
        sep(b);
        Reachability.WarmPath w = s.path();
        if (w == null) b.append("no warm path within 3 strong ties: ask for an introduction");
        else if (w.hops() == 1)
            b.append(String.format(Locale.ROOT, "you already work together (tie %.2f)", w.strengths()[0]));
        else if (w.hops() == 2)
            b.append(String.format(
                    Locale.ROOT,
                    "introduced by %s (ties %.2f and %.2f)",
                    ids[w.nodes()[1]],
                    w.strengths()[0],
                    w.strengths()[1]));
        else
            b.append(String.format(
                    Locale.ROOT,
                    "through %s and %s (ties %.2f, %.2f, %.2f)",
                    ids[w.nodes()[1]],
                    ids[w.nodes()[2]],
                    w.strengths()[0],
                    w.strengths()[1],
                    w.strengths()[2]));
        double t = p.teaching()[s.mentor()];
        if (t > 0) {
            sep(b);
            b.append(String.format(
                    Locale.ROOT, "started %.0f teaching interaction%s in the look-back", t, t == 1 ? "" : "s"));
        }
        sep(b);
        b.append(places(s.mentor()));
        if (p.topConnector()[s.mentor()]) b.append(" (a top connector, who already carries the network)");
        return b.toString();
    }

    private static void sep(StringBuilder b) {
        if (b.length() > 0) b.append("; ");
    }
}
