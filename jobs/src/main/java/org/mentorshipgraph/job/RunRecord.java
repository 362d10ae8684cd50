package org.mentorshipgraph.job;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mentorshipgraph.progress.StepListener;
import org.mentorshipgraph.progress.StepResult;

/**
 * What {@code run.json} and the Neo4j {@code Run} node hold: as-of, parameters, inputs, counts, betweenness mode,
 * seconds and peak heap per step, warnings, outcome. Filled as the run goes (it listens to the run's steps); a plain
 * ordered map so that it prints in a readable order.
 */
public final class RunRecord implements StepListener {
    private final Map<String, Object> root = new LinkedHashMap<>();
    private final Map<String, Object> inputs = new LinkedHashMap<>();
    private final Map<String, Object> counts = new LinkedHashMap<>();
    private final Map<String, Double> seconds = new LinkedHashMap<>();
    private final Map<String, Long> peakHeapMb = new LinkedHashMap<>();
    private final Map<String, Object> betweenness = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();

    public RunRecord(String asOf, Map<String, String> parameters) {
        root.put("run_id", asOf);
        root.put("as_of", asOf);
        root.put("outcome", "running");
        root.put("started_at", Instant.now().toString());
        root.put("finished_at", null);
        root.put("parameters", parameters);
        root.put("inputs", inputs);
        root.put("counts", counts);
        root.put("betweenness", betweenness);
        root.put("seconds", seconds);
        root.put("peak_heap_mb", peakHeapMb);
        root.put("warnings", warnings);
    }

    @Override
    public void stepFinished(String step, double s, long peakHeapBytes, StepResult result) {
        seconds.put(step, Math.round(s * 1000) / 1000.0);
        if (peakHeapBytes >= 0) peakHeapMb.put(step, peakHeapBytes / (1024 * 1024));
        counts.putAll(result.counts());
    }

    @Override
    public void warned(String message) {
        warnings.add(message);
    }

    public List<String> warnings() {
        return warnings;
    }

    public void input(String name, Object value) {
        inputs.put(name, value);
    }

    public void count(String name, Object value) {
        counts.put(name, value);
    }

    public void betweenness(String name, Object value) {
        betweenness.put(name, value);
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
