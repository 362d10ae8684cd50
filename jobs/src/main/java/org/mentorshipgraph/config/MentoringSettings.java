package org.mentorshipgraph.config;

import java.util.List;
import java.util.Map;

/**
 * The mentoring step's settings ({@code mentoring.*}), checked.
 *
 * @param weights the score's component weights by name ({@link #COMPONENTS})
 * @param strongTie the tie strength from which a tie counts for reachability and introductions
 */
public record MentoringSettings(
        int suggestions,
        int introductions,
        boolean defaultOpen,
        int defaultCapacity,
        boolean excludeSameManager,
        int minLevelGap,
        Map<String, Double> weights,
        double strongTie,
        int candidatesPerSkill,
        List<String> teachingChannels,
        boolean matchProgramme) {

    /** The score's components, in the order of {@code mentoring.weights}. */
    public static final List<String> COMPONENTS = List.of("skill", "trajectory", "reachability", "teaching", "load");
}
