package org.mentorshipgraph.files;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.mentorshipgraph.storage.Location;
import org.mentorshipgraph.storage.StoreKind;

/**
 * The files of one run, written aside and published at the end, so a reader never sees half a run and a failed run
 * leaves the previous good run of that date visible. How a run is published depends on the store
 * ({@link StoreKind}):
 *
 * <ul>
 *   <li><b>A local disk or HDFS</b> (atomic rename): the run is written into a hidden {@code OUT/runs/.staging-<as-of>-<uuid>/}
 *       and renamed to {@code OUT/runs/<as-of>/} (an earlier run of that date is first renamed aside, then removed).
 *   <li><b>An object store</b> (S3 and the like, where renaming a folder copies every object): the run is written
 *       into its own attempt folder {@code OUT/runs/<as-of>/attempt-<UTC time>-<id>/} and published by one small
 *       object, {@code OUT/runs/<as-of>/}{@value RunFolders#MANIFEST}, which names the committed attempt and lists its
 *       files with their sizes. An object appears whole when written, so readers see the previous manifest or the new
 *       one; an uncommitted attempt is invisible to every reader that follows {@link RunFolders}. Superseded and failed
 *       attempts are removed by the next run, under the lock (so a reader still reading yesterday's attempt is not cut
 *       off mid-way).
 * </ul>
 *
 * Then {@code OUT/runs/latest.txt} names the newest date (replaced atomically: a rename, or one PUT).
 */
public final class RunFiles {
    private final Location runsDir;
    private final String runId;
    private final Location staging;
    private final boolean manifest;

    public RunFiles(Location outputDir, String runId) {
        this.runsDir = outputDir.child("runs");
        this.runId = runId;
        this.manifest = outputDir.kind() == StoreKind.OBJECT_STORE;
        this.staging = manifest
                ? runsDir.child(runId).child(RunFolders.ATTEMPT_PREFIX + attemptStamp())
                : runsDir.child(".staging-" + runId + "-" + UUID.randomUUID());
        try {
            staging.mkdirs();
        } catch (java.io.UncheckedIOException e) {
            throw new java.io.UncheckedIOException("cannot create the run's folder " + e.getMessage(), e.getCause());
        }
    }

    private static String attemptStamp() {
        return DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                        .withZone(ZoneOffset.UTC)
                        .format(Instant.now())
                + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Where files go while the run writes them. */
    public Location staging() {
        return staging;
    }

    /** The folder of every run ({@code OUT/runs}), for the report's history. */
    public Location runsDir() {
        return runsDir;
    }

    /** Writes {@code table} as {@code <name>.csv} (one file, with a header) and {@code <name>.parquet/}. */
    public void writeTable(Dataset<Row> table, String name) {
        CsvTable.write(table, staging.child(name + ".csv"));
        table.write().mode("overwrite").parquet(staging.child(name + ".parquet").uri());
    }

    /** Writes the quarantined rows of every input ({@code input, file, reason, record}) into one {@code rejected.csv}. */
    public void writeRejected(Dataset<Row> rejected) {
        CsvTable.write(rejected, staging.child("rejected.csv"));
    }

    /** Publishes the staged run, replacing an earlier run of the same date; returns where readers find it. */
    public Location publish() {
        if (manifest) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("as_of", runId);
            m.put("attempt", staging.name());
            m.put("committed_at", Instant.now().toString());
            Map<String, Object> files = new TreeMap<>();
            for (Location f : staging.children()) files.put(f.name(), f.isDirectory() ? f.totalBytes() : f.length());
            m.put("files", files);
            runsDir.child(runId).child(RunFolders.MANIFEST).replaceAtomically(Json.write(m) + "\n");
        } else {
            Location target = runsDir.child(runId);
            Location old = null;
            if (target.exists()) {
                old = runsDir.child(".replaced-" + runId + "-" + UUID.randomUUID());
                if (!target.renameTo(old))
                    throw new java.io.UncheckedIOException(
                            new java.io.IOException("cannot move the earlier run " + target + " aside"));
            }
            if (!staging.renameTo(target))
                throw new java.io.UncheckedIOException(
                        new java.io.IOException("cannot publish run folder " + target + " (rename failed)"));
            if (old != null) old.delete();
        }
        runsDir.child(RunFolders.LATEST).replaceAtomically(runId + "\n");
        return published();
    }

    /** Where the run's files are once published. */
    public Location published() {
        return manifest ? staging : runsDir.child(runId);
    }

    /**
     * Keeps the record of a failed run in {@code OUT/failed/<as-of>_<ms>/}: on a renaming store the whole staged
     * folder (with whatever it wrote), on an object store the record alone (the attempt is removed: moving it would
     * copy every object).
     *
     * @return where the record is
     */
    public Location keepFailed(String asOf, String runJson) {
        Location failedDir = runsDir.parent().child("failed");
        Location target = failedDir.child(asOf + "_" + System.currentTimeMillis());
        staging.child("run.json").replaceAtomically(runJson);
        if (manifest) {
            target.child("run.json").replaceAtomically(runJson);
            staging.delete();
        } else {
            failedDir.mkdirs();
            if (!staging.renameTo(target))
                throw new java.io.UncheckedIOException(
                        new java.io.IOException("cannot move " + staging + " to " + target));
        }
        return target;
    }

    /**
     * Removes what killed, failed or superseded runs left in {@code OUT/runs/}: {@code .staging-*} and
     * {@code .replaced-*} folders, and attempt folders that their date's manifest does not name. Call it only while
     * holding the output directory's run lock: then no other run is writing there.
     *
     * @return each folder removed, with its size in bytes
     */
    public static Map<Location, Long> removeStale(Location outputDir) {
        Location runs = outputDir.child("runs");
        Map<Location, Long> removed = new TreeMap<>(java.util.Comparator.comparing(Location::uri));
        for (Location p : runs.childFolders()) {
            String name = p.name();
            if (name.startsWith(".staging-") || name.startsWith(".replaced-")) {
                removed.put(p, p.totalBytes());
                p.delete();
            } else if (RunFolders.isDate(name) && outputDir.kind() == StoreKind.OBJECT_STORE) {
                String committed = RunFolders.committedAttempt(p).orElse(null);
                for (Location a : p.childFolders()) {
                    if (a.name().startsWith(RunFolders.ATTEMPT_PREFIX)
                            && !a.name().equals(committed)) {
                        removed.put(a, a.totalBytes());
                        a.delete();
                    }
                }
            }
        }
        return removed;
    }

    /** Removes the staging folder of a run that failed before publishing. */
    public void discard() {
        staging.delete();
    }
}
