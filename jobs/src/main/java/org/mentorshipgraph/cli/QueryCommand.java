package org.mentorshipgraph.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.mentorshipgraph.config.JobConfig;
import org.mentorshipgraph.config.Setting;
import org.mentorshipgraph.failures.ExitCodes;
import org.mentorshipgraph.failures.JobFailure;
import org.mentorshipgraph.neo4j.Neo4jConnection;
import org.mentorshipgraph.neo4j.Neo4jFailures;
import org.mentorshipgraph.neo4j.QueryLibrary;
import org.neo4j.driver.Driver;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code scripts/query NAME --param k=v ...}: runs one of the named Cypher questions of {@code queries/} against
 * Neo4j and prints the answer as a table (or CSV). {@code scripts/query} alone lists the questions;
 * {@code scripts/query NAME --describe} shows what one answers and its parameters.
 */
@Command(
        name = "query",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpWidth = 110,
        description = {
            "Runs a named Cypher question of queries/ against Neo4j and prints a table.",
            "Without NAME: lists the questions. Connection as for scripts/nightly: NEO4J_URI (or --neo4j-uri), "
                    + "NEO4J_USERNAME, NEO4J_PASSWORD or neo4j.password-file."
        })
public final class QueryCommand implements Callable<Integer> {
    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "NAME",
            description = "the question (a file name in queries/ without .cypher)")
    String name;

    @Option(
            names = {"-p", "--param"},
            paramLabel = "KEY=VALUE",
            description = "a parameter of the question (repeatable)")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--describe", description = "print what the question answers and its parameters, and exit")
    boolean describe;

    @Option(names = "--format", defaultValue = "table", description = "table or csv (default table)")
    String format;

    @Option(
            names = "--queries",
            paramLabel = "DIR",
            description = "the query folder (default: queries/ of the installation)")
    Path queries;

    @Option(names = "--neo4j-uri", paramLabel = "URI")
    String neo4jUri;

    @Option(names = "--neo4j-database", paramLabel = "NAME")
    String neo4jDatabase;

    @Option(names = "--config", paramLabel = "FILE", description = "configuration file, as for scripts/nightly")
    Path configFile;

    private final Map<String, String> environment;
    private final PrintStream out;

    QueryCommand(Map<String, String> environment, PrintStream out) {
        this.environment = environment;
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(execute(args, System.getenv(), System.out));
    }

    /** Runs the command and returns its exit code (tests use this). */
    public static int execute(String[] args, Map<String, String> environment, PrintStream out) {
        CommandLine cl = new CommandLine(new QueryCommand(environment, out));
        cl.setOut(new java.io.PrintWriter(out, true));
        return CommandLines.execute(cl, "scripts/query", args);
    }

    @Override
    public Integer call() {
        QueryLibrary library =
                QueryLibrary.load(queries != null ? queries : Path.of(System.getProperty("mg.home", "."), "queries"));
        if (name == null) {
            out.println("Questions (scripts/query NAME [--param key=value ...]; --describe for details):");
            library.all()
                    .values()
                    .forEach(q -> out.printf(Locale.ROOT, "  %-26s %s%n", q.name(), firstSentence(q.description())));
            return ExitCodes.OK;
        }
        QueryLibrary.NamedQuery q = library.get(name);
        if (describe) {
            out.println(q.name() + ": " + q.description());
            for (QueryLibrary.Param p : q.params()) {
                out.printf(
                        Locale.ROOT,
                        "  --param %-14s %-8s %-10s %s%n",
                        p.name(),
                        p.type().name().toLowerCase(Locale.ROOT),
                        p.required() ? "required" : "default " + p.defaultValue(),
                        p.description());
            }
            return ExitCodes.OK;
        }
        if (!format.equals("table") && !format.equals("csv"))
            throw JobFailure.usage("--format must be table or csv, got '" + format + "'");
        Map<String, Object> typed = q.bind(params);
        Map<Setting, String> overrides = new EnumMap<>(Setting.class);
        if (neo4jUri != null) overrides.put(Setting.NEO4J_URI, neo4jUri);
        if (neo4jDatabase != null) overrides.put(Setting.NEO4J_DATABASE, neo4jDatabase);
        JobConfig config = JobConfig.load(configFile, environment, overrides);
        String where = "Neo4j at " + JobConfig.maskUserInfo(config.neo4jUri());
        QueryLibrary.Answer answer;
        try (Driver driver = Neo4jConnection.open(config, environment)) {
            answer = QueryLibrary.run(driver, config.neo4jDatabase(), q, typed);
        } catch (RuntimeException e) {
            throw Neo4jFailures.explain(e, where, config.neo4jDatabase());
        }
        if (format.equals("csv")) printCsv(answer);
        else printTable(answer);
        return ExitCodes.OK;
    }

    private void printTable(QueryLibrary.Answer a) {
        List<String[]> cells = new ArrayList<>();
        cells.add(a.columns().toArray(String[]::new));
        for (List<Object> row : a.rows())
            cells.add(row.stream().map(QueryCommand::text).toArray(String[]::new));
        int[] width = new int[a.columns().size()];
        for (String[] r : cells)
            for (int i = 0; i < r.length; i++) width[i] = Math.min(60, Math.max(width[i], r[i].length()));
        for (int n = 0; n < cells.size(); n++) {
            String[] r = cells.get(n);
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                String c = r[i].length() > 60 ? r[i].substring(0, 59) + "…" : r[i];
                line.append(i > 0 ? "  " : "").append(String.format(Locale.ROOT, "%-" + width[i] + "s", c));
            }
            out.println(line.toString().stripTrailing());
            if (n == 0)
                out.println(java.util.Arrays.stream(width).mapToObj("-"::repeat).collect(Collectors.joining("  ")));
        }
        out.println("(" + a.rows().size() + (a.rows().size() == 1 ? " row)" : " rows)"));
    }

    private void printCsv(QueryLibrary.Answer a) {
        out.println(a.columns().stream().map(QueryCommand::csv).collect(Collectors.joining(",")));
        for (List<Object> row : a.rows())
            out.println(row.stream().map(v -> csv(text(v))).collect(Collectors.joining(",")));
    }

    static String text(Object v) {
        if (v == null) return "";
        if (v instanceof Double d)
            return d.isNaN()
                    ? "NaN"
                    : (d == Math.rint(d) && Math.abs(d) < 1e15 ? String.format(Locale.ROOT, "%.1f", d) : stripZeros(d));
        if (v instanceof List<?> l)
            return l.stream().map(QueryCommand::text).collect(Collectors.joining(", ", "[", "]"));
        if (v instanceof TemporalAccessor t) return t.toString();
        return String.valueOf(v);
    }

    private static String stripZeros(double d) {
        String s = String.format(Locale.ROOT, "%.6f", d);
        return s.replaceFirst("0+$", "").replaceFirst("\\.$", "");
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private static String firstSentence(String s) {
        int i = s.indexOf(": ");
        return i > 0 && i < 70 ? s.substring(0, i) : (s.length() > 80 ? s.substring(0, 79) + "…" : s);
    }
}
