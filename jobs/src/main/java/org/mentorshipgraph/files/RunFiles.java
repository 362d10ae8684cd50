package org.mentorshipgraph.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.mentorshipgraph.ingest.RejectedRow;

/**
 * The files of one run. Everything is written into a hidden staging folder beside {@code OUT/runs/<as-of>/} and
 * moved into place at the end, so a reader never sees half a run and a failed run leaves the previous one intact.
 */
public final class RunFiles {
    private final Path runsDir;
    private final String runId;
    private final Path staging;

    public RunFiles(Path outputDir, String runId) {
        this.runsDir = outputDir.resolve("runs");
        this.runId = runId;
        this.staging = runsDir.resolve(".staging-" + runId + "-" + UUID.randomUUID());
        try {
            Files.createDirectories(staging);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create output folder " + staging, e);
        }
    }

    /** Where files go while the run writes them. */
    public Path staging() {
        return staging;
    }

    /** Where the run's files are once published. */
    public Path published() {
        return runsDir.resolve(runId);
    }

    public void writeCsv(Table table, String fileName) {
        try (CsvWriter w = new CsvWriter(staging.resolve(fileName), table.columnNames())) {
            for (Object[] r : table.rows()) w.row(r);
        }
    }

    /** Writes the table as a Parquet folder (one part file) named {@code <name>.parquet}. */
    public void writeParquet(SparkSession spark, Table table) {
        List<StructField> fields = new ArrayList<>();
        for (Table.Column c : table.columns())
            fields.add(DataTypes.createStructField(c.name(), sparkType(c.type()), true));
        List<Row> rows = new ArrayList<>(table.rows().size());
        for (Object[] r : table.rows()) rows.add(RowFactory.create(r));
        spark.createDataFrame(rows, DataTypes.createStructType(fields))
                .coalesce(1)
                .write()
                .mode("overwrite")
                .parquet(staging.resolve(table.name() + ".parquet").toString());
    }

    /** Writes rejected interactions (streamed from Spark) and rejected directory rows into one {@code rejected.csv}. */
    public long writeRejected(Dataset<Row> rejectedInteractions, List<RejectedRow> others) {
        long n = 0;
        try (CsvWriter w =
                new CsvWriter(staging.resolve("rejected.csv"), List.of("input", "file", "reason", "record"))) {
            Iterator<Row> it = rejectedInteractions.toLocalIterator();
            while (it.hasNext()) {
                Row r = it.next();
                w.row(r.getString(0), r.getString(1), r.getString(2), r.getString(3));
                n++;
            }
            for (RejectedRow r : others) {
                w.row(r.input(), r.file(), r.reason(), r.record());
                n++;
            }
        }
        return n;
    }

    /** Moves the staged run into place, replacing an earlier run of the same date. */
    public Path publish() {
        Path target = published();
        try {
            Path old = null;
            if (Files.exists(target)) {
                old = runsDir.resolve(".replaced-" + runId + "-" + UUID.randomUUID());
                Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            if (old != null) deleteTree(old);
            Json.writeAtomically(runsDir.resolve("latest.txt"), runId + "\n");
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot publish run folder " + target, e);
        }
    }

    /** Removes the staging folder of a run that failed before publishing. */
    public void discard() {
        deleteTree(staging);
    }

    static void deleteTree(Path p) {
        if (!Files.exists(p)) return;
        try (Stream<Path> s = Files.walk(p)) {
            s.sorted(Comparator.reverseOrder()).forEach(x -> {
                try {
                    Files.deleteIfExists(x);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static DataType sparkType(Table.Type t) {
        return switch (t) {
            case STRING -> DataTypes.StringType;
            case LONG -> DataTypes.LongType;
            case DOUBLE -> DataTypes.DoubleType;
            case BOOLEAN -> DataTypes.BooleanType;
        };
    }
}
