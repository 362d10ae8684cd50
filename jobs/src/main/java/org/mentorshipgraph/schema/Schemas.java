package org.mentorshipgraph.schema;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Declared table schemas, checked where a step takes a table in (Spark ML's {@code transformSchema} habit): a step
 * states the columns it reads with their types, and a table that lacks one, or has it with another type, stops the
 * run before any data moves, with a message naming the step, the column and both types. Extra columns are allowed.
 */
public final class Schemas {
    private Schemas() {}

    /** A schema from (name, type) pairs; every column nullable. */
    public static StructType of(Object... nameTypePairs) {
        if (nameTypePairs.length % 2 != 0) throw new IllegalArgumentException("name/type pairs expected");
        StructType t = new StructType();
        for (int i = 0; i < nameTypePairs.length; i += 2) {
            t = t.add((String) nameTypePairs[i], (DataType) nameTypePairs[i + 1], true);
        }
        return t;
    }

    /**
     * Checks that {@code actual} has every column of {@code expected} with the same type.
     *
     * @throws IllegalStateException naming {@code where}, each missing column and each type that differs
     */
    public static void require(StructType expected, StructType actual, String where) {
        List<String> problems = new ArrayList<>();
        for (StructField f : expected.fields()) {
            int i = indexOf(actual, f.name());
            if (i < 0) problems.add("column '" + f.name() + "' (" + f.dataType().simpleString() + ") is missing");
            else if (!actual.fields()[i].dataType().sameType(f.dataType())) {
                problems.add("column '" + f.name() + "' is "
                        + actual.fields()[i].dataType().simpleString() + ", expected "
                        + f.dataType().simpleString());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException(where + ": input table does not match its declared schema: "
                    + String.join("; ", problems) + " (columns: " + String.join(", ", actual.fieldNames()) + ")");
        }
    }

    /** {@link #require(StructType, StructType, String)} on a Dataset's schema; returns the Dataset. */
    public static <T> Dataset<T> require(StructType expected, Dataset<T> table, String where) {
        require(expected, table.schema(), where);
        return table;
    }

    private static int indexOf(StructType t, String name) {
        String[] names = t.fieldNames();
        for (int i = 0; i < names.length; i++) if (names[i].equals(name)) return i;
        return -1;
    }
}
