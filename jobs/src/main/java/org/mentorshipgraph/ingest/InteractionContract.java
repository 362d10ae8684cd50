package org.mentorshipgraph.ingest;

import static org.apache.spark.sql.functions.callUDF;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;

/**
 * The interaction data contract (docs/domain.md): each raw row is either valid, or quarantined with the first
 * reason it breaks the contract, or set aside with a count (outside the run's time range, an exact duplicate).
 *
 * <p>Reasons, checked in this order: malformed line; text that is not valid UTF-8 (a file in another encoding, whose
 * bytes Spark decodes to U+FFFD, or NUL characters); missing source_id / target_id / channel; an id, channel or event id
 * longer than {@value #MAX_FIELD_LENGTH} characters (a runaway field, such as a line with a lost quote); missing,
 * unparseable or zone-less timestamp; self-interaction (the two ids equal once read by the {@link PersonIds} rule, with
 * its own reason when they were written differently); timestamp in the future of the run (after the as-of date
 * in a day partition the run read, or after the wall clock); duration_minutes not a non-negative number.
 *
 * <p>The quarantined record keeps the original fields as JSON (or the raw line when it could not be split), cut to
 * {@value #MAX_RECORD_LENGTH} characters so that one huge line cannot swell {@code rejected.csv}.
 */
public final class InteractionContract {
    private InteractionContract() {}

    /**
     * Valid interactions ({@link #VALID_COLUMNS}), quarantined rows, the counts of each fate, and the raw and
     * normalised person ids of every row whose line could be read ({@link PersonIds#forms}: {@code raw}, {@code id}).
     */
    public record CheckedInteractions(
            Dataset<Row> valid,
            Dataset<Row> rejected,
            long rowsRead,
            long validRows,
            long rejectedRows,
            long duplicateRows,
            long afterAsOfRows,
            long beforeLookbackRows,
            Map<String, Long> rejectedByReason,
            Dataset<Row> idForms) {}

    /** Longest accepted source_id, target_id, channel or event_id. */
    public static final int MAX_FIELD_LENGTH = 256;
    /** Longest quarantined record kept in rejected.csv; longer ones are cut and say so. */
    public static final int MAX_RECORD_LENGTH = 2000;

    public static final String NOT_UTF8_REASON =
            "not valid UTF-8 text (the file is in another encoding, such as Latin-1: re-save it as UTF-8)";

    public static final List<String> VALID_COLUMNS =
            List.of("ts_ms", "source_id", "target_id", "channel", "duration_minutes", "event_id");

    static void registerFunctions(SparkSession spark) {
        spark.udf().register("mg_ts_millis", (UDF1<String, Long>) TimestampParser::parseMillis, DataTypes.LongType);
        spark.udf().register("mg_ts_problem", (UDF1<String, String>) TimestampParser::problem, DataTypes.StringType);
    }

    /**
     * Checks raw rows.
     *
     * @param lookbackStartMs  rows before this instant are counted and left out
     * @param asOfEndMs        the end (exclusive) of the as-of day
     * @param nowMs            the wall clock: anything later is in the future whatever the input's layout
     * @param partitioned      whether the rows came from day partitions no later than the as-of date
     */
    public static CheckedInteractions check(
            SparkSession spark,
            Dataset<Row> raw,
            long lookbackStartMs,
            long asOfEndMs,
            long nowMs,
            boolean partitioned) {
        return check(spark, raw, lookbackStartMs, asOfEndMs, nowMs, partitioned, InputFormat.CSV);
    }

    /** The reason a line the reader could not parse is quarantined with, in the terms of its format. */
    static String malformedReason(InputFormat format) {
        return format == InputFormat.JSON_LINES
                ? "malformed line (not a JSON object)"
                : "malformed line (wrong number of fields or broken quoting; a line break inside a quoted field needs "
                        + "input.csv-multiline=true)";
    }

    /**
     * Checks raw rows read in {@code format} (which names what a malformed line is).
     *
     * @see #check(SparkSession, Dataset, long, long, long, boolean)
     */
    public static CheckedInteractions check(
            SparkSession spark,
            Dataset<Row> raw,
            long lookbackStartMs,
            long asOfEndMs,
            long nowMs,
            boolean partitioned,
            InputFormat format) {
        return check(spark, raw, lookbackStartMs, asOfEndMs, nowMs, partitioned, format, PersonIds.CASE_SENSITIVE);
    }

    /**
     * The reason of a row whose two ids are written differently but are one id by the id rule (such as {@code "p0010"}
     * and {@code "p0010 "}); the quarantined record shows both as written.
     */
    public static String sameIdReason(PersonIds ids) {
        return "self-interaction (source_id and target_id are written differently but are one id by the id rule: "
                + ids.describe() + ")";
    }

    /**
     * Checks raw rows read in {@code format}, reading every person id by {@code ids} (the id rule, applied once per
     * column before any check).
     *
     * @see #check(SparkSession, Dataset, long, long, long, boolean)
     */
    public static CheckedInteractions check(
            SparkSession spark,
            Dataset<Row> raw,
            long lookbackStartMs,
            long asOfEndMs,
            long nowMs,
            boolean partitioned,
            InputFormat format,
            PersonIds ids) {
        registerFunctions(spark);
        // the id rule once per column (a later projection refers to the result, so the function runs once per row)
        raw = raw.withColumn("_src", ids.apply(col("source_id"))).withColumn("_dst", ids.apply(col("target_id")));
        Column src = col("_src");
        Column dst = col("_dst");
        Column channel = lower(trim(col("channel")));
        Column ts = callUDF("mg_ts_millis", col("timestamp"));
        Column tsProblem = callUDF("mg_ts_problem", col("timestamp"));
        Column duration = expr("try_cast(trim(duration_minutes) as double)");
        Column durationGiven = col("duration_minutes")
                .isNotNull()
                .and(trim(col("duration_minutes")).notEqual(""));
        Column futureLimit = partitioned ? lit(Math.min(asOfEndMs, nowMs)) : lit(nowMs);

        Column allText = org.apache.spark.sql.functions.concat_ws(
                "\u0001", InteractionReader.COLUMNS.stream().map(c -> col(c)).toArray(Column[]::new));
        Column notUtf8 = allText.contains("\uFFFD").or(allText.contains("\u0000"));
        Column reason = when(col(InteractionReader.CORRUPT).isNotNull(), lit(malformedReason(format)))
                .when(notUtf8, lit(NOT_UTF8_REASON))
                .when(src.isNull().or(src.equalTo("")), lit("missing source_id"))
                .when(dst.isNull().or(dst.equalTo("")), lit("missing target_id"))
                .when(channel.isNull().or(channel.equalTo("")), lit("missing channel"))
                .when(tooLong(src), lit("source_id longer than " + MAX_FIELD_LENGTH + " characters"))
                .when(tooLong(dst), lit("target_id longer than " + MAX_FIELD_LENGTH + " characters"))
                .when(tooLong(channel), lit("channel longer than " + MAX_FIELD_LENGTH + " characters"))
                .when(tooLong(trim(col("event_id"))), lit("event_id longer than " + MAX_FIELD_LENGTH + " characters"))
                .when(tsProblem.isNotNull(), tsProblem)
                .when(
                        src.equalTo(dst),
                        when(
                                        col("source_id").equalTo(col("target_id")),
                                        lit("self-interaction (source_id = target_id)"))
                                .otherwise(lit(sameIdReason(ids))))
                .when(ts.geq(futureLimit), lit("timestamp in the future of the run"))
                .when(
                        durationGiven.and(duration.isNull()
                                .or(duration.lt(0))
                                .or(expr("isnan(try_cast(trim(duration_minutes) as double))"))),
                        lit("duration_minutes is not a non-negative number"));

        Dataset<Row> classified = raw.select(
                        reason.as("reason"),
                        ts.as("ts_ms"),
                        src.as("source_id"),
                        dst.as("target_id"),
                        channel.as("channel"),
                        duration.as("duration_minutes"),
                        when(trim(col("event_id")).equalTo(""), lit(null))
                                .otherwise(trim(col("event_id")))
                                .as("event_id"),
                        cut(coalesce(
                                        col(InteractionReader.CORRUPT),
                                        to_json(struct(InteractionReader.COLUMNS.stream()
                                                .map(c -> col(c))
                                                .toArray(Column[]::new)))))
                                .as("record"),
                        col("_file"),
                        // the raw id where the rule changed it (null otherwise: the cached rows stay small)
                        when(src.notEqual(col("source_id")), col("source_id")).as("source_raw"),
                        when(dst.notEqual(col("target_id")), col("target_id")).as("target_raw"),
                        col(InteractionReader.CORRUPT)
                                .isNull()
                                .and(not(notUtf8))
                                .as("ids_readable"))
                .withColumn(
                        "fate",
                        when(col("reason").isNotNull(), lit("rejected"))
                                .when(col("ts_ms").geq(asOfEndMs), lit("after_as_of"))
                                .when(col("ts_ms").lt(lookbackStartMs), lit("before_lookback"))
                                .otherwise(lit("valid")))
                .persist(StorageLevel.MEMORY_AND_DISK());

        Map<String, Long> fates = new LinkedHashMap<>();
        Map<String, Long> reasons = new LinkedHashMap<>();
        for (Row r : classified
                .groupBy("fate", "reason")
                .agg(count(lit(1)).as("n"))
                .orderBy(col("n").desc())
                .collectAsList()) {
            fates.merge(r.getString(0), r.getLong(2), Long::sum);
            if (r.getString(1) != null) reasons.put(r.getString(1), r.getLong(2));
        }
        long read = fates.values().stream().mapToLong(Long::longValue).sum();

        Dataset<Row> inRange = classified
                .filter(col("fate").equalTo("valid"))
                .select(VALID_COLUMNS.stream().map(c -> col(c)).toArray(Column[]::new));
        Dataset<Row> valid = inRange.dropDuplicates("ts_ms", "source_id", "target_id", "channel", "event_id")
                .persist(StorageLevel.MEMORY_AND_DISK());
        long validCount = valid.count();
        long duplicates = fates.getOrDefault("valid", 0L) - validCount;

        Dataset<Row> rejected = classified
                .filter(col("fate").equalTo("rejected"))
                .select(lit("interactions").as("input"), col("_file").as("file"), col("reason"), col("record"));
        return new CheckedInteractions(
                valid,
                rejected,
                read,
                validCount,
                fates.getOrDefault("rejected", 0L),
                duplicates,
                fates.getOrDefault("after_as_of", 0L),
                fates.getOrDefault("before_lookback", 0L),
                reasons,
                idForms(classified));
    }

    /** The raw and normalised ids of every row whose line could be read, source and target alike. */
    private static Dataset<Row> idForms(Dataset<Row> classified) {
        Dataset<Row> readable = classified.filter(col("ids_readable"));
        return PersonIds.forms(
                        readable.withColumn("_raw", coalesce(col("source_raw"), col("source_id"))), "_raw", "source_id")
                .union(PersonIds.forms(
                        readable.withColumn("_raw", coalesce(col("target_raw"), col("target_id"))),
                        "_raw",
                        "target_id"));
    }

    private static Column tooLong(Column c) {
        return org.apache.spark.sql.functions.length(c).gt(MAX_FIELD_LENGTH);
    }

    /** The record, cut to {@link #MAX_RECORD_LENGTH} characters with a note of its full length. */
    private static Column cut(Column record) {
        Column n = org.apache.spark.sql.functions.length(record);
        return when(
                        n.gt(MAX_RECORD_LENGTH),
                        org.apache.spark.sql.functions.concat(
                                record.substr(1, MAX_RECORD_LENGTH),
                                lit(" ... (cut; "),
                                n.cast("string"),
                                lit(" characters in all)")))
                .otherwise(record);
    }
}
