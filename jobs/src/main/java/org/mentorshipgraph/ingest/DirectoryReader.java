package org.mentorshipgraph.ingest;

import static org.apache.spark.sql.functions.callUDF;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.mentorshipgraph.failures.JobFailure;
import org.mentorshipgraph.schema.Schemas;
import org.mentorshipgraph.storage.Location;
import org.mentorshipgraph.storage.Storage;

/**
 * Reads the optional people directory and mentorship list (CSV with a header, JSON Lines or Parquet).
 * They are small, so they are checked row by row on the driver; broken rows are quarantined with a reason.
 */
public final class DirectoryReader {
    private DirectoryReader() {}

    /** The team of someone whose directory row names none (and of people not in the directory). */
    public static final String UNKNOWN_TEAM = "unknown";

    /** The people directory as the run uses it: one row per person, every column a string (blank as null). */
    public static final StructType PEOPLE = Schemas.of(
            "person_id", DataTypes.StringType,
            "display_name", DataTypes.StringType,
            "team", DataTypes.StringType,
            "department", DataTypes.StringType,
            "manager_id", DataTypes.StringType,
            "title", DataTypes.StringType,
            "level", DataTypes.StringType,
            "location", DataTypes.StringType,
            "hire_date", DataTypes.StringType,
            "skills", DataTypes.StringType,
            "wants_to_learn", DataTypes.StringType,
            "open_to_mentor", DataTypes.StringType,
            "mentor_capacity", DataTypes.StringType,
            "career_goal", DataTypes.StringType);

    /** Quarantined rows of any input, as {@code rejected.csv} holds them. */
    public static final StructType REJECTED = Schemas.of(
            "input", DataTypes.StringType,
            "file", DataTypes.StringType,
            "reason", DataTypes.StringType,
            "record", DataTypes.StringType);

    /**
     * The checked directory ({@link #PEOPLE}; team "unknown" where none is given), its quarantined rows
     * ({@link #REJECTED}) and their counts.
     */
    public record People(Dataset<Row> directory, Dataset<Row> rejected, long people, long rejectedRows) {}

    public record Mentorships(List<Mentorship> all, List<RejectedRow> rejected) {}

    /**
     * The declared absences ({@code --absences}) and the rows quarantined.
     *
     * @param given whether an absences input was given (then it replaces the detection for the people it names)
     */
    public record Absences(List<DeclaredAbsence> all, List<RejectedRow> rejected, boolean given) {}

    /**
     * The job history ({@code --positions}) and the rows quarantined.
     *
     * @param given whether a positions input was given
     */
    public record Positions(List<Position> all, List<RejectedRow> rejected, boolean given) {}

    /**
     * Reads and checks the directory in Spark. A row is quarantined when its person_id is missing, when an earlier row
     * with the same id was accepted ("duplicate person_id X"; the first valid row wins, in file order), or when its
     * hire_date is not YYYY-MM-DD, its open_to_mentor is not true/false (any case) or its mentor_capacity is not a
     * whole number. The quarantined record shows every column as {@code {column=value, ...}}.
     */
    public static People readPeople(SparkSession spark, String location, PersonIds ids, List<Dataset<Row>> idForms) {
        if (location == null || location.isBlank()) {
            return new People(
                    spark.createDataFrame(List.of(), PEOPLE), spark.createDataFrame(List.of(), REJECTED), 0, 0);
        }
        Location path = Storage.of(spark).at(location);
        Dataset<Row> raw =
                readTable(spark, path, "people", List.of("person_id"), ids, List.of("person_id", "manager_id"));
        List<String> columns = new ArrayList<>(Arrays.asList(raw.columns()));
        columns.removeIf(c -> c.equals("_file") || c.startsWith(RAW));
        List<Column> record = new ArrayList<>();
        for (String c : columns) {
            if (!record.isEmpty()) record.add(lit(", "));
            record.add(lit(c + "="));
            Column shown = columns.contains(c) && Arrays.asList(raw.columns()).contains(RAW + c)
                    ? coalesce(col(RAW + c), col("`" + c + "`"))
                    : col("`" + c + "`");
            record.add(coalesce(shown, lit("null")));
        }
        record.add(0, lit("{"));
        record.add(lit("}"));
        spark.udf().register("mg_iso_date", (UDF1<String, Boolean>) DirectoryReader::isIsoDate, DataTypes.BooleanType);
        Column hireOk = columns.contains("hire_date")
                ? col("hire_date").isNull().or(callUDF("mg_iso_date", col("hire_date")))
                : lit(true);
        Column openOk = columns.contains("open_to_mentor")
                ? col("open_to_mentor").isNull().or(lower(col("open_to_mentor")).isin("true", "false"))
                : lit(true);
        Column capacityOk = columns.contains("mentor_capacity")
                ? col("mentor_capacity").isNull().or(col("mentor_capacity").rlike("^[0-9]{1,6}$"))
                : lit(true);
        Column rowOk = hireOk.and(openOk).and(capacityOk);
        WindowSpec earlier = Window.partitionBy(col("person_id"))
                .orderBy(col("_order"))
                .rowsBetween(Window.unboundedPreceding(), -1);
        Dataset<Row> checked = raw.withColumn("_order", monotonically_increasing_id())
                .withColumn("_record", concat(record.toArray(Column[]::new)))
                .withColumn("_hire_ok", hireOk)
                .withColumn("_open_ok", openOk)
                .withColumn("_capacity_ok", capacityOk)
                .withColumn("_row_ok", rowOk)
                .withColumn(
                        "_earlier_valid", count(when(col("_row_ok"), lit(1))).over(earlier))
                .withColumn(
                        "_reason",
                        when(col("person_id").isNull(), lit("missing person_id"))
                                .when(
                                        col("_earlier_valid").gt(0),
                                        concat(lit("duplicate person_id "), col("person_id")))
                                .when(not(col("_hire_ok")), lit("hire_date is not YYYY-MM-DD"))
                                .when(not(col("_open_ok")), lit("open_to_mentor is not true or false"))
                                .when(not(col("_capacity_ok")), lit("mentor_capacity is not a whole number >= 0")))
                .persist(StorageLevel.MEMORY_AND_DISK());
        idForms.addAll(forms(checked, List.of("person_id", "manager_id")));
        List<Column> out = new ArrayList<>();
        for (String c : PEOPLE.fieldNames()) {
            Column v = columns.contains(c) ? col("`" + c + "`") : lit(null).cast(DataTypes.StringType);
            if (c.equals("team")) v = coalesce(v, lit(UNKNOWN_TEAM));
            if (c.equals("open_to_mentor")) v = lower(v);
            out.add(v.as(c));
        }
        Dataset<Row> directory = checked.filter(col("_reason").isNull())
                .select(out.toArray(Column[]::new))
                .persist(StorageLevel.MEMORY_AND_DISK());
        Dataset<Row> rejected = checked.filter(col("_reason").isNotNull())
                .orderBy(col("_order"))
                .select(
                        lit("people").as("input"),
                        col("_file").as("file"),
                        col("_reason").as("reason"),
                        col("_record").as("record"));
        long people = directory.count();
        long rejectedRows = checked.filter(col("_reason").isNotNull()).count();
        return new People(directory, rejected, people, rejectedRows);
    }

    static boolean isIsoDate(String s) {
        try {
            LocalDate.parse(s);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /**
     * The declared mentorships: {@code mentor_id, mentee_id} required, {@code started_on, ended_on} YYYY-MM-DD,
     * {@code program}. A row without either id, naming the same person twice (also when written two ways that the id
     * rule reads as one), with a bad date or ending before it starts is quarantined with that reason.
     */
    public static Mentorships readMentorships(
            SparkSession spark, String location, PersonIds ids, List<Dataset<Row>> idForms) {
        List<Mentorship> all = new ArrayList<>();
        List<RejectedRow> rejected = new ArrayList<>();
        if (location == null || location.isBlank()) return new Mentorships(all, rejected);
        List<Map<String, String>> rows = readRows(
                spark,
                Storage.of(spark).at(location),
                "mentorships",
                List.of("mentor_id", "mentee_id"),
                ids,
                List.of("mentor_id", "mentee_id"),
                idForms);
        for (Map<String, String> r : rows) {
            String file = r.remove("_file"), record = r.remove(RECORD);
            String mentor = r.get("mentor_id"), mentee = r.get("mentee_id");
            if (mentor == null || mentee == null) {
                rejected.add(new RejectedRow("mentorships", file, "missing mentor_id or mentee_id", record));
                continue;
            }
            if (mentor.equals(mentee)) {
                rejected.add(new RejectedRow(
                        "mentorships",
                        file,
                        record.equals(r.toString())
                                ? "mentor_id = mentee_id"
                                : "mentor_id = mentee_id by the id rule (" + ids.describe() + ")",
                        record));
                continue;
            }
            try {
                LocalDate started = date(r.get("started_on")), ended = date(r.get("ended_on"));
                if (started != null && ended != null && ended.isBefore(started)) {
                    rejected.add(new RejectedRow("mentorships", file, "ended_on is before started_on", record));
                    continue;
                }
                all.add(new Mentorship(mentor, mentee, started, ended, r.get("program")));
            } catch (DateTimeParseException e) {
                rejected.add(new RejectedRow("mentorships", file, "started_on/ended_on is not YYYY-MM-DD", record));
            }
        }
        return new Mentorships(all, rejected);
    }

    /**
     * Declared absences: {@code person_id, from, to, kind} (from and to YYYY-MM-DD, both days included; kind
     * optional). A row without person_id, with a date that is not YYYY-MM-DD, or ending before it starts is
     * quarantined with that reason.
     */
    public static Absences readAbsences(
            SparkSession spark, String location, PersonIds ids, List<Dataset<Row>> idForms) {
        List<DeclaredAbsence> all = new ArrayList<>();
        List<RejectedRow> rejected = new ArrayList<>();
        if (location == null || location.isBlank()) return new Absences(all, rejected, false);
        List<Map<String, String>> rows = readRows(
                spark,
                Storage.of(spark).at(location),
                "absences",
                List.of("person_id", "from", "to"),
                ids,
                List.of("person_id"),
                idForms);
        for (Map<String, String> r : rows) {
            String file = r.remove("_file"), record = r.remove(RECORD);
            String person = r.get("person_id");
            if (person == null) {
                rejected.add(new RejectedRow("absences", file, "missing person_id", record));
                continue;
            }
            if (!isIsoDate(r.get("from")) || !isIsoDate(r.get("to"))) {
                rejected.add(new RejectedRow("absences", file, "from/to is not YYYY-MM-DD", record));
                continue;
            }
            LocalDate from = LocalDate.parse(r.get("from")), to = LocalDate.parse(r.get("to"));
            if (to.isBefore(from)) {
                rejected.add(new RejectedRow("absences", file, "to is before from", record));
                continue;
            }
            all.add(new DeclaredAbsence(person, from, to, r.get("kind")));
        }
        return new Absences(all, rejected, true);
    }

    /**
     * The job history: {@code person_id, title, level, team, department, started_on, ended_on} (dates YYYY-MM-DD;
     * ended_on empty for a current position). A row without person_id, with neither title nor level, without a valid
     * started_on, with a bad ended_on, or ending before it starts is quarantined with that reason.
     */
    public static Positions readPositions(
            SparkSession spark, String location, PersonIds ids, List<Dataset<Row>> idForms) {
        List<Position> all = new ArrayList<>();
        List<RejectedRow> rejected = new ArrayList<>();
        if (location == null || location.isBlank()) return new Positions(all, rejected, false);
        List<Map<String, String>> rows = readRows(
                spark,
                Storage.of(spark).at(location),
                "positions",
                List.of("person_id", "started_on"),
                ids,
                List.of("person_id"),
                idForms);
        for (Map<String, String> r : rows) {
            String file = r.remove("_file"), record = r.remove(RECORD);
            String reason = null;
            if (r.get("person_id") == null) reason = "missing person_id";
            else if (r.get("title") == null && r.get("level") == null) reason = "neither title nor level";
            else if (r.get("started_on") == null || !isIsoDate(r.get("started_on")))
                reason = "started_on is missing or not YYYY-MM-DD";
            else if (r.get("ended_on") != null && !isIsoDate(r.get("ended_on"))) reason = "ended_on is not YYYY-MM-DD";
            else if (r.get("ended_on") != null
                    && LocalDate.parse(r.get("ended_on")).isBefore(LocalDate.parse(r.get("started_on"))))
                reason = "ended_on is before started_on";
            if (reason != null) {
                rejected.add(new RejectedRow("positions", file, reason, record));
                continue;
            }
            all.add(new Position(
                    r.get("person_id"),
                    r.get("title"),
                    r.get("level"),
                    r.get("team"),
                    r.get("department"),
                    LocalDate.parse(r.get("started_on")),
                    date(r.get("ended_on"))));
        }
        return new Positions(all, rejected, true);
    }

    /** The id forms of a table, as {@link PersonIds#forms} gives them. */
    private static final StructType FORMS = Schemas.of("raw", DataTypes.StringType, "id", DataTypes.StringType);

    /** Prefix of the column holding an id as written, where the id rule changed it (null where it did not). */
    static final String RAW = "_raw_";
    /** Key of a row's record as written (the ids before the id rule), in {@link #readRows}' maps. */
    private static final String RECORD = "_record";

    /**
     * Every column as a trimmed string (blank as null), plus {@code _file}; the id columns read by the id rule, each
     * with {@code _raw_<column>} holding the id as written where the rule changed it. Exit 3 when required columns
     * are absent.
     */
    private static Dataset<Row> readTable(
            SparkSession spark,
            Location path,
            String what,
            List<String> required,
            PersonIds ids,
            List<String> idColumns) {
        InputFormat format = InputFormat.detect(path, what);
        if (format != InputFormat.PARQUET && path.isFile()) TextEncoding.requireUtf8(path, what);
        Dataset<Row> df;
        try {
            df = switch (format) {
                case CSV ->
                    spark.read()
                            .option("header", "true")
                            .option("inferSchema", "false")
                            .option("escape", "\"")
                            .option("multiLine", "true")
                            .csv(path.uri());
                case JSON_LINES ->
                    spark.read().option("primitivesAsString", "true").json(path.uri());
                case PARQUET -> spark.read().parquet(path.uri());
            };
        } catch (Exception e) {
            throw JobFailure.input(what + ": cannot read " + path + ": " + InteractionReader.firstLine(e));
        }
        List<String> columns = Arrays.asList(df.columns());
        List<String> missing =
                required.stream().filter(c -> !columns.contains(c)).collect(Collectors.toList());
        if (!missing.isEmpty())
            throw JobFailure.input(what + ": " + path + " lacks required column(s) " + missing + "; found " + columns);
        List<Column> cleaned = new ArrayList<>();
        List<String> idsPresent = new ArrayList<>();
        for (String c : columns) {
            Column raw = col("`" + c + "`").cast(DataTypes.StringType);
            if (idColumns.contains(c)) {
                idsPresent.add(c);
                cleaned.add(raw.as(RAW + c));
                cleaned.add(ids.apply(raw).as(c));
            } else {
                Column v = trim(raw);
                cleaned.add(when(v.equalTo(""), lit(null)).otherwise(v).as(c));
            }
        }
        cleaned.add(col("_metadata.file_path").as("_file"));
        // the id function runs once per id (in the projection below), the raw form is kept only where it changed
        Dataset<Row> read = df.select(cleaned.toArray(Column[]::new));
        List<Column> out = new ArrayList<>();
        for (String c : read.columns()) {
            if (c.startsWith(RAW)) {
                String id = c.substring(RAW.length());
                out.add(when(col(c).notEqual(col(id)), col(c)).as(c));
            } else if (idsPresent.contains(c)) {
                out.add(when(col(c).equalTo(""), lit(null)).otherwise(col(c)).as(c));
            } else {
                out.add(col("`" + c + "`"));
            }
        }
        return read.select(out.toArray(Column[]::new));
    }

    /** The id forms ({@link PersonIds#forms}) of the given id columns of a table read by {@link #readTable}. */
    private static List<Dataset<Row>> forms(Dataset<Row> table, List<String> idColumns) {
        List<String> present = Arrays.asList(table.columns());
        List<Dataset<Row>> out = new ArrayList<>();
        for (String c : idColumns) {
            if (!present.contains(c)) continue;
            out.add(PersonIds.forms(table.withColumn("_id_raw", coalesce(col(RAW + c), col(c))), "_id_raw", c));
        }
        return out;
    }

    /**
     * A small table's rows on the driver: each a map column to value (the ids read by the id rule), plus {@code _file}
     * and {@code _record} (the row as written, for a quarantined row's record). Its id forms go to {@code idForms}.
     */
    private static List<Map<String, String>> readRows(
            SparkSession spark,
            Location path,
            String what,
            List<String> required,
            PersonIds ids,
            List<String> idColumns,
            List<Dataset<Row>> idForms) {
        Dataset<Row> df = readTable(spark, path, what, required, ids, idColumns);
        List<Map<String, String>> out = new ArrayList<>();
        List<Row> forms = new ArrayList<>();
        String[] names = df.columns();
        for (Row row : df.collectAsList()) {
            Map<String, String> m = new LinkedHashMap<>(), written = new LinkedHashMap<>();
            for (int i = 0; i < row.length(); i++) {
                if (names[i].startsWith(RAW)) continue;
                String v = row.isNullAt(i) ? null : row.getString(i);
                m.put(names[i], v);
                int raw = Arrays.asList(names).indexOf(RAW + names[i]);
                String asWritten = raw >= 0 && !row.isNullAt(raw) ? row.getString(raw) : v;
                if (!names[i].equals("_file")) written.put(names[i], asWritten);
                if (v != null && idColumns.contains(names[i])) forms.add(RowFactory.create(asWritten, v));
            }
            m.put(RECORD, written.toString());
            out.add(m);
        }
        // the rows are on the driver already: their id forms join the census as a local table, not a second read
        idForms.add(spark.createDataFrame(forms, FORMS));
        return out;
    }

    private static LocalDate date(String s) {
        return s == null ? null : LocalDate.parse(s);
    }
}
