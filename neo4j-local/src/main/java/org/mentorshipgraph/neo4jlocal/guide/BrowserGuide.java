package org.mentorshipgraph.neo4jlocal.guide;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Neo4j Browser guide of the mentorship graph: a tour of the model (Person, TIE, MENTORS, Run, Skill, HAS_SKILL,
 * WANTS_TO_LEARN, SUGGESTED_MENTOR), a few queries that draw pictures, and one slide per analyst question of the query
 * folder ({@code queries/*.cypher}), each runnable with one click.
 *
 * <p>The hand-written part is the template {@code guide/mentorship-graph.html} (resources); the query library is
 * generated into it here, on every request, from the files themselves, so the guide cannot drift from them. A query
 * file's leading {@code //} lines describe it and declare its parameters as
 * {@code // @param NAME TYPE DEFAULT description} (TYPE {@code string}, {@code int}, {@code float}, {@code boolean};
 * DEFAULT a value, {@code null} or {@code required}), the format of the job's {@code QueryLibrary}. A query's slide has a block
 * that sets its optional parameters to their defaults ({@code :param NAME => DEFAULT}), then the query as it is in the
 * file; its required parameters come from the guide's "examples" slide, whose {@code :param [{...}] => {...}} block picks them from the graph. A required
 * parameter that the examples do not set is named on the query's slide as such ({@link #UNSET_MARK}).
 *
 * <p>A Browser guide is HTML whose {@code <slide>} elements are the pages; {@code pre.runnable} blocks get a play
 * button (Browser 5.24 {@code Directives}). JDK only; cost: one read of each query file per rendering.
 */
public final class BrowserGuide {

    /** The guide's name: {@code :guide mentorship-graph}, and its path under the extension's mount point. */
    public static final String GUIDE_NAME = "mentorship-graph";
    /** System property naming the query folder ({@code scripts/neo4j-local} passes the repository's queries/). */
    public static final String QUERIES_PROPERTY = "mentorshipgraph.queries";
    /** Written on a query's slide for each required parameter that the examples block does not set. */
    public static final String UNSET_MARK = "not set by the examples";

    private static final String RESOURCES = "/org/mentorshipgraph/neo4jlocal/guide/";
    private static final String LIBRARY_MARK = "<!-- QUERY LIBRARY -->";
    private static final Pattern EXAMPLES = Pattern.compile(":param \\[\\{([^}]*)}]");

    private BrowserGuide() {}

    /** A declared parameter of a query; {@code defaultValue} is the declared text ({@code null}, a number, ...). */
    public record Param(String name, String type, boolean required, String defaultValue, String description) {
        /** The Cypher literal of the default, for {@code :param NAME => literal}. */
        String literal() {
            if ("null".equals(defaultValue)) return "null";
            if (type.equals("string"))
                return "'" + defaultValue.replace("\\", "\\\\").replace("'", "\\'") + "'";
            if (type.equals("float") && !defaultValue.contains(".") && !defaultValue.contains("e")) {
                return defaultValue + ".0";
            }
            return defaultValue.toLowerCase(Locale.ROOT);
        }
    }

    /** A query of the folder: its name (the file name without {@code .cypher}), what it answers, its Cypher. */
    public record Query(String name, String description, List<Param> params, String cypher) {}

    /**
     * The guide's HTML. {@code guidesUrl} is where the guide is served (e.g. {@code http://127.0.0.1:7474/guides}), for
     * the links back to this server; without a query folder (null or missing) the library slide says so.
     */
    public static String render(String guidesUrl, Path queryFolder) {
        String template = resource("mentorship-graph.html").replace("{{GUIDES_URL}}", escape(guidesUrl));
        Set<String> examples = exampleParams(template);
        String library;
        if (queryFolder == null || !Files.isDirectory(queryFolder)) {
            library = "<slide class=\"row-fluid\"><div class=\"col-sm-12\"><h3>The query library</h3>"
                    + "<p>This server was not given the query folder (system property <code>" + QUERIES_PROPERTY
                    + "</code>; <code>scripts/neo4j-local</code> sets it to the repository's <code>queries/</code>),"
                    + " so the questions are not listed here. Run them with <code>scripts/query</code>.</p>"
                    + "</div></slide>";
        } else {
            library = library(queries(queryFolder), examples);
        }
        return template.replace(LIBRARY_MARK, library);
    }

    /** The Browser style (grass) that the guide's {@code :style} applies: captions and colours per label and type. */
    public static String style() {
        return resource("mentorship-graph.grass");
    }

    /** The parameters the template's examples block ({@code :param [{a, b, ...}] => {...}}) sets. */
    static Set<String> exampleParams(String template) {
        Matcher m = EXAMPLES.matcher(template);
        Set<String> names = new LinkedHashSet<>();
        while (m.find()) {
            for (String n : m.group(1).split(",")) {
                if (!n.isBlank()) names.add(n.strip());
            }
        }
        return names;
    }

    /** Every {@code *.cypher} file of the folder, sorted by name. */
    public static List<Query> queries(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            List<Query> out = new ArrayList<>();
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".cypher"))
                    .sorted()
                    .toList()) {
                String name = f.getFileName().toString().replaceFirst("\\.cypher$", "");
                out.add(parse(name, Files.readString(f, StandardCharsets.UTF_8)));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the queries in " + folder, e);
        }
    }

    static Query parse(String name, String text) {
        StringBuilder description = new StringBuilder();
        List<Param> params = new ArrayList<>();
        List<String> lines = text.lines().toList();
        int i = 0;
        for (; i < lines.size() && lines.get(i).strip().startsWith("//"); i++) {
            String c = lines.get(i).strip().substring(2).strip();
            if (c.startsWith("@param")) {
                String[] f = c.split("\\s+", 5);
                if (f.length < 4) {
                    throw new IllegalArgumentException(
                            name + ".cypher: '@param NAME TYPE DEFAULT description' expected, got '" + c + "'");
                }
                String type = f[2].toLowerCase(Locale.ROOT);
                boolean required = f[3].equals("required");
                params.add(new Param(f[1], type, required, required ? null : f[3], f.length > 4 ? f[4] : ""));
            } else {
                description.append(description.length() > 0 ? " " : "").append(c);
            }
        }
        String cypher = String.join("\n", lines.subList(i, lines.size())).strip();
        return new Query(name, description.toString(), List.copyOf(params), cypher);
    }

    /** An index slide, then one slide per query. */
    static String library(List<Query> queries, Set<String> examples) {
        StringBuilder html = new StringBuilder();
        html.append("<slide class=\"row-fluid\"><div class=\"col-sm-12\">\n<h3>The query library</h3>\n")
                .append("<p>The ")
                .append(queries.size())
                .append(" questions of <code>queries/</code> (also <code>scripts/query NAME</code>), one per slide ")
                .append("from here on, in this order. Each runs with one click on its &#9654;; its required ")
                .append("parameters come from the <b>examples</b> slide (run it first, or set one yourself with ")
                .append("<code>:param person_id =&gt; 'p0042'</code>).</p>\n<ol class=\"query-index\">\n");
        for (Query q : queries) {
            html.append("<li><b>")
                    .append(escape(q.name()))
                    .append("</b>: ")
                    .append(escape(firstSentence(q.description())))
                    .append("</li>\n");
        }
        html.append("</ol>\n</div></slide>\n");
        for (Query q : queries) {
            html.append(slide(q, examples));
        }
        return html.toString();
    }

    static String slide(Query q, Set<String> examples) {
        StringBuilder html = new StringBuilder();
        html.append("<slide class=\"row-fluid\"><div class=\"col-sm-12\">\n<h3>")
                .append(escape(q.name()))
                .append("</h3>\n<p>")
                .append(escape(q.description()))
                .append("</p>\n");
        if (!q.params().isEmpty()) {
            html.append("<ul class=\"query-params\">\n");
            for (Param p : q.params()) {
                html.append("<li><code>$")
                        .append(escape(p.name()))
                        .append("</code> (")
                        .append(escape(p.type()));
                if (p.required()) {
                    html.append(examples.contains(p.name()) ? ", from the examples" : ", required, " + UNSET_MARK);
                } else {
                    html.append(", default ").append(escape(p.defaultValue()));
                }
                html.append(")");
                if (!p.description().isBlank()) html.append(": ").append(escape(p.description()));
                html.append("</li>\n");
            }
            html.append("</ul>\n");
        }
        List<Param> optional = q.params().stream().filter(p -> !p.required()).toList();
        if (!optional.isEmpty()) {
            html.append("<p>Its defaults, then the query:</p>\n<pre class=\"code runnable\" data-params=\"")
                    .append(escape(q.name()))
                    .append("\">")
                    .append(escape(paramCommand(optional)))
                    .append("</pre>\n");
        }
        html.append("<pre class=\"code runnable\" data-query=\"")
                .append(escape(q.name()))
                .append("\">")
                .append(escape(q.cypher()))
                .append("</pre>\n</div></slide>\n");
        return html.toString();
    }

    /**
     * The Browser command that sets parameters to their defaults: {@code :param limit => 10} for one,
     * {@code :param [{runs, limit}] => { RETURN 7 AS runs, 10 AS limit }} for several (one command, one frame).
     */
    static String paramCommand(List<Param> params) {
        if (params.size() == 1)
            return ":param " + params.get(0).name() + " => " + params.get(0).literal();
        StringBuilder names = new StringBuilder();
        StringBuilder values = new StringBuilder();
        for (Param p : params) {
            names.append(names.length() > 0 ? ", " : "").append(p.name());
            values.append(values.length() > 0 ? ", " : "")
                    .append(p.literal())
                    .append(" AS ")
                    .append(p.name());
        }
        return ":param [{" + names + "}] => { RETURN " + values + " }";
    }

    static String firstSentence(String text) {
        int end = text.indexOf(". ");
        int colon = text.indexOf(": ");
        if (colon > 0 && (end < 0 || colon < end)) end = colon;
        return end < 0 ? text : text.substring(0, end);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    private static String resource(String name) {
        try (InputStream in = BrowserGuide.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) throw new IllegalStateException("missing resource " + RESOURCES + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
