package org.mentorshipgraph.tools.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mentorshipgraph.tools.sample.MiniJson.array;
import static org.mentorshipgraph.tools.sample.MiniJson.object;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mentorshipgraph.tools.sample.SampleOrganisationGenerator.Spec;

/**
 * The mentoring inputs of the bundled sample (the last three columns of people.csv, positions.csv) and the mentoring
 * cases recorded under {@code mentoring} in planted.json, checked against the files as a reader of the data contract
 * sees them, not against the generator's own bookkeeping.
 */
class PlantedMentoringTest {

    @TempDir
    static Path shared;

    static GeneratedSample sample;
    static Map<String, Object> mentoring;
    static Map<String, Map<String, String>> people;

    /** Channel weights of the job (docs/domain.md, "Interactions"). */
    static final Map<String, Double> WEIGHTS = Map.of(
            "mentoring", 3.0,
            "one_on_one", 3.0,
            "pairing", 2.0,
            "call", 2.0,
            "meeting", 1.0,
            "code_review", 1.0,
            "email", 0.5,
            "chat", 0.25);
    /** The job's default tie floor, {@code ties.min-strength}. */
    static final double MIN_STRENGTH = 0.5;

    static final Map<Integer, String> PREFIX =
            Map.of(1, "Associate ", 2, "", 3, "Senior ", 4, "Staff ", 5, "Principal ");

    @BeforeAll
    static void generate() throws IOException {
        SampleOrganisationGenerator.generate(Spec.defaults(), shared.resolve("sample"));
        sample = new GeneratedSample(shared.resolve("sample"));
        mentoring = object(sample.planted.get("mentoring"));
        people = new LinkedHashMap<>();
        sample.people.forEach(p -> people.put(p.get("person_id"), p));
    }

    // ---------------------------------------------------------------------------------------------------------
    // The inputs

    @Test
    void peopleCarryTheThreeMentoringColumnsFilledPlausibly() {
        assertThat(sample.people.get(0).keySet())
                .endsWith("wants_to_learn", "open_to_mentor", "mentor_capacity", "career_goal");
        int n = sample.people.size();
        long closed = count(p -> p.get("open_to_mentor").equals("false"));
        long withCapacity = count(p -> !p.get("mentor_capacity").isEmpty());
        long withGoal = count(p -> !p.get("career_goal").isEmpty());
        assertThat(sample.people).allMatch(p -> Set.of("", "true", "false").contains(p.get("open_to_mentor")));
        assertThat(closed).as("open_to_mentor=false").isBetween(n * 5L / 100, n * 15L / 100);
        assertThat(count(p -> p.get("open_to_mentor").isEmpty())).isGreaterThan(n / 2);
        assertThat(withCapacity).as("capacity given").isBetween(n * 20L / 100, n * 40L / 100);
        assertThat(withGoal).as("career goal given").isBetween(n * 18L / 100, n * 32L / 100);
        Set<String> headTitles = sample.people.stream()
                .filter(p -> p.get("manager_id").isEmpty())
                .map(p -> p.get("title"))
                .collect(Collectors.toSet());
        Map<String, Integer> active = activeMentorships();
        for (Map<String, String> p : sample.people) {
            String capacity = p.get("mentor_capacity");
            if (!capacity.isEmpty()) {
                assertThat(Integer.parseInt(capacity)).as("capacity of %s", p).isBetween(0, 4);
                if (!atCapacityTraps().contains(p.get("person_id"))) {
                    assertThat(Integer.parseInt(capacity))
                            .as("capacity of %s, not below their mentorships", p)
                            .isGreaterThanOrEqualTo(Math.max(1, active.getOrDefault(p.get("person_id"), 0)));
                }
            }
            String goal = p.get("career_goal");
            if (goal.isEmpty()) {
                continue;
            }
            int level = Integer.parseInt(p.get("level"));
            if (p.get("title").equals("Privacy Counsel")) {
                assertThat(goal).isEqualTo("Data Protection Officer");
            } else if (isManager(p)) {
                assertThat(headTitles).as("goal of manager %s", p).contains(goal);
            } else {
                String base = base(p.get("title"), level);
                assertThat(goal)
                        .as("goal of %s: one or two rungs up", p)
                        .isIn(PREFIX.get(Math.min(5, level + 1)) + base, PREFIX.get(Math.min(5, level + 2)) + base);
                assertThat(level).isLessThan(5);
            }
        }
    }

    @Test
    void positionsAreEachPersonsHistoryUpTheirTrack() {
        assertThat(sample.positions.get(0).keySet())
                .containsExactly("person_id", "title", "level", "team", "department", "started_on", "ended_on");
        assertThat(sample.positions).as("a few hundred rows").hasSizeBetween(300, 1200);
        Map<String, List<Map<String, String>>> byPerson = new LinkedHashMap<>();
        sample.positions.forEach(q -> byPerson.computeIfAbsent(q.get("person_id"), k -> new ArrayList<>())
                .add(q));
        LocalDate end = sample.end;
        for (Map<String, String> p : sample.people) {
            String id = p.get("person_id");
            LocalDate hired = LocalDate.parse(p.get("hire_date"));
            int level = Integer.parseInt(p.get("level"));
            boolean tenured = level >= 2 && !hired.isAfter(end.minusDays(365));
            List<Map<String, String>> history = byPerson.getOrDefault(id, List.of());
            if (tenured) {
                assertThat(history).as("history of %s", id).isNotEmpty();
            }
            if (history.isEmpty()) {
                continue;
            }
            assertThat(history.size() - 1).as("earlier positions of %s", id).isBetween(1, 4);
            Map<String, String> current = history.get(history.size() - 1);
            assertThat(current.get("ended_on")).isEmpty();
            for (String column : List.of("title", "level", "team", "department")) {
                assertThat(current.get(column))
                        .as("%s of %s's current position", column, id)
                        .isEqualTo(p.get(column));
            }
            for (int i = 0; i < history.size() - 1; i++) {
                Map<String, String> q = history.get(i);
                Map<String, String> next = history.get(i + 1);
                LocalDate started = LocalDate.parse(q.get("started_on"));
                LocalDate ended = LocalDate.parse(q.get("ended_on"));
                assertThat(started).as("%s", q).isBeforeOrEqualTo(ended);
                assertThat(ended)
                        .as("no overlap: %s then %s", q, next)
                        .isBefore(LocalDate.parse(next.get("started_on")));
                assertThat(Integer.parseInt(q.get("level")))
                        .as("one rung below the next: %s then %s", q, next)
                        .isEqualTo(Integer.parseInt(next.get("level")) - 1);
                if (q.get("team").isEmpty()) {
                    assertThat(q.get("department")).isEmpty();
                    assertThat(ended)
                            .as("external experience before the hire: %s", q)
                            .isBefore(hired);
                } else {
                    assertThat(started)
                            .as("in the company after the hire: %s", q)
                            .isAfterOrEqualTo(hired);
                    assertThat(q.get("department")).isEqualTo(p.get("department"));
                }
                if (!isManager(p)
                        && !p.get("manager_id").isEmpty()
                        && !p.get("title").startsWith("Privacy")) {
                    int l = Integer.parseInt(q.get("level"));
                    assertThat(q.get("title"))
                            .as("the ladder of %s", p)
                            .isEqualTo(PREFIX.get(l) + base(p.get("title"), level));
                }
            }
            assertThat(LocalDate.parse(current.get("started_on")))
                    .isAfterOrEqualTo(hired)
                    .isBefore(end);
        }
        for (Object o : array(sample.planted.get("newcomers"))) {
            assertThat(byPerson).doesNotContainKey((String) object(o).get("person_id"));
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // The planted cases

    @Test
    void everyPlantedMenteeHasTheBestMentorKnownByConstruction() {
        List<Object> mentees = array(mentoring.get("mentees"));
        assertThat(mentees).hasSizeGreaterThanOrEqualTo(4);
        Set<String> connectors = array(sample.planted.get("connectors")).stream()
                .map(c -> (String) object(c).get("person_id"))
                .collect(Collectors.toSet());
        Map<String, Integer> active = activeMentorships();
        Set<String> rareSkills = new HashSet<>();
        boolean mentorWithAMentee = false;
        for (Object o : mentees) {
            Map<String, Object> c = object(o);
            String menteeId = (String) c.get("mentee_id");
            String mentorId = (String) c.get("expected_mentor_id");
            Map<String, String> mentee = people.get(menteeId);
            Map<String, String> mentor = people.get(mentorId);
            String what = menteeId + " / " + mentorId;

            // Skills: 1-2 wanted, one of them rare, all held by the mentor.
            List<String> wants = skills(mentee.get("wants_to_learn"));
            assertThat(wants).as(what).hasSizeBetween(1, 2).containsExactlyElementsOf(strings(c.get("wants_to_learn")));
            assertThat(skills(mentee.get("skills"))).as(what).doesNotContainAnyElementsOf(wants);
            assertThat(skills(mentor.get("skills"))).as(what).containsAll(wants);
            String rare = (String) c.get("rare_skill");
            assertThat(wants).contains(rare);
            assertThat(rareSkills.add(rare)).as("one rare skill per mentee").isTrue();
            List<String> holders = holders(rare);
            assertThat(holders)
                    .as("holders of %s", rare)
                    .hasSizeLessThanOrEqualTo(4)
                    .contains(mentorId)
                    .containsExactlyElementsOf(strings(c.get("rare_skill_holders")));

            // Level + 2, another team, outside the reporting line, not a peer under the same manager.
            int level = Integer.parseInt(mentee.get("level"));
            assertThat(Integer.parseInt(mentor.get("level"))).as(what).isEqualTo(level + 2);
            assertThat(mentor.get("team")).as(what).isNotEqualTo(mentee.get("team"));
            assertThat(mentor.get("department")).isEqualTo(mentee.get("department"));
            assertThat(managerChain(menteeId)).as(what).doesNotContain(mentorId);
            assertThat(mentor.get("manager_id")).as(what).isNotEqualTo(mentee.get("manager_id"));

            // Trajectory: the mentor held the mentee's title at their level, then the goal (or holds it now).
            String goal = mentee.get("career_goal");
            String base = base(mentee.get("title"), level);
            assertThat(goal).as(what).isIn(PREFIX.get(level + 1) + base, PREFIX.get(level + 2) + base);
            List<Map<String, String>> history = sample.positions.stream()
                    .filter(q -> q.get("person_id").equals(mentorId))
                    .toList();
            int held = indexOf(history, mentee.get("title"), level);
            int reached = indexOf(history, goal, -1);
            assertThat(held).as("%s held %s", mentorId, mentee.get("title")).isNotNegative();
            assertThat(reached).as("%s reached %s", mentorId, goal).isGreaterThan(held);

            // Not tied directly: no row, no shared group event.
            assertThat(sample.datesBetween(menteeId, mentorId)).as(what).isEmpty();
            assertThat(sharedEvents(menteeId, mentorId)).as(what).isZero();

            // A common contact, a planted connector, with strong steady ties to both.
            String connector = (String) c.get("connector_id");
            assertThat(connectors).contains(connector);
            for (String side : List.of(menteeId, mentorId)) {
                assertThat(strength(connector, side))
                        .as("strength %s-%s", connector, side)
                        .isGreaterThan(4 * MIN_STRENGTH);
                assertThat(emptyWorkingWeeks(connector, side))
                        .as("weeks with working days and no contact %s-%s", connector, side)
                        .isEmpty();
            }
            assertThat(sample.datesBetween(connector, menteeId))
                    .hasSizeGreaterThanOrEqualTo(((Long) c.get("rows_mentee_connector")).intValue());

            // Teaching, with others than the mentee.
            Map<String, Object> m = object(c.get("mentor"));
            long taught = sample.valid.stream()
                    .filter(r -> r.source().equals(mentorId)
                            && !r.target().equals(menteeId)
                            && Set.of("mentoring", "pairing", "code_review").contains(r.channel()))
                    .count();
            assertThat((Long) m.get("teaching_rows")).isGreaterThanOrEqualTo(6L);
            assertThat(taught).as("rows %s taught", mentorId).isGreaterThanOrEqualTo((Long) m.get("teaching_rows"));

            // Open, with room.
            assertThat(mentor.get("open_to_mentor")).isIn("", "true");
            assertThat(mentor.get("mentor_capacity")).isIn("", "3");
            int mentorActive = active.getOrDefault(mentorId, 0);
            assertThat(mentorActive).isLessThanOrEqualTo(1);
            assertThat((Long) m.get("active_mentorships")).isEqualTo((long) mentorActive);
            mentorWithAMentee |= mentorActive == 1;
            assertThat(sample.mentorships.stream()
                            .anyMatch(x -> x.get("mentee_id").equals(menteeId)))
                    .as("%s has no declared mentor", menteeId)
                    .isFalse();
            assertThat((String) c.get("expectation")).contains(mentorId, menteeId);
        }
        assertThat(mentorWithAMentee)
                .as("one planted mentor already has one mentee")
                .isTrue();
    }

    @Test
    void everyTrapBreaksAHardRuleButMatchesTheSkills() {
        List<Object> traps = array(mentoring.get("traps"));
        assertThat(traps.stream().map(t -> (String) object(t).get("trap")).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(
                        "manager", "skip_level", "at_capacity", "not_open", "below_level", "same_manager_peer");
        Map<String, Map<String, Object>> cases = new HashMap<>();
        for (Object o : array(mentoring.get("mentees"))) {
            cases.put((String) object(o).get("mentee_id"), object(o));
        }
        Map<String, Integer> active = activeMentorships();
        Map<String, Set<String>> trapsOf = new HashMap<>();
        for (Object o : traps) {
            Map<String, Object> t = object(o);
            String kind = (String) t.get("trap");
            String id = (String) t.get("person_id");
            String menteeId = (String) t.get("mentee_id");
            assertThat(cases).as("the mentee of trap %s", t).containsKey(menteeId);
            trapsOf.computeIfAbsent(menteeId, k -> new HashSet<>()).add(id);
            Map<String, String> trap = people.get(id);
            Map<String, String> mentee = people.get(menteeId);
            Map<String, String> mentor = people.get((String) cases.get(menteeId).get("expected_mentor_id"));
            int level = Integer.parseInt(trap.get("level"));
            int menteeLevel = Integer.parseInt(mentee.get("level"));
            // As good as the mentor on skills.
            assertThat(skills(trap.get("skills")))
                    .as("skills of trap %s", t)
                    .containsAll(skills(mentee.get("wants_to_learn")));
            int room = (trap.get("mentor_capacity").isEmpty() ? 3 : Integer.parseInt(trap.get("mentor_capacity")))
                    - active.getOrDefault(id, 0);
            switch (kind) {
                case "manager" -> assertThat(id).isEqualTo(mentee.get("manager_id"));
                case "skip_level" ->
                    assertThat(id)
                            .isEqualTo(people.get(mentee.get("manager_id")).get("manager_id"));
                case "at_capacity" -> {
                    assertThat(room).as("room of %s", t).isZero();
                    assertThat(active.getOrDefault(id, 0))
                            .as("an existing mentor")
                            .isPositive();
                }
                case "not_open" -> assertThat(trap.get("open_to_mentor")).isEqualTo("false");
                case "below_level" -> {
                    assertThat(level).isLessThanOrEqualTo(menteeLevel);
                    assertThat(trap.get("team")).isNotEqualTo(mentee.get("team"));
                }
                case "same_manager_peer" -> {
                    assertThat(trap.get("manager_id")).isEqualTo(mentee.get("manager_id"));
                    assertThat(trap.get("team")).isEqualTo(mentee.get("team"));
                    assertThat(level).isGreaterThan(menteeLevel);
                }
                default -> throw new AssertionError(kind);
            }
            if (!kind.equals("not_open")) {
                assertThat(trap.get("open_to_mentor")).as("open: %s", t).isIn("", "true");
            }
            if (!kind.equals("at_capacity")) {
                assertThat(room).as("room of %s", t).isPositive();
            }
            if (!kind.equals("below_level")) {
                assertThat(level).as("level of %s", t).isGreaterThan(menteeLevel);
            }
            if (kind.equals("at_capacity") || kind.equals("not_open")) {
                // As perfect as the mentor: level + 2, another team, the same trajectory, the connector, teaching.
                assertThat(level).isEqualTo(menteeLevel + 2);
                assertThat(trap.get("team")).isNotEqualTo(mentee.get("team"));
                assertThat(trap.get("title")).isEqualTo(mentor.get("title"));
                String connector = (String) cases.get(menteeId).get("connector_id");
                assertThat(strength(connector, id)).isGreaterThan(4 * MIN_STRENGTH);
                assertThat(sample.datesBetween(menteeId, id)).isEmpty();
            }
        }
        // A rare skill is held by the mentor and the traps of that mentee, nobody else.
        for (Map<String, Object> c : cases.values()) {
            Set<String> expected = new HashSet<>(trapsOf.getOrDefault((String) c.get("mentee_id"), Set.of()));
            expected.add((String) c.get("expected_mentor_id"));
            assertThat(holders((String) c.get("rare_skill"))).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    void oneMenteeWantsASkillNobodyHas() {
        List<Object> nobody = array(mentoring.get("nobody_can_mentor"));
        assertThat(nobody).hasSize(1);
        Map<String, Object> n = object(nobody.get(0));
        Map<String, String> mentee = people.get((String) n.get("mentee_id"));
        List<String> wants = skills(mentee.get("wants_to_learn"));
        assertThat(wants).hasSize(1).containsExactlyElementsOf(strings(n.get("wants_to_learn")));
        assertThat(holders(wants.get(0))).isEmpty();
        assertThat(mentee.get("career_goal")).isEmpty();
        assertThat(n.get("expected_reason")).isEqualTo("nobody has the skill");
    }

    @Test
    void noPlantedMentoringRoleTouchesAnotherPlantedStructure() {
        Set<String> others = new HashSet<>();
        for (Object o : array(sample.planted.get("connectors"))) {
            others.add((String) object(o).get("person_id"));
        }
        for (Object o : array(sample.planted.get("newcomers"))) {
            others.add((String) object(o).get("person_id"));
            others.add((String) object(o).get("buddy_id"));
        }
        for (Object o : array(sample.planted.get("leave"))) {
            others.add((String) object(o).get("person_id"));
        }
        for (String key : List.of("fading_ties", "new_ties", "stable_controls")) {
            for (Object o : array(sample.planted.get(key))) {
                others.add((String) object(o).get("a"));
                others.add((String) object(o).get("b"));
            }
        }
        Set<String> roles = new HashSet<>();
        for (Object o : array(mentoring.get("mentees"))) {
            Map<String, Object> c = object(o);
            roles.add((String) c.get("mentee_id"));
            roles.add((String) c.get("expected_mentor_id"));
            roles.addAll(strings(object(c.get("mentor")).get("teaching_partners")));
        }
        for (Object o : array(mentoring.get("traps"))) {
            String kind = (String) object(o).get("trap");
            if (!kind.equals("manager") && !kind.equals("skip_level")) {
                roles.add((String) object(o).get("person_id"));
            }
        }
        roles.add((String)
                object(array(mentoring.get("nobody_can_mentor")).get(0)).get("mentee_id"));
        assertThat(roles).doesNotContainAnyElementsOf(others);
    }

    // ---------------------------------------------------------------------------------------------------------

    private static long count(java.util.function.Predicate<Map<String, String>> test) {
        return sample.people.stream().filter(test).count();
    }

    private static boolean isManager(Map<String, String> p) {
        String id = p.get("person_id");
        return sample.people.stream().anyMatch(q -> q.get("manager_id").equals(id));
    }

    private static String base(String title, int level) {
        String prefix = PREFIX.getOrDefault(level, "");
        assertThat(title).startsWith(prefix);
        return title.substring(prefix.length());
    }

    private static List<String> skills(String field) {
        return field.isEmpty() ? List.of() : List.of(field.split(";"));
    }

    private static List<String> holders(String skill) {
        return sample.people.stream()
                .filter(p -> skills(p.get("skills")).contains(skill))
                .map(p -> p.get("person_id"))
                .sorted()
                .toList();
    }

    private static List<String> managerChain(String id) {
        List<String> chain = new ArrayList<>();
        for (String m = people.get(id).get("manager_id");
                !m.isEmpty();
                m = people.get(m).get("manager_id")) {
            chain.add(m);
        }
        return chain;
    }

    private static Map<String, Integer> activeMentorships() {
        Map<String, Integer> out = new HashMap<>();
        for (Map<String, String> m : sample.mentorships) {
            if (m.get("ended_on").isEmpty()) {
                out.merge(m.get("mentor_id"), 1, Integer::sum);
            }
        }
        return out;
    }

    private static Set<String> atCapacityTraps() {
        return array(mentoring.get("traps")).stream()
                .map(MiniJson::object)
                .filter(t -> t.get("trap").equals("at_capacity"))
                .map(t -> (String) t.get("person_id"))
                .collect(Collectors.toSet());
    }

    /** Index of the position with {@code title} (and {@code level} unless -1) in a history, or -1. */
    private static int indexOf(List<Map<String, String>> history, String title, int level) {
        for (int i = 0; i < history.size(); i++) {
            Map<String, String> q = history.get(i);
            if (q.get("title").equals(title) && (level < 0 || Integer.parseInt(q.get("level")) == level)) {
                return i;
            }
        }
        return -1;
    }

    /** Group events with both {@code a} and {@code b} among the participants. */
    private static long sharedEvents(String a, String b) {
        Map<String, Set<String>> participants = new HashMap<>();
        for (GeneratedSample.Interaction r : sample.valid) {
            if (!r.eventId().isEmpty()) {
                Set<String> s = participants.computeIfAbsent(r.eventId(), k -> new HashSet<>());
                s.add(r.source());
                s.add(r.target());
            }
        }
        return participants.values().stream()
                .filter(s -> s.contains(a) && s.contains(b))
                .count();
    }

    /**
     * Strength of the tie as the job defines it as of the end of the data: {@code Σ w(channel) · 2^(−age/30 days)},
     * a group event's row weighted 1/(N−1).
     */
    private static double strength(String a, String b) {
        Instant asOf = sample.end.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        Map<String, Integer> eventSizes = sample.eventSizes();
        double s = 0;
        for (GeneratedSample.Interaction r : sample.valid) {
            if ((r.source().equals(a) && r.target().equals(b))
                    || (r.source().equals(b) && r.target().equals(a))) {
                double w = WEIGHTS.getOrDefault(r.channel(), 1.0)
                        / (r.eventId().isEmpty() ? 1 : eventSizes.get(r.eventId()));
                double age = Duration.between(r.time(), asOf).toMillis() / 86_400_000.0;
                s += w * Math.pow(2, -age / 30);
            }
        }
        return s;
    }

    /** Weeks (counted back from the end) with a working weekday outside the holiday and no row between the two. */
    private static List<Integer> emptyWorkingWeeks(String a, String b) {
        Map<String, Object> holiday = object(sample.planted.get("holiday"));
        LocalDate from = LocalDate.parse((String) holiday.get("from"));
        LocalDate to = LocalDate.parse((String) holiday.get("to"));
        List<LocalDate> dates = sample.datesBetween(a, b);
        List<Integer> empty = new ArrayList<>();
        for (int w = 0; w < 26; w++) {
            LocalDate last = sample.end.minusDays(7L * w);
            LocalDate first = last.minusDays(6);
            boolean working = false;
            for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
                working |= d.getDayOfWeek().getValue() < 6 && (d.isBefore(from) || d.isAfter(to));
            }
            if (working && sample.countIn(dates, first, last) == 0) {
                empty.add(w);
            }
        }
        return empty;
    }

    private static List<String> strings(Object list) {
        List<String> out = new ArrayList<>();
        for (Object o : array(list)) {
            out.add((String) o);
        }
        return out;
    }
}
