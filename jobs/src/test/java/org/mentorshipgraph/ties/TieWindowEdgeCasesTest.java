package org.mentorshipgraph.ties;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mentorshipgraph.ingest.InteractionContract;
import org.mentorshipgraph.ingest.InteractionReader;
import org.mentorshipgraph.testing.SparkTestSession;

/** Interactions exactly on window borders, offsets across midnight, and duplicate rows, from file to tie. */
class TieWindowEdgeCasesTest {
    static final long END = Instant.parse("2026-11-16T00:00:00Z").toEpochMilli(); // as-of 2026-11-15
    static final long DAY = 86_400_000L;
    static final TieAggregation.Windows W =
            new TieAggregation.Windows(END, END - 28 * DAY, END - 112 * DAY, END - 182 * DAY, 30);

    List<Tie> ties(Path dir, String csv) throws Exception {
        Path f = dir.resolve("i.csv");
        Files.writeString(f, "timestamp,source_id,target_id,channel\n" + csv);
        SparkSession spark = SparkTestSession.get();
        InteractionContract.CheckedInteractions c = InteractionContract.check(
                spark,
                InteractionReader.read(spark, f, null, null).rows(),
                W.lookbackStartMs(),
                END,
                Instant.parse("2026-11-24T00:00:00Z").toEpochMilli(),
                false);
        return Tie.collect(TieAggregation.ties(TieAggregation.pairs(c.valid(), Map.of()), W, 1));
    }

    @Test
    void bordersBelongToTheLaterWindowAndTheEndIsExclusive(@TempDir Path dir) throws Exception {
        List<Tie> t = ties(
                dir,
                String.join(
                                "\n",
                                "2026-10-19T00:00:00Z,a,b,chat", // exactly the start of R (2026-11-16 - 28 days)
                                "2026-10-18T23:59:59.999Z,a,b,chat", // the last instant of B
                                "2026-07-27T00:00:00Z,a,b,chat", // exactly the start of B
                                "2026-07-26T23:59:59Z,a,b,chat", // before B, inside the look-back
                                "2026-05-18T00:00:00Z,a,b,chat", // exactly the start of the look-back: counted
                                "2026-05-17T23:59:59Z,a,b,chat", // before the look-back: left out
                                "2026-11-16T00:00:00Z,a,b,chat")
                        + "\n"); // the end of the as-of day: after the run date, left out
        Tie ab = t.get(0);
        assertThat(ab.recentCount()).isEqualTo(1);
        assertThat(ab.baselineCount()).isEqualTo(2);
        assertThat(ab.beforeRecent()).isEqualTo(4);
        assertThat(ab.interactions()).isEqualTo(5);
    }

    @Test
    void offsetsAreMovedToUtcBeforeWindowsAndDaysAreCut(@TempDir Path dir) throws Exception {
        // 2026-10-19T01:30+02:00 is 2026-10-18T23:30Z: in B, not in R; the two contacts fall on one UTC day
        List<Tie> t = ties(dir, "2026-10-19T01:30:00+02:00,a,b,chat\n2026-10-18T10:00:00-05:00,a,b,chat\n");
        Tie ab = t.get(0);
        assertThat(ab.recentCount()).isZero();
        assertThat(ab.baselineCount()).isEqualTo(2);
        assertThat(ab.usualGapDays()).isNaN(); // 23:30Z and 15:00Z on 2026-10-18: a single contact day
    }

    @Test
    void exactDuplicateRowsCountOnceAndAOneInteractionTieIsKept(@TempDir Path dir) throws Exception {
        List<Tie> t = ties(
                dir,
                "2026-11-01T10:00:00Z,a,b,chat\n2026-11-01T10:00:00Z,a,b,chat\n2026-11-01T10:00:00Z,a,b,chat\n2026-11-02T10:00:00Z,c,d,call\n");
        assertThat(t).hasSize(2);
        assertThat(t.get(0).interactions()).isEqualTo(1);
        assertThat(t.get(1).personA()).isEqualTo("c");
        assertThat(t.get(1).interactions()).isEqualTo(1);
    }
}
