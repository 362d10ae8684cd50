package org.mentorshipgraph.report;

import static org.mentorshipgraph.report.Html.count;
import static org.mentorshipgraph.report.Html.esc;
import static org.mentorshipgraph.report.Html.fixed;
import static org.mentorshipgraph.report.Html.number;
import static org.mentorshipgraph.report.Html.percent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders {@code network-health.json} (as parsed) as one self-contained HTML page: inline CSS, inline SVG charts
 * ({@link SvgCharts}), and one small inline script that sorts tables. A Content-Security-Policy forbids every
 * network request, so the page works the same offline, from an e-mail attachment, or printed. Every value is
 * HTML-escaped. The page shows only what the JSON holds, which {@link PrivacyPolicy} has already filtered.
 */
public final class HtmlReport {
    private HtmlReport() {}

    /** Sorts a table by a column on click; keeps the rest of the page script-free. */
    static final String SORT_SCRIPT = """
            document.querySelectorAll('table.sortable').forEach(function (table) {
              var heads = table.tHead.rows[0].cells;
              Array.prototype.forEach.call(heads, function (th, col) {
                var control = th.querySelector('.sort');
                control.addEventListener('keydown', function (e) {
                  if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); control.click(); }
                });
                control.addEventListener('click', function () {
                  var ascending = th.getAttribute('aria-sort') !== 'ascending';
                  Array.prototype.forEach.call(heads, function (h) { h.removeAttribute('aria-sort'); });
                  th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
                  var numeric = th.classList.contains('num');
                  var body = table.tBodies[0];
                  var rows = Array.prototype.slice.call(body.rows);
                  rows.sort(function (a, b) {
                    var x = a.cells[col], y = b.cells[col], c;
                    if (numeric) {
                      var u = parseFloat(x.getAttribute('data-v')), v = parseFloat(y.getAttribute('data-v'));
                      u = isNaN(u) ? -Infinity : u; v = isNaN(v) ? -Infinity : v;
                      c = u < v ? -1 : u > v ? 1 : 0;
                    } else {
                      c = x.textContent.trim().localeCompare(y.textContent.trim());
                    }
                    return ascending ? c : -c;
                  });
                  rows.forEach(function (r) { body.appendChild(r); });
                });
              });
            });
            """;

    static final String CSS = """
            :root{--ink:#1d2433;--muted:#5b6478;--line:#d8dde6;--soft:#f5f7fa;--good:#1a7f37;--bad:#c2410c}
            *{box-sizing:border-box}
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0 auto;max-width:72rem;color:var(--ink);padding:1.5rem 1rem 3rem;line-height:1.45}
            h1{margin:0 0 .2rem;font-size:1.9rem} h2{margin-top:2.4rem;border-bottom:1px solid var(--line);padding-bottom:.3rem} h3{margin:1.6rem 0 .4rem}
            .sub,.note,caption{color:var(--muted)} .note{font-size:.9rem;max-width:52rem} caption{text-align:left;font-size:.85rem;padding:.2rem 0}
            nav{display:flex;flex-wrap:wrap;gap:.3rem 1rem;margin:.8rem 0 0;font-size:.95rem} nav a{color:#2456b3}
            .cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(12.5rem,1fr));gap:.7rem}
            .card{border:1px solid var(--line);border-radius:.5rem;padding:.6rem .8rem;break-inside:avoid}
            .card .v{font-size:1.6rem;font-weight:600;font-variant-numeric:tabular-nums} .card .k{color:var(--muted);font-size:.85rem}
            .delta{font-size:.85rem;font-variant-numeric:tabular-nums;color:var(--muted)} .delta.good{color:var(--good)} .delta.bad{color:var(--bad)}
            .row{display:flex;flex-wrap:wrap;gap:1.5rem;align-items:flex-start}
            figure{margin:.6rem 0;break-inside:avoid} figcaption{color:var(--muted);font-size:.85rem;max-width:46rem}
            svg.chart{max-width:100%;height:auto;display:block}
            .table-wrap{overflow-x:auto;margin:.4rem 0 1rem}
            table{border-collapse:collapse;width:100%;font-size:.88rem} th,td{text-align:left;padding:.3rem .45rem;border-bottom:1px solid #eceff4;vertical-align:top}
            th{background:var(--soft);vertical-align:bottom} td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
            .table-wrap.tall{max-height:34rem;overflow-y:auto;border-bottom:1px solid var(--line)} .table-wrap.tall th{position:sticky;top:0;z-index:1}
            th .sort{cursor:pointer} th .sort:focus-visible{outline:2px solid #2456b3}
            th .sort::after{content:"\\00a0\\2195";color:#9aa3b5;font-size:.8em}
            th[aria-sort=ascending] .sort::after{content:"\\00a0\\25B2";color:var(--ink)} th[aria-sort=descending] .sort::after{content:"\\00a0\\25BC";color:var(--ink)}
            .tag{display:inline-block;padding:0 .4rem;border-radius:.3rem;font-size:.8rem;background:#eef1f6}
            .tag.weakening{background:#fde7c8} .tag.dormant{background:#f6d0d0} .tag.mentorship{background:#dbe9ff} .tag.bridge{background:#e4f3e1}
            .pid{color:var(--muted);font-size:.8rem;white-space:nowrap} .nowrap{white-space:nowrap}
            dl.methods{display:grid;grid-template-columns:minmax(10rem,16rem) 1fr;gap:.3rem 1rem;font-size:.9rem} dl.methods dt{font-weight:600} dl.methods dd{margin:0}
            .trends{display:grid;grid-template-columns:repeat(auto-fill,minmax(330px,1fr));gap:.8rem}
            @page{margin:14mm}
            @media print{
              body{max-width:none;padding:0;font-size:10pt} nav{display:none}
              h2{break-after:avoid;margin-top:1.2rem} h3{break-after:avoid} #map{break-before:page}
              .table-wrap,.table-wrap.tall{overflow:visible;max-height:none;border:0} .table-wrap.tall th{position:static} tr,figure,svg,.card{break-inside:avoid}
              th .sort::after{content:""} a{color:inherit;text-decoration:none}
              .cards{grid-template-columns:repeat(4,1fr)} .trends{grid-template-columns:repeat(2,1fr)}
            }
            """;

    static final Map<String, String> STATUS_COLOURS = Map.of(
            "stable",
            "#b8c0cc",
            "paused",
            "#d9cba3",
            "strengthening",
            "#3b6fd8",
            "new",
            "#7fb77e",
            "weakening",
            "#f0a040",
            "dormant",
            "#d0504c");

    @SuppressWarnings("unchecked")
    public static String render(Map<String, Object> f) {
        Map<String, Object> h = map(f.get("headline"));
        Map<String, Object> privacy = map(f.get("privacy"));
        Map<String, Object> changes = map(f.get("changes"));
        StringBuilder sb = new StringBuilder(256_000);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
                .append(
                        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src '")
                .append(sha256(SORT_SCRIPT))
                .append("'; img-src 'none'; base-uri 'none'; form-action 'none'\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Network health, ")
                .append(esc(f.get("as_of")))
                .append("</title>\n<style>")
                .append(CSS)
                .append("</style></head><body>\n");

        sb.append("<header><h1>Network health</h1><p class=\"sub\">As of <strong id=\"as-of\">")
                .append(esc(f.get("as_of")))
                .append("</strong>");
        Object prev = changes.get("previous_as_of");
        sb.append(
                prev == null
                        ? " · the first run on record: changes appear from the next run on"
                        : " · changes (▲ ▼) are since the run of " + esc(prev) + "; green is better, orange worse");
        sb.append("</p><p class=\"note\">Privacy: ")
                .append(esc(privacy.get("rule")))
                .append(".</p>\n");
        sb.append("<nav aria-label=\"sections\"><a href=\"#headline\">Headline</a>"
                        + (f.containsKey("network_map") ? "<a href=\"#map\">Map</a>" : "")
                        + "<a href=\"#connectors\">Who connects us</a>")
                .append(
                        "<a href=\"#fading\">Fading ties</a>"
                                + (f.containsKey("mentoring") ? "<a href=\"#mentoring\">Mentoring</a>" : "")
                                + "<a href=\"#teams\">Teams</a><a href=\"#trends\">Trends</a><a href=\"#methods\">Methods</a></nav></header>\n");

        headline(sb, h, changes);
        if (f.containsKey("network_map")) networkMap(sb, map(f.get("network_map")), privacy);
        connectors(sb, f);
        fading(sb, f, h);
        if (f.containsKey("mentoring")) mentoring(sb, map(f.get("mentoring")));
        teams(sb, f);
        trends(sb, f);
        methods(sb, f);
        sb.append("<script>").append(SORT_SCRIPT).append("</script>\n</body></html>\n");
        return sb.toString();
    }

    private static void headline(StringBuilder sb, Map<String, Object> h, Map<String, Object> changes) {
        Map<String, Object> byFigure = map(changes.get("figures"));
        sb.append("<section id=\"headline\"><h2>Headline</h2><div class=\"cards\">\n");
        for (HeadlineFigure fig : HeadlineFigure.values()) {
            Number v = (Number) h.get(fig.key);
            sb.append("<div class=\"card\"><div class=\"v\" data-key=\"")
                    .append(fig.key)
                    .append("\">")
                    .append(esc(fig.format(v)))
                    .append("</div><div class=\"k\">")
                    .append(esc(fig.label))
                    .append("</div>");
            Map<String, Object> c = map(byFigure.get(fig.key));
            Number change = (Number) c.get("change");
            if (change != null) {
                double d = change.doubleValue();
                String cls = fig.goodDirection == 0 || Math.abs(d) < 1e-12
                        ? ""
                        : (d * fig.goodDirection > 0 ? " good" : " bad");
                String shown = Math.abs(d) < 1e-12 ? "no change" : (d > 0 ? "▲ " : "▼ ") + fig.formatChange(change);
                sb.append("<div class=\"delta")
                        .append(cls)
                        .append("\" data-change=\"")
                        .append(fig.key)
                        .append("\" title=\"")
                        .append(esc(fig.format((Number) c.get("previous"))))
                        .append(" on ")
                        .append(esc(changes.get("previous_as_of")))
                        .append("\">")
                        .append(esc(shown))
                        .append("</div>");
            } else if (changes.get("previous_as_of") != null) {
                sb.append("<div class=\"delta\">not in the previous run</div>");
            }
            sb.append("</div>\n");
        }
        sb.append("</div></section>\n");
    }

    private static void networkMap(StringBuilder sb, Map<String, Object> m, Map<String, Object> privacy) {
        String level = String.valueOf(m.get("level"));
        String groups = level + "s";
        sb.append("<section id=\"map\"><h2>The organisation as a network</h2>\n");
        List<Map<String, Object>> nodes = list(m.get("nodes"));
        if (nodes.size() < 2) {
            sb.append("<p class=\"note\">Too few ")
                    .append(esc(groups))
                    .append(" of at least ")
                    .append(esc(privacy.get("min_group_size")))
                    .append(" people to draw a map.</p></section>\n");
            return;
        }
        NetworkMapChart.Drawn d = NetworkMapChart.draw("network-map", m);
        String what = switch (level) {
            case "team" -> "a team, its area by its people, coloured by department";
            case "department" -> "a department, its area by its people (there are too many teams to draw each)";
            default ->
                "a community of the network (Louvain; numbered by size, hover for its main teams), its area by "
                        + "its people (there are too many teams to draw each, and departments would say less)";
        };
        Number left = (Number) m.get("groups_left_out");
        sb.append("<p class=\"note\">Who works with whom, between groups: ")
                .append(esc(groups))
                .append(" that are tightly tied are drawn close together, ")
                .append(esc(groups))
                .append(" with no tie between them apart. Hover a circle or a line for its figures.</p>\n<figure>")
                .append(d.svg())
                .append("<figcaption>Each circle is ")
                .append(esc(what))
                .append("; a line joins two ")
                .append(esc(groups))
                .append(" whose people have active ties, thicker for more tie strength. Each ")
                .append(esc(level))
                .append("'s ")
                .append(NetworkMap.LINKS_PER_GROUP)
                .append(" strongest links are drawn (")
                .append(count(d.links()))
                .append(" of ")
                .append(count(m.get("links_between_groups")))
                .append(" links; every pair of teams is in <code>network-health-team-links.csv</code>). Dashed red: ")
                .append(count(d.fadingLinks()))
                .append(" links carrying fading ties from the lists below. Ringed: ")
                .append(esc(groups))
                .append(" with one of the top ")
                .append(NetworkMap.TOP_CONNECTORS)
                .append(" connectors. ")
                .append(esc(capitalise(groups)))
                .append(" of fewer than ")
                .append(esc(privacy.get("min_group_size")))
                .append(" people are left out")
                .append(
                        left != null && left.intValue() > 0
                                ? "; so are the " + count(left) + " smallest beyond the " + NetworkMap.MAX_GROUPS
                                        + " largest"
                                : "")
                .append(". Names where they fit (")
                .append(count(d.labelled()))
                .append(" of ")
                .append(count(d.nodes()))
                .append("). Layout: stress majorization (Gansner, Koren & North 2004) on link lengths 1/√strength.")
                .append("</figcaption></figure></section>\n");
    }

    private static void connectors(StringBuilder sb, Map<String, Object> f) {
        List<Map<String, Object>> connectors = list(f.get("top_connectors"));
        Map<String, Object> b = map(f.get("brokerage"));
        sb.append(
                "<section id=\"connectors\"><h2>Who connects us</h2>\n<p class=\"note\">The people whose ties bridge groups that would "
                        + "otherwise drift apart, by connector score (0–100: half betweenness, a quarter low Burt constraint, a quarter spread over teams). "
                        + "“Joins” is where their tie strength goes.</p>\n");
        List<SvgCharts.Bar> bars = new ArrayList<>();
        for (Map<String, Object> c : connectors.subList(0, Math.min(15, connectors.size()))) {
            bars.add(new SvgCharts.Bar(
                    personLabel(c, "name", "person_id"),
                    number(c.get("connector_score")),
                    fixed(c.get("connector_score"), 1),
                    personLabel(c, "name", "person_id") + ": connector score " + fixed(c.get("connector_score"), 1),
                    false));
        }
        sb.append("<figure>")
                .append(SvgCharts.horizontalBars(
                        "connectors-chart", "Top connectors by connector score", bars, 100, 200, 460))
                .append("<figcaption>Connector score of the top ")
                .append(bars.size())
                .append(" connectors (scale 0–100).</figcaption></figure>\n");
        Html.SortableTable t = new Html.SortableTable("connectors-table", "Top connectors and why")
                .num("#")
                .text("Person")
                .text("Team")
                .num("Score")
                .num("Betweenness", "normalized as NetworkX")
                .num("Constraint", "Burt's constraint: low means non-redundant contacts")
                .num("Across teams", "share of tie strength to other teams")
                .num("Teams")
                .text("Why: which groups their ties join");
        for (Map<String, Object> c : connectors) {
            t.row()
                    .cell(c.get("rank"), count(c.get("rank")))
                    .cellHtml(personHtml(c, "name", "person_id"))
                    .cell(c.get("team"))
                    .cell(c.get("connector_score"), fixed(c.get("connector_score"), 1))
                    .cell(c.get("betweenness"), fixed(c.get("betweenness"), 4))
                    .cell(c.get("constraint"), fixed(c.get("constraint"), 3))
                    .cell(c.get("cross_team_share"), percent(c.get("cross_team_share"), 0))
                    .cell(c.get("teams_joined"), count(c.get("teams_joined")))
                    .cell(c.get("reason"));
        }
        sb.append(t.html());

        sb.append("<h3>How concentrated brokerage is</h3><div class=\"row\"><figure>");
        List<double[]> pts = new ArrayList<>();
        for (Map<String, Object> p : list(b.get("curve")))
            pts.add(new double[] {number(p.get("top_people_share")), number(p.get("betweenness_share"))});
        sb.append(SvgCharts.concentrationCurve(
                        "brokerage-chart", "Share of all betweenness held by the top share of people", pts))
                .append(
                        "<figcaption>Share of all betweenness held by the top x% of people; the dashed line is an even spread.</figcaption></figure>\n");
        Html.SortableTable bt =
                new Html.SortableTable("brokerage-table", null).text("Measure").num("Value");
        bt.row()
                .cell("Held by the top 1% (" + count(b.get("people_in_top_1pct")) + " people)")
                .cell(b.get("top_1pct_share"), percent(b.get("top_1pct_share"), 1));
        bt.row().cell("Held by the top 5%").cell(b.get("top_5pct_share"), percent(b.get("top_5pct_share"), 1));
        bt.row().cell("Held by the top 10%").cell(b.get("top_10pct_share"), percent(b.get("top_10pct_share"), 1));
        bt.row().cell("Held by the top 25%").cell(b.get("top_25pct_share"), percent(b.get("top_25pct_share"), 1));
        bt.row().cell("Gini coefficient (0 even, 1 one person)").cell(b.get("gini"), fixed(b.get("gini"), 3));
        sb.append("<div style=\"flex:1;min-width:18rem\">")
                .append(bt.html())
                .append(
                        "<p class=\"note\">When a few people hold most of the brokerage, the organisation depends on them: "
                                + "if one of them leaves or is overloaded, groups drift apart.</p></div></div></section>\n");
    }

    private static void fading(StringBuilder sb, Map<String, Object> f, Map<String, Object> h) {
        sb.append("<section id=\"fading\"><h2>Which relationships are fading</h2>\n<figure>")
                .append(SvgCharts.stackedBar(
                        "status-chart",
                        "Ties by status",
                        map(f.get("tie_status")).entrySet().stream()
                                .collect(
                                        LinkedHashMap<String, Number>::new,
                                        (m, e) -> m.put(e.getKey(), (Number) e.getValue()),
                                        Map::putAll),
                        STATUS_COLOURS))
                .append(
                        "<figcaption>Every tie in the look-back by its status over the recent window against its own baseline.</figcaption></figure>\n");
        Map<String, Object> list = map(f.get("fading_list"));
        if (!list.isEmpty()) {
            sb.append("<p class=\"note\" id=\"fading-list-note\">")
                    .append(esc(String.format(
                            Locale.ROOT,
                            "%s ties are in the fading list (weakening or dormant), of the %s with enough contacts for a fade "
                                    + "to be told from chance (%s ties tested), called at a false discovery rate of %s: "
                                    + "about %s of them may be false alarms. "
                                    + "%s ties are paused, not fading: one side was away. "
                                    + "The recent window was %s as busy as the baseline (holidays and quiet weeks "
                                    + "count: each tie is expected to follow the organisation's activity).",
                            count(list.get("listed")),
                            count(list.get("ties_in_family")),
                            count(list.get("ties_tested")),
                            percent(list.get("fdr"), 0),
                            plain(list.get("expected_false_alarms")),
                            count(h.get("paused_ties")),
                            percent(list.get("recent_activity"), 0))))
                    .append("</p>\n");
        }
        List<Map<String, Object>> fading = list(f.get("fading_ties"));
        fadingTable(
                sb,
                "mentorships-table",
                "Weakening mentorships",
                "mentorship",
                fading,
                h.get("weakening_mentorships"),
                "Declared, current mentorships whose contact dropped significantly below their own rhythm, or stopped.");
        fadingTable(
                sb,
                "bridges-table",
                "Weakening bridges",
                "bridge",
                fading,
                h.get("fading_bridges"),
                "Established ties across teams or communities (at least 3 contacts in the baseline) that are weakening or dormant: "
                        + "the structural risk, highest bridge risk first.");

        List<Map<String, Object>> shrinking = list(f.get("shrinking_networks"));
        sb.append("<h3>People whose network shrinks</h3><p class=\"note\">")
                .append(count(h.get("people_with_shrinking_network")))
                .append(" people: weighted contacts per week across all their ties down significantly. ")
                .append(shown(shrinking, h.get("people_with_shrinking_network")))
                .append("</p>\n");
        if (!shrinking.isEmpty()) {
            Html.SortableTable t = new Html.SortableTable("shrinking-table", null)
                    .text("Person")
                    .text("Team")
                    .num("Recent / week")
                    .num("Before / week")
                    .num("Change");
            for (Map<String, Object> p : shrinking) {
                t.row()
                        .cellHtml(personHtml(p, "name", "person_id"))
                        .cell(p.get("team"))
                        .cell(p.get("recent_per_week"), fixed(p.get("recent_per_week"), 1))
                        .cell(p.get("baseline_per_week"), fixed(p.get("baseline_per_week"), 1))
                        .cell(p.get("change"), percent(p.get("change"), 0));
            }
            sb.append(t.html());
        }
        List<Map<String, Object>> newcomers = list(f.get("newcomers_without_mentor"));
        sb.append("<h3>Newcomers without a mentor</h3><p class=\"note\">")
                .append(count(h.get("newcomers_without_mentor")))
                .append(" recent hires with few ties and no current mentor. ")
                .append(shown(newcomers, h.get("newcomers_without_mentor")))
                .append("</p>\n");
        if (!newcomers.isEmpty()) {
            Html.SortableTable t = new Html.SortableTable("newcomers-table", null)
                    .text("Person")
                    .text("Team")
                    .num("Days since hire")
                    .num("Active ties")
                    .num("Across teams");
            for (Map<String, Object> p : newcomers) {
                t.row()
                        .cellHtml(personHtml(p, "name", "person_id"))
                        .cell(p.get("team"))
                        .cell(p.get("days_since_hire"), count(p.get("days_since_hire")))
                        .cell(p.get("active_ties"), count(p.get("active_ties")))
                        .cell(p.get("cross_team_share"), percent(p.get("cross_team_share"), 0));
            }
            sb.append(t.html());
        }
        sb.append("</section>\n");
    }

    private static void fadingTable(
            StringBuilder sb,
            String id,
            String title,
            String kind,
            List<Map<String, Object>> all,
            Object total,
            String note) {
        List<Map<String, Object>> rows =
                all.stream().filter(t -> kind.equals(t.get("kind"))).toList();
        sb.append("<h3>")
                .append(esc(title))
                .append("</h3><p class=\"note\">")
                .append(count(total))
                .append(" in all. ")
                .append(esc(note))
                .append(' ')
                .append(shown(rows, total))
                .append("</p>\n");
        if (rows.isEmpty()) return;
        Html.SortableTable t = new Html.SortableTable(id, null)
                .text("Status")
                .text("Between")
                .text("Teams")
                .num("Strength")
                .num(
                        "Bridge risk",
                        "rise of the two people's Burt constraint if this tie were lost: what the network would lose")
                .num("Recent / week")
                .num("Before / week")
                .num("p (drop)", "exact binomial test of the drop")
                .text("Evidence");
        for (Map<String, Object> x : rows) {
            t.row()
                    .cellHtml("<span class=\"tag " + esc(x.get("status")) + "\">" + esc(x.get("status")) + "</span>")
                    .cellHtml(personHtml(x, "name_a", "person_a") + " – " + personHtml(x, "name_b", "person_b"))
                    .cell(x.get("team_a") + " – " + x.get("team_b"))
                    .cell(x.get("strength"), fixed(x.get("strength"), 1))
                    .cell(x.get("bridge_risk"), fixed(x.get("bridge_risk"), 3))
                    .cell(x.get("recent_per_week"), fixed(x.get("recent_per_week"), 2))
                    .cell(x.get("baseline_per_week"), fixed(x.get("baseline_per_week"), 2))
                    .cell(x.get("p_drop"), pValue(number(x.get("p_drop"))))
                    .cell(x.get("reason"));
        }
        sb.append(t.html());
    }

    /** Most teams drawn one by one in the team heatmap; above this, it shows departments. */
    static final int MAX_HEATMAP_TEAMS = 40;
    /** Most teams in the outside-reach bar chart (the most cut off first); the table lists them all. */
    static final int MAX_BAR_TEAMS = 60;

    private static void mentoring(StringBuilder sb, Map<String, Object> m) {
        Map<String, Object> c = map(m.get("coverage")), load = map(m.get("load"));
        sb.append("<section id=\"mentoring\"><h2>Mentoring: who can learn from whom</h2>\n<p class=\"note\">")
                .append("Each person's own mentor suggestions and introductions are personal: they are in "
                        + "<code>mentor-suggestions.csv</code> and <code>introductions.csv</code> (and in Neo4j), never in "
                        + "this report.</p>\n<div class=\"cards\">");
        card(
                sb,
                "Mentee candidates",
                count(c.get("mentee_candidates")),
                "people who want a skill, have a career goal, or are newcomers without a mentor");
        card(
                sb,
                "With a suggestion",
                percent(c.get("with_suggestion_share"), 0),
                count(c.get("with_suggestion")) + " people");
        card(
                sb,
                "Within two ties",
                percent(c.get("within_two_hops_share"), 0),
                "have a suggested mentor one introduction away or closer");
        card(
                sb,
                "Mentors full",
                count(load.get("full")) + " of " + count(load.get("open_to_mentor")),
                "people open to mentoring with no free place");
        card(
                sb,
                "Suggestion concentration",
                percent(load.get("top10pct_share"), 0),
                "of suggestions go to the most-suggested 10% of mentors");
        sb.append("</div>\n");
        Map<String, Object> why = map(c.get("without_suggestion_by_reason"));
        if (!why.isEmpty()) {
            sb.append("<h3>Why some have no suggestion</h3><ul>");
            why.forEach((k, v) -> sb.append("<li>")
                    .append(esc(k))
                    .append(": ")
                    .append(count(v))
                    .append("</li>"));
            sb.append("</ul>\n");
        }
        List<Map<String, Object>> skills = list(m.get("skills"));
        sb.append("<h3>Skill supply and demand</h3><p class=\"note\">The skills most wanted against the people open "
                + "to mentoring with a free place who have them (gap = wanted / (available + 1)); only skills wanted "
                + "by at least the privacy minimum of people.</p>\n");
        if (!skills.isEmpty()) {
            List<SvgCharts.Bar> bars = new ArrayList<>();
            double max = 0;
            for (Map<String, Object> r : skills) {
                double g = number(r.get("gap"));
                max = Math.max(max, g);
                bars.add(new SvgCharts.Bar(
                        String.valueOf(r.get("skill")),
                        g,
                        fixed(r.get("gap"), 1),
                        r.get("skill") + ": wanted by " + r.get("wanted") + ", " + r.get("available")
                                + " available mentors (" + r.get("have") + " have it)",
                        number(r.get("available")) == 0));
            }
            sb.append("<figure>")
                    .append(SvgCharts.horizontalBars("skill-gap-chart", "Skill gaps", bars, max, 180, 360))
                    .append("<figcaption>Darker: nobody open with a free place has the skill.</figcaption></figure>\n");
            Html.SortableTable t = new Html.SortableTable("skill-gaps", null)
                    .text("Skill")
                    .num("Wanted")
                    .num("Have")
                    .num("Available", "open to mentoring with a free place")
                    .num("Gap");
            for (Map<String, Object> r : skills)
                t.row()
                        .cell(r.get("skill"))
                        .cell(r.get("wanted"), count(r.get("wanted")))
                        .cell(r.get("have"), count(r.get("have")))
                        .cell(r.get("available"), count(r.get("available")))
                        .cell(r.get("gap"), fixed(r.get("gap"), 1));
            sb.append(t.html());
        } else sb.append("<p>No skill is wanted by enough people to show.</p>\n");
        List<Map<String, Object>> depts = list(m.get("departments"));
        if (!depts.isEmpty()) {
            sb.append("<h3>Widest gaps per department</h3>\n");
            Html.SortableTable t = new Html.SortableTable("department-skill-gaps", null)
                    .text("Department")
                    .text("Skill")
                    .num("Wanted")
                    .num("Available in the department");
            for (Map<String, Object> d : depts)
                for (Map<String, Object> r : list(d.get("gaps")))
                    t.row()
                            .cell(d.get("department"))
                            .cell(r.get("skill"))
                            .cell(r.get("wanted"), count(r.get("wanted")))
                            .cell(r.get("available"), count(r.get("available")));
            sb.append(t.html());
        }
        sb.append("</section>\n");
    }

    private static void card(StringBuilder sb, String label, String value, String note) {
        sb.append("<div class=\"card\"><div class=\"k\">")
                .append(esc(label))
                .append("</div><div class=\"v\">")
                .append(esc(value))
                .append("</div><div class=\"k\">")
                .append(esc(note))
                .append("</div></div>");
    }

    private static void teams(StringBuilder sb, Map<String, Object> f) {
        List<Map<String, Object>> teams = list(f.get("teams"));
        Map<String, Object> links = map(f.get("team_links"));
        Map<String, Object> privacy = map(f.get("privacy"));
        sb.append("<section id=\"teams\"><h2>Teams</h2>\n<p class=\"note\">Only teams of at least ")
                .append(esc(privacy.get("min_group_size")))
                .append(" people appear here.</p>\n");
        List<String> names = new ArrayList<>();
        for (Object o : (List<?>) links.getOrDefault("teams", List.of())) names.add(String.valueOf(o));
        Map<String, String> departmentOf = new LinkedHashMap<>();
        for (Map<String, Object> r : teams)
            departmentOf.put(String.valueOf(r.get("team")), String.valueOf(r.get("department")));
        List<String> groups =
                names.stream().map(n -> departmentOf.getOrDefault(n, "")).toList();
        if (names.size() <= MAX_HEATMAP_TEAMS) {
            Map<String, double[]> cells = new LinkedHashMap<>();
            for (Map<String, Object> p : list(links.get("pairs"))) {
                cells.put(
                        SvgCharts.key(String.valueOf(p.get("team_a")), String.valueOf(p.get("team_b"))),
                        new double[] {number(p.get("ties")), number(p.get("strength"))});
            }
            sb.append("<h3>Connections between teams</h3><figure>")
                    .append(SvgCharts.heatmap("team-heatmap", "Tie strength between teams", names, groups, cells))
                    .append(
                            "<figcaption>Summed strength of active ties between each pair of teams, teams grouped by department. "
                                    + "Hover a cell for its value and number of ties.</figcaption></figure>\n");
        } else {
            // a team-by-team picture of hundreds of teams is unreadable (and, at 2,000 teams, 700 MB of SVG):
            // departments
            List<String> departments = groups.stream().distinct().toList();
            Map<String, double[]> byDepartment = new LinkedHashMap<>();
            for (Map<String, Object> p : list(links.get("pairs"))) {
                String da = departmentOf.getOrDefault(String.valueOf(p.get("team_a")), ""),
                        db = departmentOf.getOrDefault(String.valueOf(p.get("team_b")), "");
                if (da.equals(db)) continue;
                double[] c = byDepartment.computeIfAbsent(SvgCharts.key(da, db), k -> new double[2]);
                c[0] += number(p.get("ties"));
                c[1] += number(p.get("strength"));
            }
            sb.append("<h3>Connections between departments</h3><figure>")
                    .append(SvgCharts.heatmap(
                            "team-heatmap", "Tie strength between departments", departments, List.of(), byDepartment))
                    .append("<figcaption>Summed strength of active ties between teams of different departments. With ")
                    .append(count(names.size()))
                    .append(" teams a team-by-team picture would be unreadable: every pair of teams is in "
                            + "<code>network-health-team-links.csv</code>.</figcaption></figure>\n");
        }

        List<Map<String, Object>> byCutOff = new ArrayList<>(teams);
        byCutOff.sort((a, b) -> Double.compare(number(a.get("cut_off_rank")), number(b.get("cut_off_rank"))));
        sb.append(
                "<h3>Teams most cut off</h3><p class=\"note\">The smallest share of the strength of their ties going outside the team.</p>\n<figure>");
        List<SvgCharts.Bar> bars = new ArrayList<>();
        for (Map<String, Object> t : byCutOff.subList(0, Math.min(MAX_BAR_TEAMS, byCutOff.size()))) {
            boolean top = number(t.get("cut_off_rank")) <= 5;
            bars.add(new SvgCharts.Bar(
                    String.valueOf(t.get("team")),
                    number(t.get("outside_share")),
                    percent(t.get("outside_share"), 0),
                    t.get("team") + ": " + percent(t.get("outside_share"), 1)
                            + " of tie strength crosses the team's boundary, " + count(t.get("teams_reached"))
                            + " teams reached",
                    top));
        }
        double widest = bars.stream().mapToDouble(SvgCharts.Bar::value).max().orElse(1);
        sb.append(SvgCharts.horizontalBars(
                        "outside-reach-chart",
                        "Share of tie strength going outside each team",
                        bars,
                        Math.max(0.25, widest),
                        200,
                        420))
                .append("<figcaption>Outside reach per team, most cut off first (the five most cut off in orange)")
                .append(
                        byCutOff.size() > MAX_BAR_TEAMS
                                ? "; the " + MAX_BAR_TEAMS + " most cut off of " + count(byCutOff.size())
                                        + " teams, all of them in the table below"
                                : "")
                .append(".</figcaption></figure>\n");

        Html.SortableTable t = new Html.SortableTable("teams-table", "Per-team cohesion and outside reach")
                .text("Team")
                .text("Department")
                .num("People")
                .num("Cohesion", "density of active ties inside the team")
                .num("Ties inside")
                .num("Outside share", "share of the strength of the team's ties that crosses its boundary")
                .num("Teams reached")
                .num("Members with no outside tie")
                .num("Cut-off rank", "1 = most cut off");
        for (Map<String, Object> r : teams) {
            t.row()
                    .cell(r.get("team"))
                    .cell(r.get("department"))
                    .cell(r.get("people"), count(r.get("people")))
                    .cell(r.get("cohesion"), percent(r.get("cohesion"), 1))
                    .cell(r.get("inside_ties"), count(r.get("inside_ties")))
                    .cell(r.get("outside_share"), percent(r.get("outside_share"), 1))
                    .cell(r.get("teams_reached"), count(r.get("teams_reached")))
                    .cell(
                            r.get("members_without_outside_tie_share"),
                            percent(r.get("members_without_outside_tie_share"), 0))
                    .cell(r.get("cut_off_rank"), count(r.get("cut_off_rank")));
        }
        sb.append(t.html()).append("</section>\n");
    }

    private static void trends(StringBuilder sb, Map<String, Object> f) {
        List<Map<String, Object>> trend = list(f.get("trend"));
        sb.append("<section id=\"trends\"><h2>Trends</h2><p class=\"note\">The headline figures over the last ")
                .append(trend.size())
                .append(trend.size() == 1 ? " run (lines appear from the second run on)" : " runs")
                .append(".</p>\n<div class=\"trends\">");
        List<LocalDate> dates = new ArrayList<>();
        for (Map<String, Object> r : trend) dates.add(LocalDate.parse(String.valueOf(r.get("as_of"))));
        for (HeadlineFigure fig : HeadlineFigure.values()) {
            List<Double> values = new ArrayList<>();
            for (Map<String, Object> r : trend) values.add(number(r.get(fig.key)));
            double floor = fig.kind == HeadlineFigure.Kind.RATIO ? Double.NEGATIVE_INFINITY : 0;
            double ceiling = fig.kind == HeadlineFigure.Kind.PERCENT ? 1 : Double.POSITIVE_INFINITY;
            sb.append(SvgCharts.lineChart(
                    "trend-" + fig.key.replace('_', '-'), fig.label, dates, values, fig::formatAxis, floor, ceiling));
        }
        sb.append("</div></section>\n");
    }

    private static void methods(StringBuilder sb, Map<String, Object> f) {
        Map<String, Object> m = map(f.get("methods"));
        Map<String, Object> p = map(m.get("parameters"));
        Map<String, Object> b = map(m.get("betweenness"));
        Map<String, Object> q = map(m.get("quarantine"));
        Map<String, Object> privacy = map(f.get("privacy"));
        sb.append("<section id=\"methods\"><h2>Methods</h2><dl class=\"methods\">\n");
        dd(
                sb,
                "Tie strength",
                String.format(
                        Locale.ROOT,
                        "Σ channel weight × 2^(−age / %s days) over the last %s days (Burt 2000); "
                                + "group events count 1/(N−1) per pair (Newman 2001). A tie is active at strength ≥ %s.",
                        plain(p.get("half_life_days")),
                        plain(p.get("lookback_days")),
                        plain(p.get("min_strength"))));
        dd(
                sb,
                "Windows",
                String.format(
                        Locale.ROOT,
                        "recent window R = the last %s days, against the baseline B = the %s days before it.",
                        plain(p.get("recent_window_days")),
                        plain(p.get("baseline_window_days"))));
        dd(
                sb,
                "Expected activity",
                "each day of the look-back has an expected activity a(d), 1.0 on an ordinary day: the trimmed mean of "
                        + "ratios of the day's contacts over groups of established ties (Anders & Huber 2010; Robinson & "
                        + "Oshlack 2010), so weekends, company holidays and quiet weeks are expected quiet. A window W "
                        + "counts for A(W) = Σ a(d) ordinary days; days a person was away count for 0 in their ties.");
        dd(
                sb,
                "Weakening, dormant, paused",
                String.format(
                        Locale.ROOT,
                        "weakening: the tie's activity-adjusted rate in R below %s × its rate in B, and a drop test "
                                + "(beta-binomial with the tie's own over-dispersion; share of R = A(R)/(A(R)+A(B)); "
                                + "Kossinets & Watts 2006); dormant: silent through R and a silence this long unlikely under the "
                                + "tie's own rate, P = (1 − A(silence)/A(since first contact))^N. Both are called when the "
                                + "tie's Benjamini–Hochberg q-value over every tie tested in the run is at most %s (Benjamini & "
                                + "Hochberg 1995), so at most that share of the list is expected to be false alarms. Paused: "
                                + "the tie fell quiet while one side was away (detected: a run of days without any contact, "
                                + "unlikely under the person's own rhythm; or declared in the absences input). Flagged "
                                + "bridges had at least 3 baseline contacts; their bridge risk is the rise of the two people's "
                                + "Burt constraint if the tie were lost.",
                        plain(p.get("weakening_ratio")),
                        plain(p.get("fdr"))));
        dd(
                sb,
                "Shrinking network, newcomers",
                String.format(
                        Locale.ROOT,
                        "a network shrinks when a person's activity-adjusted weighted contact rate drops by at least %s "
                                + "and a binomial test calls it at the same false discovery rate (never while away); newcomers were hired in the last %s days and have fewer than %s active ties and no current mentor.",
                        percent(p.get("shrink_share"), 0),
                        plain(p.get("newcomer_days")),
                        plain(p.get("newcomer_min_ties"))));
        dd(
                sb,
                "Betweenness",
                "Brandes (2001), normalized as NetworkX, "
                        + (Boolean.TRUE.equals(p.get("weighted_betweenness"))
                                ? "weighted (distance = 1/strength)"
                                : "unweighted")
                        + "; mode " + plain(b.get("mode")) + ", "
                        + ("adaptive".equals(b.get("mode"))
                                ? count(b.get("samples")) + " sampled shortest paths"
                                : count(b.get("sources")) + " sources")
                        + ". Error bound: " + plain(b.get("error_bound")) + ".");
        dd(
                sb,
                "Density, largest group",
                "density = active ties / (n(n−1)/2); the largest connected group is the largest connected component of active ties.");
        dd(
                sb,
                "Communities, modularity",
                "Louvain (Blondel et al. 2008), seed " + plain(p.get("seed"))
                        + "; modularity of that partition on tie strengths.");
        dd(
                sb,
                "Teams",
                "cohesion = density inside a team; outside share = strength of the team's ties crossing its boundary / strength of all its ties.");
        StringBuilder qs = new StringBuilder();
        qs.append(count(q.get("interactions_rejected")))
                .append(" of ")
                .append(count(q.get("interaction_rows_read")))
                .append(" interaction rows quarantined");
        Map<String, Object> reasons = map(q.get("rejected_by_reason"));
        if (!reasons.isEmpty()) {
            qs.append(" (");
            int i = 0;
            for (Map.Entry<String, Object> e : reasons.entrySet())
                qs.append(i++ > 0 ? "; " : "").append(e.getKey()).append(": ").append(count(e.getValue()));
            qs.append(')');
        }
        qs.append("; ")
                .append(count(q.get("interaction_duplicates")))
                .append(" exact duplicates dropped; ")
                .append(count(q.get("directory_rejected")))
                .append(" directory rows and ")
                .append(count(q.get("mentorships_rejected")))
                .append(" mentorship rows rejected. Details: rejected.csv of this run.");
        dd(sb, "Quarantined", qs.toString());
        dd(sb, "Privacy", plain(privacy.get("rule")) + ".");
        for (Map.Entry<String, Object> e : map(m.get("definitions")).entrySet()) {
            if (!COVERED_DEFINITIONS.contains(e.getKey())) dd(sb, capitalise(e.getKey()), plain(e.getValue()));
        }
        sb.append(
                "</dl>\n<p class=\"note\">For machines: <code>network-health.json</code> holds every figure on this page; "
                        + "each table is also in a CSV file beside it (<code>network-health-*.csv</code>). "
                        + "Rebuild this page for any past run with <code>scripts/report --as-of DATE</code>.</p></section>\n");
    }

    // ---- helpers ----

    /** The run's own method notes that the section above already states in full. */
    static final java.util.Set<String> COVERED_DEFINITIONS = java.util.Set.of(
            "tie strength",
            "windows",
            "weakening",
            "dormant",
            "paused",
            "betweenness",
            "communities",
            "quarantined rows",
            "privacy");

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static void dd(StringBuilder sb, String term, String text) {
        sb.append("<dt>")
                .append(esc(term))
                .append("</dt><dd>")
                .append(esc(text))
                .append("</dd>\n");
    }

    static String pValue(Double p) {
        if (p == null) return "–";
        return p < 0.001 ? "<0.001" : String.format(Locale.ROOT, p < 0.01 ? "%.4f" : "%.3f", p);
    }

    private static String plain(Object o) {
        if (o instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString(d.longValue());
        return o == null ? "–" : String.valueOf(o);
    }

    private static String shown(List<?> rows, Object total) {
        Double t = number(total);
        return t != null && rows.size() < t ? "Showing the first " + rows.size() + "; all are counted above." : "";
    }

    static String personLabel(Map<String, Object> r, String nameKey, String idKey) {
        Object name = r.get(nameKey);
        return name == null ? String.valueOf(r.get(idKey)) : String.valueOf(name);
    }

    static String personHtml(Map<String, Object> r, String nameKey, String idKey) {
        Object name = r.get(nameKey);
        if (name == null) return "<span class=\"nowrap\">" + esc(r.get(idKey)) + "</span>";
        return esc(name) + " <span class=\"pid\">" + esc(r.get(idKey)) + "</span>";
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object o) {
        return o instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }

    static String sha256(String script) {
        try {
            return "sha256-"
                    + Base64.getEncoder()
                            .encodeToString(MessageDigest.getInstance("SHA-256")
                                    .digest(script.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
