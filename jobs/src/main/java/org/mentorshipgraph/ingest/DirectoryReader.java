package org.mentorshipgraph.ingest;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.mentorshipgraph.failures.JobFailure;

/**
 * Reads the optional people directory and mentorship list (CSV with a header, JSON Lines or Parquet).
 * They are small, so they are checked row by row on the driver; broken rows are quarantined with a reason.
 */
public final class DirectoryReader {
    private DirectoryReader() {}

    public record People(Map<String, Person> byId, List<RejectedRow> rejected) {}

    public record Mentorships(List<Mentorship> all, List<RejectedRow> rejected) {}

    public static People readPeople(SparkSession spark, String location) {
        Map<String, Person> people = new LinkedHashMap<>();
        List<RejectedRow> rejected = new ArrayList<>();
        if (location == null || location.isBlank()) return new People(people, rejected);
        Path path = Path.of(location);
        List<Map<String, String>> rows = readRows(spark, path, "people", List.of("person_id"));
        for (Map<String, String> r : rows) {
            String file = r.remove("_file");
            String id = r.get("person_id");
            if (id == null) {
                rejected.add(new RejectedRow("people", file, "missing person_id", r.toString()));
                continue;
            }
            if (people.containsKey(id)) {
                rejected.add(new RejectedRow("people", file, "duplicate person_id " + id, r.toString()));
                continue;
            }
            LocalDate hire;
            try {
                hire = date(r.get("hire_date"));
            } catch (DateTimeParseException e) {
                rejected.add(new RejectedRow("people", file, "hire_date is not YYYY-MM-DD", r.toString()));
                continue;
            }
            String team = r.get("team");
            people.put(
                    id,
                    new Person(
                            id,
                            r.get("display_name"),
                            team == null ? Person.UNKNOWN_TEAM : team,
                            r.get("department"),
                            r.get("manager_id"),
                            r.get("title"),
                            r.get("level"),
                            r.get("location"),
                            hire,
                            list(r.get("skills")),
                            list(r.get("wants_to_learn"))));
        }
        return new People(people, rejected);
    }

    public static Mentorships readMentorships(SparkSession spark, String location) {
        List<Mentorship> all = new ArrayList<>();
        List<RejectedRow> rejected = new ArrayList<>();
        if (location == null || location.isBlank()) return new Mentorships(all, rejected);
        List<Map<String, String>> rows =
                readRows(spark, Path.of(location), "mentorships", List.of("mentor_id", "mentee_id"));
        for (Map<String, String> r : rows) {
            String file = r.remove("_file");
            String mentor = r.get("mentor_id"), mentee = r.get("mentee_id");
            if (mentor == null || mentee == null) {
                rejected.add(new RejectedRow("mentorships", file, "missing mentor_id or mentee_id", r.toString()));
                continue;
            }
            if (mentor.equals(mentee)) {
                rejected.add(new RejectedRow("mentorships", file, "mentor_id = mentee_id", r.toString()));
                continue;
            }
            try {
                all.add(new Mentorship(
                        mentor, mentee, date(r.get("started_on")), date(r.get("ended_on")), r.get("program")));
            } catch (DateTimeParseException e) {
                rejected.add(
                        new RejectedRow("mentorships", file, "started_on/ended_on is not YYYY-MM-DD", r.toString()));
            }
        }
        return new Mentorships(all, rejected);
    }

    /** All columns as trimmed strings (blank = null), plus {@code _file}; fails with exit 3 when required columns are absent. */
    private static List<Map<String, String>> readRows(
            SparkSession spark, Path path, String what, List<String> required) {
        InputFormat format = InputFormat.detect(path, what);
        if (format != InputFormat.PARQUET && java.nio.file.Files.isRegularFile(path))
            TextEncoding.requireUtf8(path, what);
        Dataset<Row> df;
        try {
            df = switch (format) {
                case CSV ->
                    spark.read()
                            .option("header", "true")
                            .option("inferSchema", "false")
                            .csv(path.toString());
                case JSON_LINES ->
                    spark.read().option("primitivesAsString", "true").json(path.toString());
                case PARQUET -> spark.read().parquet(path.toString());
            };
        } catch (Exception e) {
            throw JobFailure.input(what + ": cannot read " + path + ": " + InteractionReader.firstLine(e));
        }
        List<String> columns = Arrays.asList(df.columns());
        List<String> missing =
                required.stream().filter(c -> !columns.contains(c)).collect(Collectors.toList());
        if (!missing.isEmpty())
            throw JobFailure.input(what + ": " + path + " lacks required column(s) " + missing + "; found " + columns);
        df = df.selectExpr(columns.stream()
                        .map(c -> "cast(`" + c + "` as string) as `" + c + "`")
                        .toArray(String[]::new))
                .withColumn("_file", org.apache.spark.sql.functions.col("_metadata.file_path"));
        List<Map<String, String>> out = new ArrayList<>();
        for (Row row : df.collectAsList()) {
            Map<String, String> m = new LinkedHashMap<>();
            for (int i = 0; i < row.length(); i++) {
                String v = row.isNullAt(i) ? null : row.getString(i).trim();
                m.put(row.schema().fields()[i].name(), v == null || v.isEmpty() ? null : v);
            }
            out.add(m);
        }
        return out;
    }

    private static LocalDate date(String s) {
        return s == null ? null : LocalDate.parse(s);
    }

    private static List<String> list(String s) {
        if (s == null) return List.of();
        return Arrays.stream(s.split(";"))
                .map(String::trim)
                .filter(x -> !x.isEmpty())
                .toList();
    }
}
