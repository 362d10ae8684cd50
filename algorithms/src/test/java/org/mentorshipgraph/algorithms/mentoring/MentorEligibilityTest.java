package org.mentorshipgraph.algorithms.mentoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Each hard rule of a mentor suggestion on its own: a person who would be the best mentor in every other respect
 * (all the skills, a higher level, a strong tie, teaching) is never suggested when one rule forbids it, and is the
 * first suggestion when the rule is lifted.
 */
class MentorEligibilityTest {
    static final int MENTEE = 0, CANDIDATE = 1, OTHER = 2, BOSS = 3, BIG_BOSS = 4;

    /** Mentee 0 (level 2, manager 3) wants s0; 1 is ideal; 2 is a weaker fallback with s0 at level 4. */
    static OrgBuilder org() {
        OrgBuilder o = new OrgBuilder(6);
        o.person(MENTEE, 2, BOSS, new int[] {}, new int[] {0});
        o.person(CANDIDATE, 4, 5, new int[] {0}, new int[] {});
        o.person(OTHER, 4, 5, new int[] {0}, new int[] {});
        o.person(BOSS, 5, BIG_BOSS, new int[] {}, new int[] {});
        o.person(BIG_BOSS, 6, -1, new int[] {}, new int[] {});
        o.person(5, 6, -1, new int[] {}, new int[] {});
        o.tie(MENTEE, CANDIDATE, 5).tie(MENTEE, BOSS, 5).tie(BOSS, BIG_BOSS, 5).tie(OTHER, 5, 1);
        o.teaching[CANDIDATE] = 10;
        return o;
    }

    @Test
    void theIdealCandidateRanksFirstWhenNoRuleForbidsIt() {
        assertThat(OrgBuilder.mentorsOf(org().suggest(OrgBuilder.rules()), MENTEE))
                .containsExactly(CANDIDATE, OTHER);
    }

    @Test
    void neverThePersonThemself() {
        OrgBuilder o = org();
        o.skills[MENTEE] = new int[] {1};
        o.wants[MENTEE] = new int[] {0, 1};
        assertThat(OrgBuilder.mentorsOf(o.suggest(OrgBuilder.rules()), MENTEE)).doesNotContain(MENTEE);
        assertThat(new MentorEligibility(o.profiles(), true, 1).check(MENTEE, MENTEE))
                .isEqualTo(MentorEligibility.Verdict.SELF);
    }

    @Test
    void neverTheirManager() {
        OrgBuilder o = org();
        o.skills[BOSS] = new int[] {0};
        o.teaching[BOSS] = 100;
        assertThat(OrgBuilder.mentorsOf(o.suggest(OrgBuilder.rules()), MENTEE)).doesNotContain(BOSS);
        assertThat(new MentorEligibility(o.profiles(), true, 1).check(MENTEE, BOSS))
                .isEqualTo(MentorEligibility.Verdict.MANAGER_CHAIN);
    }

    @Test
    void neverAnyoneAboveThemInTheChain() {
        OrgBuilder o = org();
        o.skills[BIG_BOSS] = new int[] {0};
        o.teaching[BIG_BOSS] = 100;
        assertThat(OrgBuilder.mentorsOf(o.suggest(OrgBuilder.rules()), MENTEE)).doesNotContain(BIG_BOSS);
        assertThat(new MentorEligibility(o.profiles(), true, 1).check(MENTEE, BIG_BOSS))
                .isEqualTo(MentorEligibility.Verdict.MANAGER_CHAIN);
    }

    @Test
    void aManagerCycleEndsTheWalk() {
        OrgBuilder o = org();
        o.manager[BOSS] = BIG_BOSS;
        o.manager[BIG_BOSS] = BOSS; // a cycle in the directory
        MentorEligibility e = new MentorEligibility(o.profiles(), true, 1);
        assertThat(e.check(MENTEE, BIG_BOSS)).isEqualTo(MentorEligibility.Verdict.MANAGER_CHAIN);
        assertThat(e.check(MENTEE, CANDIDATE)).isEqualTo(MentorEligibility.Verdict.ELIGIBLE);
        o.manager[MENTEE] = MENTEE; // a self-manager
        assertThat(new MentorEligibility(o.profiles(), true, 1).check(MENTEE, CANDIDATE))
                .isEqualTo(MentorEligibility.Verdict.ELIGIBLE);
    }

    @Test
    void aPeerUnderTheSameManagerOnlyWhenAllowed() {
        OrgBuilder o = org();
        o.manager[CANDIDATE] = BOSS;
        assertThat(OrgBuilder.mentorsOf(o.suggest(OrgBuilder.rules()), MENTEE)).containsExactly(OTHER);
        assertThat(OrgBuilder.mentorsOf(o.suggest(new MentorSuggestions.Rules(5, false, 1, 200, 0.5)), MENTEE))
                .containsExactly(CANDIDATE, OTHER);
    }

    @Test
    void neverSomeoneNotOpenToMentoring() {
        OrgBuilder o = org();
        o.open[CANDIDATE] = false;
        assertThat(OrgBuilder.mentorsOf(o.suggest(OrgBuilder.rules()), MENTEE)).containsExactly(OTHER);
    }

    @Test
    void neverSomeoneAtCapacity() {
        OrgBuilder o = org();
        o.capacity[CANDIDATE] = 2;
        o.taken[CANDIDATE] = 2;
        assertThat(OrgBuilder.mentorsOf(o.suggest(OrgBuilder.rules()), MENTEE)).containsExactly(OTHER);
        o.capacity[CANDIDATE] = 0;
        o.taken[CANDIDATE] = 0;
        assertThat(OrgBuilder.mentorsOf(o.suggest(OrgBuilder.rules()), MENTEE)).containsExactly(OTHER);
        o.capacity[CANDIDATE] = 3;
        o.taken[CANDIDATE] = 2;
        assertThat(OrgBuilder.mentorsOf(o.suggest(OrgBuilder.rules()), MENTEE)).startsWith(CANDIDATE);
    }

    @Test
    void neverSomeoneNotAboveTheirLevelWhenBothAreKnown() {
        OrgBuilder o = org();
        o.level[CANDIDATE] = 2;
        assertThat(OrgBuilder.mentorsOf(o.suggest(OrgBuilder.rules()), MENTEE)).containsExactly(OTHER);
        o.level[CANDIDATE] = 3;
        assertThat(OrgBuilder.mentorsOf(o.suggest(OrgBuilder.rules()), MENTEE)).startsWith(CANDIDATE);
        assertThat(OrgBuilder.mentorsOf(o.suggest(new MentorSuggestions.Rules(5, true, 2, 200, 0.5)), MENTEE))
                .containsExactly(OTHER);
        o.level[CANDIDATE] = MentoringProfiles.UNKNOWN; // unknown: the rule cannot apply
        assertThat(OrgBuilder.mentorsOf(o.suggest(OrgBuilder.rules()), MENTEE)).contains(CANDIDATE);
    }

    @Test
    void neverSomeoneWhoAlreadyMentorsThem() {
        OrgBuilder o = org();
        o.mentors[MENTEE] = new int[] {CANDIDATE};
        o.taken[CANDIDATE] = 1;
        assertThat(OrgBuilder.mentorsOf(o.suggest(OrgBuilder.rules()), MENTEE)).containsExactly(OTHER);
    }

    @Test
    void whenNobodyQualifiesTheReasonNamesWhy() {
        OrgBuilder o = org();
        o.skills[CANDIDATE] = new int[] {};
        o.skills[OTHER] = new int[] {};
        o.skills[BOSS] = new int[] {0};
        assertThat(OrgBuilder.unmatched(o.suggest(OrgBuilder.rules()), MENTEE))
                .isEqualTo("only their manager or those above them have s0");
        o.skills[BOSS] = new int[] {};
        assertThat(OrgBuilder.unmatched(o.suggest(OrgBuilder.rules()), MENTEE)).isEqualTo("nobody else has s0");
        o.skills[CANDIDATE] = new int[] {0};
        o.skills[OTHER] = new int[] {0};
        o.taken[CANDIDATE] = 3;
        o.taken[OTHER] = 3;
        assertThat(OrgBuilder.unmatched(o.suggest(OrgBuilder.rules()), MENTEE))
                .isEqualTo("everyone who has s0 is at capacity");
        o.open[OTHER] = false;
        assertThat(OrgBuilder.unmatched(o.suggest(OrgBuilder.rules()), MENTEE))
                .isEqualTo("of the 2 people who have s0: 1 is not open to mentoring, 1 is at capacity");
    }
}
