package org.mentorshipgraph.neo4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToIntFunction;

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
 *
 * <p>A {@link Layout} is the same split without the rows: it says which (round, lane) a row belongs to, so that a
 * stream of rows can be written a slice at a time ({@code BatchExecutor.stream}) with the same guarantee.
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
        return Layout.single().plan(rows);
    }

    /** One round of {@code lanes} lanes; rows with the same key are in the same lane. */
    public static WritePlan byKey(
            List<Map<String, Object>> rows, Function<Map<String, Object>, Object> key, int lanes) {
        return Layout.byKey(key, lanes).plan(rows);
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
        return Layout.disjointPairs(a, b, lanes).plan(rows);
    }

    /**
     * Which cell (round, lane) of a plan a row belongs to, for rows that are not all at hand: {@code cellOf(row)} is
     * {@code round * lanes() + lane}.
     */
    public static final class Layout {
        private final int rounds;
        private final int lanes;
        private final ToIntFunction<Map<String, Object>> cell;

        private Layout(int rounds, int lanes, ToIntFunction<Map<String, Object>> cell) {
            this.rounds = rounds;
            this.lanes = lanes;
            this.cell = cell;
        }

        public int rounds() {
            return rounds;
        }

        public int lanes() {
            return lanes;
        }

        /** {@code rounds() * lanes()} */
        public int cells() {
            return rounds * lanes;
        }

        /** {@code round * lanes() + lane} of the row. */
        public int cellOf(Map<String, Object> row) {
            return cell.applyAsInt(row);
        }

        /** The rows placed in their cells. */
        public WritePlan plan(List<Map<String, Object>> rows) {
            List<List<List<Map<String, Object>>>> out = new ArrayList<>(rounds);
            for (int r = 0; r < rounds; r++) {
                List<List<Map<String, Object>>> round = new ArrayList<>(lanes);
                for (int i = 0; i < lanes; i++) round.add(new ArrayList<>(rows.size() / cells() + 16));
                out.add(round);
            }
            for (Map<String, Object> row : rows) {
                int c = cellOf(row);
                out.get(c / lanes).get(c % lanes).add(row);
            }
            return new WritePlan(out);
        }

        /** One round of one lane. */
        public static Layout single() {
            return new Layout(1, 1, row -> 0);
        }

        /** One round of {@code lanes} lanes; rows with the same key are in the same lane. */
        public static Layout byKey(Function<Map<String, Object>, Object> key, int lanes) {
            if (lanes <= 1) return single();
            return new Layout(1, lanes, row -> group(key.apply(row), lanes));
        }

        /** {@code 2P} rounds of {@code P} lanes; within a round no two lanes share an endpoint (see the class comment). */
        public static Layout disjointPairs(
                Function<Map<String, Object>, Object> a, Function<Map<String, Object>, Object> b, int lanes) {
            if (lanes <= 1) return single();
            int k = 2 * lanes;
            int[][] cellOf = new int[k][k];
            // circle method: group k-1 is fixed, the others rotate; round r pairs (k-1, r) and (r+i, r-i) mod (k-1)
            for (int r = 0; r < k - 1; r++) {
                place(cellOf, k - 1, r, r * lanes);
                for (int i = 1; i < lanes; i++) {
                    place(cellOf, Math.floorMod(r + i, k - 1), Math.floorMod(r - i, k - 1), r * lanes + i);
                }
            }
            for (int g = 0; g < k; g++) place(cellOf, g, g, (k - 1) * lanes + g / 2);
            return new Layout(k, lanes, row -> cellOf[group(a.apply(row), k)][group(b.apply(row), k)]);
        }

        private static void place(int[][] cellOf, int g, int h, int cell) {
            cellOf[g][h] = cellOf[h][g] = cell;
        }
    }

    /** A well-mixed hash of the key into {@code [0, groups)}. */
    static int group(Object key, int groups) {
        int h = key == null ? 0 : key.hashCode();
        h *= 0x9E3779B9;
        h ^= h >>> 16;
        return Math.floorMod(h, groups);
    }
}
