package org.mentorshipgraph.algorithms.mentoring;

import java.util.Arrays;

/**
 * What mentoring knows about each person, by the dense index of the organisation's graph: level, manager, whether
 * they are open to mentoring and how many places they have, the skills they have and want, their title, career goal
 * and dated path of positions, how much they teach, and whether they are one of the top connectors. Skills and titles
 * are dense ids into {@link #skillNames} and {@link #titleNames}.
 *
 * <p>Memory: O(n) ints and booleans plus one int per skill, wanted skill and position.
 *
 * @param level the numeric level, {@link #UNKNOWN} when absent or not a number
 * @param manager the manager's index, -1 for none or not in the organisation
 * @param open whether the person mentors at all ({@code open_to_mentor}, or the default)
 * @param capacity mentees at once ({@code mentor_capacity}, or the default)
 * @param taken current (active) declared mentorships in which the person is the mentor
 * @param skills skill ids the person has, sorted ascending, no repeats
 * @param wants skill ids the person wants to learn, sorted ascending, no repeats, none of their own
 * @param title the current title's id, -1 for none
 * @param goal the career goal's title id, -1 for none
 * @param pathTitles per person the title ids of their positions, oldest first, the current one last (empty: no
 *     history; then the current title alone is the path)
 * @param pathLevels the levels of those positions ({@link #UNKNOWN} where not known), same shape
 * @param teaching mentoring, pairing and code-review interactions the person started in the look-back
 * @param topConnector whether the person is one of the run's top connectors (they already carry the network)
 * @param newcomerWithoutMentor newcomers (hired within the newcomer window) with no active mentor
 * @param mentors per person the indices of their current mentors, sorted ascending
 * @param trajectoryOn whether titles, goals or positions exist at all (else the trajectory part is off)
 * @param teachingOn whether the interactions have any teaching channel at all (else the teaching part is off)
 */
public record MentoringProfiles(
        int[] level,
        int[] manager,
        boolean[] open,
        int[] capacity,
        int[] taken,
        int[][] skills,
        int[][] wants,
        int[] title,
        int[] goal,
        int[][] pathTitles,
        int[][] pathLevels,
        double[] teaching,
        boolean[] topConnector,
        boolean[] newcomerWithoutMentor,
        int[][] mentors,
        String[] skillNames,
        String[] titleNames,
        boolean trajectoryOn,
        boolean teachingOn) {

    /** A level that is not known. */
    public static final int UNKNOWN = Integer.MIN_VALUE;

    public MentoringProfiles {
        int n = level.length;
        for (Object a : new Object[] {
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
            topConnector,
            newcomerWithoutMentor,
            mentors
        }) {
            if (java.lang.reflect.Array.getLength(a) != n)
                throw new IllegalArgumentException("every per-person array must have " + n + " entries");
        }
    }

    public int size() {
        return level.length;
    }

    /** Places still free: capacity minus current mentees, never below 0. */
    public int remaining(int p) {
        return Math.max(0, capacity[p] - taken[p]);
    }

    /** Whether {@code mentor} is already one of {@code mentee}'s current mentors. */
    public boolean isMentorOf(int mentor, int mentee) {
        return Arrays.binarySearch(mentors[mentee], mentor) >= 0;
    }

    /** A mentee candidate: wants a skill, has a career goal, or is a newcomer without a mentor. */
    public boolean menteeCandidate(int p) {
        return wants[p].length > 0 || goal[p] >= 0 || newcomerWithoutMentor[p];
    }

    /** The person's career titles, oldest first: their positions, else their current title alone, else none. */
    public int[] careerTitles(int p) {
        if (pathTitles[p].length > 0) return pathTitles[p];
        return title[p] >= 0 ? new int[] {title[p]} : new int[0];
    }

    /** The levels of {@link #careerTitles}, same length. */
    public int[] careerLevels(int p) {
        if (pathTitles[p].length > 0) return pathLevels[p];
        return title[p] >= 0 ? new int[] {level[p]} : new int[0];
    }

    /** Whether the person has the skill (binary search in their sorted skills). */
    public boolean has(int p, int skill) {
        return Arrays.binarySearch(skills[p], skill) >= 0;
    }
}
