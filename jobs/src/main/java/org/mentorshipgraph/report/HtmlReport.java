package org.mentorshipgraph.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders the network-health figures as one self-contained HTML page: no external scripts, fonts or images;
 * charts are inline SVG drawn here. Every value is HTML-escaped.
 */
public final class HtmlReport {
    private HtmlReport() {}

    @SuppressWarnings("unchecked")
    public static String render(Map<String, Object> f) {
        Map<String, Object> h = (Map<String, Object>) f.get("headline");
        StringBuilder sb = new StringBuilder(64_000);
        sb.append("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Network health</title>
                <style>
                body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;max-width:70rem;color:#1d2433;padding:0 1rem}
                h1{margin-bottom:.2rem} h2{margin-top:2.2rem;border-bottom:1px solid #d8dde6;padding-bottom:.3rem}
                .sub{color:#5b6478} .cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(11rem,1fr));gap:.8rem}
                .card{border:1px solid #d8dde6;border-radius:.5rem;padding:.7rem .9rem}
                .card .v{font-size:1.6rem;font-weight:600} .card .k{color:#5b6478;font-size:.85rem}
                table{border-collapse:collapse;width:100%;font-size:.9rem} th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid #eceff4;vertical-align:top}
                th{background:#f5f7fa} td.num{text-align:right;font-variant-numeric:tabular-nums}
                .tag{display:inline-block;padding:0 .4rem;border-radius:.3rem;font-size:.8rem;background:#eef1f6}
                .tag.weakening{background:#fde7c8} .tag.dormant{background:#f6d0d0} .tag.mentorship{background:#dbe9ff}
                @media print{body{margin:0;max-width:none} h2{page-break-after:avoid} table{page-break-inside:auto}}
                </style></head><body>
                """);
        sb.append("<h1>Network health</h1><p class=\"sub\">As of ").append(esc(f.get("as_of"))).append("</p>\n");
        sb.append("<h2>Headline</h2><div class=\"cards\" id=\"headline\">\n");
        card(sb, "people", "People", h.get("people"));
        card(sb, "active_ties", "Active ties", h.get("active_ties"));
        card(sb, "density", "Density", h.get("density"));
        card(sb, "largest_group_share", "In largest connected group", pct(h.get("largest_group_share")));
        card(sb, "modularity", "Modularity", h.get("modularity"));
        card(sb, "median_ties_per_person", "Median ties per person", h.get("median_ties_per_person"));
        card(sb, "weakening_ties", "Weakening ties", h.get("weakening_ties"));
        card(sb, "dormant_ties", "Dormant ties", h.get("dormant_ties"));
        card(sb, "weakening_mentorships", "Fading mentorships", h.get("weakening_mentorships"));
        card(sb, "brokerage_top1pct_share", "Betweenness held by top 1%", pct(h.get("brokerage_top1pct_share")));
        sb.append("</div>\n");

        List<Map<String, Object>> connectors = (List<Map<String, Object>>) f.get("top_connectors");
        sb.append("<h2>Who connects us</h2>\n");
        sb.append(barChart("connectors-chart", connectors, "name", "person_id", "connector_score", 100));
        sb.append("<table id=\"connectors\"><thead><tr><th>#</th><th>Person</th><th>Team</th><th>Score</th><th>Betweenness</th><th>Why</th></tr></thead><tbody>\n");
        for (Map<String, Object> c : connectors) {
            sb.append("<tr><td class=\"num\">").append(esc(c.get("rank"))).append("</td><td>").append(esc(label(c, "name", "person_id")))
                    .append("</td><td>").append(esc(c.get("team"))).append("</td><td class=\"num\">").append(num(c.get("connector_score")))
                    .append("</td><td class=\"num\">").append(num(c.get("betweenness"))).append("</td><td>").append(esc(c.get("reason"))).append("</td></tr>\n");
        }
        sb.append("</tbody></table>\n");

        Map<String, Object> status = (Map<String, Object>) f.get("tie_status");
        sb.append("<h2>Which relationships are fading</h2>\n");
        sb.append(statusChart(status));
        List<Map<String, Object>> fading = (List<Map<String, Object>>) f.get("fading_ties");
        sb.append("<table id=\"fading\"><thead><tr><th>Kind</th><th>Status</th><th>Between</th><th>Teams</th><th>Evidence</th></tr></thead><tbody>\n");
        for (Map<String, Object> t : fading) {
            sb.append("<tr><td><span class=\"tag ").append(esc(t.get("kind"))).append("\">").append(esc(t.get("kind"))).append("</span></td>")
                    .append("<td><span class=\"tag ").append(esc(t.get("status"))).append("\">").append(esc(t.get("status"))).append("</span></td><td>")
                    .append(esc(label(t, "name_a", "person_a"))).append(" – ").append(esc(label(t, "name_b", "person_b"))).append("</td><td>")
                    .append(esc(t.get("team_a"))).append(" – ").append(esc(t.get("team_b"))).append("</td><td>").append(esc(t.get("reason"))).append("</td></tr>\n");
        }
        sb.append("</tbody></table>\n");

        sb.append("<h2>Teams</h2><table id=\"teams\"><thead><tr><th>Team</th><th>People</th></tr></thead><tbody>\n");
        for (Map<String, Object> t : (List<Map<String, Object>>) f.get("teams")) {
            sb.append("<tr><td>").append(esc(t.get("team"))).append("</td><td class=\"num\">").append(esc(t.get("people"))).append("</td></tr>\n");
        }
        sb.append("</tbody></table>\n");

        sb.append("<h2>Methods</h2><table id=\"methods\"><tbody>\n");
        for (Map.Entry<String, Object> e : ((Map<String, Object>) f.get("methods")).entrySet()) {
            sb.append("<tr><th>").append(esc(e.getKey())).append("</th><td>").append(esc(e.getValue())).append("</td></tr>\n");
        }
        sb.append("</tbody></table>\n</body></html>\n");
        return sb.toString();
    }

    private static void card(StringBuilder sb, String key, String title, Object value) {
        sb.append("<div class=\"card\"><div class=\"v\" data-key=\"").append(key).append("\">").append(value instanceof Double ? num(value) : esc(value))
                .append("</div><div class=\"k\">").append(esc(title)).append("</div></div>\n");
    }

    static String barChart(String id, List<Map<String, Object>> rows, String labelKey, String fallbackKey, String valueKey, double max) {
        int shown = Math.min(15, rows.size());
        int rowH = 22, labelW = 200, barW = 460, width = labelW + barW + 70, height = shown * rowH + 10;
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg id=\"%s\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\">",
                id, width, height, width, height, "bar chart"));
        for (int i = 0; i < shown; i++) {
            Map<String, Object> r = rows.get(i);
            double v = ((Number) r.get(valueKey)).doubleValue();
            int y = 5 + i * rowH;
            int w = (int) Math.round(barW * Math.max(0, v) / max);
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" font-size=\"12\" fill=\"#1d2433\">%s</text>",
                    labelW - 6, y + 15, esc(label(r, labelKey, fallbackKey))));
            s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#3b6fd8\"/>", labelW, y + 3, Math.max(1, w), rowH - 6));
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"12\" fill=\"#1d2433\">%.1f</text>", labelW + w + 6, y + 15, v));
        }
        return s.append("</svg>\n").toString();
    }

    static String statusChart(Map<String, Object> status) {
        String[] colours = {"#7fb77e", "#3b6fd8", "#b8c0cc", "#f0a040", "#d0504c"};
        double total = status.values().stream().mapToDouble(v -> ((Number) v).doubleValue()).sum();
        int width = 730, height = 60;
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "<svg id=\"status-chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"tie status\">",
                width, height, width, height));
        double x = 0;
        int i = 0;
        for (Map.Entry<String, Object> e : status.entrySet()) {
            double share = total > 0 ? ((Number) e.getValue()).doubleValue() / total : 0;
            double w = share * width;
            s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"0\" width=\"%.1f\" height=\"28\" fill=\"%s\"><title>%s: %s</title></rect>",
                    x, w, colours[i % colours.length], esc(e.getKey()), esc(e.getValue())));
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"50\" font-size=\"12\" fill=\"%s\">■</text><text x=\"%d\" y=\"50\" font-size=\"12\">%s %s</text>",
                    i * 140, colours[i % colours.length], i * 140 + 14, esc(e.getKey()), esc(e.getValue())));
            x += w;
            i++;
        }
        return s.append("</svg>\n").toString();
    }

    private static String label(Map<String, Object> r, String key, String fallback) {
        Object v = r.get(key);
        return String.valueOf(v == null ? r.get(fallback) : v);
    }

    static String pct(Object v) {
        return v == null ? "" : String.format(Locale.ROOT, "%.1f%%", ((Number) v).doubleValue() * 100);
    }

    static String num(Object v) {
        if (v == null) return "";
        if (v instanceof Double d) return Math.abs(d) >= 100 || d == Math.rint(d) ? String.format(Locale.ROOT, "%,.1f", d) : String.format(Locale.ROOT, "%.4g", d);
        return esc(v);
    }

    static String esc(Object o) {
        if (o == null) return "";
        String s = String.valueOf(o);
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
