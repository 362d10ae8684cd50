package org.mentorshipgraph.ingest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.mentorshipgraph.failures.JobFailure;
import org.mentorshipgraph.progress.Progress;
import org.mentorshipgraph.progress.StepResult;

/**
 * The ingest step: reads the interactions (only the day partitions the look-back needs), the people directory and
 * the mentorships, absences and positions, reads every person id in them by one rule ({@link PersonIds}) and counts
 * what it changed and merged, checks every row against the data contract, and fails the run (exit 3) when the input is unusable
 * or more than the allowed share of it is quarantined. Nothing is collected: the interactions and the directory stay
 * Spark Datasets; the mentorships are a short list.
 */
public final class Ingest {
    private Ingest() {}

    /**
     * What the step reads and the limits it checks.
     *
     * @param from the first day partition to read (the day before the look-back starts)
     * @param ids the rule every person id of every input is read by ({@code input.ids-case})
     */
    public record Parameters(
            String interactions,
            String people,
            String mentorships,
            String absences,
            String positions,
            LocalDate from,
            LocalDate asOf,
            long lookbackStartMs,
            long asOfEndMs,
            double maxRejectedShare,
            boolean csvMultiline,
            PersonIds ids) {}

    /** What was read and checked. */
    public record Ingested(
            InteractionContract.CheckedInteractions interactions,
            DirectoryReader.People people,
            DirectoryReader.Mentorships mentorships,
            DirectoryReader.Absences absences,
            DirectoryReader.Positions positions,
            Map<String, Object> interactionsInput,
            PersonIds.Census ids)
            implements StepResult {

        /** Every quarantined row of every input ({@link DirectoryReader#REJECTED}), interactions first. */
        public Dataset<Row> rejected(SparkSession spark) {
            List<Row> others = new ArrayList<>();
            for (RejectedRow r : mentorships.rejected()) {
                others.add(org.apache.spark.sql.RowFactory.create(r.input(), r.file(), r.reason(), r.record()));
            }
            for (RejectedRow r : positions.rejected()) {
                others.add(org.apache.spark.sql.RowFactory.create(r.input(), r.file(), r.reason(), r.record()));
            }
            for (RejectedRow r : absences.rejected()) {
                others.add(org.apache.spark.sql.RowFactory.create(r.input(), r.file(), r.reason(), r.record()));
            }
            return interactions
                    .rejected()
                    .union(people.rejected())
                    .union(spark.createDataFrame(others, DirectoryReader.REJECTED));
        }

        @Override
        public String summary() {
            InteractionContract.CheckedInteractions i = interactions;
            return String.format(
                    Locale.ROOT,
                    "%,d rows read, %,d valid, %,d quarantined %s, %,d duplicates, %,d after the as-of date, %,d before the look-back",
                    i.rowsRead(),
                    i.validRows(),
                    i.rejectedRows(),
                    i.rejectedByReason(),
                    i.duplicateRows(),
                    i.afterAsOfRows(),
                    i.beforeLookbackRows());
        }

        @Override
        public long rows() {
            return interactions.rowsRead();
        }

        @Override
        public Map<String, Object> counts() {
            InteractionContract.CheckedInteractions c = interactions;
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("interaction_rows_read", c.rowsRead());
            m.put("interactions_valid", c.validRows());
            m.put("interactions_rejected", c.rejectedRows());
            m.put("rejected_by_reason", c.rejectedByReason());
            m.put("interaction_duplicates", c.duplicateRows());
            m.put("interactions_after_as_of", c.afterAsOfRows());
            m.put("interactions_before_lookback", c.beforeLookbackRows());
            m.put("directory_people", people.people());
            m.put("directory_rejected", people.rejectedRows());
            m.put("mentorships", mentorships.all().size());
            m.put("mentorships_rejected", mentorships.rejected().size());
            if (positions.given()) {
                m.put("positions", positions.all().size());
                m.put("positions_rejected", positions.rejected().size());
            }
            if (absences.given()) {
                m.put("absences_declared", absences.all().size());
                m.put("absences_rejected", absences.rejected().size());
            }
            m.putAll(ids.counts());
            return m;
        }
    }

    public static Ingested run(SparkSession spark, Parameters p, Progress progress) {
        org.mentorshipgraph.storage.Location path =
                org.mentorshipgraph.storage.Storage.of(spark).at(p.interactions());
        InteractionReader.RawInteractions raw =
                InteractionReader.read(spark, path, p.from(), p.asOf(), p.csvMultiline());
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("path", path.toString());
        input.put("format", raw.format().name());
        input.put("day_partitions_read", raw.partitionsRead());
        input.put("day_partitions_total", raw.partitionsTotal());
        for (String note : raw.notes()) progress.warn("%s", note);
        InteractionContract.CheckedInteractions checked;
        try {
            checked = InteractionContract.check(
                    spark,
                    raw.rows(),
                    p.lookbackStartMs(),
                    p.asOfEndMs(),
                    System.currentTimeMillis(),
                    raw.partitioned(),
                    raw.format(),
                    p.ids());
        } catch (Exception e) { // Spark's own exceptions are checked ones, thrown undeclared
            JobFailure explained = InteractionReader.explainReadFailure(e, path);
            if (explained != null) throw explained;
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e.getMessage(), e);
        }
        if (checked.beforeLookbackRows() * 2 > checked.rowsRead())
            progress.warn(
                    "%,d of %,d interaction rows (%.0f%%) are before the look-back, which starts %s "
                            + "(ties.lookback-days = %d before the as-of date %s), and do not count: if the log's "
                            + "history should, give --lookback-days N; if the log grows every night, partition it "
                            + "by date=YYYY-MM-DD/ so that a run reads only the days it needs",
                    checked.beforeLookbackRows(),
                    checked.rowsRead(),
                    100.0 * checked.beforeLookbackRows() / checked.rowsRead(),
                    day(p.lookbackStartMs()),
                    lookbackDays(p),
                    p.asOf());
        List<Dataset<Row>> idForms = new ArrayList<>(List.of(checked.idForms()));
        DirectoryReader.People people = DirectoryReader.readPeople(spark, p.people(), p.ids(), idForms);
        DirectoryReader.Mentorships mentorships =
                DirectoryReader.readMentorships(spark, p.mentorships(), p.ids(), idForms);
        DirectoryReader.Absences absences = DirectoryReader.readAbsences(spark, p.absences(), p.ids(), idForms);
        DirectoryReader.Positions positions = DirectoryReader.readPositions(spark, p.positions(), p.ids(), idForms);
        long t0 = System.nanoTime();
        PersonIds.Census census = p.ids().census(idForms);
        progress.info(
                "  ingest ids: %,d raw id(s) changed by the id rule (%s), %,d id(s) written several ways, in %.1f s",
                census.changed(), p.ids().describe(), census.mergedIds(), (System.nanoTime() - t0) / 1e9);
        for (String w : census.warnings()) progress.warn("ids: %s", w);
        return new Ingested(checked, people, mentorships, absences, positions, input, census);
    }

    /**
     * Fails the run (exit 3) when the interactions have no rows, no valid row in the look-back, or more than
     * {@code input.max-rejected-share} of them quarantined. Called after the step, so that its counts are in the
     * failed run's record.
     */
    public static void requireUsable(Ingested in, Parameters p) {
        InteractionContract.CheckedInteractions c = in.interactions();
        if (c.rowsRead() == 0) throw JobFailure.input("interactions: no rows in " + p.interactions());
        double share = (double) c.rejectedRows() / c.rowsRead();
        if (share > p.maxRejectedShare()) {
            throw JobFailure.input(String.format(
                    Locale.ROOT,
                    "%.2f%% of interaction rows were quarantined (%,d of %,d; limit input.max-rejected-share=%.2f%%): %s. "
                            + "Fix the input, or raise the limit if this is expected.",
                    share * 100,
                    c.rejectedRows(),
                    c.rowsRead(),
                    p.maxRejectedShare() * 100,
                    c.rejectedByReason()));
        }
        if (c.validRows() == 0)
            throw JobFailure.input(String.format(
                    Locale.ROOT,
                    "interactions: no valid rows in the look-back window %s .. %s of %s (%,d rows before it, %,d after "
                            + "the as-of date, %,d quarantined): give the run date of your data with --as-of, or a "
                            + "longer --lookback-days",
                    day(p.lookbackStartMs()),
                    p.asOf(),
                    p.interactions(),
                    c.beforeLookbackRows(),
                    c.afterAsOfRows(),
                    c.rejectedRows()));
    }

    private static LocalDate day(long ms) {
        return LocalDate.ofEpochDay(Math.floorDiv(ms, 86_400_000L));
    }

    private static long lookbackDays(Parameters p) {
        return Math.round((p.asOfEndMs() - p.lookbackStartMs()) / 86_400_000.0);
    }
}
