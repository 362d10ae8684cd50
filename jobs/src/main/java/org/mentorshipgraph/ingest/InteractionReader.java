package org.mentorshipgraph.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampType;
import org.mentorshipgraph.failures.JobFailure;
import org.mentorshipgraph.storage.Location;
import org.mentorshipgraph.storage.Storage;

/**
 * Reads interaction logs, whatever their format, into one raw table of strings that the
 * {@link InteractionContract} then checks: columns {@link #COLUMNS}, plus {@code _corrupt} (the raw line when it
 * could not be parsed at all) and {@code _file}.
 *
 * <p>A directory partitioned as {@code date=YYYY-MM-DD/} is read only for the days a run needs, so a nightly run
 * reads what its look-back covers, not the whole history.
 */
public final class InteractionReader {
    public static final List<String> REQUIRED = List.of("timestamp", "source_id", "target_id", "channel");
    public static final List<String> OPTIONAL = List.of("duration_minutes", "event_id");
    public static final List<String> COLUMNS =
            List.of("timestamp", "source_id", "target_id", "channel", "duration_minutes", "event_id");
    static final String CORRUPT = "_corrupt";
    /** Most fields a CSV line may have and still be quarantined as malformed; a line with more stops the read (see {@link #explainReadFailure}). */
    public static final int MAX_CSV_FIELDS = 100_000;

    private InteractionReader() {}

    /** The raw rows, what was read, and notes for the run's warnings (columns the contract does not know, left out). */
    public record RawInteractions(
            Dataset<Row> rows,
            InputFormat format,
            boolean partitioned,
            int partitionsRead,
            int partitionsTotal,
            LocalDate lastPartition,
            List<String> notes) {}

    /**
     * Day partitions under a directory, sorted; empty when the directory is not partitioned by date. One listing of
     * the directory's own entries (on S3 a delimited listing of its prefixes), never of the files inside the days.
     */
    public static List<LocalDate> dayPartitions(Location dir) {
        List<LocalDate> days = new ArrayList<>();
        try {
            for (Location p : dir.childFolders()) {
                String n = p.name();
                if (n.startsWith("date=")) {
                    try {
                        days.add(LocalDate.parse(n.substring(5)));
                    } catch (DateTimeParseException e) {
                        throw JobFailure.input("interactions: partition folder " + p + " is not date=YYYY-MM-DD");
                    }
                }
            }
        } catch (java.io.UncheckedIOException e) {
            throw JobFailure.input("interactions: cannot list " + e.getMessage());
        }
        days.sort(null);
        return days;
    }

    /** As {@link #read(SparkSession, Location, LocalDate, LocalDate)} for a local path (tests). */
    public static RawInteractions read(SparkSession spark, java.nio.file.Path path, LocalDate from, LocalDate to) {
        return read(spark, Storage.of(spark).at(path.toString()), from, to, false);
    }

    /**
     * Reads the interactions at {@code path}; for a date-partitioned directory only days in [from, to].
     *
     * @throws JobFailure (exit 3) for a missing, empty or unusable input, or missing required columns
     */
    public static RawInteractions read(SparkSession spark, Location path, LocalDate from, LocalDate to) {
        return read(spark, path, from, to, false);
    }

    /**
     * Reads the interactions; CSV as RFC 4180 (a doubled quote in a quoted field is one quote), and with
     * {@code multiLine} also with line breaks inside quoted fields (each file is then read by one task).
     */
    public static RawInteractions read(
            SparkSession spark, Location path, LocalDate from, LocalDate to, boolean multiLine) {
        InputFormat format = InputFormat.detect(path, "interactions");
        List<LocalDate> days = dayPartitions(path);
        List<String> paths = new ArrayList<>();
        List<Location> locations = new ArrayList<>();
        if (!days.isEmpty()) {
            for (LocalDate d : days) {
                if ((from == null || !d.isBefore(from)) && (to == null || !d.isAfter(to))) {
                    locations.add(path.child("date=" + d));
                }
            }
            if (locations.isEmpty()) {
                throw JobFailure.input("interactions: no day partition of " + path + " falls in " + from + " .. " + to
                        + " (partitions run from " + days.get(0) + " to " + days.get(days.size() - 1) + ")");
            }
        } else {
            locations.add(path);
        }
        for (Location l : locations) paths.add(l.uri());
        Optional<Location> firstFile = format == InputFormat.PARQUET ? Optional.empty() : firstDataFile(locations);
        firstFile.ifPresent(f -> TextEncoding.requireUtf8(f, "interactions"));
        Dataset<Row> df;
        List<String> sourceColumns = new ArrayList<>();
        try {
            df = switch (format) {
                case CSV -> readCsv(spark, paths, path, firstFile, sourceColumns, multiLine);
                case JSON_LINES -> readJson(spark, paths, sourceColumns);
                case PARQUET -> readParquet(spark, paths, sourceColumns);
            };
        } catch (JobFailure f) {
            throw f;
        } catch (Exception e) {
            throw JobFailure.input("interactions: cannot read " + path + " as " + format + ": " + firstLine(e));
        }
        List<String> extra = extraColumns(sourceColumns);
        List<String> notes = extra.isEmpty()
                ? List.of()
                : List.of("interactions: column(s) " + extra + " of " + path
                        + " are not part of the interaction contract and were left out (known columns: " + COLUMNS
                        + ")");
        return new RawInteractions(
                df,
                format,
                !days.isEmpty(),
                days.isEmpty() ? 0 : paths.size(),
                days.size(),
                days.isEmpty() ? null : days.get(days.size() - 1),
                notes);
    }

    /** Columns the contract does not know, in the order the input has them. */
    static List<String> extraColumns(List<String> present) {
        return present.stream()
                .filter(c -> !COLUMNS.contains(c) && !c.equals(CORRUPT) && !c.equals("_file"))
                .toList();
    }

    /** The first data file under the locations (sorted), for the encoding check and the CSV header. */
    private static Optional<Location> firstDataFile(List<Location> locations) {
        for (Location p : locations) {
            try {
                List<Location> files = p.filesBelow(InputFormat::isDataFileName);
                if (!files.isEmpty()) return Optional.of(files.get(0));
            } catch (java.io.UncheckedIOException e) {
                throw JobFailure.input("interactions: cannot read " + e.getMessage());
            }
        }
        return Optional.empty();
    }

    private static Dataset<Row> readCsv(
            SparkSession spark,
            List<String> paths,
            Location path,
            Optional<Location> firstFile,
            List<String> sourceColumns,
            boolean multiLine) {
        String[] header = csvHeader(
                firstFile.orElseThrow(() -> JobFailure.input("interactions: no CSV file under " + paths.get(0))));
        sourceColumns.addAll(Arrays.asList(header));
        checkColumns(Arrays.asList(header), path);
        List<StructField> fields = new ArrayList<>();
        for (String h : header) fields.add(DataTypes.createStructField(h, DataTypes.StringType, true));
        fields.add(DataTypes.createStructField(CORRUPT, DataTypes.StringType, true));
        Dataset<Row> df = spark.read()
                .schema(DataTypes.createStructType(fields))
                .option("header", "true")
                .option("enforceSchema", "false")
                .option("mode", "PERMISSIVE")
                .option("columnNameOfCorruptRecord", CORRUPT)
                .option("maxColumns", String.valueOf(MAX_CSV_FIELDS))
                .option("escape", "\"")
                .option("multiLine", String.valueOf(multiLine))
                .option("recursiveFileLookup", "true")
                .csv(paths.toArray(String[]::new));
        return normalise(df);
    }

    /** The header of a CSV file, read directly (a Spark job for one line costs seconds). */
    static String[] csvHeader(Location file) {
        try {
            try (java.io.BufferedReader r = new java.io.BufferedReader(
                    new java.io.InputStreamReader(InputFormat.open(file), java.nio.charset.StandardCharsets.UTF_8))) {
                String line = r.readLine();
                if (line == null)
                    throw JobFailure.input("interactions: " + file + " is empty (a CSV needs a header line)");
                if (line.startsWith("\uFEFF")) line = line.substring(1);
                return Arrays.stream(line.split(",", -1))
                        .map(h -> h.trim().replace("\"", ""))
                        .toArray(String[]::new);
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            throw JobFailure.input("interactions: cannot read " + file + ": " + e.getMessage());
        }
    }

    private static Dataset<Row> readJson(SparkSession spark, List<String> paths, List<String> sourceColumns) {
        Dataset<Row> df = spark.read()
                .option("primitivesAsString", "true")
                .option("mode", "PERMISSIVE")
                .option("columnNameOfCorruptRecord", CORRUPT)
                .option("recursiveFileLookup", "true")
                .json(paths.toArray(String[]::new));
        checkColumns(Arrays.asList(df.columns()), paths.get(0));
        sourceColumns.addAll(Arrays.asList(df.columns()));
        return normalise(df);
    }

    private static Dataset<Row> readParquet(SparkSession spark, List<String> paths, List<String> sourceColumns) {
        Dataset<Row> df = spark.read().option("recursiveFileLookup", "true").parquet(paths.toArray(String[]::new));
        checkColumns(Arrays.asList(df.columns()), paths.get(0));
        sourceColumns.addAll(Arrays.asList(df.columns()));
        StructType schema = df.schema();
        List<Column> cols = new ArrayList<>();
        for (String c : COLUMNS) {
            Optional<StructField> f = Arrays.stream(schema.fields())
                    .filter(x -> x.name().equals(c))
                    .findFirst();
            if (f.isEmpty()) {
                cols.add(lit(null).cast("string").as(c));
            } else if (c.equals("timestamp") && f.get().dataType() instanceof TimestampType) {
                cols.add(expr("cast(unix_millis(`timestamp`) as string)").as(c));
            } else {
                cols.add(col("`" + c + "`").cast("string").as(c));
            }
        }
        cols.add(lit(null).cast("string").as(CORRUPT));
        cols.add(col("_metadata.file_path").as("_file"));
        return df.select(cols.toArray(Column[]::new));
    }

    /** Selects the contract's columns in order, adding absent optional ones as nulls. */
    private static Dataset<Row> normalise(Dataset<Row> df) {
        List<String> present = Arrays.asList(df.columns());
        List<Column> cols = new ArrayList<>();
        for (String c : COLUMNS)
            cols.add(
                    present.contains(c)
                            ? col("`" + c + "`")
                            : lit(null).cast("string").as(c));
        cols.add(
                present.contains(CORRUPT)
                        ? col(CORRUPT)
                        : lit(null).cast("string").as(CORRUPT));
        cols.add(col("_metadata.file_path").as("_file"));
        return df.select(cols.toArray(Column[]::new));
    }

    private static void checkColumns(List<String> present, Object path) {
        List<String> missing =
                REQUIRED.stream().filter(c -> !present.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw JobFailure.input("interactions: " + path + " lacks required column(s) " + missing + "; found "
                    + present + ". Required: " + REQUIRED + ", optional: " + OPTIONAL);
        }
    }

    static String firstLine(Throwable e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl > 0 ? m.substring(0, nl) : m;
    }

    /** The file in Spark's FAILED_READ_FILE message. */
    private static final java.util.regex.Pattern FAILED_FILE =
            java.util.regex.Pattern.compile("while reading file (\\S+?)\\.?\\s");
    /** Where the CSV parser stopped, in its TextParsingException. */
    private static final java.util.regex.Pattern PARSER_POSITION =
            java.util.regex.Pattern.compile("line=(\\d+), column=(\\d+)");

    /**
     * Turns a failure of Spark while reading the interactions into a one-line input error (exit 3) that names the file
     * and line, when it is one: the CSV parser gives up on a line with more than {@link #MAX_CSV_FIELDS} fields, and a
     * file can be unreadable (truncated compression, a file removed during the run). Null for any other failure.
     */
    public static JobFailure explainReadFailure(Throwable e, Object input) {
        String file = null, parser = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            java.util.regex.Matcher f = FAILED_FILE.matcher(m);
            if (file == null && f.find())
                file = f.group(1).startsWith("file:")
                        ? java.nio.file.Path.of(java.net.URI.create(f.group(1))).toString()
                        : f.group(1);
            if (t.getClass().getName().endsWith("TextParsingException")) {
                // the parser counts lines from 0
                java.util.regex.Matcher l = PARSER_POSITION.matcher(m);
                parser = l.find()
                        ? "line " + (Long.parseLong(l.group(1)) + 1) + " has more than "
                                + String.format("%,d", MAX_CSV_FIELDS) + " fields or cannot be split (column "
                                + l.group(2) + ")"
                        : "a line cannot be split into fields";
            }
        }
        if (parser != null) {
            return JobFailure.input(
                    "interactions: " + (file != null ? file : input) + ": " + parser + "; fix or remove that line");
        }
        if (file != null) {
            Throwable root = e;
            while (root.getCause() != null) root = root.getCause();
            return JobFailure.input("interactions: cannot read " + file + ": " + firstLine(root));
        }
        return null;
    }
}
