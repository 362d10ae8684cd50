package org.mentorshipgraph.algorithms.mentoring;

/**
 * How well a mentor's career path fits where a mentee is and where they want to go, in [0, 1].
 *
 * <p>Paths are sequences of positions (title id, level), oldest first, the current position last. Let the mentee be
 * at title T and level L with path P and goal G (a title, or none); let the mentor's path be Q. The <em>match point</em>
 * k is the first position of Q with title T ("title match"), else the first with level L that the mentor later rose
 * above ("level match"). The fit is
 *
 * <pre>
 *   fit = base × (½ + ½ · LCS(P, Q[0..k]) / |P|)
 * </pre>
 *
 * where LCS is the longest common subsequence of the two title sequences (how much of the mentee's road the mentor
 * walked before the match point; the "similar career path" alignment of position sequences, cf. LinkedIn's career
 * path similarity, Xu et al., KDD 2014), and base grades the match:
 *
 * <table>
 *   <caption>base</caption>
 *   <tr><th></th><th>goal reached after k</th><th>goal not reached</th><th>mentee has no goal</th></tr>
 *   <tr><td>title match</td><td>1.0</td><td>0.3</td><td>0.6 (moved on since)</td></tr>
 *   <tr><td>level match</td><td>0.7</td><td>0.15</td><td>0.3 (moved on since)</td></tr>
 *   <tr><td>no match</td><td>0.4 (reached G, road unknown)</td><td>0</td><td>0</td></tr>
 * </table>
 *
 * Without a position history the path is the current position alone, so only "reached the goal" counts. Cost:
 * O(|P| · |Q|) time and O(|Q|) memory per pair (paths are a few positions long).
 */
public final class TrajectoryFit {
    private TrajectoryFit() {}

    /** How the mentor's path matched, for the explanation. */
    public enum Match {
        NONE,
        GOAL_ONLY,
        TITLE,
        LEVEL
    }

    /** A graded fit with what it rests on. */
    public record Fit(double value, Match match, boolean reachedGoal, int matchTitle, int matchLevel) {
        static final Fit ZERO = new Fit(0, Match.NONE, false, -1, MentoringProfiles.UNKNOWN);
    }

    /**
     * @param menteeTitles the mentee's path titles, current last (non-empty when the mentee has a title)
     * @param menteeLevel the mentee's current level or {@link MentoringProfiles#UNKNOWN}
     * @param goal the mentee's goal title id, or -1
     * @param mentorTitles the mentor's path titles, current last
     * @param mentorLevels the mentor's path levels, same length
     */
    public static Fit of(int[] menteeTitles, int menteeLevel, int goal, int[] mentorTitles, int[] mentorLevels) {
        int q = mentorTitles.length;
        if (q == 0) return Fit.ZERO;
        int current = menteeTitles.length == 0 ? -1 : menteeTitles[menteeTitles.length - 1];
        int k = -1;
        Match match = Match.NONE;
        if (current >= 0) {
            for (int i = 0; i < q - (goal < 0 ? 1 : 0) && k < 0; i++) {
                if (mentorTitles[i] == current && (goal >= 0 || i < q - 1)) {
                    k = i;
                    match = Match.TITLE;
                }
            }
        }
        if (k < 0 && menteeLevel != MentoringProfiles.UNKNOWN) {
            for (int i = 0; i < q - 1 && k < 0; i++) {
                if (mentorLevels[i] == menteeLevel && rosePast(mentorLevels, i)) {
                    k = i;
                    match = Match.LEVEL;
                }
            }
        }
        boolean reached = false;
        if (goal >= 0) {
            for (int j = k + 1; j < q; j++) reached |= mentorTitles[j] == goal;
        }
        double base;
        if (match == Match.TITLE) base = goal < 0 ? 0.6 : reached ? 1.0 : 0.3;
        else if (match == Match.LEVEL) base = goal < 0 ? 0.3 : reached ? 0.7 : 0.15;
        else if (reached) {
            base = 0.4;
            match = Match.GOAL_ONLY;
        } else return Fit.ZERO;
        int end = k < 0 ? q - 1 : k;
        double aligned =
                menteeTitles.length == 0 ? 0 : (double) lcs(menteeTitles, mentorTitles, end + 1) / menteeTitles.length;
        return new Fit(
                base * (0.5 + 0.5 * aligned),
                match,
                reached,
                k < 0 ? -1 : mentorTitles[k],
                k < 0 ? MentoringProfiles.UNKNOWN : mentorLevels[k]);
    }

    private static boolean rosePast(int[] levels, int i) {
        for (int j = i + 1; j < levels.length; j++)
            if (levels[j] != MentoringProfiles.UNKNOWN && levels[j] > levels[i]) return true;
        return false;
    }

    /** Length of the longest common subsequence of a and b[0..bLength). */
    static int lcs(int[] a, int[] b, int bLength) {
        int[] prev = new int[bLength + 1], cur = new int[bLength + 1];
        for (int x : a) {
            for (int j = 1; j <= bLength; j++) cur[j] = x == b[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[bLength];
    }
}
