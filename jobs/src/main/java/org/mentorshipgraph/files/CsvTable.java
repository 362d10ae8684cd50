package org.mentorshipgraph.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.mentorshipgraph.storage.Location;

/**
 * A table written as one CSV file with a header, by Spark: each partition's rows are formatted on the executors
 * ({@link CsvWriter#line}: RFC 4180 quoting, numbers in the locale-free six-digit form) and written by Spark's text
 * writer as part files; the driver then streams the header and the part files, in partition order, into one file and
 * removes the parts. Memory stays bounded by a copy buffer whatever the size of the table, and the rows keep the
 * Dataset's order (a sorted Dataset gives a sorted file).
 */
public final class CsvTable {
    private CsvTable() {}

    /** Writes {@code table} (every column, in its order) to {@code file}, on any store. */
    public static void write(Dataset<Row> table, Location file) {
        String[] header = table.columns();
        int width = header.length;
        Dataset<String> lines = table.map(
                (MapFunction<Row, String>) r -> {
                    Object[] v = new Object[width];
                    for (int i = 0; i < width; i++) v[i] = r.get(i);
                    return CsvWriter.line(v);
                },
                Encoders.STRING());
        Location parts = file.parent().child("." + file.name() + ".parts");
        lines.write().mode("overwrite").text(parts.uri());
        try (OutputStream out = file.create()) {
            out.write((CsvWriter.line((Object[]) header) + "\n").getBytes(StandardCharsets.UTF_8));
            for (Location part : parts.children()) {
                if (!part.name().startsWith("part-")) continue;
                try (InputStream in = part.open()) {
                    in.transferTo(out);
                }
            }
        } catch (IOException e) {
            throw file.failure(e);
        }
        parts.delete();
    }
}
