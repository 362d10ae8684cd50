/*
 * How fast can Neo4j create relationships over Bolt at all, as a function of the properties each one carries?
 * A one-off ceiling measurement behind docs/graph-model.md "Why not 50,000 ties/s"; not the job's writer.
 * It EMPTIES the database it is given: run it against a throwaway server only.
 *
 *   scripts/neo4j-local ... (a throwaway: NEO4J_LOCAL_HOME=$(mktemp -d) NEO4J_LOCAL_BOLT_PORT=... scripts/neo4j-local start)
 *   NEO4J_PASSWORD=... java -cp "$(cat jobs/target/job-classpath.txt)" tools/neo4j-write-ceiling/TieWriteCeiling.java \
 *       bolt://127.0.0.1:PORT VARIANT BATCH PARALLELISM
 *
 * VARIANT: bare (1 property), ten (10 numbers), full (28: numbers, flags, strings, datetimes), full-nums (numbers
 * only); add -idx for the job's three TIE indexes, -hist for the history lists, -nolog to switch the driver's
 * logging off (the job does; the driver's default logging formats every message), -explicit for a CREATE with a
 * literal property map instead of SET t = row.props.
 * Prints the write's seconds, relationships per second and the client's CPU seconds.
 */
import org.neo4j.driver.*;
import java.util.*;
import java.time.*;

public class TieWriteCeiling {
    public static void main(String[] a) throws Exception {
        String uri = a[0]; String variant = a[1]; int batch = Integer.parseInt(a[2]); int par = Integer.parseInt(a[3]);
        int people = 40000, ties = 200000;
        try (Driver d = GraphDatabase.driver(uri, AuthTokens.basic("neo4j", System.getenv("NEO4J_PASSWORD")), variant.contains("nolog") ? Config.builder().withLogging(Logging.none()).build() : Config.defaultConfig())) {
            try (Session s = d.session()) {
                s.run("MATCH ()-[t]->() CALL { WITH t DELETE t } IN TRANSACTIONS OF 50000 ROWS").consume();
                s.run("MATCH (n) CALL { WITH n DELETE n } IN TRANSACTIONS OF 50000 ROWS").consume();
                for (org.neo4j.driver.Record r : s.run("SHOW INDEXES YIELD name, entityType, labelsOrTypes WHERE entityType='RELATIONSHIP' AND labelsOrTypes IS NOT NULL RETURN name").list())
                    s.run("DROP INDEX " + r.get(0).asString()).consume();
                if (variant.contains("idx")) {
                    s.run("CREATE INDEX tie_current_seen IF NOT EXISTS FOR ()-[t:TIE]-() ON (t.current, t.last_seen_run)").consume();
                    s.run("CREATE INDEX tie_status IF NOT EXISTS FOR ()-[t:TIE]-() ON (t.status)").consume();
                    s.run("CREATE INDEX tie_priority IF NOT EXISTS FOR ()-[t:TIE]-() ON (t.priority)").consume();
                }
                List<Map<String,Object>> ps = new ArrayList<>();
                for (int i = 0; i < people; i++) ps.add(Map.of("id", String.format("p%06d", i)));
                s.run("UNWIND $rows AS r CREATE (:Person {person_id: r.id})", Map.of("rows", ps)).consume();
            }
            Map<String,String> eid = new HashMap<>();
            try (Session s = d.session()) {
                for (org.neo4j.driver.Record r : s.run("MATCH (p:Person) RETURN p.person_id AS id, elementId(p) AS e").list()) eid.put(r.get(0).asString(), r.get(1).asString());
            }
            Random rnd = new Random(1);
            List<Map<String,Object>> rows = new ArrayList<>();
            Set<Long> seen = new HashSet<>();
            while (rows.size() < ties) {
                int x = rnd.nextInt(people), y = rnd.nextInt(people); if (x == y) continue;
                int lo = Math.min(x,y), hi = Math.max(x,y); if (!seen.add((long)lo*people+hi)) continue;
                Map<String,Object> p = new HashMap<>();
                if (variant.startsWith("bare")) { p.put("strength", rnd.nextDouble()); }
                else if (variant.startsWith("ten")) { for (int k = 0; k < 10; k++) p.put("v" + k, k % 2 == 0 ? (Object) rnd.nextDouble() : (Object) (long) rnd.nextInt(1000)); }
                else {
                    for (String k : List.of("strength","reciprocity","recent_rate","baseline_rate","rate_ratio","p_drop","p_rise","days_since_last","usual_gap_days","bridge_risk","recent_weight","baseline_weight")) p.put(k, rnd.nextDouble());
                    for (String k : List.of("interactions","channels","recent_count","baseline_count","priority")) p.put(k, (long) rnd.nextInt(100));
                    for (String k : List.of("active","mentorship","cross_team","cross_community","current")) p.put(k, rnd.nextBoolean());
                    if (!variant.contains("nums")) {
                    p.put("status", "stable"); p.put("status_reason", "recent rate 0.21/day against 0.25/day before (ratio 0.84, p = 0.41)");
                    p.put("channel_list", "chat;meeting;review"); p.put("first_interaction", ZonedDateTime.of(2026,5,1,10,0,0,0,ZoneOffset.UTC));
                    p.put("last_interaction", ZonedDateTime.of(2026,11,1,10,0,0,0,ZoneOffset.UTC));
                    }
                    p.put("last_seen_run", "2026-11-15"); p.put("first_seen_run", "2026-11-15");
                    if (variant.contains("hist")) { p.put("history_runs", List.of("2026-11-15")); p.put("history_strength", List.of(1.5)); p.put("history_status", List.of("stable")); }
                }
                rows.add(Map.of("ea", eid.get(String.format("p%06d", lo)), "eb", eid.get(String.format("p%06d", hi)), "props", p));
            }
            String q = variant.contains("internal")
                ? "UNWIND $rows AS row MATCH (a) WHERE id(a) = row.ia MATCH (b) WHERE id(b) = row.ib CREATE (a)-[t:TIE]->(b) SET t = row.props"
                : "UNWIND $rows AS row MATCH (a:Person) WHERE elementId(a) = row.ea MATCH (b:Person) WHERE elementId(b) = row.eb CREATE (a)-[t:TIE]->(b) SET t = row.props";
            if (variant.contains("create")) q = "UNWIND $rows AS row MATCH (a:Person) WHERE elementId(a) = row.ea MATCH (b:Person) WHERE elementId(b) = row.eb CREATE (a)-[t:TIE]->(b) SET t = row.props";
            List<List<Map<String,Object>>> batches = new ArrayList<>();
            for (int i = 0; i < rows.size(); i += batch) batches.add(rows.subList(i, Math.min(rows.size(), i + batch)));
            if (variant.contains("explicit")) {
                StringBuilder sb = new StringBuilder();
                for (String k : new TreeSet<>(((Map<String,Object>) rows.get(0).get("props")).keySet())) { if (sb.length() > 0) sb.append(", "); sb.append(k).append(": row.props.").append(k); }
                q = "UNWIND $rows AS row MATCH (a:Person) WHERE elementId(a) = row.ea MATCH (b:Person) WHERE elementId(b) = row.eb CREATE (a)-[t:TIE {" + sb + "}]->(b)";
            }
            if (variant.contains("plusmap")) q = q.replace("SET t = row.props", "SET t += row.props");
            final String stmt = q;
            var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            long c0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
            List<Thread> ts = new ArrayList<>();
            for (int w = 0; w < par; w++) {
                Thread t = new Thread(() -> { try (Session s = d.session()) {
                    int i; while ((i = next.getAndIncrement()) < batches.size()) { var b = batches.get(i);
                        s.executeWriteWithoutResult(tx -> tx.run(stmt, Map.of("rows", b)).consume()); } } });
                t.start(); ts.add(t);
            }
            for (Thread t : ts) t.join();
            double sec = (System.nanoTime() - t0) / 1e9;
            System.out.printf("client cpu %.1f s%n", (os.getProcessCpuTime() - c0) / 1e9);
            System.out.printf("%s batch %d par %d: %,d ties in %.2f s = %,.0f ties/s%n", variant, batch, par, ties, sec, ties / sec);
        }
    }
}
