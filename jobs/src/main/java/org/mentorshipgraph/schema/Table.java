package org.mentorshipgraph.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small typed table built on the driver: the one shape from which CSV, Parquet, Neo4j rows and the report
 * read, so every output shows the same columns with the same values.
 */
public final class Table {
    public enum Type {
        STRING,
        LONG,
        DOUBLE,
        BOOLEAN
    }

    public record Column(String name, Type type) {}

    private final String name;
    private final List<Column> columns = new ArrayList<>();
    private final List<Object[]> rows = new ArrayList<>();

    public Table(String name) {
        this.name = name;
    }

    public Table column(String name, Type type) {
        columns.add(new Column(name, type));
        return this;
    }

    public void add(Object... row) {
        if (row.length != columns.size())
            throw new IllegalArgumentException(name + ": row has " + row.length + " fields, table " + columns.size());
        rows.add(row);
    }

    public String name() {
        return name;
    }

    public List<Column> columns() {
        return columns;
    }

    public List<Object[]> rows() {
        return rows;
    }

    public List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }

    public int indexOf(String column) {
        for (int i = 0; i < columns.size(); i++) if (columns.get(i).name().equals(column)) return i;
        throw new IllegalArgumentException(name + " has no column " + column);
    }

    /** A row as a map of column to value, NaN as null: what Neo4j and JSON want. */
    public Map<String, Object> rowMap(Object[] row) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            Object v = row[i];
            if (v instanceof Double d && (d.isNaN() || d.isInfinite())) v = null;
            m.put(columns.get(i).name(), v);
        }
        return m;
    }
}
