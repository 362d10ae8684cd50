package org.mentorshipgraph.ingest;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.slice;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.upper;
import static org.apache.spark.sql.functions.when;

import java.io.Serializable;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/**
 * The one rule by which a person id is read, in every column of every input that names a person (the interactions'
 * {@code source_id} and {@code target_id}; the directory's {@code person_id} and {@code manager_id}; the mentorships'
 * {@code mentor_id} and {@code mentee_id}; the absences' and positions' {@code person_id}), so that the same person
 * written two ways in two exports is one person:
 *
 * <ol>
 *   <li>white space around the id is removed: every character for which {@link Character#isWhitespace} or
 *       {@link Character#isSpaceChar} holds (spaces, tabs, line breaks, no-break spaces); white space inside is kept;
 *   <li>the id is put in Unicode Normalization Form C (canonical composition, UAX #15), so that a decomposed
 *       {@code "Jose\u0301"} and a composed {@code "Jos\u00e9"} are the same id;
 *   <li>case is kept ({@code input.ids-case=sensitive}, the default): {@code "Ana"} and {@code "ana"} are two people,
 *       and the run warns that they differ only in case. With {@code input.ids-case=insensitive} case is folded
 *       the same way on every machine, whatever its locale: upper case then lower case in {@link Locale#ROOT}, then
 *       NFC again (an approximation of Unicode full case folding: {@code "Stra\u00dfe"} = {@code "STRASSE"} =
 *       {@code "strasse"}, {@code "\u03a3"} = {@code "\u03c3"} = {@code "\u03c2"}).
 * </ol>
 *
 * An id that is white space only becomes {@code ""} (a missing id). The rule is applied in Spark, as a column
 * function on each reader's rows ({@link #apply}), never by collecting ids. Cost: O(length) per id, one scan when the
 * id is ASCII without surrounding white space (the common case), else {@link Normalizer#normalize}.
 *
 * <p>{@link #census} counts, over every input at once, how many distinct raw ids the rule changed and which ids were
 * written in more than one way (the ambiguities a reader of the run should check), with examples.
 */
public final class PersonIds implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The rule of {@code input.ids-case=sensitive} (the default). */
    public static final PersonIds CASE_SENSITIVE = new PersonIds(false);

    /** The rule of {@code input.ids-case=insensitive}. */
    public static final PersonIds CASE_INSENSITIVE = new PersonIds(true);

    /** How many examples a warning names. */
    static final int EXAMPLES = 5;

    private final boolean foldCase;

    private PersonIds(boolean foldCase) {
        this.foldCase = foldCase;
    }

    public static PersonIds of(boolean foldCase) {
        return foldCase ? CASE_INSENSITIVE : CASE_SENSITIVE;
    }

    public boolean foldsCase() {
        return foldCase;
    }

    /** The rule in a few words, for messages and the run record. */
    public String describe() {
        return "surrounding white space removed, Unicode NFC, "
                + (foldCase ? "case folded: input.ids-case=insensitive" : "case kept: input.ids-case=sensitive");
    }

    /** The id as the run reads it; null stays null. */
    public String normalise(String raw) {
        return normalise(raw, foldCase);
    }

    /** The rule itself (see the class comment). */
    public static String normalise(String raw, boolean foldCase) {
        if (raw == null) return null;
        String s = strip(raw);
        boolean ascii = true;
        for (int i = 0; i < s.length() && ascii; i++) ascii = s.charAt(i) < 0x80;
        if (ascii) return foldCase ? s.toLowerCase(Locale.ROOT) : s;
        if (!Normalizer.isNormalized(s, Normalizer.Form.NFC)) s = Normalizer.normalize(s, Normalizer.Form.NFC);
        if (foldCase)
            s = Normalizer.normalize(s.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT), Normalizer.Form.NFC);
        return s;
    }

    /** The id without the white space around it (step 1 of the rule). */
    static String strip(String raw) {
        int start = 0, end = raw.length();
        while (start < end && isSpace(raw.charAt(start))) start++;
        while (end > start && isSpace(raw.charAt(end - 1))) end--;
        return raw.substring(start, end);
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** The rule as a Spark column function: {@code apply(col("source_id"))}. */
    public Column apply(Column raw) {
        boolean fold = foldCase;
        UserDefinedFunction f = org.apache.spark.sql.functions.udf(
                (UDF1<String, String>) s -> normalise(s, fold), DataTypes.StringType);
        return f.apply(raw);
    }

    /**
     * What the rule did to {@code raw} on its way to {@code id}, in words ("spaces", "decomposed", "case"), or "" when
     * it is unchanged.
     */
    public String change(String raw) {
        if (raw == null) return "";
        StringJoiner j = new StringJoiner(", ");
        String stripped = strip(raw);
        String composed = stripped;
        if (!stripped.equals(raw)) j.add("spaces");
        if (!Normalizer.isNormalized(stripped, Normalizer.Form.NFC)) {
            j.add("decomposed");
            composed = Normalizer.normalize(stripped, Normalizer.Form.NFC);
        }
        if (foldCase && !normalise(raw, true).equals(composed)) j.add("case");
        return j.toString();
    }

    /** An id as a message shows it: quoted, with control and no-break characters escaped so that they can be seen. */
    static String quoted(String id) {
        StringBuilder sb = new StringBuilder("'");
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c == '\t') sb.append("\\t");
            else if (c == '\n') sb.append("\\n");
            else if (c == '\r') sb.append("\\r");
            else if (Character.isISOControl(c) || (Character.isSpaceChar(c) && c != ' '))
                sb.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
            else sb.append(c);
        }
        return sb.append('\'').toString();
    }

    /** The raw ids of one input's id column, as {@link #census} takes them: columns {@code raw} and {@code id}. */
    public static Dataset<Row> forms(Dataset<Row> rows, String rawColumn, String idColumn) {
        return rows.select(col(rawColumn).as("raw"), col(idColumn).as("id"))
                .filter(col("id").isNotNull().and(col("id").notEqual("")));
    }

    /**
     * What the rule did over all inputs.
     *
     * @param rule the rule, in words ({@link #describe})
     * @param changed distinct raw ids the rule changed (a trailing space, a decomposed accent, a case under folding)
     * @param mergedIds ids read from two or more distinct raw forms (e.g. {@code "p0010"} and {@code "p0010 "})
     * @param mergedRawIds the distinct raw forms of those ids
     * @param merged up to {@value #EXAMPLES} of them, each as "'raw' (what changed) = 'raw'"
     * @param caseOnlyIds with case kept: groups of ids that differ only in case, read as different people
     * @param caseOnly up to {@value #EXAMPLES} of them, each as "'Ana' / 'ana'"
     */
    public record Census(
            String rule,
            long changed,
            long mergedIds,
            long mergedRawIds,
            List<String> merged,
            long caseOnlyIds,
            List<String> caseOnly) {

        /** Counts for {@code run.json}. */
        public Map<String, Object> counts() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("ids_changed_by_rule", changed);
            m.put("ids_written_several_ways", mergedIds);
            m.put("raw_ids_read_as_one", mergedRawIds);
            m.put("ids_differing_only_in_case", caseOnlyIds);
            return m;
        }

        /** The warnings a run gives, one line each (none when every id was written one way). */
        public List<String> warnings() {
            List<String> w = new ArrayList<>();
            if (mergedIds > 0)
                w.add(String.format(
                        Locale.ROOT,
                        "%,d id%s written in more than one way (%,d raw forms) and read as one by the id rule "
                                + "(%s): %s%s; check that each is one person",
                        mergedIds,
                        mergedIds == 1 ? " was" : "s were",
                        mergedRawIds,
                        rule,
                        String.join("; ", merged),
                        mergedIds > merged.size() ? "; ..." : ""));
            if (caseOnlyIds > 0)
                w.add(String.format(
                        Locale.ROOT,
                        "%,d id%s differ%s from another only in case and %s read as different people: %s%s; if "
                                + "they are the same person, set input.ids-case=insensitive",
                        caseOnlyIds,
                        caseOnlyIds == 1 ? "" : "s",
                        caseOnlyIds == 1 ? "s" : "",
                        caseOnlyIds == 1 ? "is" : "are",
                        String.join("; ", caseOnly),
                        caseOnlyIds > caseOnly.size() ? "; ..." : ""));
            return w;
        }
    }

    /**
     * Counts, over the raw and normalised ids of every input ({@link #forms}), what the rule changed and merged, and
     * (with case kept) which ids differ only in case. In Spark: the distinct (raw, id) pairs grouped by id, then by the
     * case-folded id; only the totals and at most {@value #EXAMPLES} examples of each kind reach the driver. Cost: one
     * pass over the forms without a shuffle, which is all when no id was changed and none has a letter that case
     * folding changes; else one job of three small shuffles (the raw forms per id, partially aggregated where the
     * rows are; the ids per folded id; the totals) and, when there are examples, one job for each kind.
     */
    public Census census(List<Dataset<Row>> forms) {
        Dataset<Row> all = forms.get(0);
        for (int i = 1; i < forms.size(); i++) all = all.union(forms.get(i));
        Column folded = org.apache.spark.sql.functions.lower(upper(col("id")));
        // first, one pass without a shuffle of rows: nothing changed and no id that case folding would change (ids
        // such as p0010 or lower-case e-mail addresses) is the usual answer, and then there is nothing to count
        Row quick = all.agg(
                        coalesce(sum(when(col("raw").notEqual(col("id")), 1).otherwise(0)), lit(0L)),
                        coalesce(sum(when(folded.notEqual(col("id")), 1).otherwise(0)), lit(0L)))
                .first();
        if (quick.getLong(0) == 0 && (foldCase || quick.getLong(1) == 0))
            return new Census(describe(), 0, 0, 0, List.of(), 0, List.of());
        // per id its distinct raw forms (one shuffle, partially aggregated where the rows are)
        Dataset<Row> byId = all.groupBy("id")
                .agg(array_sort(collect_set(col("raw"))).as("raws"))
                .select(
                        col("id"),
                        size(col("raws")).as("forms"),
                        size(filter(col("raws"), r -> r.notEqual(col("id")))).as("changed"),
                        slice(col("raws"), 1, 4).as("raws"));
        // per case-folded id (with case kept: ids that differ only in case; Spark's upper and lower case maps are
        // Java's in the root locale, the rule's fold without its last NFC); with case folded each id is its own key
        Dataset<Row> byKey = byId.withColumn("key", foldCase ? col("id") : folded)
                .groupBy("key")
                .agg(
                        sum("changed").as("changed"),
                        sum(when(col("forms").gt(1), 1).otherwise(0)).as("merged"),
                        sum(when(col("forms").gt(1), col("forms")).otherwise(0)).as("merged_raw"),
                        count(lit(1)).as("variants"),
                        slice(sort_array(collect_list(col("id"))), 1, 3).as("ids"));
        Row totals = byKey.agg(
                        coalesce(sum("changed"), lit(0L)),
                        coalesce(sum("merged"), lit(0L)),
                        coalesce(sum("merged_raw"), lit(0L)),
                        coalesce(sum(when(col("variants").gt(1), 1).otherwise(0)), lit(0L)))
                .first();
        long changed = totals.getLong(0), mergedIds = totals.getLong(1), mergedRaw = totals.getLong(2);
        long caseOnly = foldCase ? 0 : totals.getLong(3);
        List<String> merged = new ArrayList<>(), caseExamples = new ArrayList<>();
        if (mergedIds > 0) {
            for (Row r : byId.filter(col("forms").gt(1))
                    .orderBy("id")
                    .limit(EXAMPLES)
                    .collectAsList()) {
                StringJoiner j = new StringJoiner(" = ");
                List<String> raws = r.getList(r.fieldIndex("raws"));
                for (String raw : raws) {
                    String how = change(raw);
                    j.add(quoted(raw) + (how.isEmpty() ? "" : " (" + how + ")"));
                }
                long more = r.getInt(r.fieldIndex("forms")) - raws.size();
                merged.add(j + (more > 0 ? " and " + more + " more" : ""));
            }
        }
        if (caseOnly > 0) {
            for (Row r : byKey.filter(col("variants").gt(1))
                    .orderBy("key")
                    .limit(EXAMPLES)
                    .collectAsList()) {
                StringJoiner j = new StringJoiner(" / ");
                List<String> ids = r.getList(r.fieldIndex("ids"));
                for (String id : ids) j.add(quoted(id));
                long more = r.getLong(r.fieldIndex("variants")) - ids.size();
                caseExamples.add(j + (more > 0 ? " and " + more + " more" : ""));
            }
        }
        return new Census(describe(), changed, mergedIds, mergedRaw, merged, caseOnly, caseExamples);
    }
}
