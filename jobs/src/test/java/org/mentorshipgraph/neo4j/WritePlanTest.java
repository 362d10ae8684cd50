package org.mentorshipgraph.neo4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WritePlanTest {

    static List<Map<String, Object>> pairs(int n, int people, long seed) {
        Random r = new Random(seed);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int a = r.nextInt(people), b = r.nextInt(people);
            if (a == b) continue;
            rows.add(Map.of("a", "p" + Math.min(a, b), "b", "p" + Math.max(a, b), "i", i));
        }
        return rows;
    }

    @Test
    void lanesThatRunTogetherNeverShareAPersonAndEveryTieIsWrittenOnce() {
        for (int lanes = 1; lanes <= 5; lanes++) {
            List<Map<String, Object>> rows = pairs(20_000, 3_000, lanes);
            WritePlan plan = WritePlan.disjointPairs(rows, r -> r.get("a"), r -> r.get("b"), lanes);
            assertThat(plan.rounds()).hasSize(lanes == 1 ? 1 : 2 * lanes);
            Set<Object> written = new HashSet<>();
            for (List<List<Map<String, Object>>> round : plan.rounds()) {
                assertThat(round.size()).isLessThanOrEqualTo(lanes);
                Set<Object> seenInRound = new HashSet<>();
                for (List<Map<String, Object>> lane : round) {
                    Set<Object> people = new HashSet<>();
                    for (Map<String, Object> row : lane) {
                        people.add(row.get("a"));
                        people.add(row.get("b"));
                        assertThat(written.add(row.get("i"))).as("written once").isTrue();
                    }
                    for (Object p : people)
                        assertThat(seenInRound.add(p))
                                .as("person %s in two lanes of a round", p)
                                .isTrue();
                }
            }
            assertThat(written).hasSize(rows.size());
            assertThat(plan.rows()).isEqualTo(rows.size());
        }
    }

    @Test
    void lanesOfARoundAreOfSimilarSize() {
        List<Map<String, Object>> rows = pairs(200_000, 40_000, 7);
        WritePlan plan = WritePlan.disjointPairs(rows, r -> r.get("a"), r -> r.get("b"), 2);
        for (List<List<Map<String, Object>>> round : plan.rounds()) {
            int min = round.stream().mapToInt(List::size).min().orElseThrow();
            int max = round.stream().mapToInt(List::size).max().orElseThrow();
            assertThat((double) min / max).isGreaterThan(0.9);
            assertThat(max).isBetween(rows.size() / 8 - rows.size() / 50, rows.size() / 8 + rows.size() / 50);
        }
    }

    @Test
    void rowsWithTheSameKeyShareALane() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) rows.add(Map.of("team", "t" + (i % 97), "i", i));
        WritePlan plan = WritePlan.byKey(rows, r -> r.get("team"), 3);
        assertThat(plan.rounds()).hasSize(1);
        Set<Object> teams = new HashSet<>();
        for (List<Map<String, Object>> lane : plan.rounds().get(0)) {
            Set<Object> laneTeams = new HashSet<>();
            lane.forEach(r -> laneTeams.add(r.get("team")));
            for (Object t : laneTeams) assertThat(teams.add(t)).isTrue();
        }
        assertThat(plan.rows()).isEqualTo(5_000);
    }
}
