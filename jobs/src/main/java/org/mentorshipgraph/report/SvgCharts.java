package org.mentorshipgraph.report;

import static org.mentorshipgraph.report.Html.esc;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleFunction;

/**
 * The report's charts as inline SVG, drawn here: no script, font or image from anywhere. Every chart has a fixed
 * {@code width}/{@code height} (the page never rescales it on a wide screen; print and narrow screens shrink it to
 * fit), a {@code <title>} for screen readers, and a {@code <title>} tooltip on every mark with its exact value.
 * Colours work in greyscale print as well (bars and lines are also labelled with their values).
 */
final class SvgCharts {
    private SvgCharts() {}

    static final String INK = "#1d2433";
    static final String MUTED = "#5b6478";
    static final String GRID = "#e3e7ee";
    static final String BLUE = "#3b6fd8";
    static final String FONT = "font-family=\"system-ui,-apple-system,'Segoe UI',Roboto,sans-serif\"";

    record Bar(String label, double value, String valueText, String tooltip, boolean highlight) {}

    private static StringBuilder open(String id, int width, int height, String title) {
        StringBuilder s = new StringBuilder(4096);
        s.append(String.format(
                Locale.ROOT,
                "<svg id=\"%s\" class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" %s font-size=\"12\">",
                esc(id),
                width,
                height,
                width,
                height,
                FONT));
        s.append("<title>").append(esc(title)).append("</title>");
        return s;
    }

    /** Horizontal bars, one per row, scaled to {@code max}; highlighted bars are darker. */
    static String horizontalBars(String id, String title, List<Bar> bars, double max, int labelWidth, int barWidth) {
        int rowH = 22, width = labelWidth + barWidth + 80, height = Math.max(1, bars.size()) * rowH + 8;
        StringBuilder s = open(id, width, height, title);
        double top = max > 0 ? max : 1;
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            int y = 4 + i * rowH;
            double w = Math.max(1, barWidth * Math.max(0, b.value()) / top);
            s.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" fill=\"%s\">%s</text>",
                    labelWidth - 8,
                    y + 15,
                    INK,
                    esc(clip(b.label(), labelWidth / 7))));
            s.append(String.format(
                    Locale.ROOT,
                    "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"><title>%s</title></rect>",
                    labelWidth,
                    y + 3,
                    w,
                    rowH - 6,
                    b.highlight() ? "#c2410c" : BLUE,
                    esc(b.tooltip())));
            s.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%d\" fill=\"%s\">%s</text>",
                    labelWidth + w + 6,
                    y + 15,
                    INK,
                    esc(b.valueText())));
        }
        return s.append("</svg>\n").toString();
    }

    /** One bar split by share, with a legend below: the tie statuses. */
    static String stackedBar(
            String id, String title, Map<String, ? extends Number> parts, Map<String, String> colours) {
        int width = 760, height = 64;
        StringBuilder s = open(id, width, height, title);
        double total = parts.values().stream().mapToDouble(Number::doubleValue).sum();
        double x = 0;
        int i = 0;
        for (Map.Entry<String, ? extends Number> e : parts.entrySet()) {
            double v = e.getValue().doubleValue();
            double w = total > 0 ? v / total * width : 0;
            String colour = colours.getOrDefault(e.getKey(), "#b8c0cc");
            String text = String.format(
                    Locale.ROOT, "%s: %,d (%.1f%%)", e.getKey(), Math.round(v), total > 0 ? 100 * v / total : 0);
            if (w > 0) {
                s.append(String.format(
                        Locale.ROOT,
                        "<rect x=\"%.2f\" y=\"0\" width=\"%.2f\" height=\"26\" fill=\"%s\"><title>%s</title></rect>",
                        x,
                        w,
                        colour,
                        esc(text)));
            }
            // six legend entries a row (one per tie status), wrapping below when there are more
            int lx = (i % 6) * 126, ly = 40 + (i / 6) * 16;
            s.append(String.format(
                    Locale.ROOT,
                    "<rect x=\"%d\" y=\"%d\" width=\"11\" height=\"11\" fill=\"%s\"/><text x=\"%d\" y=\"%d\" fill=\"%s\">%s %,d</text>",
                    lx,
                    ly,
                    colour,
                    lx + 15,
                    ly + 10,
                    INK,
                    esc(e.getKey()),
                    Math.round(v)));
            x += w;
            i++;
        }
        return s.append("</svg>\n").toString();
    }

    /**
     * Concentration curve: x the top share of people (by betweenness), y the share of all betweenness they hold;
     * the diagonal is perfect equality.
     */
    static String concentrationCurve(String id, String title, List<double[]> points) {
        int width = 380, height = 260, left = 48, right = 14, top = 12, bottom = 40;
        int pw = width - left - right, ph = height - top - bottom;
        StringBuilder s = open(id, width, height, title);
        for (int k = 0; k <= 4; k++) {
            double y = top + ph - k * ph / 4.0, x = left + k * pw / 4.0;
            s.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"%s\"/>",
                    left,
                    y,
                    left + pw,
                    y,
                    GRID));
            s.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" fill=\"%s\">%d%%</text>",
                    left - 6,
                    y + 4,
                    MUTED,
                    k * 25));
            s.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"%s\">%d%%</text>",
                    x,
                    top + ph + 16,
                    MUTED,
                    k * 25));
        }
        s.append(String.format(
                Locale.ROOT,
                "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-dasharray=\"4 4\"><title>equal share</title></line>",
                left,
                top + ph,
                left + pw,
                top,
                MUTED));
        StringBuilder path = new StringBuilder();
        StringBuilder dots = new StringBuilder();
        for (double[] p : points) {
            double x = left + p[0] * pw, y = top + ph - p[1] * ph;
            path.append(path.length() == 0 ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", x, y));
            dots.append(String.format(
                    Locale.ROOT,
                    "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"><title>top %s of people hold %.1f%% of betweenness</title></circle>",
                    x,
                    y,
                    BLUE,
                    pctText(p[0]),
                    100 * p[1]));
        }
        s.append("<path d=\"")
                .append(path)
                .append("\" fill=\"none\" stroke=\"")
                .append(BLUE)
                .append("\" stroke-width=\"2\"/>")
                .append(dots);
        s.append(String.format(
                Locale.ROOT,
                "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"%s\">top share of people</text>",
                left + pw / 2.0,
                height - 6,
                MUTED));
        return s.append("</svg>\n").toString();
    }

    /**
     * A symmetric team-by-team heatmap: colour by summed tie strength between two teams (square-root scale, so
     * weak links stay visible next to strong ones); the diagonal is left grey (cohesion is in the table).
     */
    static String heatmap(
            String id, String title, List<String> teams, List<String> groups, Map<String, double[]> cells) {
        int n = teams.size(), cell = n <= 16 ? 30 : n <= 30 ? 24 : 14, label = 168;
        int width = label + n * cell + 70, height = label + n * cell + 46;
        StringBuilder s = open(id, width, height, title);
        double max = 0;
        for (double[] v : cells.values()) max = Math.max(max, v[1]);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < n; i++) index.put(teams.get(i), i);
        for (int i = 0; i < n; i++) {
            double cy = label + i * cell + cell / 2.0 + 4;
            double cx = label + i * cell + cell / 2.0 + 4;
            s.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" fill=\"%s\">%s</text>",
                    label - 6,
                    cy,
                    INK,
                    esc(clip(teams.get(i), 24))));
            s.append(String.format(
                    Locale.ROOT,
                    "<text transform=\"translate(%.1f %d) rotate(-60)\" fill=\"%s\">%s</text>",
                    cx,
                    label - 6,
                    INK,
                    esc(clip(teams.get(i), 24))));
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                int x = label + j * cell, y = label + i * cell;
                if (i == j) {
                    s.append(String.format(
                            Locale.ROOT,
                            "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#eceff4\" stroke=\"#fff\"/>",
                            x,
                            y,
                            cell,
                            cell));
                    continue;
                }
                String a = teams.get(Math.min(i, j)), b = teams.get(Math.max(i, j));
                double[] v = cells.get(key(a, b));
                double strength = v == null ? 0 : v[1];
                long ties = v == null ? 0 : (long) v[0];
                String fill = max > 0 && strength > 0 ? blue(Math.sqrt(strength / max)) : "#ffffff";
                s.append(String.format(
                        Locale.ROOT,
                        "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\" stroke=\"#d8dde6\" stroke-width=\"0.5\"><title>%s – %s: strength %.1f over %,d active tie%s</title></rect>",
                        x,
                        y,
                        cell,
                        cell,
                        fill,
                        esc(teams.get(i)),
                        esc(teams.get(j)),
                        strength,
                        ties,
                        ties == 1 ? "" : "s"));
            }
        }
        for (int i = 1; i < n; i++) { // a line where the department changes
            if (i < groups.size() && !groups.get(i).equals(groups.get(i - 1))) {
                int at = label + i * cell;
                s.append(String.format(
                        Locale.ROOT,
                        "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"1.5\"/>",
                        label,
                        at,
                        label + n * cell,
                        at,
                        INK));
                s.append(String.format(
                        Locale.ROOT,
                        "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"1.5\"/>",
                        at,
                        label,
                        at,
                        label + n * cell,
                        INK));
            }
        }
        int ly = label + n * cell + 18;
        for (int k = 0; k <= 10; k++) {
            s.append(String.format(
                    Locale.ROOT,
                    "<rect x=\"%d\" y=\"%d\" width=\"18\" height=\"12\" fill=\"%s\" stroke=\"#d8dde6\" stroke-width=\"0.5\"/>",
                    label + k * 18,
                    ly,
                    k == 0 ? "#ffffff" : blue(k / 10.0)));
        }
        s.append(String.format(
                Locale.ROOT,
                "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" fill=\"%s\">strength 0</text>",
                label - 6,
                ly + 10,
                MUTED));
        s.append(String.format(
                Locale.ROOT,
                "<text x=\"%d\" y=\"%d\" fill=\"%s\">%.1f (square-root scale)</text>",
                label + 11 * 18 + 6,
                ly + 10,
                MUTED,
                max));
        return s.append("</svg>\n").toString();
    }

    static String key(String a, String b) {
        return a.compareTo(b) <= 0 ? a + "\u0000" + b : b + "\u0000" + a;
    }

    /** A small line chart of one figure over runs: x by date, y from the data's range within [floor, ceiling]; every run is a dot. */
    static String lineChart(
            String id,
            String title,
            List<LocalDate> dates,
            List<Double> values,
            DoubleFunction<String> format,
            double floor,
            double ceiling) {
        int width = 330, height = 150, left = 56, right = 14, top = 26, bottom = 28;
        int pw = width - left - right, ph = height - top - bottom;
        StringBuilder s = open(id, width, height, title);
        s.append(String.format(
                Locale.ROOT, "<text x=\"0\" y=\"14\" font-weight=\"600\" fill=\"%s\">%s</text>", INK, esc(title)));
        List<double[]> pts = new ArrayList<>();
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < values.size(); i++) {
            Double v = values.get(i);
            if (v == null || v.isNaN()) continue;
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        if (lo > hi) {
            lo = 0;
            hi = 1;
        }
        if (hi - lo < 1e-12) {
            double pad = Math.abs(hi) > 0 ? Math.abs(hi) * 0.1 : 1;
            lo -= pad;
            hi += pad;
        }
        if (hi > ceiling) {
            lo -= hi - ceiling;
            hi = ceiling;
        } // keep the axis inside what the figure can be
        if (lo < floor) {
            hi = Math.min(ceiling, hi + floor - lo);
            lo = floor;
        }
        long d0 = dates.isEmpty() ? 0 : dates.get(0).toEpochDay(),
                d1 = dates.isEmpty() ? 1 : dates.get(dates.size() - 1).toEpochDay();
        for (int i = 0; i < values.size(); i++) {
            Double v = values.get(i);
            if (v == null || v.isNaN()) continue;
            double x = d1 > d0 ? left + (dates.get(i).toEpochDay() - d0) * pw / (double) (d1 - d0) : left + pw / 2.0;
            double y = top + ph - (v - lo) / (hi - lo) * ph;
            pts.add(new double[] {x, y, i});
        }
        for (int k = 0; k <= 2; k++) {
            double y = top + ph - k * ph / 2.0;
            s.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"%s\"/>",
                    left,
                    y,
                    left + pw,
                    y,
                    GRID));
            s.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" fill=\"%s\">%s</text>",
                    left - 6,
                    y + 4,
                    MUTED,
                    esc(format.apply(lo + k * (hi - lo) / 2))));
        }
        if (!dates.isEmpty()) {
            s.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%d\" y=\"%d\" fill=\"%s\">%s</text>",
                    left,
                    height - 8,
                    MUTED,
                    dates.get(0)));
            if (dates.size() > 1) {
                s.append(String.format(
                        Locale.ROOT,
                        "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" fill=\"%s\">%s</text>",
                        left + pw,
                        height - 8,
                        MUTED,
                        dates.get(dates.size() - 1)));
            }
        }
        StringBuilder path = new StringBuilder();
        for (double[] p : pts)
            path.append(path.length() == 0 ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", p[0], p[1]));
        if (pts.size() > 1)
            s.append("<path d=\"")
                    .append(path)
                    .append("\" fill=\"none\" stroke=\"")
                    .append(BLUE)
                    .append("\" stroke-width=\"2\"/>");
        for (double[] p : pts) {
            int i = (int) p[2];
            s.append(String.format(
                    Locale.ROOT,
                    "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"><title>%s: %s</title></circle>",
                    p[0],
                    p[1],
                    BLUE,
                    dates.get(i),
                    esc(format.apply(values.get(i)))));
        }
        return s.append("</svg>\n").toString();
    }

    /** A sequential blue from near-white (t = 0) to dark blue (t = 1). */
    static String blue(double t) {
        t = Math.max(0, Math.min(1, t));
        int r = (int) Math.round(239 + (22 - 239) * t),
                g = (int) Math.round(243 + (66 - 243) * t),
                b = (int) Math.round(255 + (150 - 255) * t);
        return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, b);
    }

    static String clip(String s, int max) {
        if (s == null) return "";
        return s.length() <= max ? s : s.substring(0, Math.max(1, max - 1)) + "…";
    }

    private static String pctText(double share) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * share);
    }
}
