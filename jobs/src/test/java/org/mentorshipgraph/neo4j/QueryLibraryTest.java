package org.mentorshipgraph.neo4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mentorshipgraph.cli.QueryCommand;
import org.mentorshipgraph.config.JobConfig;
import org.mentorshipgraph.config.Setting;
import org.mentorshipgraph.files.Json;
import org.mentorshipgraph.job.NightlyJob;
import org.mentorshipgraph.testing.Csv;
import org.mentorshipgraph.testing.Neo4jTestServer;
import org.mentorshipgraph.testing.SparkTestSession;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;

/**
 * Every query of queries/ against a real Neo4j that the nightly job loaded from the bundled sample, for two runs a week
 * apart; each answer is checked against the files of those runs (people.csv, ties.csv, run.json) and the planted
 * structure of the sample (planted.json); the mentoring queries against the latest run's mentor-suggestions.csv and
 * introductions.csv and the sample's directory ({@link Mentoring}). Also the CLI that runs them (scripts/query).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryLibraryTest {
    static final Path ROOT =
            Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
    static final Path SAMPLE = ROOT.resolve("notebooks-data/sample");
    static final String EARLIER = "2026-11-11", LATEST = "2026-11-15";
    static final Set<String> FADING = Set.of("weakening", "dormant");

    Neo4jTestServer neo4j;
    Driver driver;
    QueryLibrary library;
    Path out;
    JsonNode planted;
    final Map<String, Map<String, Map<String, String>>> people = new HashMap<>(); // run -> id -> row
    final Map<String, Map<String, Map<String, String>>> ties = new HashMap<>(); // run -> "a|b" -> row

    @BeforeAll
    void loadTheSampleTwice() throws Exception {
        neo4j = Neo4jTestServer.get();
        neo4j.clearData();
        out = Files.createTempDirectory("mg-queries");
        for (String day : List.of(EARLIER, LATEST)) {
            JobConfig config = JobConfig.load(
                    null,
                    Map.of(),
                    Map.of(
                            Setting.INTERACTIONS,
                            SAMPLE.resolve("interactions").toString(),
                            Setting.PEOPLE,
                            SAMPLE.resolve("people.csv").toString(),
                            Setting.MENTORSHIPS,
                            SAMPLE.resolve("mentorships.csv").toString(),
                            Setting.AS_OF,
                            day,
                            Setting.OUT,
                            out.toString(),
                            Setting.NEO4J_URI,
                            neo4j.boltUri(),
                            Setting.NEO4J_USERNAME,
                            neo4j.username()));
            NightlyJob.Outcome o =
                    new NightlyJob(config, Map.of("NEO4J_PASSWORD", neo4j.password())).run(SparkTestSession.get());
            assertThat(o.exitCode()).isZero();
            Map<String, Map<String, String>> p = new TreeMap<>();
            Csv.read(o.runDir().resolve("people.csv")).forEach(r -> p.put(r.get("person_id"), r));
            people.put(day, p);
            Map<String, Map<String, String>> t = new TreeMap<>();
            Csv.read(o.runDir().resolve("ties.csv"))
                    .forEach(r -> t.put(r.get("person_a") + "|" + r.get("person_b"), r));
            ties.put(day, t);
        }
        driver = GraphDatabase.driver(neo4j.boltUri(), AuthTokens.basic(neo4j.username(), neo4j.password()));
        library = QueryLibrary.load(ROOT.resolve("queries"));
        planted = Json.MAPPER.readTree(SAMPLE.resolve("planted.json").toFile());
    }

    @AfterAll
    void close() {
        if (driver != null) driver.close();
    }

    QueryLibrary.Answer q(String name, Object... kv) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) params.put((String) kv[i], String.valueOf(kv[i + 1]));
        return library.run(driver, "neo4j", name, params);
    }

    static double d(Map<String, String> row, String column) {
        return Double.parseDouble(row.get(column));
    }

    static double num(Object o) {
        return ((Number) o).doubleValue();
    }

    static String pair(String x, String y) {
        return x.compareTo(y) < 0 ? x + "|" + y : y + "|" + x;
    }

    Map<String, String> tieAt(String run, String x, String y) {
        return ties.get(run).get(pair(x, y));
    }

    boolean fading(String run, String x, String y) {
        Map<String, String> t = tieAt(run, x, y);
        return t != null && FADING.contains(t.get("status"));
    }

    /** When the tie's current fading streak began, from the two runs' files. */
    String expectedWeakeningSince(String x, String y) {
        if (!fading(LATEST, x, y)) return null;
        return fading(EARLIER, x, y) ? EARLIER : LATEST;
    }

    @Test
    void everyQueryIsDocumentedAndAnswers() {
        assertThat(library.all().keySet())
                .contains(
                        "top-connectors",
                        "top-connectors-by-team",
                        "bridges-between-teams",
                        "weakening-mentorships",
                        "weakening-bridges",
                        "person-network",
                        "person-history",
                        "tie-history",
                        "newcomers-without-mentor",
                        "warm-introduction-path",
                        "teams-most-cut-off",
                        "run-history",
                        "newly-weakening",
                        "mentors-for",
                        "who-can-teach",
                        "skill-gaps",
                        "introductions-for");
        Map<String, String> values = Map.of(
                "person_id",
                "p0234",
                "person_a",
                "p0251",
                "person_b",
                "p0313",
                "team_a",
                "Identity",
                "team_b",
                "Growth",
                "from",
                "p0207",
                "to",
                "p0390",
                "person",
                "p0002",
                "skill",
                "sql");
        for (QueryLibrary.NamedQuery query : library.all().values()) {
            assertThat(query.description()).as(query.name()).hasSizeGreaterThan(30);
            Map<String, String> given = new HashMap<>();
            for (QueryLibrary.Param p : query.params()) {
                assertThat(p.description()).as(query.name() + " " + p.name()).isNotBlank();
                if (p.required()) given.put(p.name(), values.get(p.name()));
            }
            assertThat(library.run(driver, "neo4j", query.name(), given).rows())
                    .as(query.name())
                    .isNotEmpty();
        }
    }

    @Test
    void topConnectorsAreThePlantedConnectorsWithTheirScores() {
        QueryLibrary.Answer a = q("top-connectors", "limit", 4);
        Set<String> expected = new HashSet<>();
        planted.get("connectors").forEach(c -> expected.add(c.get("person_id").asText()));
        assertThat(a.column("person_id")).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(a.column("rank")).containsExactly(1L, 2L, 3L, 4L);
        for (Map<String, Object> row : a.maps()) {
            assertThat(num(row.get("score")))
                    .isCloseTo(
                            d(people.get(LATEST).get((String) row.get("person_id")), "connector_score"), within(0.051));
        }
    }

    @Test
    void topConnectorsByTeamAreEachTeamsBestScores() {
        List<String> expected = new ArrayList<>();
        Map<String, List<Map<String, String>>> byTeam = new TreeMap<>();
        people.get(LATEST)
                .values()
                .forEach(p -> byTeam.computeIfAbsent(p.get("team"), k -> new ArrayList<>())
                        .add(p));
        byTeam.forEach((team, members) -> {
            members.sort(Comparator.comparingDouble((Map<String, String> p) -> -d(p, "connector_score"))
                    .thenComparing(p -> p.get("person_id")));
            for (int i = 0; i < Math.min(3, members.size()); i++)
                expected.add(team + "/" + (i + 1) + "/" + members.get(i).get("person_id"));
        });
        QueryLibrary.Answer a = q("top-connectors-by-team", "per_team", 3);
        assertThat(a.maps().stream()
                        .map(r -> r.get("team") + "/" + r.get("rank_in_team") + "/" + r.get("person_id"))
                        .toList())
                .containsExactlyElementsOf(expected);
        QueryLibrary.Answer one = q("top-connectors-by-team", "team", "Search", "per_team", 1);
        assertThat(one.column("person_id")).containsExactly("p0234");
    }

    @Test
    void bridgesBetweenTwoTeamsAreComputedFromTheTies() {
        String teamA = "Identity", teamB = "Growth";
        Map<String, String> teamOf = new HashMap<>();
        people.get(LATEST).forEach((id, p) -> teamOf.put(id, p.get("team")));
        Map<String, double[]> sums = new TreeMap<>();
        for (Map<String, String> t : ties.get(LATEST).values()) {
            if (!t.get("active").equals("true")) continue;
            String a = t.get("person_a"), b = t.get("person_b");
            for (String[] xy : new String[][] {{a, b}, {b, a}}) {
                String team = teamOf.get(xy[1]);
                if (team.equals(teamA)) sums.computeIfAbsent(xy[0], k -> new double[2])[0] += d(t, "strength");
                if (team.equals(teamB)) sums.computeIfAbsent(xy[0], k -> new double[2])[1] += d(t, "strength");
            }
        }
        List<Map.Entry<String, Double>> expected = new ArrayList<>();
        sums.forEach((x, s) -> {
            if (s[0] > 0 && s[1] > 0) expected.add(Map.entry(x, Math.min(s[0], s[1])));
        });
        expected.sort(
                Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        QueryLibrary.Answer a = q("bridges-between-teams", "team_a", teamA, "team_b", teamB, "limit", 10);
        assertThat(a.column("person_id"))
                .containsExactlyElementsOf(
                        expected.stream().limit(10).map(Map.Entry::getKey).toList());
        for (int i = 0; i < a.rows().size(); i++) {
            assertThat(num(a.maps().get(i).get("bridge_strength")))
                    .isCloseTo(expected.get(i).getValue(), within(0.006));
        }
        assertThat(a.column("person_id").get(0))
                .as("the planted connector of these teams")
                .isEqualTo("p0234");
    }

    @Test
    void weakeningMentorshipsAreTheCurrentMentorshipsWhoseTieFades() {
        LocalDate asOf = LocalDate.parse(LATEST);
        Set<String> expected = new TreeSet<>();
        for (Map<String, String> m : Csv.read(SAMPLE.resolve("mentorships.csv"))) {
            String mentor = m.get("mentor_id"), mentee = m.get("mentee_id");
            if (!people.get(LATEST).containsKey(mentor) || !people.get(LATEST).containsKey(mentee)) continue;
            boolean started = m.get("started_on").isEmpty()
                    || !LocalDate.parse(m.get("started_on")).isAfter(asOf);
            boolean ongoing = m.get("ended_on").isEmpty()
                    || LocalDate.parse(m.get("ended_on")).isAfter(asOf);
            Map<String, String> t = tieAt(LATEST, mentor, mentee);
            if (started && ongoing && (t == null || FADING.contains(t.get("status"))))
                expected.add(mentor + ">" + mentee);
        }
        QueryLibrary.Answer a = q("weakening-mentorships");
        assertThat(a.maps().stream()
                        .map(r -> r.get("mentor_id") + ">" + r.get("mentee_id"))
                        .toList())
                .containsExactlyInAnyOrderElementsOf(expected);
        for (JsonNode f : planted.get("fading_ties")) {
            if (f.get("mentorship").asBoolean())
                assertThat(expected)
                        .contains(f.get("mentor_id").asText() + ">"
                                + f.get("mentee_id").asText());
        }
        for (Map<String, Object> row : a.maps()) {
            assertThat(row.get("weakening_since"))
                    .as("weakening_since of " + row)
                    .isEqualTo(expectedWeakeningSince((String) row.get("mentor_id"), (String) row.get("mentee_id")));
        }
    }

    @Test
    void weakeningBridgesAreTheFadingTiesAcrossTeamsOrCommunities() {
        Set<String> expected = new TreeSet<>();
        ties.get(LATEST).forEach((k, t) -> {
            if (FADING.contains(t.get("status"))
                    && (t.get("cross_team").equals("true")
                            || t.get("cross_community").equals("true"))) expected.add(k);
        });
        QueryLibrary.Answer a = q("weakening-bridges", "limit", 10_000);
        assertThat(a.maps().stream()
                        .map(r -> r.get("person_a") + "|" + r.get("person_b"))
                        .toList())
                .containsExactlyInAnyOrderElementsOf(expected);
        List<Object> priorities = a.column("priority");
        for (int i = 1; i < priorities.size(); i++)
            assertThat(num(priorities.get(i))).isGreaterThanOrEqualTo(num(priorities.get(i - 1)));
        for (JsonNode f : planted.get("fading_ties")) {
            if (!f.get("scope").asText().equals("team"))
                assertThat(expected)
                        .contains(pair(f.get("a").asText(), f.get("b").asText()));
        }
    }

    @Test
    void newlyWeakeningTiesStartedFadingInTheLastRuns() {
        Set<String> sinceLatest = new TreeSet<>();
        Set<String> fadingNow = new TreeSet<>();
        ties.get(LATEST).forEach((k, t) -> {
            String[] ab = k.split("\\|");
            if (FADING.contains(t.get("status"))) {
                fadingNow.add(k);
                if (!fading(EARLIER, ab[0], ab[1])) sinceLatest.add(k);
            }
        });
        assertThat(sinceLatest).isNotEmpty().isNotEqualTo(fadingNow);
        QueryLibrary.Answer last = q("newly-weakening", "runs", 1, "limit", 10_000);
        assertThat(last.maps().stream()
                        .map(r -> r.get("person_a") + "|" + r.get("person_b"))
                        .toList())
                .containsExactlyInAnyOrderElementsOf(sinceLatest);
        QueryLibrary.Answer both = q("newly-weakening", "runs", 2, "limit", 10_000);
        assertThat(both.maps().stream()
                        .map(r -> r.get("person_a") + "|" + r.get("person_b"))
                        .toList())
                .containsExactlyInAnyOrderElementsOf(fadingNow);
    }

    @Test
    void aPersonsNetworkComparesTheirTiesWithTheEarlierRun() {
        String person = "p0251";
        Map<String, String> expected = new TreeMap<>();
        Map<String, double[]> strengths = new TreeMap<>();
        for (String run : List.of(EARLIER, LATEST)) {
            ties.get(run).forEach((k, t) -> {
                String[] ab = k.split("\\|");
                if (!ab[0].equals(person) && !ab[1].equals(person)) return;
                String other = ab[0].equals(person) ? ab[1] : ab[0];
                double[] s = strengths.computeIfAbsent(other, x -> new double[] {Double.NaN, Double.NaN, 0});
                s[run.equals(EARLIER) ? 0 : 1] = d(t, "strength");
                if (run.equals(LATEST)) s[2] = t.get("active").equals("true") ? 1 : 0;
            });
        }
        strengths.forEach((other, s) -> {
            boolean now = !Double.isNaN(s[1]), then = !Double.isNaN(s[0]);
            if (now && s[2] == 0) return; // current but below the floor: left out by default
            expected.put(
                    other,
                    !now
                            ? "lost"
                            : !then
                                    ? "new"
                                    : s[1] >= s[0] * 1.25 ? "stronger" : s[1] <= s[0] * 0.8 ? "weaker" : "similar");
        });
        QueryLibrary.Answer a = q("person-network", "person_id", person, "runs", 2);
        Map<String, String> actual = new TreeMap<>();
        for (Map<String, Object> r : a.maps()) {
            actual.put((String) r.get("other_id"), (String) r.get("change"));
            double[] s = strengths.get((String) r.get("other_id"));
            if (r.get("strength_now") != null)
                assertThat(num(r.get("strength_now"))).isCloseTo(s[1], within(0.006));
            if (r.get("strength_then") != null)
                assertThat(num(r.get("strength_then"))).isCloseTo(s[0], within(0.006));
            assertThat(r.get("compared_with_run")).isEqualTo(EARLIER);
        }
        assertThat(actual).isEqualTo(expected);
        assertThat(expected).containsKey("p0313");
    }

    @Test
    void personHistoryHasOneRowPerRunWithThatRunsScore() {
        QueryLibrary.Answer a = q("person-history", "person_id", "p0234");
        assertThat(a.column("run")).containsExactly(EARLIER, LATEST);
        for (Map<String, Object> r : a.maps()) {
            Map<String, String> p = people.get((String) r.get("run")).get("p0234");
            assertThat(r.get("seen")).isEqualTo(true);
            assertThat(num(r.get("connector_score"))).isCloseTo(d(p, "connector_score"), within(0.051));
            assertThat(num(r.get("connector_rank"))).isEqualTo(d(p, "connector_rank"));
            assertThat(num(r.get("degree"))).isEqualTo(d(p, "degree"));
        }
        assertThat(q("person-history", "person_id", "p0234", "runs", 1).column("run"))
                .containsExactly(LATEST);
    }

    @Test
    void tieHistoryShowsStrengthStatusAndSinceWhenItFades() {
        for (JsonNode f : planted.get("fading_ties")) {
            String x = f.get("a").asText(), y = f.get("b").asText();
            QueryLibrary.Answer a = q("tie-history", "person_a", y, "person_b", x);
            assertThat(a.column("run")).containsExactly(EARLIER, LATEST);
            for (Map<String, Object> r : a.maps()) {
                Map<String, String> t = tieAt((String) r.get("run"), x, y);
                assertThat(num(r.get("strength"))).isCloseTo(d(t, "strength"), within(0.0006));
                assertThat(r.get("status")).isEqualTo(t.get("status"));
                assertThat(r.get("weakening_since")).isEqualTo(expectedWeakeningSince(x, y));
            }
        }
    }

    @Test
    void newcomersWithoutAMentorAreThePlantedOnesWithASuggestionFromTheirTeam() {
        Set<String> expected = new TreeSet<>();
        planted.get("newcomers").forEach(n -> expected.add(n.get("person_id").asText()));
        Set<String> flagged = new TreeSet<>();
        people.get(LATEST).forEach((id, p) -> {
            if (p.get("newcomer_without_mentor").equals("true")) flagged.add(id);
        });
        assertThat(flagged).isEqualTo(expected);
        QueryLibrary.Answer a = q("newcomers-without-mentor");
        assertThat(a.column("person_id")).containsExactlyInAnyOrderElementsOf(expected);
        for (Map<String, Object> r : a.maps()) {
            Map<String, String> newcomer = people.get(LATEST).get((String) r.get("person_id"));
            assertThat(r.get("ties")).isEqualTo(Long.parseLong(newcomer.get("degree")));
            String s = (String) r.get("suggested_mentor_id");
            if (s != null) {
                Map<String, String> m = people.get(LATEST).get(s);
                assertThat(m.get("team")).isEqualTo(newcomer.get("team"));
                assertThat(LocalDate.parse(m.get("hire_date")))
                        .isBeforeOrEqualTo(
                                LocalDate.parse(newcomer.get("hire_date")).minusDays(365));
            }
        }
    }

    @Test
    void aWarmIntroductionPathIsAShortestPathThroughStrongTies() {
        String from = "p0207", to = "p0390";
        double min = 2.0;
        Map<String, List<String>> adjacent = new HashMap<>();
        ties.get(LATEST).values().forEach(t -> {
            if (d(t, "strength") < min) return;
            adjacent.computeIfAbsent(t.get("person_a"), k -> new ArrayList<>()).add(t.get("person_b"));
            adjacent.computeIfAbsent(t.get("person_b"), k -> new ArrayList<>()).add(t.get("person_a"));
        });
        Map<String, Integer> hops = new HashMap<>(Map.of(from, 0));
        ArrayDeque<String> queue = new ArrayDeque<>(List.of(from));
        while (!queue.isEmpty()) {
            String x = queue.poll();
            for (String y : adjacent.getOrDefault(x, List.of()))
                if (hops.putIfAbsent(y, hops.get(x) + 1) == null) queue.add(y);
        }
        assertThat(hops).containsKey(to);
        QueryLibrary.Answer a = q("warm-introduction-path", "from", from, "to", to, "min_strength", min);
        assertThat(a.rows()).hasSize(hops.get(to));
        String at = from;
        for (Map<String, Object> r : a.maps()) {
            assertThat(r.get("from_id")).isEqualTo(at);
            Map<String, String> t = tieAt(LATEST, at, (String) r.get("to_id"));
            assertThat(d(t, "strength")).isGreaterThanOrEqualTo(min);
            at = (String) r.get("to_id");
        }
        assertThat(at).isEqualTo(to);
        assertThat(q("warm-introduction-path", "from", from, "to", to, "min_strength", 1000)
                        .rows())
                .isEmpty();
    }

    @Test
    void teamsMostCutOffHaveTheSmallestShareOfStrengthOutside() {
        Map<String, String> teamOf = new HashMap<>();
        Map<String, Integer> size = new TreeMap<>();
        people.get(LATEST).forEach((id, p) -> {
            teamOf.put(id, p.get("team"));
            size.merge(p.get("team"), 1, Integer::sum);
        });
        Map<String, double[]> sums = new TreeMap<>();
        Map<String, Set<String>> reached = new TreeMap<>();
        for (Map<String, String> t : ties.get(LATEST).values()) {
            if (!t.get("active").equals("true")) continue;
            String a = t.get("person_a"), b = t.get("person_b");
            for (String[] xy : new String[][] {{a, b}, {b, a}}) {
                String team = teamOf.get(xy[0]), other = teamOf.get(xy[1]);
                boolean inside = team.equals(other);
                sums.computeIfAbsent(team, k -> new double[2])[inside ? 0 : 1] += d(t, "strength");
                if (!inside) reached.computeIfAbsent(team, k -> new TreeSet<>()).add(other);
            }
        }
        List<String> order = new ArrayList<>(sums.keySet());
        order.removeIf(team -> size.get(team) < 5);
        Map<String, Double> share = new HashMap<>();
        order.forEach(team -> share.put(team, sums.get(team)[1] / (sums.get(team)[0] + sums.get(team)[1])));
        order.sort(Comparator.comparingDouble((String team) -> Math.round(share.get(team) * 1000) / 1000.0)
                .thenComparingInt(team -> reached.getOrDefault(team, Set.of()).size())
                .thenComparing(team -> team));
        QueryLibrary.Answer a = q("teams-most-cut-off", "limit", 5);
        assertThat(a.column("team")).containsExactlyElementsOf(order.subList(0, 5));
        for (Map<String, Object> r : a.maps()) {
            assertThat(num(r.get("outside_share"))).isCloseTo(share.get((String) r.get("team")), within(0.0006));
            assertThat(r.get("other_teams"))
                    .isEqualTo((long) reached.get((String) r.get("team")).size());
        }
        assertThat(a.column("team"))
                .doesNotContain(planted.get("tiny_team").get("team").asText());
    }

    @Test
    void runHistoryListsTheRunsWithTheirCounts() throws Exception {
        QueryLibrary.Answer a = q("run-history");
        assertThat(a.column("run")).containsExactly(LATEST, EARLIER);
        for (Map<String, Object> r : a.maps()) {
            JsonNode run = Json.MAPPER.readTree(out.resolve("runs")
                    .resolve((String) r.get("run"))
                    .resolve("run.json")
                    .toFile());
            assertThat(r.get("outcome")).isEqualTo("success");
            assertThat(r.get("neo4j_write")).isEqualTo("complete");
            assertThat(r.get("people"))
                    .isEqualTo(run.get("counts").get("people").asLong());
            assertThat(r.get("ties")).isEqualTo(run.get("counts").get("ties").asLong());
            assertThat(r.get("betweenness"))
                    .isEqualTo(run.get("betweenness").get("mode").asText());
        }
    }

    // ---- the mentoring queries (mentors-for, who-can-teach, skill-gaps, introductions-for) ----

    /**
     * The mentoring part of the graph and its queries, against the latest run's files (mentor-suggestions.csv,
     * introductions.csv, people.csv) and the sample's directory (skills, wants_to_learn).
     */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Mentoring {
        /** The sample's directory: id -> row. */
        final Map<String, Map<String, String>> directory = new TreeMap<>();
        /** From the directory, as the mentoring step reads it: id -> skills, id -> wanted skills they do not have. */
        final Map<String, Set<String>> skills = new TreeMap<>(), wants = new TreeMap<>();

        List<Map<String, String>> suggestions, introductions;

        @BeforeAll
        void readTheFiles() {
            for (Map<String, String> r : Csv.read(SAMPLE.resolve("people.csv"))) {
                String id = r.get("person_id");
                directory.put(id, r);
                Set<String> own = skillSet(r.get("skills"));
                Set<String> wanted = skillSet(r.get("wants_to_learn"));
                wanted.removeAll(own);
                skills.put(id, own);
                wants.put(id, wanted);
            }
            Path run = out.resolve("runs").resolve(LATEST);
            suggestions = Csv.read(run.resolve("mentor-suggestions.csv"));
            introductions = Csv.read(run.resolve("introductions.csv"));
        }

        /** A directory list of skills as the mentoring step reads it: split on ';' or '|', trimmed, lower-case. */
        static Set<String> skillSet(String list) {
            Set<String> out = new TreeSet<>();
            if (list == null) return out;
            for (String s : list.split("[;|]"))
                if (!s.isBlank()) out.add(s.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT));
            return out;
        }

        static List<String> strings(Object list) {
            return ((List<?>) list).stream().map(String::valueOf).toList();
        }

        static String text(Object o) {
            return o == null ? "" : String.valueOf(o);
        }

        Map<String, Object> one(String cypher, Map<String, Object> params) {
            try (Session s = driver.session()) {
                return s.run(cypher, params).single().asMap();
            }
        }

        @Test
        void theGraphHoldsTheDirectorysSkillsAndTheLatestRunsSuggestionsOnly() {
            Set<String> all = new TreeSet<>();
            long has = 0, wanted = 0;
            for (String id : directory.keySet()) {
                all.addAll(skills.get(id));
                all.addAll(skillSet(directory.get(id).get("wants_to_learn")));
                has += skills.get(id).size();
                wanted += wants.get(id).size();
            }
            long withMentor = suggestions.stream()
                    .filter(r -> !r.get("mentor_id").isEmpty())
                    .count();
            assertThat(withMentor).isGreaterThan(100);
            Map<String, Object> counts = one(GraphStatements.MENTORING_COUNTS, Map.of());
            assertThat(counts)
                    .containsEntry("skills", (long) all.size())
                    .containsEntry("has_skill", has)
                    .containsEntry("wants_to_learn", wanted)
                    .containsEntry("suggested_mentor", withMentor);
            // the earlier run's suggestions were replaced: each is the latest run's, one per row of its file
            assertThat(one(
                            "MATCH (m:Person)-[r:SUGGESTED_MENTOR]->(e:Person)"
                                    + " RETURN collect(DISTINCT r.run) AS runs,"
                                    + " count(DISTINCT m.person_id + '>' + e.person_id) AS pairs",
                            Map.of()))
                    .containsEntry("runs", List.of(LATEST))
                    .containsEntry("pairs", withMentor);
            try (Session s = driver.session()) {
                for (Record r : s.run("MATCH (k:Skill) RETURN k.name AS name, k.people_with AS w,"
                                + " k.people_wanting AS x, k.current AS current")
                        .list()) {
                    String name = r.get("name").asString();
                    assertThat(r.get("current").asBoolean()).isTrue();
                    assertThat(r.get("w").asLong())
                            .as("people with " + name)
                            .isEqualTo(skills.values().stream()
                                    .filter(x -> x.contains(name))
                                    .count());
                    assertThat(r.get("x").asLong())
                            .as("people wanting " + name)
                            .isEqualTo(wants.values().stream()
                                    .filter(x -> x.contains(name))
                                    .count());
                }
                for (String id : List.of("p0001", "p0002", "p0234")) {
                    Map<String, Object> p = one(
                            "MATCH (p:Person {person_id: $p})"
                                    + " RETURN [(p)-[:HAS_SKILL]->(k) | k.name] AS has,"
                                    + " [(p)-[:WANTS_TO_LEARN]->(k) | k.name] AS wants",
                            Map.of("p", id));
                    assertThat(strings(p.get("has"))).as(id).containsExactlyInAnyOrderElementsOf(skills.get(id));
                    assertThat(strings(p.get("wants"))).as(id).containsExactlyInAnyOrderElementsOf(wants.get(id));
                }
            }
            Map<String, Object> run = one(
                    "MATCH (r:Run {run_id: $run}) RETURN r.mentoring_suggested_mentor AS s,"
                            + " r.mentoring_skills AS k, r.count_mentor_suggestions AS c",
                    Map.of("run", LATEST));
            assertThat(run)
                    .containsEntry("s", withMentor)
                    .containsEntry("k", (long) all.size())
                    .containsEntry("c", withMentor);
        }

        @Test
        void mentorsForAMenteeAreTheirRowsOfMentorSuggestionsInRankOrder() {
            Map<String, List<Map<String, String>>> byMentee = new TreeMap<>();
            for (Map<String, String> r : suggestions)
                byMentee.computeIfAbsent(r.get("mentee_id"), k -> new ArrayList<>())
                        .add(r);
            int checked = 0, without = 0;
            for (Map.Entry<String, List<Map<String, String>>> e : byMentee.entrySet()) {
                List<Map<String, String>> expected = e.getValue().stream()
                        .filter(r -> !r.get("mentor_id").isEmpty())
                        .sorted(Comparator.comparingInt(r -> Integer.parseInt(r.get("rank"))))
                        .toList();
                if (expected.isEmpty()) without++;
                QueryLibrary.Answer a = q("mentors-for", "person", e.getKey());
                assertThat(a.column("mentor_id"))
                        .as("mentors for " + e.getKey())
                        .containsExactlyElementsOf(
                                expected.stream().map(r -> r.get("mentor_id")).toList());
                for (int i = 0; i < expected.size(); i++) {
                    Map<String, String> x = expected.get(i);
                    Map<String, Object> y = a.maps().get(i);
                    assertThat(y.get("rank")).isEqualTo(Long.parseLong(x.get("rank")));
                    for (String c : List.of("score", "skill_fit", "trajectory_fit", "reachability", "teaching", "load"))
                        assertThat(num(y.get(c)))
                                .as(c + " of " + x)
                                .isCloseTo(d(x, c), within(Math.max(1e-9, Math.abs(d(x, c)) * 1e-5)));
                    for (String c : List.of("skills_covered", "introducer_id", "path", "places", "reason", "hops"))
                        assertThat(text(y.get(c))).as(c + " of " + x).isEqualTo(x.get(c));
                    assertThat(y.get("mentor_name"))
                            .isEqualTo(directory.get(x.get("mentor_id")).get("display_name"));
                    assertThat(text(y.get("introducer_name")))
                            .isEqualTo(
                                    x.get("introducer_id").isEmpty()
                                            ? ""
                                            : directory
                                                    .get(x.get("introducer_id"))
                                                    .get("display_name"));
                    assertThat(y.get("run")).isEqualTo(LATEST);
                }
                checked++;
            }
            assertThat(checked).isGreaterThan(300);
            assertThat(without).as("mentees nobody qualifies for: no rows").isPositive();
            assertThat(q("mentors-for", "person", "nobody-at-all").rows()).isEmpty();
        }

        @Test
        void whoCanTeachASkillIsEveryoneWhoseDirectoryListsIt() {
            LocalDate asOf = LocalDate.parse(LATEST);
            Map<String, Long> taken = new HashMap<>();
            for (Map<String, String> m : Csv.read(SAMPLE.resolve("mentorships.csv"))) {
                boolean started = m.get("started_on").isEmpty()
                        || !LocalDate.parse(m.get("started_on")).isAfter(asOf);
                boolean ongoing = m.get("ended_on").isEmpty()
                        || LocalDate.parse(m.get("ended_on")).isAfter(asOf);
                if (started && ongoing && people.get(LATEST).containsKey(m.get("mentee_id")))
                    taken.merge(m.get("mentor_id"), 1L, Long::sum);
            }
            assertThat(taken).as("some places are taken").isNotEmpty();
            Map<String, Map<String, String>> directory = new HashMap<>();
            for (Map<String, String> d : Csv.read(SAMPLE.resolve("people.csv"))) directory.put(d.get("person_id"), d);
            Map<String, Long> suggestedAs = new HashMap<>();
            suggestions.forEach(r -> {
                if (!r.get("mentor_id").isEmpty()) suggestedAs.merge(r.get("mentor_id"), 1L, Long::sum);
            });
            Set<String> all = new TreeSet<>();
            skills.values().forEach(all::addAll);
            assertThat(all).hasSizeGreaterThan(20);
            for (String skill : all) {
                Set<String> expected = new TreeSet<>();
                skills.forEach((id, s) -> {
                    if (s.contains(skill)) expected.add(id);
                });
                List<Map<String, Object>> rows =
                        q("who-can-teach", "skill", skill, "limit", 10_000).maps();
                assertThat(rows.stream().map(r -> r.get("person_id")).toList())
                        .as(skill)
                        .containsExactlyInAnyOrderElementsOf(expected);
                for (int i = 0; i < rows.size(); i++) {
                    Map<String, Object> r = rows.get(i);
                    String id = (String) r.get("person_id");
                    // open_to_mentor and mentor_capacity from the sample's directory (empty: open, 3 places)
                    Map<String, String> d = directory.get(id);
                    long capacity = d.get("mentor_capacity").isEmpty() ? 3 : Long.parseLong(d.get("mentor_capacity"));
                    boolean open = !d.get("open_to_mentor").equalsIgnoreCase("false");
                    long free = Math.max(0, capacity - taken.getOrDefault(id, 0L));
                    assertThat(r.get("free_places")).as(id).isEqualTo(free);
                    assertThat(r.get("available")).as(id).isEqualTo(open && free > 0);
                    assertThat(r.get("suggested_as_mentor")).as(id).isEqualTo(suggestedAs.getOrDefault(id, 0L));
                    assertThat(r.get("teaching_interactions")).as(id).isNotNull();
                    if (i == 0) continue;
                    Map<String, Object> p = rows.get(i - 1);
                    if (p.get("available").equals(r.get("available")))
                        assertThat(num(p.get("teaching_interactions")))
                                .as("teaching order in " + skill)
                                .isGreaterThanOrEqualTo(num(r.get("teaching_interactions")));
                    else
                        assertThat(p.get("available"))
                                .as("available first in " + skill)
                                .isEqualTo(true);
                }
            }
            String some = all.iterator().next();
            assertThat(q("who-can-teach", "skill", " " + some.toUpperCase(Locale.ROOT) + " ", "limit", 10_000)
                            .column("person_id"))
                    .as("case and surrounding spaces do not matter")
                    .isEqualTo(
                            q("who-can-teach", "skill", some, "limit", 10_000).column("person_id"));
            assertThat(q("who-can-teach", "skill", "no-such-skill").rows()).isEmpty();
        }

        @Test
        void introductionsForAPersonAreThoseOfIntroductionsCsvComputedLive() {
            Map<String, List<Map<String, String>>> byPerson = new TreeMap<>();
            for (Map<String, String> r : introductions)
                byPerson.computeIfAbsent(r.get("person_id"), k -> new ArrayList<>())
                        .add(r);
            List<String> persons = new ArrayList<>(List.of("p0234", "p0132", "p0089"));
            byPerson.keySet().stream().limit(5).forEach(persons::add);
            int tiedGroups = 0;
            for (String person : persons) {
                List<Map<String, String>> expected = byPerson.getOrDefault(person, List.of());
                assertThat(expected).as(person).isNotEmpty();
                List<Map<String, Object>> actual =
                        q("introductions-for", "person", person, "limit", 10).maps();
                assertThat(actual).as(person).hasSameSizeAs(expected);
                for (int i = 0; i < expected.size(); i++) {
                    double score = d(expected.get(i), "score"); // six significant digits in the file
                    assertThat(num(actual.get(i).get("score")))
                            .as(person + " score at rank " + (i + 1))
                            .isCloseTo(score, within(score * 1e-5));
                    assertThat(actual.get(i).get("rank")).isEqualTo((long) i + 1);
                }
                // the same people in the same order, up to equal scores (those cut at the end of the list may differ)
                for (int from = 0, to; from < expected.size(); from = to) {
                    double score = num(actual.get(from).get("score"));
                    to = from;
                    Set<String> e = new TreeSet<>(), g = new TreeSet<>();
                    while (to < expected.size() && num(actual.get(to).get("score")) == score) {
                        e.add(expected.get(to).get("suggested_id"));
                        g.add((String) actual.get(to).get("person_id"));
                        to++;
                    }
                    if (to - from > 1) tiedGroups++;
                    if (to < expected.size() || expected.size() < 10)
                        assertThat(g)
                                .as(person + " at ranks " + (from + 1) + ".." + to)
                                .isEqualTo(e);
                }
                Map<String, Map<String, String>> byId = new HashMap<>();
                expected.forEach(r -> byId.put(r.get("suggested_id"), r));
                for (Map<String, Object> r : actual) {
                    Map<String, String> x = byId.get((String) r.get("person_id"));
                    if (x == null) continue;
                    assertThat(r.get("common_contacts")).isEqualTo(Long.parseLong(x.get("common_contacts")));
                    assertThat(r.get("introducer_id")).as(person + " -> " + x).isEqualTo(x.get("introducer_id"));
                    assertThat(r.get("introducer_name"))
                            .isEqualTo(directory.get(x.get("introducer_id")).get("display_name"));
                    assertThat(x.get("path"))
                            .isEqualTo(String.format(
                                    Locale.ROOT,
                                    "%s -%.2f- %s -%.2f- %s",
                                    person,
                                    num(r.get("tie_to_introducer")),
                                    x.get("introducer_id"),
                                    num(r.get("introducer_tie")),
                                    r.get("person_id")));
                    assertThat(tieAt(LATEST, person, (String) r.get("person_id")))
                            .as("no tie yet, or an inactive one")
                            .satisfiesAnyOf(
                                    t -> assertThat(t).isNull(),
                                    t -> assertThat(t.get("active")).isEqualTo("false"));
                }
            }
            assertThat(tiedGroups).as("equal scores were met and compared").isPositive();
        }

        @Test
        void skillGapsNeverShowADepartmentBelowTheMinimum() {
            Map<String, List<String>> members = new TreeMap<>();
            people.get(LATEST).forEach((id, p) -> {
                if (!p.get("department").isEmpty())
                    members.computeIfAbsent(p.get("department"), k -> new ArrayList<>())
                            .add(id);
            });
            assertThat(members.values().stream().filter(m -> m.size() < 105).count())
                    .as("the sample has departments on both sides of 105")
                    .isPositive()
                    .isLessThan(members.size());
            Set<String> wanted = new TreeSet<>();
            wants.values().forEach(wanted::addAll);
            for (int minimum : new int[] {5, 105}) {
                QueryLibrary.Answer a = q("skill-gaps", "min_group_size", minimum, "per_department", 3);
                Set<String> expected = new TreeSet<>();
                members.forEach((dept, m) -> {
                    if (m.size() >= minimum) expected.add(dept);
                });
                assertThat(new TreeSet<>(a.column("department")))
                        .as("departments of at least " + minimum)
                        .isEqualTo(expected);
                Map<String, List<Map<String, Object>>> byDept = new TreeMap<>();
                for (Map<String, Object> r : a.maps()) {
                    String dept = (String) r.get("department");
                    byDept.computeIfAbsent(dept, k -> new ArrayList<>()).add(r);
                    assertThat(r.get("people"))
                            .isEqualTo((long) members.get(dept).size());
                    String skill = (String) r.get("skill");
                    long[] wh = wantingHaving(members.get(dept), skill);
                    assertThat(r.get("wanting")).as(dept + " " + skill).isEqualTo(wh[0]);
                    assertThat(r.get("having")).as(dept + " " + skill).isEqualTo(wh[1]);
                    assertThat(num(r.get("gap"))).isCloseTo(wh[0] / (wh[1] + 1.0), within(0.0051));
                }
                // per department the three highest gaps: no skill left out has a higher one
                byDept.forEach((dept, rows) -> {
                    assertThat(rows).hasSize(3);
                    assertThat(rows.stream().map(r -> r.get("rank")).toList()).containsExactly(1L, 2L, 3L);
                    double lowest = num(rows.get(2).get("gap"));
                    Set<Object> shown = new HashSet<>();
                    rows.forEach(r -> shown.add(r.get("skill")));
                    for (String skill : wanted) {
                        long[] wh = wantingHaving(members.get(dept), skill);
                        if (!shown.contains(skill) && wh[0] > 0)
                            assertThat(wh[0] / (wh[1] + 1.0))
                                    .as("gap of %s in %s, not shown", skill, dept)
                                    .isLessThanOrEqualTo(lowest + 0.005);
                    }
                });
            }
            assertThat(q("skill-gaps", "min_group_size", 1000).rows()).isEmpty();
        }

        long[] wantingHaving(List<String> members, String skill) {
            long w = 0, h = 0;
            for (String id : members) {
                if (wants.get(id).contains(skill)) w++;
                if (skills.get(id).contains(skill)) h++;
            }
            return new long[] {w, h};
        }
    }

    // ---- the command line (scripts/query) ----

    record Run(int exitCode, String out) {}

    Run cli(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--queries=" + ROOT.resolve("queries"));
        int code = QueryCommand.execute(
                all.toArray(String[]::new),
                Map.of(
                        "NEO4J_URI",
                        neo4j.boltUri(),
                        "NEO4J_USERNAME",
                        neo4j.username(),
                        "NEO4J_PASSWORD",
                        neo4j.password()),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return new Run(code, bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theCommandLinePrintsATableOrCsv() {
        Run table = cli("top-connectors", "--param", "limit=3");
        assertThat(table.exitCode()).isZero();
        List<String> lines = table.out().lines().toList();
        assertThat(lines.get(0)).startsWith("rank").contains("person_id", "score", "reason");
        assertThat(lines.get(1)).matches("[- ]+");
        assertThat(lines).hasSize(6).last().isEqualTo("(3 rows)");
        assertThat(lines.get(2)).startsWith("1 ");

        Run csv = cli("tie-history", "-p", "person_a=p0251", "-p", "person_b=p0313", "--format", "csv");
        assertThat(csv.exitCode()).isZero();
        assertThat(csv.out().lines().toList()).hasSize(3);
        assertThat(csv.out().lines().findFirst().orElseThrow()).startsWith("run,seen,strength,status");

        assertThat(cli().out()).contains("warm-introduction-path", "teams-most-cut-off");
        assertThat(cli("warm-introduction-path", "--describe").out())
                .contains("--param from", "required", "min_strength", "default 1.0");
    }

    @Test
    void theCommandLineRefusesUnknownQueriesAndBadParametersWithExitCode2() {
        assertThat(cli("no-such-question").exitCode()).isEqualTo(2);
        assertThat(cli("tie-history", "-p", "person_a=p0251").exitCode())
                .as("a required parameter missing")
                .isEqualTo(2);
        assertThat(cli("top-connectors", "-p", "limit=many").exitCode())
                .as("not an int")
                .isEqualTo(2);
        assertThat(cli("top-connectors", "-p", "lmit=3").exitCode())
                .as("unknown parameter")
                .isEqualTo(2);
    }
}
