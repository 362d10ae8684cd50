package org.mentorshipgraph.algorithms.mentoring;

/**
 * The hard constraints of a mentor suggestion, never traded against the score. A candidate mentor m is eligible for
 * mentee e when all hold:
 * <ol>
 *   <li>m ≠ e;</li>
 *   <li>m is not e's manager nor anyone above e in the {@code manager_id} chain (a cycle in the chain stops the walk);</li>
 *   <li>with {@code excludeSameManager}, m and e do not share a manager (peers in one team look elsewhere);</li>
 *   <li>m is open to mentoring;</li>
 *   <li>m has a free place: capacity − current mentees &gt; 0;</li>
 *   <li>where both levels are known, level(m) − level(e) ≥ {@code minLevelGap};</li>
 *   <li>m is not already one of e's current mentors.</li>
 * </ol>
 * Cost: O(depth of e's manager chain) per check, O(1) for the rest.
 */
public final class MentorEligibility {
    /** Why a candidate is not eligible; {@link #ELIGIBLE} when they are. In the order the checks run. */
    public enum Verdict {
        ELIGIBLE(""),
        SELF("is the person themself"),
        MANAGER_CHAIN("is their manager or above them"),
        SAME_MANAGER("shares their manager"),
        NOT_OPEN("is not open to mentoring"),
        FULL("is at capacity"),
        LEVEL("is not above their level"),
        ALREADY_MENTOR("already mentors them");

        private final String phrase;

        Verdict(String phrase) {
            this.phrase = phrase;
        }

        /** How the verdict reads after a person ("p0007 is at capacity"). */
        public String phrase() {
            return phrase;
        }

        /** The phrase after a count of people ("1 is at capacity", "2 are at capacity"). */
        public String phrase(int count) {
            if (count == 1) return phrase;
            return phrase.replaceFirst("^is ", "are ")
                    .replace("is the person themself", "are the person themself")
                    .replaceFirst("^shares their", "share their")
                    .replaceFirst("^already mentors", "already mentor");
        }
    }

    private final MentoringProfiles p;
    private final boolean excludeSameManager;
    private final int minLevelGap;

    public MentorEligibility(MentoringProfiles profiles, boolean excludeSameManager, int minLevelGap) {
        this.p = profiles;
        this.excludeSameManager = excludeSameManager;
        this.minLevelGap = minLevelGap;
    }

    public Verdict check(int mentee, int mentor) {
        if (mentee == mentor) return Verdict.SELF;
        if (inManagerChain(mentee, mentor)) return Verdict.MANAGER_CHAIN;
        if (excludeSameManager && p.manager()[mentee] >= 0 && p.manager()[mentee] == p.manager()[mentor])
            return Verdict.SAME_MANAGER;
        if (!p.open()[mentor]) return Verdict.NOT_OPEN;
        if (p.remaining(mentor) <= 0) return Verdict.FULL;
        int le = p.level()[mentee], lm = p.level()[mentor];
        if (le != MentoringProfiles.UNKNOWN && lm != MentoringProfiles.UNKNOWN && (long) lm - le < minLevelGap)
            return Verdict.LEVEL;
        if (p.isMentorOf(mentor, mentee)) return Verdict.ALREADY_MENTOR;
        return Verdict.ELIGIBLE;
    }

    /** Whether {@code who} is {@code person}'s manager, their manager's manager, and so on up the chain. */
    public boolean inManagerChain(int person, int who) {
        int[] manager = p.manager();
        int m = manager[person];
        for (int steps = 0; m >= 0 && steps < manager.length; steps++) {
            if (m == who) return true;
            if (m == person) return false; // a cycle back to the person
            m = manager[m];
        }
        return false;
    }
}
