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
import java.util.TreeSet;
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
            // Still found by a test that knows the holiday (R's expected share of the contacts is then smaller).
            assertThat(binomialCdf(recent, baseline + recent, holidayAwareRecentShare()))
                    .isLessThan(0.05);
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
                if (weekdayActivity(from, from.plusDays(6)) < 5) {
                    continue; // a week with company holiday days may be empty
                }
                assertThat(sample.countIn(dates, from, from.plusDays(6)))
                        .as("week %d of %s", week, t)
                        .isGreaterThanOrEqualTo(1);
            }
            assertThat(dates).hasSize(((Long) t.get("recent_count")).intValue()).hasSizeGreaterThanOrEqualTo(4);
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
            // Stable to a test that knows the holiday: rates per unit of expected activity, and R's share of the
            // contacts under an unchanged rate A(R) / (A(R) + A(B)).
            double activityRatio = (counts[1] / weekdayActivity(sample.recentStart(), sample.end))
                    / (counts[0]
                            / weekdayActivity(
                                    sample.baselineStart(), sample.recentStart().minusDays(1)));
            assertThat(activityRatio).as("holiday-adjusted rate ratio of %s", s).isBetween(0.5, 2.0);
            int n = counts[0] + counts[1];
            double share = holidayAwareRecentShare();
            assertThat(binomialCdf(counts[1], n, share)).isGreaterThan(0.05);
            assertThat(1 - binomialCdf(counts[1] - 1, n, share)).isGreaterThan(0.05);
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
    // The company holiday and the people on leave

    @Test
    void holidayDaysKeepAboutATenthOfAnOrdinaryDay() {
        Map<String, Object> holiday = object(sample.planted.get("holiday"));
        LocalDate from = LocalDate.parse((String) holiday.get("from"));
        LocalDate to = LocalDate.parse((String) holiday.get("to"));
        assertThat(from).isEqualTo(LocalDate.of(2026, 10, 29));
        assertThat(to).isEqualTo(LocalDate.of(2026, 11, 7));
        assertThat(holiday.get("share")).isEqualTo(0.1);
        // Inside R, off its first and last days.
        assertThat(from).isAfter(sample.recentStart());
        assertThat(to).isBefore(sample.end);

        Map<LocalDate, Integer> perDay = new TreeMap<>();
        for (GeneratedSample.Interaction r : sample.valid) {
            perDay.merge(LocalDate.ofInstant(r.time(), ZoneOffset.UTC), 1, Integer::sum);
        }
        long holidayRows = 0;
        double[] weekday = new double[4]; // holiday rows, holiday days, ordinary rows, ordinary days
        double[] weekend = new double[4];
        for (LocalDate d = sample.baselineStart(); !d.isAfter(sample.end); d = d.plusDays(1)) {
            int rows = perDay.getOrDefault(d, 0);
            boolean onHoliday = !d.isBefore(from) && !d.isAfter(to);
            double[] acc = d.getDayOfWeek().getValue() >= 6 ? weekend : weekday;
            acc[onHoliday ? 0 : 2] += rows;
            acc[onHoliday ? 1 : 3]++;
            holidayRows += onHoliday ? rows : 0;
        }
        assertThat(weekday[1]).isEqualTo(7);
        double share = (weekday[0] / weekday[1]) / (weekday[2] / weekday[3]);
        assertThat(share)
                .as("rows per holiday weekday / rows per ordinary weekday")
                .isBetween(0.07, 0.14);
        assertThat((Double) holiday.get("observed_share")).isCloseTo(share, org.assertj.core.data.Offset.offset(0.001));
        assertThat(weekend[0] / weekend[1]).isLessThan(0.5 * weekend[2] / weekend[3]);
        assertThat(holiday.get("rows")).isEqualTo(holidayRows);
        assertThat(holiday.get("days")).isEqualTo(10L);

        // The newcomers start on working days, not in the holiday.
        for (Object o : array(sample.planted.get("newcomers"))) {
            LocalDate hired = LocalDate.parse((String) object(o).get("hire_date"));
            assertThat(hired).matches(d -> d.isBefore(from) || d.isAfter(to), "not in the holiday");
        }
    }

    @Test
    void peopleOnLeaveHaveNoInteractionsWhileAwayAndAreListed() {
        List<Object> leave = array(sample.planted.get("leave"));
        assertThat(leave).hasSize(3);
        assertThat(sample.dir.resolve("absences.csv"))
                .as("only with --absences-file")
                .doesNotExist();
        Map<String, Map<String, String>> people = peopleById();
        Set<String> managers = sample.people.stream()
                .map(p -> p.get("manager_id"))
                .filter(m -> !m.isEmpty())
                .collect(Collectors.toSet());
        Set<String> planted = plantedRoles();
        Map<String, Object> tiny = object(sample.planted.get("tiny_team"));
        LocalDate recentStart = sample.recentStart();
        LocalDate baselineStart = sample.baselineStart();

        Set<String> teams = new HashSet<>();
        int away = 0;
        int strays = 0;
        boolean pausedMentorship = false;
        for (Object o : leave) {
            Map<String, Object> l = object(o);
            String id = (String) l.get("person_id");
            LocalDate from = LocalDate.parse((String) l.get("from"));
            LocalDate to = LocalDate.parse((String) l.get("to"));
            // An ordinary member with no planted role, one per team.
            assertThat(managers).doesNotContain(id);
            assertThat(planted).doesNotContain(id);
            assertThat(people.get(id).get("team")).isNotEqualTo(tiny.get("team"));
            assertThat(teams.add(people.get(id).get("team"))).isTrue();

            int during = 0;
            int outside = 0;
            int inRecent = 0;
            Set<String> partners = new TreeSet<>();
            for (GeneratedSample.Interaction r : sample.valid) {
                if (!r.source().equals(id) && !r.target().equals(id)) {
                    continue;
                }
                LocalDate d = LocalDate.ofInstant(r.time(), ZoneOffset.UTC);
                if (!d.isBefore(from) && !d.isAfter(to)) {
                    during++;
                } else if (!d.isBefore(baselineStart)) {
                    outside++;
                }
                if (!d.isBefore(recentStart)) {
                    inRecent++;
                }
                if (!d.isBefore(baselineStart)) {
                    partners.add(r.source().equals(id) ? r.target() : r.source());
                }
            }
            assertThat(during).as("rows of %s while away", id).isLessThanOrEqualTo(1);
            assertThat(l.get("rows_during_leave")).isEqualTo((long) during);
            assertThat(l.get("rows_in_recent")).isEqualTo((long) inRecent);
            assertThat(strings(l.get("ties"))).containsExactlyElementsOf(partners);
            strays += during;
            assertThat(outside)
                    .as("rows of %s in B and R outside the leave", id)
                    .isGreaterThanOrEqualTo(40);
            if ("away".equals(l.get("expected"))) {
                away++;
                // From a few days before R to the end of the data.
                assertThat(from).isBefore(recentStart).isAfterOrEqualTo(recentStart.minusDays(7));
                assertThat(to).isEqualTo(sample.end);
                assertThat(l.get("expected_tie_status")).isEqualTo("paused");
                assertThat(partners.size()).isGreaterThanOrEqualTo(10);
                for (String mentee : strings(l.get("mentee_ids"))) {
                    Map<String, String> m = sample.mentorships.stream()
                            .filter(x -> x.get("mentor_id").equals(id)
                                    && x.get("mentee_id").equals(mentee))
                            .findFirst()
                            .orElseThrow();
                    assertThat(m.get("ended_on")).isEmpty();
                    List<LocalDate> dates = sample.datesBetween(id, mentee);
                    if (LocalDate.parse(m.get("started_on")).isBefore(baselineStart)) {
                        assertThat(sample.countIn(dates, baselineStart, from.minusDays(1)))
                                .isGreaterThanOrEqualTo(8);
                        assertThat(sample.countIn(dates, recentStart, sample.end))
                                .isZero();
                        assertThat(partners).contains(mentee);
                        pausedMentorship = true;
                    }
                }
            } else {
                assertThat(l.get("expected")).isEqualTo("not away");
                // About four weeks inside B, back well before R, and active again.
                assertThat(from).isAfterOrEqualTo(baselineStart);
                assertThat(to).isBefore(recentStart.minusDays(14));
                assertThat(ChronoUnit.DAYS.between(from, to) + 1).isBetween(24L, 31L);
                assertThat(l).doesNotContainKey("expected_tie_status");
                assertThat(inRecent).isGreaterThanOrEqualTo(20);
            }
        }
        assertThat(away).isEqualTo(2);
        assertThat(strays).as("one stray row in all").isEqualTo(1);
        assertThat(pausedMentorship)
                .as("one person away through R mentors a declared mentorship")
                .isTrue();
    }

    @Test
    void commandLineHolidayLeaveAndAbsencesFileForGeneratedOrganisations() throws IOException {
        Path dir = tmp.resolve("leave");
        int code = SampleOrganisationGenerator.run(
                new String[] {
                    "--people",
                    "1200",
                    "--days",
                    "126",
                    "--holiday",
                    "2026-11-02:2026-11-06",
                    "--holiday-share",
                    "0.25",
                    "--leave",
                    "4",
                    "--absences-file",
                    "--no-malformed",
                    "--seed",
                    "3",
                    "--out",
                    dir.toString()
                },
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                System.err);
        assertThat(code).isZero();
        GeneratedSample generated = new GeneratedSample(dir);
        Map<String, Object> holiday = object(generated.planted.get("holiday"));
        assertThat(holiday.get("share")).isEqualTo(0.25);
        assertThat(holiday.get("weekdays")).isEqualTo(5L);
        assertThat((Double) holiday.get("observed_share")).isBetween(0.18, 0.33);

        List<Object> leave = array(generated.planted.get("leave"));
        assertThat(leave).hasSize(4);
        List<String> expectedLines = new ArrayList<>();
        for (Object o : leave) {
            Map<String, Object> l = object(o);
            expectedLines.add(l.get("person_id") + "," + l.get("from") + "," + l.get("to") + "," + l.get("kind"));
            String id = (String) l.get("person_id");
            LocalDate from = LocalDate.parse((String) l.get("from"));
            LocalDate to = LocalDate.parse((String) l.get("to"));
            long during = generated.valid.stream()
                    .filter(r -> r.source().equals(id) || r.target().equals(id))
                    .map(r -> LocalDate.ofInstant(r.time(), ZoneOffset.UTC))
                    .filter(d -> !d.isBefore(from) && !d.isAfter(to))
                    .count();
            assertThat(during).isEqualTo(l.get("rows_during_leave")).isLessThanOrEqualTo(1L);
        }
        assertThat(leave.stream().map(l -> object(l).get("kind")))
                .containsExactly("parental", "sabbatical", "medical", "parental");
        assertThat(leave.stream().map(l -> object(l).get("expected")))
                .containsExactly("away", "away", "not away", "away");
        List<String> lines = Files.readAllLines(dir.resolve("absences.csv"));
        assertThat(lines.get(0)).isEqualTo("person_id,from,to,kind");
        assertThat(lines.subList(1, lines.size())).containsExactlyInAnyOrderElementsOf(expectedLines);

        // Regenerating without --absences-file removes the old absences.csv.
        assertThat(SampleOrganisationGenerator.run(
                        new String[] {"--people", "1200", "--days", "126", "--seed", "3", "--out", dir.toString()},
                        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                        System.err))
                .isZero();
        assertThat(dir.resolve("absences.csv")).doesNotExist();
    }

    @Test
    void holidayAndLeaveCanBeTurnedOff() throws IOException {
        Path dir = tmp.resolve("off");
        SampleOrganisationGenerator.generate(Spec.defaults().withoutHoliday().withLeave(0), dir);
        GeneratedSample off = new GeneratedSample(dir);
        assertThat(off.planted.get("holiday")).isNull();
        assertThat(array(off.planted.get("leave"))).isEmpty();
        // More rows than with the holiday; the same people, except that without the holiday the second newcomer
        // starts on the day 12 days before the end, not on the first working day after the holiday.
        assertThat(off.rows).isGreaterThan(sample.rows + 2000);
        assertThat(off.people).hasSameSizeAs(sample.people);
        Set<String> newcomers = array(sample.planted.get("newcomers")).stream()
                .map(o -> (String) object(o).get("person_id"))
                .collect(Collectors.toSet());
        for (int i = 0; i < off.people.size(); i++) {
            Map<String, String> a = new LinkedHashMap<>(off.people.get(i));
            Map<String, String> b = new LinkedHashMap<>(sample.people.get(i));
            if (newcomers.contains(a.get("person_id"))) {
                a.remove("hire_date");
                b.remove("hire_date");
            }
            assertThat(a).isEqualTo(b);
        }
        List<String> offHires = array(off.planted.get("newcomers")).stream()
                .map(o -> (String) object(o).get("hire_date"))
                .toList();
        assertThat(offHires).containsExactly("2026-10-26", "2026-11-03");
        // The holiday only thins: the same structure is planted with and without it.
        for (String key : List.of("connectors", "fading_ties", "new_ties", "stable_controls", "newcomers")) {
            List<String> with = new ArrayList<>();
            List<String> without = new ArrayList<>();
            for (Object o : array(sample.planted.get(key))) {
                with.add(object(o).get("person_id") + "/" + object(o).get("a") + "/"
                        + object(o).get("b"));
            }
            for (Object o : array(off.planted.get(key))) {
                without.add(object(o).get("person_id") + "/" + object(o).get("a") + "/"
                        + object(o).get("b"));
            }
            assertThat(with).as(key).isEqualTo(without);
        }
        assertThat(off.mentorships).isEqualTo(sample.mentorships);
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
        // Generated organisations have no holiday and nobody on leave unless asked.
        assertThat(bench.planted.get("holiday")).isNull();
        assertThat(array(bench.planted.get("leave"))).isEmpty();
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
        String[][] badHolidays = {
            {"--holiday", "2026-11-07:2026-10-29"},
            {"--holiday", "2026-11-01:2026-11-03", "--no-holiday"},
            {"--people", "500", "--holiday-share", "0.2"},
            {"--holiday-share", "2"},
            {"--holiday", "2025-01-01:2025-01-03"},
            {"--holiday", "1 November"},
            {"--leave", "-1"}
        };
        for (String[] args : badHolidays) {
            List<String> all = new ArrayList<>(List.of(args));
            all.addAll(List.of("--out", tmp.toString()));
            assertThat(SampleOrganisationGenerator.run(all.toArray(String[]::new), System.out, errStream))
                    .as(String.join(" ", args))
                    .isEqualTo(2);
        }
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("needs a value")
                .contains("unknown option")
                .contains("planted structure needs")
                .contains("the holiday ends before it starts")
                .contains("--holiday and --no-holiday exclude each other")
                .contains("--holiday-share needs a holiday")
                .contains("the holiday share must be between 0 and 1")
                .contains("is not inside the data")
                .contains("leave must be >= 0");
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

    /**
     * Expected activity of a planted pair (weekdays only) over {@code from..to}: 1 on an ordinary weekday, the
     * holiday share on a holiday weekday.
     */
    private static double weekdayActivity(LocalDate from, LocalDate to) {
        Map<String, Object> holiday = object(sample.planted.get("holiday"));
        LocalDate hFrom = LocalDate.parse((String) holiday.get("from"));
        LocalDate hTo = LocalDate.parse((String) holiday.get("to"));
        double share = (Double) holiday.get("share");
        double a = 0;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (d.getDayOfWeek().getValue() < 6) {
                a += !d.isBefore(hFrom) && !d.isAfter(hTo) ? share : 1.0;
            }
        }
        return a;
    }

    /** A(R) / (A(R) + A(B)) with {@link #weekdayActivity}: R's share of a steady tie's contacts. */
    private static double holidayAwareRecentShare() {
        double recent = weekdayActivity(sample.recentStart(), sample.end);
        double baseline =
                weekdayActivity(sample.baselineStart(), sample.recentStart().minusDays(1));
        return recent / (recent + baseline);
    }

    /** Everyone with a planted role: connectors and their partners, newcomers, buddies, planted pairs. */
    private static Set<String> plantedRoles() {
        Set<String> out = new HashSet<>();
        for (Object o : array(sample.planted.get("connectors"))) {
            out.add((String) object(o).get("person_id"));
            out.addAll(strings(object(o).get("partners")));
        }
        for (Object o : array(sample.planted.get("newcomers"))) {
            out.add((String) object(o).get("person_id"));
            out.add((String) object(o).get("buddy_id"));
        }
        for (String key : List.of("fading_ties", "new_ties", "stable_controls")) {
            for (Object o : array(sample.planted.get(key))) {
                out.add((String) object(o).get("a"));
                out.add((String) object(o).get("b"));
            }
        }
        return out;
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
