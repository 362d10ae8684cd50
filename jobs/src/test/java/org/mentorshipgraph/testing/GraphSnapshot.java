package org.mentorshipgraph.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;

/**
 * The whole graph as sorted lines of text, every node and relationship with its properties and its ends' keys (never
 * internal ids), so that two graphs can be compared for equality. Timings and heap peaks (seconds_*, peak_heap_*, started_at, finished_at) and
 * messages are left out: they differ between two writes of the same run.
 */
public final class GraphSnapshot {
    private GraphSnapshot() {}

    public static List<String> of(Driver driver) {
        List<String> lines = new ArrayList<>();
        try (Session s = driver.session()) {
            for (Record r :
                    s.run("MATCH (n) RETURN labels(n) AS l, properties(n) AS p").list()) {
                lines.add(
                        "node " + r.get("l").asList() + " " + stable(r.get("p").asMap()));
            }
            for (Record r : s.run(
                            "MATCH (a)-[x]->(b) RETURN type(x) AS t, properties(x) AS p, properties(a) AS pa, properties(b) AS pb")
                    .list()) {
                lines.add("rel " + r.get("t").asString() + " " + key(r.get("pa").asMap()) + "->"
                        + key(r.get("pb").asMap()) + " " + stable(r.get("p").asMap()));
            }
        }
        Collections.sort(lines);
        return lines;
    }

    static String key(Map<String, Object> p) {
        for (String k : List.of("person_id", "name", "key", "run_id")) if (p.containsKey(k)) return k + "=" + p.get(k);
        return p.toString();
    }

    static String stable(Map<String, Object> p) {
        TreeMap<String, Object> m = new TreeMap<>(p);
        m.keySet()
                .removeIf(k -> k.equals("started_at")
                        || k.equals("finished_at")
                        || k.startsWith("seconds")
                        || k.startsWith("peak_heap")
                        || k.equals("message"));
        return m.toString();
    }
}
