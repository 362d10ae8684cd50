package org.mentorshipgraph.neo4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * How rows are spread over parallel writers so that transactions running at the same time never wait for each
 * other's locks: a plan is a list of rounds run one after the other; a round is a list of lanes run at the same time,
 * one writer each; a lane is a list of rows, written in batches in order.
 *
 * <p>Rows that lock one node (a person and their team) are split by a hash of that node's key: two lanes never share
 * a key. Rows that lock two nodes (a tie locks both people) use a grid: people fall into {@code k = 2P} groups by a
 * hash of their id, a tie belongs to the cell of its two groups, and the rounds are a round-robin tournament over the
 * groups (the circle method): in each round every group is in exactly one lane, so lanes running together touch
 * disjoint sets of people. Off-diagonal cells {g, h} take {@code k - 1} rounds of {@code P} lanes; the diagonal cells
 * {g, g} go in pairs in one more round. That is {@code 2P} rounds of {@code P} lanes of about {@code 1 / (2P²)} of
 * the ties each.
 */
public final class WritePlan {
    /** Rounds, each a list of lanes, each a list of rows. */
    private final List<List<List<Map<String, Object>>>> rounds;

    private WritePlan(List<List<List<Map<String, Object>>>> rounds) {
        this.rounds = rounds;
    }

    public List<List<List<Map<String, Object>>>> rounds() {
        return rounds;
    }

    public long rows() {
        return rounds.stream().flatMap(List::stream).mapToLong(List::size).sum();
    }

    /** All rows in one lane. */
    public static WritePlan single(List<Map<String, Object>> rows) {
        return new WritePlan(List.of(List.of(rows)));
    }

    /** One round of {@code lanes} lanes; rows with the same key are in the same lane. */
    public static WritePlan byKey(
            List<Map<String, Object>> rows, Function<Map<String, Object>, Object> key, int lanes) {
        if (lanes <= 1) return single(rows);
        List<List<Map<String, Object>>> out = new ArrayList<>(lanes);
        for (int i = 0; i < lanes; i++) out.add(new ArrayList<>(rows.size() / lanes + 16));
        for (Map<String, Object> row : rows)
            out.get(group(key.apply(row), lanes)).add(row);
        return new WritePlan(List.of(out));
    }

    /**
     * {@code 2P} rounds of {@code P} lanes; within a round no two lanes share an endpoint (see the class comment).
     *
     * @param a one endpoint's key, {@code b} the other's
     */
    public static WritePlan disjointPairs(
            List<Map<String, Object>> rows,
            Function<Map<String, Object>, Object> a,
            Function<Map<String, Object>, Object> b,
            int lanes) {
        if (lanes <= 1) return single(rows);
        int k = 2 * lanes;
        int[][] roundOf = new int[k][k];
        int[][] laneOf = new int[k][k];
        // circle method: group k-1 is fixed, the others rotate; round r pairs (k-1, r) and (r+i, r-i) mod (k-1)
        for (int r = 0; r < k - 1; r++) {
            place(roundOf, laneOf, k - 1, r, r, 0);
            for (int i = 1; i < lanes; i++) {
                place(roundOf, laneOf, Math.floorMod(r + i, k - 1), Math.floorMod(r - i, k - 1), r, i);
            }
        }
        for (int g = 0; g < k; g++) place(roundOf, laneOf, g, g, k - 1, g / 2);

        List<List<List<Map<String, Object>>>> rounds = new ArrayList<>(k);
        for (int r = 0; r < k; r++) {
            List<List<Map<String, Object>>> round = new ArrayList<>(lanes);
            for (int i = 0; i < lanes; i++) round.add(new ArrayList<>(rows.size() / (k * lanes) + 16));
            rounds.add(round);
        }
        for (Map<String, Object> row : rows) {
            int g = group(a.apply(row), k), h = group(b.apply(row), k);
            rounds.get(roundOf[g][h]).get(laneOf[g][h]).add(row);
        }
        return new WritePlan(rounds);
    }

    private static void place(int[][] roundOf, int[][] laneOf, int g, int h, int round, int lane) {
        roundOf[g][h] = roundOf[h][g] = round;
        laneOf[g][h] = laneOf[h][g] = lane;
    }

    /** A well-mixed hash of the key into {@code [0, groups)}. */
    static int group(Object key, int groups) {
        int h = key == null ? 0 : key.hashCode();
        h *= 0x9E3779B9;
        h ^= h >>> 16;
        return Math.floorMod(h, groups);
    }
}
