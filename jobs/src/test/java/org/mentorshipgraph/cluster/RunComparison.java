package org.mentorshipgraph.cluster;

import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.schema.PrimitiveType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Compares the files of two runs: equal byte for byte, or else equal as sets of rows where numbers may differ by
 * what a different order of floating-point summation can cause.
 */
final class RunComparison {
    /** Relative tolerance for full-precision doubles (Parquet). */
    static final double TOLERANCE = 1e-9;
    /** CSV numbers carry 6 significant digits: a summation difference can flip the last one. */
    static final double CSV_TOLERANCE = 1e-5;

    private RunComparison() {}

    /** "identical", or "equal as row sets within tolerance"; throws AssertionError naming the first difference. */
    static String csv(Path expected, Path actual) throws IOException {
        byte[] a = Files.readAllBytes(expected);
        byte[] b = Files.readAllBytes(actual);
        if (Arrays.equals(a, b)) return "identical";
        List<List<String>> x = parseCsv(new String(a, StandardCharsets.UTF_8));
        List<List<String>> y = parseCsv(new String(b, StandardCharsets.UTF_8));
        String name = actual.getFileName().toString();
        if (!x.get(0).equals(y.get(0))) throw new AssertionError(name + ": headers differ: " + x.get(0) + " vs " + y.get(0));
        List<String> header = x.get(0);
        List<List<String>> xr = sortedByText(x.subList(1, x.size()));
        List<List<String>> yr = sortedByText(y.subList(1, y.size()));
        if (xr.size() != yr.size()) throw new AssertionError(name + ": " + xr.size() + " rows vs " + yr.size());
        for (int r = 0; r < xr.size(); r++) {
            for (int c = 0; c < header.size(); c++) {
                String u = xr.get(r).get(c), v = yr.get(r).get(c);
                if (!u.equals(v) && !(numeric(u) && numeric(v) && close(Double.parseDouble(u), Double.parseDouble(v), CSV_TOLERANCE))) {
                    throw new AssertionError(String.format(Locale.ROOT, "%s: row %s, column %s: %s vs %s", name, xr.get(r).get(0), header.get(c), u, v));
                }
            }
        }
        return "equal as row sets within tolerance";
    }

    /** Compares two Parquet folders (Spark's output, any number of part files) at full precision. */
    static String parquet(Path expectedDir, Path actualDir) throws IOException {
        List<List<Object>> x = readParquet(expectedDir);
        List<List<Object>> y = readParquet(actualDir);
        String name = actualDir.getFileName().toString();
        if (x.size() != y.size()) throw new AssertionError(name + ": " + x.size() + " rows vs " + y.size());
        Comparator<List<Object>> byKey = Comparator.comparing(RunComparison::nonDoubleKey);
        x.sort(byKey);
        y.sort(byKey);
        boolean exact = true;
        for (int r = 0; r < x.size(); r++) {
            List<Object> u = x.get(r), v = y.get(r);
            for (int c = 0; c < u.size(); c++) {
                Object p = u.get(c), q = v.get(c);
                if (java.util.Objects.equals(p, q)) continue;
                exact = false;
                if (p instanceof Double d && q instanceof Double e && close(d, e, TOLERANCE)) continue;
                throw new AssertionError(String.format(Locale.ROOT, "%s: row %s, field %d: %s vs %s", name, u.get(0), c, p, q));
            }
        }
        return exact ? "identical values" : "equal within " + TOLERANCE;
    }

    static boolean close(double a, double b, double tolerance) {
        if (Double.isNaN(a) && Double.isNaN(b)) return true;
        return Math.abs(a - b) <= tolerance * Math.max(1.0, Math.max(Math.abs(a), Math.abs(b)));
    }

    private static boolean numeric(String s) {
        if (s.isEmpty()) return false;
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static List<List<String>> sortedByText(List<List<String>> rows) {
        List<List<String>> copy = new ArrayList<>(rows);
        copy.sort(Comparator.comparing(r -> String.join("\u0001", r.stream().map(f -> numeric(f) ? "" : f).toList())));
        return copy;
    }

    private static String nonDoubleKey(List<Object> row) {
        StringBuilder sb = new StringBuilder();
        for (Object o : row) sb.append(o instanceof Double ? "" : String.valueOf(o)).append('\u0001');
        return sb.toString();
    }

    /** RFC 4180: quoted fields may hold commas, quotes (doubled) and line breaks. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    f.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                row.add(f.toString());
                f.setLength(0);
            } else if (ch == '\n') {
                row.add(f.toString());
                f.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else if (ch != '\r') {
                f.append(ch);
            }
        }
        if (f.length() > 0 || !row.isEmpty()) {
            row.add(f.toString());
            rows.add(row);
        }
        return rows;
    }

    private static List<List<Object>> readParquet(Path dir) throws IOException {
        List<Path> parts;
        try (Stream<Path> s = Files.list(dir)) {
            parts = s.filter(p -> p.getFileName().toString().endsWith(".parquet")).sorted().toList();
        }
        if (parts.isEmpty()) throw new AssertionError("no Parquet part file in " + dir);
        List<List<Object>> rows = new ArrayList<>();
        for (Path part : parts) {
            try (ParquetReader<Group> reader = ParquetReader.builder(new GroupReadSupport(),
                    new org.apache.hadoop.fs.Path(part.toUri())).build()) {
                for (Group g = reader.read(); g != null; g = reader.read()) {
                    List<Object> row = new ArrayList<>();
                    for (int i = 0; i < g.getType().getFieldCount(); i++) {
                        if (g.getFieldRepetitionCount(i) == 0) {
                            row.add(null);
                            continue;
                        }
                        PrimitiveType.PrimitiveTypeName t = g.getType().getType(i).asPrimitiveType().getPrimitiveTypeName();
                        row.add(switch (t) {
                            case DOUBLE -> g.getDouble(i, 0);
                            case INT64 -> g.getLong(i, 0);
                            case INT32 -> (long) g.getInteger(i, 0);
                            case BOOLEAN -> g.getBoolean(i, 0);
                            default -> g.getValueToString(i, 0);
                        });
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }
}
