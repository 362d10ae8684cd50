package org.mentorshipgraph.algorithms.mentoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded mentoring-programme instances for tests and benchmarks (test code; reaches the tools module's benchmark
 * through the algorithms test-jar).
 *
 * <ul>
 *   <li>{@link #small}: a few mentees and mentors, random sparse pairs, for brute force.</li>
 *   <li>{@link #organisation}: shaped like a large organisation's programme. Mentor popularity is Zipf-like
 *       (the r-th most popular mentor is asked with weight 1 / r by default), each mentee lists
 *       {@code pairsPerMentee} distinct mentors drawn by popularity, capacities are 1..3 (mean 2), and a pair's
 *       score is 1 + 99 · (0.5 · q + 0.5 · u), q = 1 − ln(1 + r) / ln(1 + K) the mentor's standing (1 for the most
 *       popular, falling with rank r) and u uniform: popular mentors are both asked most and scored highest, so
 *       they are oversubscribed many times. Mentor ids are shuffled, so popularity does not follow the index.</li>
 * </ul>
 */
public final class ProgrammeInstances {
    private ProgrammeInstances() {}

    /** An instance: pair p is (mentee[p], mentor[p], score[p]). */
    public record Instance(int mentees, int[] capacity, int[] mentee, int[] mentor, double[] score) {
        public List<ProgrammeMatching.Pair> pairs() {
            List<ProgrammeMatching.Pair> out = new ArrayList<>(mentee.length);
            for (int p = 0; p < mentee.length; p++) out.add(new ProgrammeMatching.Pair(mentee[p], mentor[p], score[p]));
            return out;
        }

        public ProgrammeMatching.Assignment solve() {
            return ProgrammeMatching.solve(mentees, capacity, mentee, mentor, score);
        }

        public int mentors() {
            return capacity.length;
        }
    }

    /**
     * Up to {@code maxMentees} mentees and 1..{@code maxMentors} mentors, capacities 0..{@code maxCapacity}, each
     * pair present with a random density; scores either whole numbers 1..5 (many ties) or uniform in (0, 100].
     */
    public static Instance small(long seed, int maxMentees, int maxMentors, int maxCapacity) {
        SplittableRandom random = new SplittableRandom(seed);
        int mentees = random.nextInt(maxMentees + 1);
        int mentors = 1 + random.nextInt(maxMentors);
        int[] capacity = new int[mentors];
        for (int j = 0; j < mentors; j++) capacity[j] = random.nextInt(maxCapacity + 1);
        double density = random.nextDouble();
        boolean ties = random.nextBoolean();
        Builder b = new Builder();
        for (int i = 0; i < mentees; i++) {
            for (int j = 0; j < mentors; j++) {
                if (random.nextDouble() < density) {
                    b.add(i, j, ties ? 1 + random.nextInt(5) : 100 * (1 - random.nextDouble()));
                }
            }
        }
        return b.build(mentees, capacity);
    }

    /** A Zipf-shaped programme (exponent 1); see the class comment. */
    public static Instance organisation(int mentees, int mentors, int pairsPerMentee, long seed) {
        return organisation(mentees, mentors, pairsPerMentee, 1.0, seed);
    }

    /**
     * The same with popularity 1 / r<sup>{@code zipf}</sup> for the r-th mentor: 0 is uniform (every mentor asked
     * about equally often, scores still highest for the best-standing mentors).
     */
    public static Instance organisation(int mentees, int mentors, int pairsPerMentee, double zipf, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] capacity = new int[mentors];
        for (int j = 0; j < mentors; j++) capacity[j] = 1 + random.nextInt(3);
        // rank r (0 = most popular) -> mentor id, shuffled
        int[] mentorOfRank = new int[mentors];
        for (int r = 0; r < mentors; r++) mentorOfRank[r] = r;
        for (int r = mentors - 1; r > 0; r--) {
            int s = random.nextInt(r + 1);
            int t = mentorOfRank[r];
            mentorOfRank[r] = mentorOfRank[s];
            mentorOfRank[s] = t;
        }
        double[] cumulative = new double[mentors];
        double sum = 0;
        for (int r = 0; r < mentors; r++) cumulative[r] = sum += Math.pow(r + 1, -zipf);
        double[] standing = new double[mentors];
        for (int r = 0; r < mentors; r++) standing[r] = 1 - Math.log1p(r) / Math.log1p(mentors);
        int k = Math.min(pairsPerMentee, mentors);
        Builder b = new Builder();
        int[] chosen = new int[k];
        for (int i = 0; i < mentees; i++) {
            int c = 0;
            while (c < k) {
                int r = Arrays.binarySearch(cumulative, random.nextDouble() * sum);
                r = r >= 0 ? r : Math.min(-r - 1, mentors - 1);
                boolean seen = false;
                for (int x = 0; x < c; x++) seen |= chosen[x] == r;
                if (seen) continue;
                chosen[c++] = r;
                b.add(i, mentorOfRank[r], 1 + 99 * (0.5 * standing[r] + 0.5 * random.nextDouble()));
            }
        }
        return b.build(mentees, capacity);
    }

    private static final class Builder {
        private int[] mentee = new int[16];
        private int[] mentor = new int[16];
        private double[] score = new double[16];
        private int size;

        void add(int i, int j, double s) {
            if (size == mentee.length) {
                mentee = Arrays.copyOf(mentee, 2 * size);
                mentor = Arrays.copyOf(mentor, 2 * size);
                score = Arrays.copyOf(score, 2 * size);
            }
            mentee[size] = i;
            mentor[size] = j;
            score[size++] = s;
        }

        Instance build(int mentees, int[] capacity) {
            return new Instance(
                    mentees,
                    capacity,
                    Arrays.copyOf(mentee, size),
                    Arrays.copyOf(mentor, size),
                    Arrays.copyOf(score, size));
        }
    }
}
