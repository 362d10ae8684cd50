package org.mentorshipgraph.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.mentorshipgraph.failures.JobFailure;
import org.mentorshipgraph.storage.Location;

/** The file formats the job reads, recognised by extension; a directory must hold one format only. */
public enum InputFormat {
    CSV("csv"),
    JSON_LINES("json"),
    PARQUET("parquet");

    private final String sparkFormat;

    InputFormat(String sparkFormat) {
        this.sparkFormat = sparkFormat;
    }

    public String sparkFormat() {
        return sparkFormat;
    }

    static InputFormat ofFileName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".gz")) n = n.substring(0, n.length() - 3);
        if (n.endsWith(".csv") || n.endsWith(".tsv")) return CSV;
        if (n.endsWith(".jsonl") || n.endsWith(".json") || n.endsWith(".ndjson")) return JSON_LINES;
        if (n.endsWith(".parquet")) return PARQUET;
        return null;
    }

    /** A data file's bytes, decompressed when its name ends in {@code .gz}. */
    static java.io.InputStream open(Location file) {
        java.io.InputStream in = file.open();
        try {
            return file.name().endsWith(".gz") ? new java.util.zip.GZIPInputStream(in) : in;
        } catch (IOException e) {
            throw file.failure(e);
        }
    }

    /** A data file's name: not hidden, not a Spark/Hadoop marker ({@code _SUCCESS}, {@code .crc}). */
    static boolean isDataFileName(String n) {
        return !n.startsWith(".") && !n.startsWith("_");
    }

    /**
     * The format of a file or directory of files, on any store.
     *
     * @throws JobFailure (exit 3) when the location is missing, empty, unreadable, mixed or of an unknown format, or
     *     its store cannot be reached
     */
    public static InputFormat detect(Location path, String what) {
        try {
            if (!path.exists())
                throw JobFailure.input(
                        what + " not found: " + path + " (check the path, or pass --" + optionName(what) + ")");
            if (path.isFile()) {
                InputFormat f = ofFileName(path.name());
                if (f == null)
                    throw JobFailure.input(what + ": cannot tell the format of " + path
                            + " from its name; use .csv, .jsonl/.json, or .parquet");
                return f;
            }
            Set<InputFormat> found = new TreeSet<>();
            Set<String> unknown = new TreeSet<>();
            List<Location> files = path.filesBelow(InputFormat::isDataFileName);
            for (Location l : files) {
                InputFormat f = ofFileName(l.name());
                if (f == null) unknown.add(l.name());
                else found.add(f);
            }
            if (files.isEmpty()) throw JobFailure.input(what + ": the directory " + path + " holds no data files");
            if (!unknown.isEmpty())
                throw JobFailure.input(what + ": " + path + " holds files of unknown format, e.g. "
                        + unknown.iterator().next() + "; use .csv, .jsonl/.json, or .parquet");
            if (found.size() > 1)
                throw JobFailure.input(
                        what + ": " + path + " mixes formats " + found + "; keep one format per directory");
            return found.iterator().next();
        } catch (UncheckedIOException e) {
            throw JobFailure.input(what + ": cannot read " + e.getMessage());
        }
    }

    private static String optionName(String what) {
        return what.split(" ")[0];
    }
}
