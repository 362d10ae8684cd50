package org.mentorshipgraph.report;

import static org.mentorshipgraph.report.Html.esc;
import static org.mentorshipgraph.report.Html.number;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Draws the report's network map ({@link NetworkMap}, {@code network_map} in the JSON) as inline SVG: a circle per
 * group (area by people, colour by department on a team map), a line per drawn link (width by tie strength, square
 * root scale), fading links dashed red on top, a dark ring round the groups of the top connectors, a label only
 * where it fits (largest groups first, never over another label or circle), a {@code <title>} tooltip on every
 * circle and line, and a legend. Fixed size, white ground, every mark readable in greyscale print (dashes and rings
 * besides colour).
 */
final class NetworkMapChart {
    private NetworkMapChart() {}

    static final int WIDTH = 880;
    static final int MAX_PLOT_HEIGHT = 560;
    static final int MARGIN = 36;
    static final String LINK = "#8d96a8";
    static final String FADING = "#c0392b";
    /** Department colours (no red or orange: those mean fading); they repeat after ten departments. */
    static final String[] PALETTE = {
        "#4e79a7", "#59a14f", "#b07aa1", "#76b7b2", "#edc948", "#9c755f", "#ff9da7", "#a0cbe8", "#8cd17d", "#bab0ac"
    };

    /** What the drawing shows, for the caption. */
    record Drawn(String svg, int nodes, int labelled, int links, int fadingLinks) {}

    static Drawn draw(String id, Map<String, Object> map) {
        List<Map<String, Object>> nodes = HtmlReport.list(map.get("nodes"));
        List<Map<String, Object>> links = HtmlReport.list(map.get("links"));
        boolean teams = "team".equals(map.get("level"));
        int n = nodes.size();
        double w = orZero(map.get("width")), h = orZero(map.get("height"));
        int pw = WIDTH - 2 * MARGIN;
        double scale = Math.min(
                w > 0 ? pw / w : Double.POSITIVE_INFINITY, h > 0 ? MAX_PLOT_HEIGHT / h : Double.POSITIVE_INFINITY);
        if (Double.isInfinite(scale)) scale = 0;
        int ph = (int) Math.max(140, Math.ceil(h * scale));
        double[] px = new double[n], py = new double[n];
        double offsetX = MARGIN + (pw - w * scale) / 2, offsetY = MARGIN + (ph - h * scale) / 2;
        int maxPeople = 1;
        for (int i = 0; i < n; i++) {
            Map<String, Object> node = nodes.get(i);
            px[i] = offsetX + orZero(node.get("x")) * scale;
            py[i] = offsetY + orZero(node.get("y")) * scale;
            maxPeople = Math.max(maxPeople, (int) orZero(node.get("people")));
        }
        double rMax = maxRadius(px, py);
        double[] r = new double[n];
        for (int i = 0; i < n; i++)
            r[i] = Math.max(3, rMax * Math.sqrt(orZero(nodes.get(i).get("people")) / maxPeople));

        Map<String, String> colourOf = new LinkedHashMap<>();
        if (teams) {
            for (Map<String, Object> node : nodes) {
                String d = String.valueOf(node.get("department"));
                colourOf.computeIfAbsent(d, k -> PALETTE[colourOf.size() % PALETTE.length]);
            }
        }

        int legendHeight = (int) Math.ceil(2 * rMax + 24)
                + (teams ? 18 * (colourOf.size() <= PALETTE.length ? (colourOf.size() + 3) / 4 : 1) : 0);
        int height = MARGIN + ph + MARGIN / 2 + legendHeight;
        StringBuilder s = new StringBuilder(64 * 1024);
        String level = String.valueOf(map.get("level"));
        s.append(String.format(
                Locale.ROOT,
                "<svg id=\"%s\" class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" %s font-size=\"11\">",
                esc(id),
                WIDTH,
                height,
                WIDTH,
                height,
                SvgCharts.FONT));
        s.append("<title>")
                .append(esc("The organisation as a network of " + level + (n == 1 ? "" : "s")))
                .append("</title>");
        s.append(String.format(
                Locale.ROOT,
                "<rect x=\"0\" y=\"0\" width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>",
                WIDTH,
                MARGIN + ph + MARGIN / 2));

        // links: the backbone first, the fading ones on top
        double strongest = 0;
        for (Map<String, Object> l : links) strongest = Math.max(strongest, orZero(l.get("strength")));
        int fadingLinks = 0;
        StringBuilder fadingMarks = new StringBuilder();
        s.append("<g class=\"links\">");
        for (Map<String, Object> l : links) {
            int a = (int) orZero(l.get("a")), b = (int) orZero(l.get("b"));
            if (a < 0 || a >= n || b < 0 || b >= n) continue;
            double strength = orZero(l.get("strength"));
            double width = strength > 0 && strongest > 0 ? 0.8 + 6 * Math.sqrt(strength / strongest) : 1.2;
            int fading = (int) orZero(l.get("fading"));
            String tip = linkTip(nodes.get(a), nodes.get(b), l);
            if (fading > 0) {
                fadingLinks++;
                fadingMarks.append(String.format(
                        Locale.ROOT,
                        "<line class=\"fading\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"%.1f\" stroke-dasharray=\"7 4\" stroke-linecap=\"round\"><title>%s</title></line>",
                        px[a],
                        py[a],
                        px[b],
                        py[b],
                        FADING,
                        Math.max(2.2, Math.min(width, 4)),
                        esc(tip)));
            }
            if (strength > 0) {
                s.append(String.format(
                        Locale.ROOT,
                        "<line class=\"link\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-opacity=\"0.55\" stroke-width=\"%.1f\" stroke-linecap=\"round\"><title>%s</title></line>",
                        px[a],
                        py[a],
                        px[b],
                        py[b],
                        LINK,
                        width,
                        esc(tip)));
            }
        }
        s.append("</g><g class=\"fading-links\">").append(fadingMarks).append("</g>");

        // groups
        s.append("<g class=\"nodes\">");
        for (int i = 0; i < n; i++) {
            Map<String, Object> node = nodes.get(i);
            String fill = teams ? colourOf.get(String.valueOf(node.get("department"))) : SvgCharts.BLUE;
            List<Map<String, Object>> connectors = HtmlReport.list(node.get("connectors"));
            String tip = nodeTip(node, teams);
            s.append(String.format(
                    Locale.ROOT,
                    "<circle class=\"node\" cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\" fill-opacity=\"0.9\" stroke=\"#ffffff\" stroke-width=\"1\"><title>%s</title></circle>",
                    px[i],
                    py[i],
                    r[i],
                    fill,
                    esc(tip)));
            if (!connectors.isEmpty()) {
                s.append(String.format(
                        Locale.ROOT,
                        "<circle class=\"connector-ring\" cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"none\" stroke=\"%s\" stroke-width=\"2.2\"><title>%s</title></circle>",
                        px[i],
                        py[i],
                        r[i] + 3,
                        SvgCharts.INK,
                        esc(tip)));
            }
        }
        s.append("</g>");

        // labels where they fit: the largest groups first
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(
                order, (x, y) -> Double.compare(r[y], r[x]) != 0 ? Double.compare(r[y], r[x]) : Integer.compare(x, y));
        List<double[]> taken = new ArrayList<>();
        int labelled = 0;
        s.append("<g class=\"labels\">");
        for (int i : order) {
            String text = SvgCharts.clip(String.valueOf(nodes.get(i).get("label")), 22);
            double tw = 6.2 * text.length() + 2, th = 12;
            double ringR =
                    r[i] + (HtmlReport.list(nodes.get(i).get("connectors")).isEmpty() ? 0 : 3);
            for (double top : new double[] {py[i] + ringR + 2, py[i] - ringR - 2 - th}) {
                double[] box = {px[i] - tw / 2, top, px[i] + tw / 2, top + th};
                if (box[0] < 2 || box[2] > WIDTH - 2 || box[1] < 2 || box[3] > MARGIN + ph + MARGIN / 2.0) continue;
                if (overlapsAny(box, taken) || overlapsACircle(box, px, py, r, i)) continue;
                taken.add(box);
                s.append(String.format(
                        Locale.ROOT,
                        "<text class=\"label\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" fill=\"%s\" stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\">%s</text>",
                        px[i],
                        top + th - 2.5,
                        SvgCharts.INK,
                        esc(text)));
                labelled++;
                break;
            }
        }
        s.append("</g>");

        legend(s, MARGIN + ph + MARGIN / 2 + 8, maxPeople, rMax, teams, colourOf, level);
        s.append("</svg>\n");
        return new Drawn(s.toString(), n, labelled, links.size(), fadingLinks);
    }

    /** The largest radius: about half the typical distance to the nearest other group, between 7 and 26 px. */
    static double maxRadius(double[] px, double[] py) {
        int n = px.length;
        if (n < 2) return 20;
        double[] nearest = new double[n];
        for (int i = 0; i < n; i++) {
            double best = Double.POSITIVE_INFINITY;
            for (int j = 0; j < n; j++) if (j != i) best = Math.min(best, Math.hypot(px[i] - px[j], py[i] - py[j]));
            nearest[i] = best;
        }
        Arrays.sort(nearest);
        return Math.max(7, Math.min(26, 0.45 * nearest[n / 2]));
    }

    private static void legend(
            StringBuilder s,
            int top,
            int maxPeople,
            double rMax,
            boolean teams,
            Map<String, String> colourOf,
            String level) {
        int small = Math.max(1, (int) Math.round(maxPeople / 4.0));
        double rSmall = Math.max(3, rMax * Math.sqrt((double) small / maxPeople));
        double cy = top + rMax;
        s.append("<g class=\"legend\">");
        s.append(String.format(
                Locale.ROOT,
                "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"#c9d3e6\"/><circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"#c9d3e6\"/>"
                        + "<text x=\"%.1f\" y=\"%.1f\" fill=\"%s\">%,d and %,d people</text>",
                MARGIN + rSmall,
                cy,
                rSmall,
                MARGIN + 2 * rSmall + 6 + rMax,
                cy,
                rMax,
                MARGIN + 2 * rSmall + 12 + 2 * rMax,
                cy + 4,
                SvgCharts.MUTED,
                small,
                maxPeople));
        int x = 300;
        s.append(String.format(
                Locale.ROOT,
                "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"1.2\"/>"
                        + "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"6\"/>"
                        + "<text x=\"%d\" y=\"%.1f\" fill=\"%s\">tie strength between them</text>",
                x,
                cy - 5,
                x + 34,
                cy - 5,
                LINK,
                x,
                cy + 5,
                x + 34,
                cy + 5,
                LINK,
                x + 42,
                cy + 4,
                SvgCharts.MUTED));
        x = 510;
        s.append(String.format(
                Locale.ROOT,
                "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"2.5\" stroke-dasharray=\"7 4\"/>"
                        + "<text x=\"%d\" y=\"%.1f\" fill=\"%s\">fading ties</text>",
                x,
                cy,
                x + 34,
                cy,
                FADING,
                x + 42,
                cy + 4,
                SvgCharts.MUTED));
        x = 640;
        s.append(String.format(
                Locale.ROOT,
                "<circle cx=\"%d\" cy=\"%.1f\" r=\"7\" fill=\"#c9d3e6\"/><circle cx=\"%d\" cy=\"%.1f\" r=\"10\" fill=\"none\" stroke=\"%s\" stroke-width=\"2.2\"/>"
                        + "<text x=\"%d\" y=\"%.1f\" fill=\"%s\">has a top %d connector</text>",
                x + 10,
                cy,
                x + 10,
                cy,
                SvgCharts.INK,
                x + 26,
                cy + 4,
                SvgCharts.MUTED,
                NetworkMap.TOP_CONNECTORS));
        double y = top + 2 * rMax + 16;
        if (teams && colourOf.size() <= PALETTE.length) {
            int k = 0;
            for (Map.Entry<String, String> e : colourOf.entrySet()) {
                double lx = MARGIN + (k % 4) * 205, ly = y + (k / 4) * 18;
                s.append(String.format(
                        Locale.ROOT,
                        "<rect x=\"%.1f\" y=\"%.1f\" width=\"11\" height=\"11\" fill=\"%s\"/><text x=\"%.1f\" y=\"%.1f\" fill=\"%s\">%s</text>",
                        lx,
                        ly,
                        e.getValue(),
                        lx + 15,
                        ly + 10,
                        SvgCharts.INK,
                        esc(SvgCharts.clip(e.getKey(), 30))));
                k++;
            }
        } else if (teams) {
            s.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%d\" y=\"%.1f\" fill=\"%s\">colour: department (hover a circle for its name)</text>",
                    MARGIN,
                    y + 10,
                    SvgCharts.MUTED));
        }
        s.append("</g>");
    }

    static String nodeTip(Map<String, Object> node, boolean teams) {
        StringBuilder t = new StringBuilder(String.valueOf(node.get("label")));
        if (teams && node.get("department") != null)
            t.append(" (").append(node.get("department")).append(')');
        t.append(": ").append(Html.count(node.get("people"))).append(" people, ");
        t.append(Html.count(node.get("inside_ties"))).append(" active ties inside");
        List<?> main = node.get("main_teams") instanceof List<?> l ? l : List.of();
        if (!main.isEmpty()) {
            t.append("; mostly ");
            for (int k = 0; k < main.size(); k++) t.append(k > 0 ? ", " : "").append(main.get(k));
        }
        List<Map<String, Object>> connectors = HtmlReport.list(node.get("connectors"));
        if (!connectors.isEmpty()) {
            t.append("; top connectors: ");
            for (int k = 0; k < connectors.size(); k++) {
                Map<String, Object> c = connectors.get(k);
                t.append(k > 0 ? ", " : "")
                        .append(HtmlReport.personLabel(c, "name", "person_id"))
                        .append(" (#")
                        .append(Html.count(c.get("rank")))
                        .append(')');
            }
        }
        return t.toString();
    }

    static String linkTip(Map<String, Object> a, Map<String, Object> b, Map<String, Object> l) {
        StringBuilder t = new StringBuilder();
        t.append(a.get("label")).append(" – ").append(b.get("label")).append(": ");
        long ties = (long) orZero(l.get("ties"));
        t.append(String.format(
                Locale.ROOT,
                "strength %.1f over %,d active tie%s",
                orZero(l.get("strength")),
                ties,
                ties == 1 ? "" : "s"));
        int fading = (int) orZero(l.get("fading"));
        if (fading > 0) {
            List<String> parts = new ArrayList<>();
            int weakening = (int) orZero(l.get("weakening")), dormant = (int) orZero(l.get("dormant"));
            int mentorships = (int) orZero(l.get("mentorships"));
            if (weakening > 0) parts.add(weakening + " weakening");
            if (dormant > 0) parts.add(dormant + " dormant");
            t.append("; ")
                    .append(fading)
                    .append(fading == 1 ? " fading tie (" : " fading ties (")
                    .append(String.join(", ", parts));
            if (mentorships > 0)
                t.append(
                        fading == 1
                                ? ", a mentorship"
                                : "; " + mentorships
                                        + (mentorships == 1 ? " of them a mentorship" : " of them mentorships"));
            t.append(')');
        }
        return t.toString();
    }

    private static boolean overlapsAny(double[] box, List<double[]> taken) {
        for (double[] o : taken) if (box[0] < o[2] && o[0] < box[2] && box[1] < o[3] && o[1] < box[3]) return true;
        return false;
    }

    private static boolean overlapsACircle(double[] box, double[] px, double[] py, double[] r, int own) {
        for (int j = 0; j < px.length; j++) {
            if (j == own) continue;
            double cx = Math.max(box[0], Math.min(px[j], box[2])), cy = Math.max(box[1], Math.min(py[j], box[3]));
            if (Math.hypot(px[j] - cx, py[j] - cy) < r[j] + 1) return true;
        }
        return false;
    }

    private static double orZero(Object o) {
        Double d = number(o);
        return d == null ? 0 : d;
    }
}
