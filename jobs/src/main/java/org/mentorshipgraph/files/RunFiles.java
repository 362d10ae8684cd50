package org.mentorshipgraph.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

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

    /** Writes {@code table} as {@code <name>.csv} (one file, with a header) and {@code <name>.parquet/}. */
    public void writeTable(Dataset<Row> table, String name) {
        CsvTable.write(table, staging.resolve(name + ".csv"));
        table.write()
                .mode("overwrite")
                .parquet(staging.resolve(name + ".parquet").toString());
    }

    /** Writes the quarantined rows of every input ({@code input, file, reason, record}) into one {@code rejected.csv}. */
    public void writeRejected(Dataset<Row> rejected) {
        CsvTable.write(rejected, staging.resolve("rejected.csv"));
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

    /**
     * Removes what killed runs left in {@code OUT/runs/}: {@code .staging-*} and {@code .replaced-*} folders. Call it
     * only while holding the output directory's run lock: then no other run is writing there, so every such folder is
     * a dead run's.
     *
     * @return each folder removed, with its size in bytes
     */
    public static java.util.Map<Path, Long> removeStale(Path outputDir) {
        Path runs = outputDir.resolve("runs");
        java.util.Map<Path, Long> removed = new java.util.TreeMap<>();
        if (!Files.isDirectory(runs)) return removed;
        try (Stream<Path> s = Files.list(runs)) {
            for (Path p : s.toList()) {
                String name = p.getFileName().toString();
                if (!Files.isDirectory(p) || !(name.startsWith(".staging-") || name.startsWith(".replaced-"))) continue;
                long bytes;
                try (Stream<Path> files = Files.walk(p)) {
                    bytes = files.filter(Files::isRegularFile)
                            .mapToLong(f -> f.toFile().length())
                            .sum();
                }
                deleteTree(p);
                removed.put(p, bytes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean stale folders in " + runs, e);
        }
        return removed;
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
}
