package org.mentorshipgraph.neo4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.mentorshipgraph.failures.JobFailure;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Value;

/**
 * The analysts' named Cypher questions: the {@code *.cypher} files of a folder ({@code queries/} at the repository
 * root). A file's name is the query's name; its leading {@code //} comment lines say what it answers, and each
 * {@code // @param NAME TYPE DEFAULT description} line declares a parameter: TYPE is {@code string}, {@code int},
 * {@code float} or {@code boolean}; DEFAULT is a value, {@code null}, or {@code required}.
 */
public final class QueryLibrary {
    private final Map<String, NamedQuery> queries;

    private QueryLibrary(Map<String, NamedQuery> queries) {
        this.queries = queries;
    }

    public enum Type {
        STRING,
        INT,
        FLOAT,
        BOOLEAN
    }

    /** A declared parameter; {@code required} parameters have no default. */
    public record Param(String name, Type type, boolean required, Object defaultValue, String description) {}

    /** A named query: what it answers, its parameters, its Cypher. */
    public record NamedQuery(String name, String description, List<Param> params, String cypher) {
        /** Typed parameters from {@code name=value} texts, defaults filled in; unknown or missing ones are usage errors. */
        public Map<String, Object> bind(Map<String, String> given) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (String k : given.keySet()) {
                if (params.stream().noneMatch(p -> p.name().equals(k))) {
                    throw JobFailure.usage("query " + name + " has no parameter '" + k + "' (it has: "
                            + String.join(", ", params.stream().map(Param::name).toList()) + ")");
                }
            }
            for (Param p : params) {
                String v = given.get(p.name());
                if (v == null) {
                    if (p.required())
                        throw JobFailure.usage("query " + name + " needs --param " + p.name() + "=<"
                                + p.type().name().toLowerCase(Locale.ROOT) + ">");
                    out.put(p.name(), p.defaultValue());
                } else {
                    out.put(p.name(), parse(name, p.name(), p.type(), v));
                }
            }
            return out;
        }
    }

    /** A query's answer: column names and rows of plain Java values (driver temporal types, lists, numbers, strings). */
    public record Answer(List<String> columns, List<List<Object>> rows) {
        public List<Object> column(String name) {
            int i = columns.indexOf(name);
            if (i < 0) throw new IllegalArgumentException("no column " + name + " in " + columns);
            return rows.stream().map(r -> r.get(i)).toList();
        }

        public List<Map<String, Object>> maps() {
            List<Map<String, Object>> out = new ArrayList<>();
            for (List<Object> r : rows) {
                Map<String, Object> m = new LinkedHashMap<>();
                for (int i = 0; i < columns.size(); i++) m.put(columns.get(i), r.get(i));
                out.add(m);
            }
            return out;
        }
    }

    public static QueryLibrary load(Path folder) {
        if (!Files.isDirectory(folder)) throw JobFailure.usage("no query folder " + folder + " (set --queries)");
        Map<String, NamedQuery> queries = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".cypher"))
                    .sorted()
                    .toList()) {
                String name = f.getFileName().toString().replaceFirst("\\.cypher$", "");
                queries.put(name, parse(name, Files.readString(f)));
            }
        } catch (IOException e) {
            throw JobFailure.usage("cannot read the queries in " + folder + ": " + e.getMessage());
        }
        return new QueryLibrary(queries);
    }

    public Map<String, NamedQuery> all() {
        return queries;
    }

    public NamedQuery get(String name) {
        NamedQuery q = queries.get(name);
        if (q == null)
            throw JobFailure.usage("no query '" + name + "'; the queries are: " + String.join(", ", queries.keySet()));
        return q;
    }

    /** Runs a named query with {@code name=value} parameters in a read transaction. */
    public Answer run(Driver driver, String database, String name, Map<String, String> params) {
        NamedQuery q = get(name);
        return run(driver, database, q, q.bind(params));
    }

    public static Answer run(Driver driver, String database, NamedQuery q, Map<String, Object> typed) {
        try (Session s = driver.session(SessionConfig.forDatabase(database))) {
            return s.executeRead(tx -> {
                var result = tx.run(q.cypher(), typed);
                List<String> columns = result.keys();
                List<List<Object>> rows = new ArrayList<>();
                for (Record r : result.list()) {
                    List<Object> row = new ArrayList<>(columns.size());
                    for (Value v : r.values()) row.add(v.isNull() ? null : v.asObject());
                    rows.add(row);
                }
                return new Answer(columns, rows);
            });
        }
    }

    static NamedQuery parse(String name, String text) {
        StringBuilder description = new StringBuilder();
        List<Param> params = new ArrayList<>();
        List<String> lines = text.lines().toList();
        int i = 0;
        for (; i < lines.size() && lines.get(i).strip().startsWith("//"); i++) {
            String c = lines.get(i).strip().substring(2).strip();
            if (c.startsWith("@param")) {
                String[] f = c.split("\\s+", 5);
                if (f.length < 4)
                    throw JobFailure.usage(
                            name + ".cypher: '@param NAME TYPE DEFAULT description' expected, got '" + c + "'");
                Type type;
                try {
                    type = Type.valueOf(f[2].toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw JobFailure.usage(name + ".cypher: parameter " + f[1] + " has unknown type " + f[2]);
                }
                boolean required = f[3].equals("required");
                Object def = required || f[3].equals("null") ? null : parse(name, f[1], type, f[3]);
                params.add(new Param(f[1], type, required, def, f.length > 4 ? f[4] : ""));
            } else {
                description.append(description.length() > 0 ? " " : "").append(c);
            }
        }
        String cypher = String.join("\n", lines.subList(i, lines.size())).strip();
        if (cypher.isEmpty()) throw JobFailure.usage(name + ".cypher has no Cypher after its header");
        return new NamedQuery(name, description.toString(), List.copyOf(params), cypher);
    }

    private static Object parse(String query, String param, Type type, String v) {
        try {
            return switch (type) {
                case STRING -> v;
                case INT -> Long.parseLong(v.strip());
                case FLOAT -> Double.parseDouble(v.strip());
                case BOOLEAN -> {
                    if (!v.strip().matches("(?i)true|false")) throw new NumberFormatException();
                    yield Boolean.parseBoolean(v.strip());
                }
            };
        } catch (NumberFormatException e) {
            throw JobFailure.usage("query " + query + ": parameter " + param + " must be "
                    + type.name().toLowerCase(Locale.ROOT) + ", got '" + v + "'");
        }
    }
}
