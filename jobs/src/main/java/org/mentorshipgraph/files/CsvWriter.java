package org.mentorshipgraph.files;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** A small RFC 4180 CSV writer: one file, a header, fields quoted only when needed, numbers in a locale-free form. */
public final class CsvWriter implements AutoCloseable {
    private final BufferedWriter out;

    public CsvWriter(Path file, List<String> header) {
        try {
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        row(header.toArray());
    }

    public void row(Object... fields) {
        try {
            for (int i = 0; i < fields.length; i++) {
                if (i > 0) out.write(',');
                out.write(format(fields[i]));
            }
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One CSV line (without its line break) of the given fields. */
    public static String line(Object... fields) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) sb.append(',');
            sb.append(format(fields[i]));
        }
        return sb.toString();
    }

    static String format(Object o) {
        if (o == null) return "";
        String s;
        if (o instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) return "";
            s = d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue()) : sixDigits(d);
        } else {
            s = o.toString();
        }
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    private static final java.math.MathContext SIX = new java.math.MathContext(6, java.math.RoundingMode.HALF_UP);

    /**
     * {@code %.6g} without the zeros after its decimal point ({@code 0.25}, {@code 1.23457e-05}): six significant digits,
     * rounded half up from the shortest decimal that reads back as the double, as {@link java.util.Formatter} does; plain
     * notation unless the exponent is below -4 or at least 6. Written without the Formatter and a regular expression per
     * number, which cost a second per run on the sample's ties (and whose expression also ate the zeros of
     * {@code 468460} and of {@code e-10}).
     */
    static String sixDigits(double d) {
        java.math.BigDecimal b = new java.math.BigDecimal(Double.toString(d)).round(SIX);
        int exponent = b.precision() - b.scale() - 1;
        if (exponent < -4 || exponent >= 6) {
            String f = String.format(Locale.ROOT, "%.6g", d);
            int e = f.indexOf('e');
            return withoutTrailingZeros(f.substring(0, e)) + f.substring(e);
        }
        return withoutTrailingZeros(b.toPlainString());
    }

    /** Drops the zeros after a decimal point, and the point when nothing is left after it. */
    private static String withoutTrailingZeros(String number) {
        if (number.indexOf('.') < 0) return number;
        int end = number.length();
        while (number.charAt(end - 1) == '0') end--;
        if (number.charAt(end - 1) == '.') end--;
        return number.substring(0, end);
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
