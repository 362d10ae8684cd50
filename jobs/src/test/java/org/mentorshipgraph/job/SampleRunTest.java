package org.mentorshipgraph.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mentorshipgraph.config.JobConfig;
import org.mentorshipgraph.config.Setting;
import org.mentorshipgraph.files.Json;
import org.mentorshipgraph.testing.Csv;
import org.mentorshipgraph.testing.Neo4jTestServer;
import org.mentorshipgraph.testing.NotebookRun;
import org.mentorshipgraph.testing.SparkTestSession;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;

/**
 * The whole nightly job on the bundled sample, with a real Spark session, a real Neo4j over Bolt (a throwaway
 * server in its own JVM) and real files; run twice for the same date.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SampleRunTest {
    static final Path ROOT =
            Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
    static final Path SAMPLE = ROOT.resolve("notebooks-data/sample");

    Path out;
    Neo4jTestServer neo4j;
    NightlyJob.Outcome first;
    List<String> graphAfterFirst;
    Map<String, String> env;

    @BeforeAll
    void runOnce() throws Exception {
        neo4j = Neo4jTestServer.get();
        neo4j.clearData();
        out = Files.createTempDirectory("mg-sample-run");
        env = Map.of("NEO4J_PASSWORD", neo4j.password());
        first = new NightlyJob(config(), env).run(SparkTestSession.get());
        graphAfterFirst = snapshot();
    }

    JobConfig config() {
        return JobConfig.load(
                null,
                Map.of(),
                Map.of(
                        Setting.INTERACTIONS, SAMPLE.resolve("interactions").toString(),
                        Setting.PEOPLE, SAMPLE.resolve("people.csv").toString(),
                        Setting.MENTORSHIPS, SAMPLE.resolve("mentorships.csv").toString(),
                        Setting.POSITIONS, SAMPLE.resolve("positions.csv").toString(),
                        Setting.AS_OF, "2026-11-15",
                        Setting.OUT, out.toString(),
                        Setting.NEO4J_URI, neo4j.boltUri(),
                        Setting.NEO4J_USERNAME, neo4j.username()));
    }

    @Test
    void runSucceedsAndWritesEveryFile() throws Exception {
        assertThat(first.exitCode()).isEqualTo(0);
        Path run = out.resolve("runs/2026-11-15");
        assertThat(first.runDir()).isEqualTo(run);
        for (String f : List.of(
                "people.csv", "ties.csv", "rejected.csv", "network-health.json", "network-health.html", "run.json")) {
            assertThat(run.resolve(f)).isNotEmptyFile();
        }
        assertThat(run.resolve("people.parquet")).isDirectory();
        assertThat(run.resolve("ties.parquet")).isDirectory();
        assertThat(Files.readAllLines(run.resolve("people.csv")).get(0))
                .startsWith("person_id,display_name,team,department")
                .contains("betweenness,constraint,effective_size,community", "connector_score");
        assertThat(Files.readAllLines(run.resolve("ties.csv")).get(0))
                .startsWith("person_a,person_b,strength")
                .contains("interactions", "last_interaction", "status");
        for (String line : Files.readAllLines(run.resolve("ties.csv")).subList(1, 50)) {
            String[] f = line.split(",", 3);
            assertThat(f[0].compareTo(f[1])).isLessThan(0);
        }
        JsonNode runJson = Json.MAPPER.readTree(run.resolve("run.json").toFile());
        assertThat(runJson.get("outcome").asText()).isEqualTo("success");
        assertThat(runJson.get("as_of").asText()).isEqualTo("2026-11-15");
        assertThat(runJson.get("counts").get("people").asInt()).isGreaterThan(300);
        assertThat(runJson.get("counts").get("interactions_rejected").asInt()).isPositive();
        assertThat(runJson.get("seconds").has("ingest")).isTrue();
        assertThat(runJson.get("seconds").has("neo4j")).isTrue();
        assertThat(Files.readAllLines(run.resolve("rejected.csv")).size() - 1)
                .isEqualTo(runJson.get("counts").get("interactions_rejected").asInt());
    }

    /**
     * The redesign of the data path (issue 11) must not change what a user gets: people.csv, ties.csv, rejected.csv and
     * network-health.json of the sample run are byte for byte those of the run before it (kept gzipped in
     * {@code src/test/resources/golden/sample-2026-11-15/}, the sample's absolute path replaced by {@code SAMPLE/}).
     * A change that is meant to change these files regenerates them with {@code scripts/reference/update-golden}.
     */
    @Test
    void sameFilesAsTheGoldenRun() throws Exception {
        Path run = first.runDir();
        String samplePrefix = "file:" + SAMPLE.toUri().getPath();
        for (String f : List.of(
                "people.csv",
                "ties.csv",
                "rejected.csv",
                "network-health.json",
                "mentor-suggestions.csv",
                "introductions.csv")) {
            String expected;
            try (var in = new java.util.zip.GZIPInputStream(
                    SampleRunTest.class.getResourceAsStream("/golden/sample-2026-11-15/" + f + ".gz"))) {
                expected = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
            String actual = Files.readString(run.resolve(f)).replace(samplePrefix, "file:SAMPLE/");
            assertThat(actual)
                    .as(f + " of the sample run against the golden copy")
                    .isEqualTo(expected);
        }
    }

    @Test
    void neo4jHoldsTheGraphAndTheSecondRunOfTheSameDateLeavesItIdentical() throws Exception {
        try (Driver d = driver();
                Session s = d.session()) {
            long people = s.run("MATCH (p:Person) RETURN count(p) AS n")
                    .single()
                    .get("n")
                    .asLong();
            long ties = s.run("MATCH ()-[t:TIE]->() RETURN count(t) AS n")
                    .single()
                    .get("n")
                    .asLong();
            assertThat(people).isEqualTo(((Number) first.record().counts().get("people")).longValue());
            assertThat(ties).isEqualTo(((Number) first.record().counts().get("ties")).longValue());
            assertThat(s.run("MATCH (r:Run {run_id: '2026-11-15'}) RETURN r.outcome AS o")
                            .single()
                            .get("o")
                            .asString())
                    .isEqualTo("success");
            assertThat(s.run("SHOW CONSTRAINTS YIELD name RETURN collect(name) AS c")
                            .single()
                            .get("c")
                            .asList())
                    .contains("person_id", "run_id", "team_name");
            assertThat(s.run("MATCH ()-[m:MENTORS]->() RETURN count(m) AS n")
                            .single()
                            .get("n")
                            .asLong())
                    .isPositive();
        }
        NightlyJob.Outcome second = new NightlyJob(config(), env).run(SparkTestSession.get());
        assertThat(second.exitCode()).isEqualTo(0);
        assertThat(snapshot()).isEqualTo(graphAfterFirst);
    }

    /**
     * The sample's planted mentees (planted.json → mentoring): each gets their planted mentor as the first suggestion,
     * introduced through the planted connector; no trap (their manager, the manager's manager, a perfect mentor at
     * capacity or not open, someone below their level, a peer under the same manager) is ever suggested to them; the
     * mentee who wants a skill nobody has gets no suggestion and that reason. And the report shows no individual
     * suggestion.
     */
    @Test
    void suggestsThePlantedMentorsFirstAndNeverATrap() throws Exception {
        JsonNode planted =
                Json.MAPPER.readTree(SAMPLE.resolve("planted.json").toFile()).get("mentoring");
        List<Map<String, String>> rows =
                org.mentorshipgraph.testing.Csv.read(first.runDir().resolve("mentor-suggestions.csv"));
        Map<String, List<Map<String, String>>> byMentee = new java.util.HashMap<>();
        for (Map<String, String> r : rows)
            byMentee.computeIfAbsent(r.get("mentee_id"), k -> new ArrayList<>()).add(r);
        assertThat(planted.get("mentees").size()).isGreaterThanOrEqualTo(4);
        for (JsonNode m : planted.get("mentees")) {
            String mentee = m.get("mentee_id").asText();
            List<Map<String, String>> mine = byMentee.getOrDefault(mentee, List.of());
            assertThat(mine).as("suggestions for planted mentee %s", mentee).isNotEmpty();
            assertThat(mine.get(0).get("mentor_id"))
                    .as("best mentor of %s: %s", mentee, m.get("expectation").asText())
                    .isEqualTo(m.get("expected_mentor_id").asText());
            assertThat(mine.get(0).get("introducer_id"))
                    .isEqualTo(m.get("connector_id").asText());
        }
        int traps = 0;
        for (JsonNode t : planted.get("traps")) {
            List<Map<String, String>> mine =
                    byMentee.getOrDefault(t.get("mentee_id").asText(), List.of());
            assertThat(mine.stream().map(r -> r.get("mentor_id")))
                    .as(
                            "trap %s for %s",
                            t.get("trap").asText(), t.get("mentee_id").asText())
                    .doesNotContain(t.get("person_id").asText());
            traps++;
        }
        assertThat(traps).isGreaterThanOrEqualTo(6);
        for (JsonNode n : planted.get("nobody_can_mentor")) {
            assertThat(byMentee.get(n.get("mentee_id").asText()))
                    .singleElement()
                    .satisfies(r -> {
                        assertThat(r.get("mentor_id")).isEmpty();
                        assertThat(r.get("reason")).startsWith("no mentor qualifies: nobody else has");
                    });
        }
        String html = Files.readString(first.runDir().resolve("network-health.html"));
        assertThat(html)
                .contains("id=\"mentoring\"")
                .doesNotContain("places taken")
                .doesNotContain("introduced by");
    }

    /** The planted structure of the sample (notebooks-data/sample/planted.json) is what the job finds. */
    @Test
    void findsThePlantedConnectorsFadingTiesNewTiesAndNewcomers() throws Exception {
        JsonNode planted = Json.MAPPER.readTree(SAMPLE.resolve("planted.json").toFile());
        Map<String, Map<String, String>> people = csvByKey(first.runDir().resolve("people.csv"), "person_id");
        Map<String, Map<String, String>> ties = csvByKey(first.runDir().resolve("ties.csv"), "person_a", "person_b");

        List<String> connectors = new ArrayList<>();
        planted.get("connectors").forEach(c -> connectors.add(c.get("person_id").asText()));
        for (String c : connectors) {
            assertThat(Integer.parseInt(people.get(c).get("connector_rank")))
                    .as("connector rank of " + c)
                    .isLessThanOrEqualTo(connectors.size());
            assertThat(people.get(c).get("connector_reason"))
                    .as("reason of " + c)
                    .contains("teams")
                    .contains("departments");
        }
        List<String> byBetweenness = people.values().stream()
                .sorted((x, y) -> Double.compare(
                        Double.parseDouble(y.get("betweenness")), Double.parseDouble(x.get("betweenness"))))
                .map(r -> r.get("person_id"))
                .limit(connectors.size())
                .toList();
        assertThat(byBetweenness).containsExactlyInAnyOrderElementsOf(connectors);
        List<String> byConstraint = people.values().stream()
                .filter(r -> !r.get("constraint").isEmpty())
                .sorted((x, y) -> Double.compare(
                        Double.parseDouble(x.get("constraint")), Double.parseDouble(y.get("constraint"))))
                .map(r -> r.get("person_id"))
                .limit(connectors.size())
                .toList();
        assertThat(byConstraint).containsExactlyInAnyOrderElementsOf(connectors);

        for (JsonNode t : planted.get("fading_ties")) {
            Map<String, String> tie = tie(ties, t.get("a").asText(), t.get("b").asText());
            assertThat(tie.get("status")).as("fading " + t).isIn("weakening", "dormant");
            if (t.get("mentorship").asBoolean())
                assertThat(tie.get("priority")).as("priority of " + t).isEqualTo("1");
            else
                assertThat(Integer.parseInt(tie.get("priority")))
                        .as("priority of " + t)
                        .isBetween(2, 3);
            assertThat(tie.get("mentorship"))
                    .isEqualTo(String.valueOf(t.get("mentorship").asBoolean()));
        }
        for (JsonNode t : planted.get("new_ties")) {
            assertThat(tie(ties, t.get("a").asText(), t.get("b").asText()).get("status"))
                    .as("new " + t)
                    .isEqualTo("new");
        }
        for (JsonNode t : planted.get("stable_controls")) {
            Map<String, String> tie = tie(ties, t.get("a").asText(), t.get("b").asText());
            assertThat(tie.get("status")).as("stable " + t).isEqualTo("stable");
            assertThat(tie.get("priority")).isEqualTo("9");
        }
        // people on leave: away through R and their ties paused (a mentorship among them), back from leave: not away
        for (JsonNode l : planted.get("leave")) {
            String id = l.get("person_id").asText();
            boolean away = l.get("expected").asText().equals("away");
            assertThat(people.get(id).get("away")).as("leave " + l).isEqualTo(String.valueOf(away));
            if (!away) continue;
            int paused = 0, judged = 0;
            for (JsonNode o : l.get("ties")) {
                Map<String, String> tie =
                        ties.get(id.compareTo(o.asText()) < 0 ? id + "|" + o.asText() : o.asText() + "|" + id);
                if (tie == null || tie.get("status").equals("new")) continue;
                judged++;
                if (tie.get("status").equals("paused")) paused++;
                assertThat(tie.get("status"))
                        .as("tie of %s on leave: %s", id, tie)
                        .isNotIn("weakening", "dormant");
            }
            assertThat(paused).as("paused ties of " + id).isGreaterThanOrEqualTo((int) Math.ceil(0.9 * judged));
        }
        long awayPeople = people.values().stream()
                .filter(p -> p.get("away").equals("true"))
                .count();
        assertThat(awayPeople)
                .as("people away besides those planted")
                .isEqualTo(java.util.stream.StreamSupport.stream(
                                planted.get("leave").spliterator(), false)
                        .filter(l -> l.get("expected").asText().equals("away"))
                        .count());
        for (JsonNode n : planted.get("newcomers")) {
            assertThat(people.get(n.get("person_id").asText()).get("newcomer_without_mentor"))
                    .as("newcomer " + n)
                    .isEqualTo("true");
        }
        JsonNode runJson =
                Json.MAPPER.readTree(first.runDir().resolve("run.json").toFile());
        assertThat(runJson.get("counts").get("interactions_rejected").asInt())
                .isEqualTo(planted.get("malformed").get("total").asInt());
        // the tiny team never appears under its own name in the report
        String team = planted.get("tiny_team").get("team").asText();
        assertThat(Files.readString(first.runDir().resolve("network-health.html")))
                .doesNotContain(team);
        assertThat(Files.readString(first.runDir().resolve("network-health.json")))
                .doesNotContain(team);
    }

    static Map<String, String> tie(Map<String, Map<String, String>> ties, String x, String y) {
        Map<String, String> t = ties.get(x.compareTo(y) < 0 ? x + "|" + y : y + "|" + x);
        assertThat(t).as("tie " + x + "-" + y).isNotNull();
        return t;
    }

    /** Reads one of the run's CSV files (RFC 4180 quoting) keyed by the given columns. */
    static Map<String, Map<String, String>> csvByKey(Path file, String... keys) {
        Map<String, Map<String, String>> out = new TreeMap<>();
        for (Map<String, String> row : org.mentorshipgraph.testing.Csv.read(file)) {
            StringBuilder k = new StringBuilder();
            for (String key : keys) k.append(k.length() > 0 ? "|" : "").append(row.get(key));
            out.put(k.toString(), new TreeMap<>(row));
        }
        return out;
    }

    Driver driver() {
        return GraphDatabase.driver(neo4j.boltUri(), AuthTokens.basic(neo4j.username(), neo4j.password()));
    }

    /** Every node and relationship with its properties, as sorted text; run timings are left out. */
    List<String> snapshot() {
        try (Driver d = driver()) {
            return org.mentorshipgraph.testing.GraphSnapshot.of(d);
        }
    }

    /**
     * The analysts' notebook ({@code notebooks-data/explore-a-run.ipynb}), executed headless against this run and its
     * Neo4j (asked over the HTTP API): no error, its three figures, the run's own counts, the report's tie statuses and
     * brokerage shares, and Neo4j's top connectors equal to people.csv's. The committed copy carries no outputs.
     */
    @Test
    void theAnalystsNotebookRunsAgainstThisRunAndAsksNeo4j() throws Exception {
        assumeTrue(
                NotebookRun.available(),
                "Debian's python3 with jupyter-nbconvert, python3-ipykernel, python3-pandas and python3-matplotlib is "
                        + "not installed (.ci/run installs them)");
        Path notebook = ROOT.resolve("notebooks-data/explore-a-run.ipynb");
        JsonNode committed = Json.MAPPER.readTree(notebook.toFile());
        for (JsonNode cell : committed.get("cells")) {
            if (!"code".equals(cell.get("cell_type").asText())) continue;
            assertThat(cell.get("outputs")).as("committed outputs").isEmpty();
            assertThat(cell.get("execution_count").isNull()).isTrue();
        }
        long t0 = System.nanoTime();
        NotebookRun nb = NotebookRun.execute(
                notebook,
                Map.of(
                        "MG_RUN_DIR", first.runDir().toString(),
                        "NEO4J_HTTP_URI", neo4j.httpUri(),
                        "NEO4J_USERNAME", neo4j.username(),
                        "NEO4J_PASSWORD", neo4j.password()),
                Files.createTempDirectory("mg-notebook"),
                Duration.ofMinutes(3));
        System.out.printf("notebook executed in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        assertThat(nb.errors()).as("error outputs").isEmpty();
        assertThat(nb.figures())
                .as("connector distribution, ties by status, brokerage curve")
                .isEqualTo(3);
        String printed = nb.printed();
        int people = Csv.read(first.runDir().resolve("people.csv")).size();
        int ties = Csv.read(first.runDir().resolve("ties.csv")).size();
        assertThat(printed)
                .contains("run: 2026-11-15\n")
                .contains("people: " + people + "\n")
                .contains("ties: " + ties + " (")
                .contains("the same as the report's table: True")
                .contains("Neo4j at " + neo4j.httpUri() + ": top 5 connectors")
                .contains("the same as people.csv: True");
        Matcher shares = Pattern.compile("hold ([0-9.]+)% of betweenness \\(the report: ([0-9.]+)%\\)")
                .matcher(printed);
        int lines = 0;
        while (shares.find()) {
            assertThat(shares.group(1))
                    .as("the notebook's brokerage curve against the report's")
                    .isEqualTo(shares.group(2));
            lines++;
        }
        assertThat(lines).isEqualTo(2);
    }
}
