package org.mentorshipgraph.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** HTML building blocks for the report: escaping, number formats, and sortable tables. */
final class Html {
    private Html() {}

    static String esc(Object o) {
        if (o == null) return "";
        String s = String.valueOf(o);
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
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

    static Double number(Object o) {
        return o instanceof Number n ? n.doubleValue() : null;
    }

    static String fixed(Object o, int decimals) {
        Double d = number(o);
        return d == null ? "–" : String.format(Locale.ROOT, "%,." + decimals + "f", d);
    }

    static String percent(Object share, int decimals) {
        Double d = number(share);
        return d == null ? "–" : String.format(Locale.ROOT, "%." + decimals + "f%%", 100 * d);
    }

    static String count(Object o) {
        Double d = number(o);
        return d == null ? "–" : String.format(Locale.ROOT, "%,d", Math.round(d));
    }

    /**
     * A table whose columns sort on click (the page's one small inline script): numeric columns sort by the
     * cell's {@code data-v} (the unformatted value), text columns by their text.
     */
    static final class SortableTable {
        private final String id;
        private final String caption;
        private final List<String[]> head = new ArrayList<>(); // {label, "num"|"text", tooltip}
        private final StringBuilder body = new StringBuilder();
        private StringBuilder row;
        private int rows;

        SortableTable(String id, String caption) {
            this.id = id;
            this.caption = caption;
        }

        SortableTable text(String label) {
            head.add(new String[] {label, "text", null});
            return this;
        }

        SortableTable num(String label) {
            head.add(new String[] {label, "num", null});
            return this;
        }

        SortableTable num(String label, String tooltip) {
            head.add(new String[] {label, "num", tooltip});
            return this;
        }

        SortableTable row() {
            if (row != null) body.append(row).append("</tr>\n");
            row = new StringBuilder("<tr>");
            rows++;
            return this;
        }

        /** A text cell; {@code html} is already escaped markup. */
        SortableTable cellHtml(String html) {
            row.append("<td>").append(html).append("</td>");
            return this;
        }

        SortableTable cell(Object text) {
            return cellHtml(esc(text));
        }

        /** A numeric cell shown as {@code shown}, sorted by {@code value} (nulls sort first). */
        SortableTable cell(Object value, String shown) {
            Double d = number(value);
            row.append("<td class=\"num\" data-v=\"")
                    .append(d == null ? "" : esc(d))
                    .append("\">")
                    .append(esc(shown))
                    .append("</td>");
            return this;
        }

        int rows() {
            return rows;
        }

        String html() {
            if (row != null) {
                body.append(row).append("</tr>\n");
                row = null;
            }
            StringBuilder s = new StringBuilder();
            s.append(rows > 15 ? "<div class=\"table-wrap tall\">" : "<div class=\"table-wrap\">")
                    .append("<table class=\"sortable\" id=\"")
                    .append(esc(id))
                    .append("\">");
            if (caption != null) s.append("<caption>").append(esc(caption)).append("</caption>");
            s.append("<thead><tr>");
            for (String[] h : head) {
                s.append("<th scope=\"col\"")
                        .append("num".equals(h[1]) ? " class=\"num\"" : "")
                        .append(h[2] != null ? " title=\"" + esc(h[2]) + "\"" : "")
                        .append("><span class=\"sort\" role=\"button\" tabindex=\"0\">")
                        .append(esc(h[0]))
                        .append("</span></th>");
            }
            s.append("</tr></thead><tbody>\n").append(body).append("</tbody></table></div>\n");
            return s.toString();
        }
    }
}
