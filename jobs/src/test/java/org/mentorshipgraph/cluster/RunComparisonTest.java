package org.mentorshipgraph.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the cluster test accepts as "the same output", and what it does not. */
class RunComparisonTest {

    @Test
    void aLastDigitRoundedTheOtherWayIsTheSameNumber() {
        assertThat(RunComparison.sameText(
                        "0.37/week recently vs 0.57/week before", "0.38/week recently vs 0.57/week before"))
                .isTrue();
        assertThat(RunComparison.closeNumbers("1.92187", "1.92188")).isTrue();
        assertThat(RunComparison.closeNumbers("0.4", "0.39999")).isTrue();
        assertThat(RunComparison.closeNumbers("1.5e-05", "1.6e-05")).isTrue();
    }

    @Test
    void realDifferencesAreNot() {
        assertThat(RunComparison.sameText("0.37/week recently", "0.39/week recently"))
                .isFalse();
        assertThat(RunComparison.sameText("0.37/week recently", "0.37/day recently"))
                .isFalse();
        assertThat(RunComparison.closeNumbers("231", "232"))
                .as("ranks and counts must be equal")
                .isFalse();
        assertThat(RunComparison.closeNumbers("1.92187", "1.92189")).isFalse();
        assertThat(RunComparison.close(1.0, 1.0 + 1e-8, RunComparison.TOLERANCE))
                .isFalse();
        assertThat(RunComparison.close(1e6, 1e6 + 1e-4, RunComparison.TOLERANCE))
                .isTrue();
    }

    @Test
    void csvFilesCompareAsRowSets(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a.csv"), b = dir.resolve("b.csv"), c = dir.resolve("c.csv");
        Files.writeString(
                a, "person_a,person_b,strength,status_reason\np1,p2,3.4247,\"0.37/week, recently\"\np1,p3,1.5,x\n");
        Files.writeString(
                b, "person_a,person_b,strength,status_reason\np1,p3,1.5,x\np1,p2,3.4248,\"0.38/week, recently\"\n");
        Files.writeString(
                c, "person_a,person_b,strength,status_reason\np1,p3,1.5,x\np1,p2,3.5,\"0.37/week, recently\"\n");
        assertThat(RunComparison.csv(a, a)).isEqualTo("identical");
        assertThat(RunComparison.csv(a, b)).isEqualTo("equal as row sets, 2 field(s) differ within tolerance");
        assertThatThrownBy(() -> RunComparison.csv(a, c))
                .hasMessageContaining("row p1, column strength: 3.4247 vs 3.5");
    }

    @Test
    void csvQuotingFollowsRfc4180() {
        assertThat(RunComparison.parseCsv("a,b\n\"x,\"\"y\"\"\nz\",2\n"))
                .containsExactly(List.of("a", "b"), List.of("x,\"y\"\nz", "2"));
    }
}
