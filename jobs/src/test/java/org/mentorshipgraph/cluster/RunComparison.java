package org.mentorshipgraph.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.schema.PrimitiveType;

/**
 * Compares the files of two runs: equal byte for byte, or else equal as sets of rows where numbers may differ by
 * what a different order of floating-point summation causes. Such a difference shows at full precision (Parquet,
 * tolerance 1e-9 relative) and, rarely, as a last printed digit that rounds the other way, in a number column of a
 * CSV (6 significant digits) or inside a text (e.g. a status reason's "0.37/week"): that is accepted for numbers
 * with a decimal point; integers (counts, ranks, days) must be equal.
 */
final class RunComparison {
    /** Relative tolerance for full-precision doubles. */
    static final double TOLERANCE = 1e-9;

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?");

    private RunComparison() {}

    /** "identical", or "equal as row sets, N fields within tolerance"; throws AssertionError naming the first difference. */
    static String csv(Path expected, Path actual) throws IOException {
        byte[] a = Files.readAllBytes(expected);
        byte[] b = Files.readAllBytes(actual);
        if (Arrays.equals(a, b)) return "identical";
        List<List<String>> x = parseCsv(new String(a, StandardCharsets.UTF_8));
        List<List<String>> y = parseCsv(new String(b, StandardCharsets.UTF_8));
        String name = actual.getFileName().toString();
        if (!x.get(0).equals(y.get(0)))
            throw new AssertionError(name + ": headers differ: " + x.get(0) + " vs " + y.get(0));
        List<String> header = x.get(0);
        List<List<String>> xr = new ArrayList<>(x.subList(1, x.size()));
        List<List<String>> yr = new ArrayList<>(y.subList(1, y.size()));
        if (xr.size() != yr.size()) throw new AssertionError(name + ": " + xr.size() + " rows vs " + yr.size());
        // rows are identified by their leading text columns (person_id; person_a, person_b), which hold no measurement
        int keyColumns = 0;
        while (!xr.isEmpty()
                && keyColumns < header.size()
                && !NUMBER.matcher(xr.get(0).get(keyColumns)).matches()) keyColumns++;
        int k = Math.max(1, keyColumns);
        Comparator<List<String>> byKey =
                Comparator.comparing(r -> String.join("\u0001", r.subList(0, Math.min(k, r.size()))));
        xr.sort(byKey);
        yr.sort(byKey);
        int differing = 0;
        for (int r = 0; r < xr.size(); r++) {
            if (xr.get(r).size() != yr.get(r).size())
                throw new AssertionError(name + ": row " + xr.get(r).get(0) + " has a different number of fields");
            for (int c = 0; c < header.size(); c++) {
                String u = xr.get(r).get(c), v = yr.get(r).get(c);
                if (u.equals(v)) continue;
                if (!sameText(u, v)) {
                    throw new AssertionError(String.format(
                            Locale.ROOT,
                            "%s: row %s, column %s: %s vs %s",
                            name,
                            xr.get(r).get(0),
                            header.get(c),
                            u,
                            v));
                }
                differing++;
            }
        }
        return "equal as row sets, " + differing + " field(s) differ within tolerance";
    }

    /** Compares two Parquet folders (Spark's output, any number of part files) at full precision. */
    static String parquet(Path expectedDir, Path actualDir) throws IOException {
        List<List<Object>> x = readParquet(expectedDir);
        List<List<Object>> y = readParquet(actualDir);
        String name = actualDir.getFileName().toString();
        if (x.size() != y.size()) throw new AssertionError(name + ": " + x.size() + " rows vs " + y.size());
        Comparator<List<Object>> byKey = Comparator.comparing(RunComparison::leadingText);
        x.sort(byKey);
        y.sort(byKey);
        int differing = 0;
        for (int r = 0; r < x.size(); r++) {
            List<Object> u = x.get(r), v = y.get(r);
            for (int c = 0; c < u.size(); c++) {
                Object p = u.get(c), q = v.get(c);
                if (java.util.Objects.equals(p, q)) continue;
                differing++;
                if (p instanceof Double d && q instanceof Double e && close(d, e, TOLERANCE)) continue;
                if (p instanceof String d && q instanceof String e && sameText(d, e)) continue;
                throw new AssertionError(
                        String.format(Locale.ROOT, "%s: row %s, field %d: %s vs %s", name, u.get(0), c, p, q));
            }
        }
        return differing == 0 ? "identical values" : "equal, " + differing + " value(s) within tolerance";
    }

    static boolean close(double a, double b, double tolerance) {
        if (Double.isNaN(a) && Double.isNaN(b)) return true;
        return Math.abs(a - b) <= tolerance * Math.max(1.0, Math.max(Math.abs(a), Math.abs(b)));
    }

    /** Equal texts but for numbers in them that {@link #closeNumbers} accepts. */
    static boolean sameText(String a, String b) {
        if (a.equals(b)) return true;
        Matcher ma = NUMBER.matcher(a), mb = NUMBER.matcher(b);
        int ia = 0, ib = 0;
        while (true) {
            boolean fa = ma.find(), fb = mb.find();
            if (fa != fb) return false;
            if (!fa) return a.substring(ia).equals(b.substring(ib));
            if (!a.substring(ia, ma.start()).equals(b.substring(ib, mb.start()))) return false;
            if (!closeNumbers(ma.group(), mb.group())) return false;
            ia = ma.end();
            ib = mb.end();
        }
    }

    /** Equal within 1e-9, or decimals one unit apart in the last printed digit of the more precise one. */
    static boolean closeNumbers(String x, String y) {
        if (x.equals(y)) return true;
        double u = Double.parseDouble(x), v = Double.parseDouble(y);
        if (close(u, v, TOLERANCE)) return true;
        if (!x.contains(".") || !y.contains(".")) return false;
        double unit = Math.min(lastDigitUnit(x), lastDigitUnit(y));
        return Math.abs(u - v) <= unit * (1 + 1e-6);
    }

    private static double lastDigitUnit(String number) {
        String s = number.toLowerCase(Locale.ROOT);
        int e = s.indexOf('e');
        int exponent = e < 0 ? 0 : Integer.parseInt(s.substring(e + 1));
        String mantissa = e < 0 ? s : s.substring(0, e);
        int dot = mantissa.indexOf('.');
        int decimals = dot < 0 ? 0 : mantissa.length() - dot - 1;
        return Math.pow(10, exponent - decimals);
    }

    private static String leadingText(List<Object> row) {
        StringBuilder sb = new StringBuilder();
        for (Object o : row) {
            if (!(o instanceof String)) break;
            sb.append(o).append('\u0001');
        }
        return sb.length() == 0 ? String.valueOf(row) : sb.toString();
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
            parts = s.filter(p -> p.getFileName().toString().endsWith(".parquet"))
                    .sorted()
                    .toList();
        }
        if (parts.isEmpty()) throw new AssertionError("no Parquet part file in " + dir);
        List<List<Object>> rows = new ArrayList<>();
        for (Path part : parts) {
            try (ParquetReader<Group> reader = ParquetReader.builder(
                            new GroupReadSupport(), new org.apache.hadoop.fs.Path(part.toUri()))
                    .build()) {
                for (Group g = reader.read(); g != null; g = reader.read()) {
                    List<Object> row = new ArrayList<>();
                    for (int i = 0; i < g.getType().getFieldCount(); i++) {
                        if (g.getFieldRepetitionCount(i) == 0) {
                            row.add(null);
                            continue;
                        }
                        PrimitiveType.PrimitiveTypeName t =
                                g.getType().getType(i).asPrimitiveType().getPrimitiveTypeName();
                        row.add(
                                switch (t) {
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
