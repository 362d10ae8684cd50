package org.mentorshipgraph.job;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mentorshipgraph.progress.StepLog;

/**
 * What {@code run.json} and the Neo4j {@code Run} node hold: as-of, parameters, counts, seconds per step, outcome.
 * Filled as the run goes; a plain ordered map so that it prints in a readable order.
 */
public final class RunRecord implements org.mentorshipgraph.progress.StepListener {
    private final Map<String, Object> root = new LinkedHashMap<>();
    private final Map<String, Object> counts = new LinkedHashMap<>();
    private final Map<String, Double> seconds = new LinkedHashMap<>();
    private final Map<String, Object> betweenness = new LinkedHashMap<>();
    private final java.util.List<String> warnings = new java.util.ArrayList<>();

    public RunRecord(String asOf, Map<String, String> parameters) {
        root.put("run_id", asOf);
        root.put("as_of", asOf);
        root.put("outcome", "running");
        root.put("started_at", Instant.now().toString());
        root.put("finished_at", null);
        root.put("parameters", parameters);
        root.put("inputs", new LinkedHashMap<String, Object>());
        root.put("counts", counts);
        root.put("betweenness", betweenness);
        root.put("seconds", seconds);
        root.put("warnings", warnings);
    }

    /** Logs a warning and keeps it in {@code run.json} ({@code warnings}), so that a scheduler's reader sees it too. */
    public void warn(String format, Object... args) {
        String m = String.format(java.util.Locale.ROOT, format, args);
        warnings.add(m);
        StepLog.warn("%s", m);
    }

    public java.util.List<String> warnings() {
        return warnings;
    }

    public void input(String name, Object value) {
        @SuppressWarnings("unchecked")
        Map<String, Object> inputs = (Map<String, Object>) root.get("inputs");
        inputs.put(name, value);
    }

    public void count(String name, Object value) {
        counts.put(name, value);
    }

    public void betweenness(String name, Object value) {
        betweenness.put(name, value);
    }

    @Override
    public void stepFinished(String step, double s) {
        seconds(step, s);
    }

    public void seconds(String step, double s) {
        seconds.put(step, Math.round(s * 1000) / 1000.0);
    }

    public void put(String key, Object value) {
        root.put(key, value);
    }

    public void finish(String outcome, String message) {
        root.put("outcome", outcome);
        root.put("finished_at", Instant.now().toString());
        if (message != null) root.put("message", message);
    }

    public Map<String, Object> asMap() {
        return root;
    }

    public Map<String, Object> counts() {
        return counts;
    }

    public Map<String, Double> seconds() {
        return seconds;
    }

    public Map<String, Object> betweennessInfo() {
        return betweenness;
    }

    public String outcome() {
        return (String) root.get("outcome");
    }
}
