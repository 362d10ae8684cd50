package org.mentorshipgraph.algorithms.mentoring;

/**
 * The mentor score, 0–100, written once: a weighted mean of five components, each in [0, 1].
 *
 * <pre>
 *   score = 100 · Σ_c w_c · x_c / Σ_{c applicable} w_c
 * </pre>
 *
 * <ul>
 *   <li><b>skill fit</b> x_s = Σ_{s ∈ W ∩ S(m)} r(s) / Σ_{s ∈ W} r(s): the share of the mentee's wanted skills W the
 *       mentor has, each weighted by its rarity r(s) = 1 + ln((n + 1) / (h(s) + 1)) with h(s) people having it (the
 *       smoothed inverse document frequency of Sparck Jones, 1972). Applies when the mentee wants a skill.</li>
 *   <li><b>trajectory fit</b> x_t: {@link TrajectoryFit}. Applies when titles, goals or positions exist and the mentee
 *       has a title or a goal.</li>
 *   <li><b>reachability</b> x_r through strong ties: 1 for a direct tie, 0.5 + 0.4 · (1 − e^(−AA)) two hops away with
 *       Adamic–Adar index AA (Adamic &amp; Adar, Social Networks 25, 2003; Liben-Nowell &amp; Kleinberg, JASIST 58,
 *       2007, found it the best simple link predictor), 0.3 three hops away, 0 beyond.</li>
 *   <li><b>teaching</b> x_e = t / (t + 5), t the mentoring, pairing and code-review interactions the mentor started in
 *       the look-back (half credit at five). Applies when the log has any of those channels.</li>
 *   <li><b>load</b> x_l = free places / capacity, halved for a top connector (they already carry the network); and a mentor is suggested to at most
 *       k mentees per free place, those they fit best ({@link MentorSuggestions#run}).</li>
 * </ul>
 * A component that does not apply to a mentee (no wanted skill, no title or goal) or is off for the run (no
 * positions, titles or goals; no teaching channel) leaves both sums. Cost: O(1) per call.
 *
 * @param skill weight of skill fit
 * @param trajectory weight of trajectory fit
 * @param reachability weight of reachability
 * @param teaching weight of shown teaching
 * @param load weight of load
 */
public record MentorScore(double skill, double trajectory, double reachability, double teaching, double load) {
    public MentorScore {
        for (double w : new double[] {skill, trajectory, reachability, teaching, load})
            if (!(w >= 0) || Double.isInfinite(w))
                throw new IllegalArgumentException("mentor score weights must be finite and >= 0");
        if (skill + trajectory + reachability + teaching + load <= 0)
            throw new IllegalArgumentException("at least one mentor score weight must be > 0");
    }

    /** The defaults: skills first, then the network, the path, teaching and load. */
    public static MentorScore defaults() {
        return new MentorScore(0.35, 0.2, 0.25, 0.1, 0.1);
    }

    /** Rarity weight r(s) of a skill held by {@code holders} of {@code n} people. */
    public static double rarity(int holders, int n) {
        return 1 + Math.log((n + 1.0) / (holders + 1.0));
    }

    /** Reachability x_r from the hop count over strong ties (1..3, or 0 for none) and the Adamic–Adar index. */
    public static double reachability(int hops, double adamicAdar) {
        return switch (hops) {
            case 1 -> 1.0;
            case 2 -> 0.5 + 0.4 * (1 - Math.exp(-adamicAdar));
            case 3 -> 0.3;
            default -> 0.0;
        };
    }

    /** Teaching x_e from the number of teaching interactions started. */
    public static double teaching(double interactions) {
        return interactions / (interactions + 5.0);
    }

    /** Load x_l from free places, capacity and whether the mentor is a top connector. */
    public static double load(int free, int capacity, boolean topConnector) {
        if (capacity <= 0) return 0;
        return (double) free / capacity * (topConnector ? 0.5 : 1.0);
    }

    /**
     * The score. {@code skillOn}/{@code trajectoryOn}/{@code teachingOn} say whether those components apply; NaN-free
     * for any components in [0, 1].
     */
    public double score(
            double skillFit,
            boolean skillOn,
            double trajectoryFit,
            boolean trajectoryOn,
            double reach,
            double teachingFit,
            boolean teachingOn,
            double loadFit) {
        double num = reachability * reach + load * loadFit, den = reachability + load;
        if (skillOn) {
            num += skill * skillFit;
            den += skill;
        }
        if (trajectoryOn) {
            num += trajectory * trajectoryFit;
            den += trajectory;
        }
        if (teachingOn) {
            num += teaching * teachingFit;
            den += teaching;
        }
        return den <= 0 ? 0 : Math.min(100, Math.max(0, 100 * num / den));
    }
}
