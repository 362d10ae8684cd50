package org.mentorshipgraph.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mentorshipgraph.files.Json;
import org.mentorshipgraph.files.RunFolders;
import org.mentorshipgraph.storage.Location;
import org.mentorshipgraph.storage.Storage;

/**
 * Writes the report of one run: {@code network-health.json}, {@code network-health.html} and the
 * {@code network-health-*.csv} tables, all in the run's folder. The page and the CSVs are rendered from the JSON
 * as written (serialised, then parsed back), so the nightly run and a later rebuild from stored files
 * ({@link #rebuild}) produce the same bytes as long as the earlier runs are the same.
 */
public final class ReportWriter {
    private ReportWriter() {}

    public static final String JSON_FILE = "network-health.json";
    public static final String HTML_FILE = "network-health.html";

    /** The order of the sections in the JSON file. */
    static final List<String> SECTION_ORDER = List.of(
            "schema_version",
            "as_of",
            "headline",
            "changes",
            "tie_status",
            "top_connectors",
            "brokerage",
            "fading_ties",
            "shrinking_networks",
            "newcomers_without_mentor",
            "teams",
            "team_links",
            "trend",
            "methods",
            "privacy");

    /**
     * Adds what changed since the earlier runs in {@code runsDir}, then writes the JSON, the page and the CSVs into
     * {@code runFolder}. Returns the figures as stored (parsed back from the JSON).
     */
    public static Map<String, Object> write(Location runFolder, Location runsDir, Map<String, Object> figures) {
        Map<String, Object> f = new LinkedHashMap<>(figures);
        f.remove("changes");
        f.remove("trend");
        RunHistory.attach(f, RunHistory.earlier(runsDir, String.valueOf(f.get("as_of"))));
        String json = Json.write(finite(ordered(f))) + "\n";
        Map<String, Object> stored = parse(json);
        runFolder.mkdirs();
        runFolder.child(JSON_FILE).replaceAtomically(json);
        CsvExports.write(runFolder, stored);
        runFolder.child(HTML_FILE).replaceAtomically(HtmlReport.render(stored));
        return stored;
    }

    /** As {@link #write(Location, Location, Map)} on the local disk (tests). */
    public static Map<String, Object> write(Path runFolder, Path runsDir, Map<String, Object> figures) {
        Storage s = Storage.local();
        return write(s.at(runFolder.toString()), s.at(runsDir.toString()), figures);
    }

    /**
     * Rebuilds the report of the stored run of {@code asOf} (found as every reader finds it, {@link RunFolders}) from
     * its {@code network-health.json} and the earlier runs' alone.
     */
    public static Map<String, Object> rebuild(Location runsDir, String asOf) {
        Location runFolder = RunFolders.published(runsDir, asOf)
                .orElseThrow(() -> new IllegalArgumentException("no published run of " + asOf + " in " + runsDir));
        Location json = runFolder.child(JSON_FILE);
        if (!json.isFile()) throw new IllegalArgumentException("no " + JSON_FILE + " in " + runFolder);
        Map<String, Object> figures = parse(json.readString());
        if (!asOf.equals(figures.get("as_of")))
            throw new IllegalArgumentException(json + " is the report of " + figures.get("as_of") + ", not " + asOf);
        return write(runFolder, runsDir, figures);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(String json) {
        try {
            return Json.MAPPER.readValue(json, LinkedHashMap.class);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable report JSON: " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> ordered(Map<String, Object> f) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String k : SECTION_ORDER) if (f.containsKey(k)) out.put(k, f.get(k));
        f.forEach(out::putIfAbsent);
        return out;
    }

    /** JSON has no NaN or infinity: such values become null. */
    @SuppressWarnings("unchecked")
    static Object finite(Object o) {
        if (o instanceof Double d) return d.isNaN() || d.isInfinite() ? null : d;
        if (o instanceof Float d) return d.isNaN() || d.isInfinite() ? null : d;
        if (o instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), finite(v)));
            return out;
        }
        if (o instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object x : l) out.add(finite(x));
            return out;
        }
        return o;
    }
}
