package org.mentorshipgraph.tools.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mentorshipgraph.tools.sample.MiniJson.array;
import static org.mentorshipgraph.tools.sample.MiniJson.object;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mentorshipgraph.tools.sample.SampleOrganisationGenerator.Spec;

class SampleOrganisationGeneratorTest {

    @TempDir
    static Path shared;

    static GeneratedSample sample;

    @TempDir
    Path tmp;

    @BeforeAll
    static void generateDefaultSample() throws IOException {
        SampleOrganisationGenerator.generate(Spec.defaults(), shared.resolve("sample"));
        sample = new GeneratedSample(shared.resolve("sample"));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Determinism and the committed copy

    @Test
    void sameSeedGivesIdenticalBytesAndAnotherSeedDoesNot() throws IOException {
        SampleOrganisationGenerator.generate(Spec.defaults(), tmp.resolve("again"));
        assertThat(tree(tmp.resolve("again"))).isEqualTo(tree(shared.resolve("sample")));

        SampleOrganisationGenerator.generate(Spec.defaults().withSeed(7), tmp.resolve("other"));
        assertThat(Files.readString(tmp.resolve("other/people.csv")))
                .isNotEqualTo(Files.readString(shared.resolve("sample/people.csv")));
    }

    @Test
    void committedSampleIsExactlyWhatTheGeneratorProduces() throws IOException {
        Path committed = projectRoot().resolve("notebooks-data/sample");
        assertThat(committed.resolve("planted.json"))
                .as("committed sample (run scripts/generate-sample)")
                .exists();
        Map<String, String> expected = tree(shared.resolve("sample"));
        Map<String, String> actual = tree(committed);
        assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
        for (String file : expected.keySet()) {
            assertThat(actual.get(file))
                    .as(file + " differs from the generator's output; run scripts/generate-sample")
                    .isEqualTo(expected.get(file));
        }
    }

    @Test
    void regeneratingIntoTheSameDirectoryReplacesTheOldOutput() throws IOException {
        Path dir = tmp.resolve("out");
        SampleOrganisationGenerator.generate(Spec.defaults().withDays(140).withPlanted(false), dir);
        SampleOrganisationGenerator.generate(Spec.defaults(), dir);
        assertThat(tree(dir)).isEqualTo(tree(shared.resolve("sample")));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Shape of the bundled sample

    @Test
    void bundledSampleHasTheStatedShapeAndStaysSmall() throws IOException {
        Map<String, Object> totals = object(sample.planted.get("totals"));
        assertThat(sample.people).hasSize(400);
        assertThat(sample.rows).isEqualTo((Long) totals.get("interaction_rows")).isBetween(40_000L, 65_000L);
        assertThat(sample.mentorships).hasSize(30);
        Map<String, Long> teamSizes = sample.people.stream()
                .collect(Collectors.groupingBy(p -> p.get("team"), TreeMap::new, Collectors.counting()));
        assertThat(teamSizes).hasSize(24);
        assertThat(teamSizes.values().stream().filter(s -> s != 3)).allMatch(s -> s >= 8 && s <= 30);
        assertThat(sample.people.stream().map(p -> p.get("department")).distinct())
                .hasSize(4);

        long bytes;
        try (Stream<Path> files = Files.walk(shared.resolve("sample"))) {
            bytes = files.filter(Files::isRegularFile)
                    .mapToLong(p -> p.toFile().length())
                    .sum();
        }
        assertThat(bytes).isLessThan(4_500_000L);

        try (Stream<Path> days = Files.list(shared.resolve("sample/interactions"))) {
            List<String> partitions =
                    days.map(p -> p.getFileName().toString()).sorted().toList();
            assertThat(partitions).hasSize(182).startsWith("date=2026-05-18").endsWith("date=2026-11-15");
        }
    }

    @Test
    void tinyTeamOfThreeExists() {
        Map<String, Object> tiny = object(sample.planted.get("tiny_team"));
        List<String> members = sample.people.stream()
                .filter(p -> p.get("team").equals(tiny.get("team")))
                .map(p -> p.get("person_id"))
                .toList();
        assertThat(members).hasSize(3).containsExactlyElementsOf(strings(tiny.get("members")));
    }

    @Test
    void rowsFollowTheContract() {
        Set<String> ids = sample.people.stream().map(p -> p.get("person_id")).collect(Collectors.toSet());
        Set<String> channels =
                Set.of("meeting", "one_on_one", "chat", "email", "call", "code_review", "pairing", "mentoring");
        for (GeneratedSample.Interaction row : sample.valid) {
            assertThat(ids).contains(row.source(), row.target());
            assertThat(channels).contains(row.channel());
            // Partition date is the UTC date of the instant.
            assertThat(row.file()).contains("date=" + LocalDate.ofInstant(row.time(), ZoneOffset.UTC));
        }
        assertThat(sample.timestampFormats.keySet()).containsExactlyInAnyOrder("utc", "offset", "epoch_millis");
        assertThat(sample.timestampFormats.get("utc")).isGreaterThan(sample.valid.size() * 8 / 10);
        assertThat(sample.timestampFormats.get("epoch_millis")).isLessThan(sample.valid.size() / 50);

        // Weekdays busy, weekends nearly empty.
        long weekend = sample.valid.stream()
                .filter(r -> LocalDate.ofInstant(r.time(), ZoneOffset.UTC)
                                .getDayOfWeek()
                                .getValue()
                        >= 6)
                .count();
        assertThat(weekend).isPositive().isLessThan(sample.valid.size() / 50);
    }

    @Test
    void groupMeetingsHaveOneOrganiserOneTimestampAndThreeToTenParticipants() {
        Map<String, List<GeneratedSample.Interaction>> events = sample.valid.stream()
                .filter(r -> !r.eventId().isEmpty())
                .collect(Collectors.groupingBy(GeneratedSample.Interaction::eventId));
        assertThat(events).hasSizeGreaterThan(1000);
        for (List<GeneratedSample.Interaction> rows : events.values()) {
            assertThat(rows.size() + 1).isBetween(3, 10);
            assertThat(rows.stream().map(GeneratedSample.Interaction::source).distinct())
                    .hasSize(1);
            assertThat(rows.stream().map(GeneratedSample.Interaction::time).distinct())
                    .hasSize(1);
            assertThat(rows.stream().map(GeneratedSample.Interaction::target).distinct())
                    .hasSize(rows.size());
        }
    }

    @Test
    void mostInteractionIsWithinTeamsLittleAcrossDepartments() {
        Map<String, Map<String, String>> people = peopleById();
        Map<String, Integer> scope = new HashMap<>();
        Set<String> connectors = connectorIds();
        for (GeneratedSample.Interaction r : sample.valid) {
            Map<String, String> a = people.get(r.source());
            Map<String, String> b = people.get(r.target());
            String s = a.get("team").equals(b.get("team"))
                    ? "team"
                    : a.get("department").equals(b.get("department"))
                            ? "department"
                            : connectors.contains(r.source()) || connectors.contains(r.target())
                                    ? "connector"
                                    : "cross";
            scope.merge(s, 1, Integer::sum);
        }
        int total = sample.valid.size();
        assertThat(scope.get("team")).isGreaterThan(total * 70 / 100);
        assertThat(scope.get("department")).isBetween(total * 8 / 100, total * 25 / 100);
        assertThat(scope.get("cross")).as("ordinary cross-department rows").isLessThan(total / 100);
    }

    // ---------------------------------------------------------------------------------------------------------
    // The planted structure

    @Test
    void fadingTiesAreRegularInTheBaselineThenDropSignificantly() {
        List<Object> fading = array(sample.planted.get("fading_ties"));
        assertThat(fading).hasSize(6);
        assertThat(fading.stream().filter(f -> (Boolean) object(f).get("mentorship")))
                .hasSizeGreaterThanOrEqualTo(3);
        Set<String> declared = declaredMentorships();
        for (Object o : fading) {
            Map<String, Object> f = object(o);
            int[] counts = windowCounts(f);
            int baseline = counts[0];
            int recent = counts[1];
            assertThat(baseline)
                    .as("baseline count of %s", f)
                    .isEqualTo(((Long) f.get("baseline_count")).intValue())
                    .isGreaterThanOrEqualTo(20);
            assertThat(recent).as("recent count of %s", f).isEqualTo(((Long) f.get("recent_count")).intValue());
            // Recent rate at most a fifth of the baseline rate (R is a third as long as B).
            assertThat(recent * 5 * 3).isLessThanOrEqualTo(baseline);
            assertThat(rateRatio(baseline, recent)).isLessThan(0.5);
            assertThat(binomialCdf(recent, baseline + recent, 28.0 / 112)).isLessThan(0.05);
            if ((Boolean) f.get("mentorship")) {
                assertThat(declared).contains(f.get("mentor_id") + ">" + f.get("mentee_id"));
            }
        }
    }

    @Test
    void newTiesStartInsideTheRecentWindowAndAreWeekly() {
        List<Object> newTies = array(sample.planted.get("new_ties"));
        assertThat(newTies).hasSize(4);
        LocalDate recentStart = sample.recentStart();
        for (Object o : newTies) {
            Map<String, Object> t = object(o);
            List<LocalDate> dates = sample.datesBetween((String) t.get("a"), (String) t.get("b"));
            assertThat(dates).isNotEmpty().allMatch(d -> !d.isBefore(recentStart));
            for (int week = 0; week < 4; week++) {
                LocalDate from = recentStart.plusDays(7L * week);
                assertThat(sample.countIn(dates, from, from.plusDays(6)))
                        .as("week %d of %s", week, t)
                        .isGreaterThanOrEqualTo(1);
            }
            assertThat(dates).hasSize(((Long) t.get("recent_count")).intValue());
        }
    }

    @Test
    void stableControlsKeepTheSameRate() {
        List<Object> stable = array(sample.planted.get("stable_controls"));
        assertThat(stable).hasSize(6);
        for (Object o : stable) {
            Map<String, Object> s = object(o);
            int[] counts = windowCounts(s);
            assertThat(counts[0])
                    .isEqualTo(((Long) s.get("baseline_count")).intValue())
                    .isGreaterThanOrEqualTo(20);
            assertThat(counts[1]).isEqualTo(((Long) s.get("recent_count")).intValue());
            assertThat(rateRatio(counts[0], counts[1])).isBetween(0.75, 1.34);
            int n = counts[0] + counts[1];
            assertThat(binomialCdf(counts[1], n, 0.25)).isGreaterThan(0.05);
            assertThat(1 - binomialCdf(counts[1] - 1, n, 0.25)).isGreaterThan(0.05);
        }
    }

    @Test
    void newcomersAreRecentWithFewTiesAndNoMentor() {
        List<Object> newcomers = array(sample.planted.get("newcomers"));
        assertThat(newcomers).hasSize(2);
        Map<String, Map<String, String>> people = peopleById();
        Set<String> mentees =
                sample.mentorships.stream().map(m -> m.get("mentee_id")).collect(Collectors.toSet());
        for (Object o : newcomers) {
            String id = (String) object(o).get("person_id");
            LocalDate hired = LocalDate.parse(people.get(id).get("hire_date"));
            assertThat(ChronoUnit.DAYS.between(hired, sample.end)).isBetween(0L, 29L);
            assertThat(hired.toString()).isEqualTo(object(o).get("hire_date"));
            Set<String> partners = new HashSet<>();
            for (GeneratedSample.Interaction r : sample.valid) {
                if (r.source().equals(id) || r.target().equals(id)) {
                    assertThat(LocalDate.ofInstant(r.time(), ZoneOffset.UTC)).isAfterOrEqualTo(hired);
                    partners.add(r.source().equals(id) ? r.target() : r.source());
                }
            }
            assertThat(partners)
                    .containsExactlyInAnyOrderElementsOf(strings(object(o).get("ties")));
            assertThat(partners.size()).isBetween(1, 3);
            assertThat(mentees).doesNotContain(id);
        }
    }

    @Test
    void malformedRowsMatchPlantedCounts() {
        Map<String, Object> planted = object(sample.planted.get("malformed"));
        Map<String, Integer> expected = new TreeMap<>();
        object(planted.get("counts")).forEach((k, v) -> expected.put(k, ((Long) v).intValue()));
        assertThat(sample.malformed).isEqualTo(expected);
        assertThat(expected)
                .containsOnlyKeys(
                        "missing_source_id",
                        "missing_target_id",
                        "unparseable_timestamp",
                        "self_interaction",
                        "future_timestamp",
                        "non_numeric_duration");
        assertThat(expected.values()).allMatch(c -> c >= 1 && c <= 2);
        assertThat(array(planted.get("rows")))
                .hasSize(expected.values().stream().mapToInt(i -> i).sum());
        for (Object o : array(planted.get("rows"))) {
            Map<String, Object> row = object(o);
            try {
                List<String> lines = Files.readAllLines(sample.dir.resolve((String) row.get("file")));
                assertThat(lines.get(((Long) row.get("line")).intValue() - 1)).isEqualTo(row.get("content"));
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void connectorsHaveTheHighestBetweennessAndLowestConstraint() {
        Set<String> connectors = connectorIds();
        assertThat(connectors).hasSize(4);
        Map<String, Map<String, String>> people = peopleById();
        for (Object o : array(sample.planted.get("connectors"))) {
            Map<String, Object> c = object(o);
            Set<String> teams = new HashSet<>(strings(c.get("bridged_teams")));
            teams.add((String) c.get("team"));
            assertThat(teams).hasSizeGreaterThanOrEqualTo(3);
            assertThat(strings(c.get("departments_spanned"))).hasSizeGreaterThanOrEqualTo(2);
        }
        // Tie floors from "any contact in the half-life" to "about weekly contact".
        for (double floor : new double[] {0.01, 1.0, 3.0}) {
            ReferenceTieGraph g = new ReferenceTieGraph(
                    sample, sample.end.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC), 30, floor);
            assertThat(g.extreme(g.betweenness(), 4, true))
                    .as("top betweenness, floor %s", floor)
                    .containsExactlyInAnyOrderElementsOf(connectors);
            assertThat(g.extreme(g.constraint(), 4, false))
                    .as("lowest constraint, floor %s", floor)
                    .containsExactlyInAnyOrderElementsOf(connectors);
            if (floor >= 1.0) {
                // Without the connectors, departments are nearly disconnected.
                int crossing = 0;
                int crossingWithout = 0;
                for (int a = 0; a < g.size(); a++) {
                    for (int b : g.adjacency.get(a).keySet()) {
                        String ia = g.ids.get(a);
                        String ib = g.ids.get(b);
                        if (a < b
                                && !people.get(ia)
                                        .get("department")
                                        .equals(people.get(ib).get("department"))) {
                            crossing++;
                            if (!connectors.contains(ia) && !connectors.contains(ib)) {
                                crossingWithout++;
                            }
                        }
                    }
                }
                assertThat(crossingWithout)
                        .as("cross-department ties not involving a connector, floor %s", floor)
                        .isLessThanOrEqualTo(crossing / 10);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Benchmark mode through the command line

    @Test
    void commandLineWritesOneFileAndAimsAtTheTargetCount() throws IOException {
        Path dir = tmp.resolve("bench");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = SampleOrganisationGenerator.run(
                new String[] {
                    "--people",
                    "3000",
                    "--teams",
                    "150",
                    "--days",
                    "140",
                    "--interactions",
                    "200000",
                    "--single-file",
                    "--seed",
                    "5",
                    "--out",
                    dir.toString()
                },
                new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err);
        assertThat(code).isZero();
        assertThat(dir.resolve("interactions")).doesNotExist();
        GeneratedSample bench = new GeneratedSample(dir);
        assertThat(bench.rows).isBetween(180_000L, 220_000L);
        assertThat(bench.people).hasSize(3000);
        assertThat(Files.readAllLines(dir.resolve("interactions.csv")).stream().filter(l -> l.startsWith("timestamp,")))
                .hasSize(1);
        assertThat(bench.malformed.values().stream().mapToInt(i -> i).sum()).isEqualTo(8);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("rows/s");
    }

    @Test
    void commandLineRejectsBadArguments() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertThat(SampleOrganisationGenerator.run(new String[] {"--people"}, System.out, errStream))
                .isEqualTo(2);
        assertThat(SampleOrganisationGenerator.run(
                        new String[] {"--out", tmp.toString(), "--frobnicate"}, System.out, errStream))
                .isEqualTo(2);
        assertThat(SampleOrganisationGenerator.run(
                        new String[] {"--out", tmp.toString(), "--days", "30"}, System.out, errStream))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("needs a value")
                .contains("unknown option")
                .contains("planted structure needs");
    }

    // ---------------------------------------------------------------------------------------------------------

    /** {baseline, recent} counts of a planted pair, read from the files. */
    private static int[] windowCounts(Map<String, Object> pair) {
        List<LocalDate> dates = sample.datesBetween((String) pair.get("a"), (String) pair.get("b"));
        LocalDate recentStart = sample.recentStart();
        return new int[] {
            sample.countIn(dates, sample.baselineStart(), recentStart.minusDays(1)),
            sample.countIn(dates, recentStart, sample.end)
        };
    }

    /** Recent rate over baseline rate (per day). */
    private static double rateRatio(int baseline, int recent) {
        return (recent / 28.0) / (baseline / 84.0);
    }

    /** P(X <= k) for X ~ Binomial(n, p). */
    static double binomialCdf(int k, int n, double p) {
        if (k < 0) {
            return 0;
        }
        double term = Math.pow(1 - p, n);
        double sum = term;
        for (int i = 1; i <= k; i++) {
            term *= (double) (n - i + 1) / i * p / (1 - p);
            sum += term;
        }
        return Math.min(1, sum);
    }

    private static Set<String> connectorIds() {
        return array(sample.planted.get("connectors")).stream()
                .map(c -> (String) object(c).get("person_id"))
                .collect(Collectors.toSet());
    }

    private static Set<String> declaredMentorships() {
        return sample.mentorships.stream()
                .filter(m -> m.get("ended_on").isEmpty())
                .map(m -> m.get("mentor_id") + ">" + m.get("mentee_id"))
                .collect(Collectors.toSet());
    }

    private static Map<String, Map<String, String>> peopleById() {
        Map<String, Map<String, String>> byId = new LinkedHashMap<>();
        sample.people.forEach(p -> byId.put(p.get("person_id"), p));
        return byId;
    }

    private static List<String> strings(Object list) {
        List<String> out = new ArrayList<>();
        for (Object o : array(list)) {
            out.add((String) o);
        }
        return out;
    }

    /** Relative path → bytes (as ISO-8859-1 text, one char per byte) of every file under {@code dir}. */
    private static Map<String, String> tree(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                String rel = dir.relativize(p).toString().replace('\\', '/');
                if (!rel.equals("README.md")) {
                    out.put(rel, new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
                }
            }
        }
        return out;
    }

    private static Path projectRoot() {
        String root = System.getProperty("project.root");
        if (root != null) {
            return Path.of(root).toAbsolutePath().normalize();
        }
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("notebooks-data"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("cannot find the project root (no notebooks-data above the working dir)");
        }
        return p;
    }
}
