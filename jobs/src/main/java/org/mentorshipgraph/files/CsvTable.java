package org.mentorshipgraph.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;

/**
 * A table written as one CSV file with a header, by Spark: each partition's rows are formatted on the executors
 * ({@link CsvWriter#line}: RFC 4180 quoting, numbers in the locale-free six-digit form) and written by Spark's text
 * writer as part files; the driver then streams the header and the part files, in partition order, into one file and
 * removes the parts. Memory stays bounded by a copy buffer whatever the size of the table, and the rows keep the
 * Dataset's order (a sorted Dataset gives a sorted file).
 */
public final class CsvTable {
    private CsvTable() {}

    /** Writes {@code table} (every column, in its order) to {@code file}; returns the number of data rows. */
    public static long write(Dataset<Row> table, Path file) {
        String[] header = table.columns();
        int width = header.length;
        Dataset<String> lines = table.map(
                (MapFunction<Row, String>) r -> {
                    Object[] v = new Object[width];
                    for (int i = 0; i < width; i++) v[i] = r.get(i);
                    return CsvWriter.line(v);
                },
                Encoders.STRING());
        Path parts = file.resolveSibling("." + file.getFileName() + ".parts");
        lines.write().mode("overwrite").text(parts.toString());
        long rows = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write((CsvWriter.line((Object[]) header) + "\n").getBytes(StandardCharsets.UTF_8));
            List<Path> files;
            try (Stream<Path> s = Files.list(parts)) {
                files = s.filter(p -> p.getFileName().toString().startsWith("part-"))
                        .sorted()
                        .toList();
            }
            byte[] buffer = new byte[1 << 16];
            for (Path part : files) {
                try (InputStream in = Files.newInputStream(part)) {
                    for (int k = in.read(buffer); k >= 0; k = in.read(buffer)) {
                        out.write(buffer, 0, k);
                        for (int i = 0; i < k; i++) if (buffer[i] == '\n') rows++;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        RunFiles.deleteTree(parts);
        return rows;
    }
}
