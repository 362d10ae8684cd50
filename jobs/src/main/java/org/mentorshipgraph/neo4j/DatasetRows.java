package org.mentorshipgraph.neo4j;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A Spark Dataset as a {@link RowSource}: {@link #open()} streams it to the driver with {@code toLocalIterator()} (one
 * partition at a time, so the driver holds at most one partition's rows besides what the writer holds), converting
 * each row by column name.
 *
 * <p>Values: strings as they are; any integer type as Long; Double and Float as Double, NaN and infinities as null;
 * Boolean; decimals as Double; a DATE as its ISO date ({@code 2026-03-01}); a TIMESTAMP as its ISO instant
 * ({@code 2026-03-01T09:00:00Z}, what the CSV files hold; TIMESTAMP_NTZ read as UTC). Another type is an error naming
 * the column.
 *
 * <p>Every {@code open()} runs the Dataset's plan again, partition by partition: persist the Dataset when it is
 * expensive to compute, and give it a deterministic order (it is read once per write today).
 */
public final class DatasetRows implements RowSource {
    private final Dataset<Row> rows;

    public DatasetRows(Dataset<Row> rows) {
        this.rows = rows;
    }

    @Override
    public Iterator<Map<String, Object>> open() {
        String[] columns = rows.columns();
        int[] index = new int[columns.length];
        for (int i = 0; i < columns.length; i++) {
            index[i] = rows.schema().fieldIndex(columns[i]);
            for (int j = 0; j < i; j++)
                if (columns[j].equals(columns[i]))
                    throw new IllegalArgumentException("two columns are named " + columns[i] + ": select one");
        }
        Iterator<Row> it = rows.toLocalIterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public Map<String, Object> next() {
                return toMap(it.next(), columns, index);
            }
        };
    }

    /** One row as column -> value (see the class comment); {@code index[i]} is the position of {@code columns[i]}. */
    static Map<String, Object> toMap(Row row, String[] columns, int[] index) {
        Map<String, Object> out = new HashMap<>(columns.length * 4 / 3 + 1);
        for (int i = 0; i < columns.length; i++) out.put(columns[i], value(row.get(index[i]), columns[i]));
        return out;
    }

    static Object value(Object v, String column) {
        if (v == null || v instanceof String || v instanceof Long || v instanceof Boolean) return v;
        if (v instanceof Double d) return d.isNaN() || d.isInfinite() ? null : d;
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) return ((Number) v).longValue();
        if (v instanceof Float f) return f.isNaN() || f.isInfinite() ? null : Double.valueOf(f.toString());
        if (v instanceof BigDecimal b) return b.doubleValue();
        if (v instanceof java.sql.Date d) return d.toLocalDate().toString();
        if (v instanceof LocalDate d) return d.toString();
        if (v instanceof java.sql.Timestamp t) return t.toInstant().toString();
        if (v instanceof Instant t) return t.toString();
        if (v instanceof LocalDateTime t) return t.toInstant(ZoneOffset.UTC).toString();
        throw new IllegalArgumentException("column " + column + ": cannot write a "
                + v.getClass().getName() + " to Neo4j (expected a string, number, boolean, date or timestamp)");
    }
}
