package org.mentorshipgraph.algorithms.mentoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The trajectory fit's table and alignment, case by case (titles 0 Engineer, 1 Senior, 2 Staff, 3 Designer). */
class TrajectoryFitTest {
    static final int ENG = 0, SENIOR = 1, STAFF = 2, DESIGNER = 3, U = MentoringProfiles.UNKNOWN;

    @Test
    void aMentorWhoWasWhereYouAreAndReachedYourGoalFitsFully() {
        TrajectoryFit.Fit f =
                TrajectoryFit.of(new int[] {ENG}, 2, SENIOR, new int[] {ENG, SENIOR, STAFF}, new int[] {2, 3, 4});
        assertThat(f.value()).isEqualTo(1.0);
        assertThat(f.match()).isEqualTo(TrajectoryFit.Match.TITLE);
        assertThat(f.reachedGoal()).isTrue();
    }

    @Test
    void theAlignmentOfEarlierStepsGradesTheFit() {
        int[] mentee = {DESIGNER, ENG};
        double same = TrajectoryFit.of(mentee, 2, SENIOR, new int[] {DESIGNER, ENG, SENIOR}, new int[] {1, 2, 3})
                .value();
        double other = TrajectoryFit.of(mentee, 2, SENIOR, new int[] {ENG, SENIOR}, new int[] {2, 3})
                .value();
        assertThat(same).isEqualTo(1.0);
        assertThat(other).isCloseTo(0.75, within(1e-12)); // LCS 1 of 2: 1 x (0.5 + 0.25)
    }

    @Test
    void aLevelMatchCountsLessThanATitleMatch() {
        TrajectoryFit.Fit f =
                TrajectoryFit.of(new int[] {ENG}, 2, STAFF, new int[] {DESIGNER, STAFF}, new int[] {2, 4});
        assertThat(f.match()).isEqualTo(TrajectoryFit.Match.LEVEL);
        assertThat(f.value()).isCloseTo(0.7 * 0.5, within(1e-12));
    }

    @Test
    void reachingTheGoalByAnotherRoadStillCounts() {
        TrajectoryFit.Fit f = TrajectoryFit.of(new int[] {ENG}, 2, STAFF, new int[] {STAFF}, new int[] {5});
        assertThat(f.match()).isEqualTo(TrajectoryFit.Match.GOAL_ONLY);
        assertThat(f.value()).isCloseTo(0.4 * 0.5, within(1e-12));
    }

    @Test
    void noMatchAndNoGoalReachedIsZero() {
        assertThat(TrajectoryFit.of(new int[] {ENG}, 2, STAFF, new int[] {DESIGNER}, new int[] {4})
                        .value())
                .isZero();
        assertThat(TrajectoryFit.of(new int[] {ENG}, U, -1, new int[] {DESIGNER}, new int[] {U})
                        .value())
                .isZero();
        assertThat(TrajectoryFit.of(new int[] {ENG}, 2, STAFF, new int[0], new int[0])
                        .value())
                .isZero();
    }

    @Test
    void withoutAGoalOnlyAMentorWhoMovedOnFits() {
        assertThat(TrajectoryFit.of(new int[] {ENG}, 2, -1, new int[] {ENG, SENIOR}, new int[] {2, 3})
                        .value())
                .isCloseTo(0.6, within(1e-12));
        assertThat(TrajectoryFit.of(new int[] {ENG}, 2, -1, new int[] {ENG}, new int[] {2})
                        .value())
                .isZero();
    }

    @Test
    void lcsIsTheLongestCommonSubsequence() {
        assertThat(TrajectoryFit.lcs(new int[] {1, 2, 3, 4}, new int[] {1, 3, 4, 9}, 4))
                .isEqualTo(3);
        assertThat(TrajectoryFit.lcs(new int[] {1, 2, 3, 4}, new int[] {1, 3, 4, 9}, 2))
                .isEqualTo(2);
        assertThat(TrajectoryFit.lcs(new int[] {}, new int[] {1}, 1)).isZero();
    }
}
