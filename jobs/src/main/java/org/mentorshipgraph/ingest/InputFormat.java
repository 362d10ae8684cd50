package org.mentorshipgraph.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.mentorshipgraph.failures.JobFailure;

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

    /** Data files under a directory: not hidden, not Spark/Hadoop markers. */
    /** A data file's bytes, decompressed when its name ends in {@code .gz}. */
    static java.io.InputStream open(Path file) throws java.io.IOException {
        java.io.InputStream in = java.nio.file.Files.newInputStream(file);
        return file.toString().endsWith(".gz") ? new java.util.zip.GZIPInputStream(in) : in;
    }

    static boolean isDataFile(Path p) {
        String n = p.getFileName().toString();
        return Files.isRegularFile(p) && !n.startsWith(".") && !n.startsWith("_");
    }

    /**
     * The format of a file or directory of files.
     *
     * @throws JobFailure (exit 3) when the path is missing, empty, unreadable, mixed or of an unknown format
     */
    public static InputFormat detect(Path path, String what) {
        if (!Files.exists(path))
            throw JobFailure.input(
                    what + " not found: " + path + " (check the path, or pass --" + optionName(what) + ")");
        if (!Files.isReadable(path))
            throw JobFailure.input(what + " is not readable: " + path + " (check its permissions)");
        if (Files.isRegularFile(path)) {
            InputFormat f = ofFileName(path.getFileName().toString());
            if (f == null)
                throw JobFailure.input(what + ": cannot tell the format of " + path
                        + " from its name; use .csv, .jsonl/.json, or .parquet");
            return f;
        }
        Set<InputFormat> found = new TreeSet<>();
        Set<String> unknown = new TreeSet<>();
        long files;
        try (Stream<Path> s = Files.walk(path)) {
            files = s.filter(InputFormat::isDataFile)
                    .peek(p -> {
                        InputFormat f = ofFileName(p.getFileName().toString());
                        if (f == null) unknown.add(p.getFileName().toString());
                        else found.add(f);
                    })
                    .count();
        } catch (IOException | UncheckedIOException e) {
            throw JobFailure.input(what + ": cannot list " + path + ": " + e.getMessage());
        }
        if (files == 0) throw JobFailure.input(what + ": the directory " + path + " holds no data files");
        if (!unknown.isEmpty())
            throw JobFailure.input(what + ": " + path + " holds files of unknown format, e.g. "
                    + unknown.iterator().next() + "; use .csv, .jsonl/.json, or .parquet");
        if (found.size() > 1)
            throw JobFailure.input(what + ": " + path + " mixes formats " + found + "; keep one format per directory");
        return found.iterator().next();
    }

    private static String optionName(String what) {
        return what.split(" ")[0];
    }
}
