package org.mentorshipgraph.neo4j;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.mentorshipgraph.schema.Table;

/**
 * The rows of one table (people or ties), read as a stream: {@link GraphWriter} pulls them a slice at a time and never
 * holds all of them. Each row is a map of column to value, the columns exactly those of
 * {@code schema.ResultTables.peopleColumns()} or {@code tieColumns()}; values are String, Long, Double, Boolean or
 * null (NaN and infinities as null), dates and instants as ISO strings, as in the CSV files.
 *
 * <p>{@link #open()} may be called more than once (the writer reads each source once per write today); every call
 * starts from the first row, and the writer never modifies the maps it is given.
 */
public interface RowSource {
    /** A new iterator over the rows. */
    Iterator<Map<String, Object>> open();

    /** Rows already in memory (tests and small inputs). */
    static RowSource of(List<Map<String, Object>> rows) {
        List<Map<String, Object>> fixed = List.copyOf(rows);
        return fixed::iterator;
    }

    /** A table's rows, each turned into a map ({@link Table#rowMap}) as it is read. */
    static RowSource of(Table table) {
        return () -> new Iterator<>() {
            private final Iterator<Object[]> rows = table.rows().iterator();

            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public Map<String, Object> next() {
                return table.rowMap(rows.next());
            }
        };
    }
}
