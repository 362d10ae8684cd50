package org.mentorshipgraph.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mentorshipgraph.testing.Csv;

/**
 * The mentoring step through the command line on a small organisation of its own (no sample files): a mentee who
 * wants kafka and aims to be a Senior Engineer, one right mentor, and a trap for every hard rule (the manager, a peer
 * under the same manager, a mentor at capacity, one not open, one below the mentee's level), plus rows that break the
 * new columns' contract. And the calibration case: the same organisation where nobody asks for anything gets no
 * suggestion at all.
 */
@org.junit.jupiter.api.TestInstance(org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS)
class MentoringRunTest {
    private Path asked;

    /** One run of the organisation that asks (both tests below read it): the run costs more than the checks. */
    @org.junit.jupiter.api.BeforeAll
    void runTheOrganisationThatAsks(@TempDir Path dir) throws Exception {
        asked = write(dir, true);
        assertThat(run(dir, "--match-programme")).isZero();
    }

    static final String PEOPLE_HEADER = "person_id,display_name,team,department,manager_id,title,level,location,"
            + "hire_date,skills,wants_to_learn,open_to_mentor,mentor_capacity,career_goal";

    static List<String> people(boolean asks) {
        return List.of(
                PEOPLE_HEADER,
                "mentee,Mia,Core,Eng,boss,Engineer,2,,2020-01-01,java," + (asks ? "kafka" : "") + ",,,"
                        + (asks ? "Senior Engineer" : ""),
                "boss,Bo,Core,Eng,,Engineering Manager,5,,2015-01-01,kafka;java,,,,",
                "peer,Pia,Core,Eng,boss,Senior Engineer,4,,2016-01-01,kafka,,,,",
                "good,Gus,Data,Eng,lead,Senior Engineer,4,,2016-01-01,kafka;spark,,true,3,",
                "full,Fay,Data,Eng,lead,Senior Engineer,4,,2016-01-01,kafka,,,1,",
                "closed,Cy,Data,Eng,lead,Senior Engineer,4,,2016-01-01,kafka,,false,,",
                "junior,Jo,Data,Eng,lead,Engineer,1,,2024-01-01,kafka,,,,",
                "bridge,Bri,Platform,Eng,lead,Engineer,3,,2018-01-01,go,,,,",
                "lead,Lee,Data,Eng,,Director,7,,2010-01-01,,,,,",
                "x,Xi,Platform,Eng,lead,Engineer,2,,2019-01-01,,,,,",
                "cyc1,C1,Core,Eng,cyc2,Engineer,2,,2020-01-01,,,,,",
                "cyc2,C2,Core,Eng,cyc1,Engineer,2,,2020-01-01,,,,,",
                "selfie,S,Core,Eng,selfie,Engineer,2,,2020-01-01,,,,,",
                "bad1,B1,Core,Eng,,Engineer,2,,2020-01-01,,,maybe,,",
                "bad2,B2,Core,Eng,,Engineer,2,,2020-01-01,,,,three,");
    }

    static List<String> log() {
        String[][] pairs = {
            {"mentee", "bridge"},
            {"bridge", "good"},
            {"mentee", "boss"},
            {"mentee", "peer"},
            {"bridge", "full"},
            {"bridge", "closed"},
            {"mentee", "junior"},
            {"good", "x"},
            {"full", "x"},
            {"lead", "good"},
            {"boss", "peer"}
        };
        List<String> lines = new ArrayList<>(List.of("timestamp,source_id,target_id,channel"));
        for (String[] p : pairs)
            for (int d = 1; d <= 28; d += 2)
                lines.add(String.format("2026-10-%02dT10:00:00Z,%s,%s,meeting", d, p[0], p[1]));
        for (int d = 2; d <= 28; d += 3) lines.add(String.format("2026-10-%02dT15:00:00Z,good,x,pairing", d));
        return lines;
    }

    static Path write(Path dir, boolean asks) throws Exception {
        Files.write(dir.resolve("log.csv"), log());
        Files.write(dir.resolve("people.csv"), people(asks));
        Files.write(
                dir.resolve("mentorships.csv"),
                List.of("mentor_id,mentee_id,started_on,ended_on,program", "full,x,2026-01-01,,"));
        Files.write(
                dir.resolve("positions.csv"),
                List.of(
                        "person_id,title,level,team,department,started_on,ended_on",
                        "good,Engineer,2,Data,Eng,2017-01-01,2020-12-31",
                        "good,Senior Engineer,4,Data,Eng,2021-01-01,",
                        "peer,Engineer,2,Core,Eng,2016-01-01,2019-01-01",
                        "x,Engineer,2,,,2024-05-01,2024-01-01",
                        "x,Engineer,2,,,,"));
        return dir.resolve("out");
    }

    static int run(Path dir, String... more) {
        List<String> a = new ArrayList<>(List.of(
                "--interactions", dir.resolve("log.csv").toString(),
                "--people", dir.resolve("people.csv").toString(),
                "--mentorships", dir.resolve("mentorships.csv").toString(),
                "--positions", dir.resolve("positions.csv").toString(),
                "--out", dir.resolve("out").toString()));
        a.addAll(List.of(more));
        return NewUserTrapsTest.run(a.toArray(String[]::new));
    }

    static List<Map<String, String>> table(Path out, String name) {
        return Csv.read(out.resolve("runs/" + BadInputTest.AS_OF + "/" + name));
    }

    @Test
    void theRightMentorRanksFirstAndNoTrapIsSuggested() throws Exception {
        Path out = asked;
        List<Map<String, String>> rows = table(out, "mentor-suggestions.csv").stream()
                .filter(r -> r.get("mentee_id").equals("mentee"))
                .toList();
        assertThat(rows).isNotEmpty();
        Map<String, String> first = rows.get(0);
        assertThat(first.get("mentor_id")).isEqualTo("good");
        assertThat(first.get("rank")).isEqualTo("1");
        assertThat(first.get("introducer_id")).isEqualTo("bridge");
        assertThat(first.get("hops")).isEqualTo("2");
        assertThat(first.get("skills_covered")).isEqualTo("kafka");
        assertThat(first.get("places")).isEqualTo("0 of 3 places taken");
        assertThat(first.get("reason"))
                .contains("covers kafka")
                .contains("was Engineer like you, later Senior Engineer, your goal")
                .contains("introduced by bridge")
                .contains("teaching interaction");
        assertThat(first.get("path"))
                .startsWith("mentee -")
                .contains("- bridge -")
                .endsWith("- good");
        assertThat(Double.parseDouble(first.get("score"))).isBetween(0.0, 100.0);
        assertThat(Double.parseDouble(first.get("trajectory_fit"))).isEqualTo(1.0);
        assertThat(rows.stream().map(r -> r.get("mentor_id")))
                .doesNotContain("boss", "peer", "full", "closed", "junior", "mentee");
        assertThat(table(out, "mentor-assignment.csv")).singleElement().satisfies(r -> {
            assertThat(r.get("mentee_id")).isEqualTo("mentee");
            assertThat(r.get("mentor_id")).isEqualTo("good");
        });
        JsonNode counts = BadInputTest.runJson(out).get("counts");
        assertThat(counts.get("mentee_candidates").asInt()).isEqualTo(1);
        assertThat(counts.get("mentoring_parts").get("positions").asBoolean()).isTrue();
        assertThat(counts.get("mentoring_parts").get("teaching").asBoolean()).isTrue();
        assertThat(counts.get("mentoring_parts").get("career_goal").asBoolean()).isTrue();
        assertThat(counts.get("assigned").asInt()).isEqualTo(1);
        // issue 16, case 6: the directory's management-chain faults are counted (and named in a warning)
        assertThat(counts.get("directory_self_managers").asInt()).isEqualTo(1);
        assertThat(counts.get("directory_manager_cycles").asInt()).isEqualTo(1);
    }

    @Test
    void badValuesInTheNewColumnsAreQuarantinedWithTheirReasons() throws Exception {
        Path out = asked;
        Map<String, List<String>> why = BadInputTest.rejectedByReason(out);
        assertThat(why.get("open_to_mentor is not true or false"))
                .singleElement()
                .asString()
                .contains("bad1");
        assertThat(why.get("mentor_capacity is not a whole number >= 0"))
                .singleElement()
                .asString()
                .contains("bad2");
        assertThat(why.get("ended_on is before started_on")).hasSize(1);
        assertThat(why.get("started_on is missing or not YYYY-MM-DD")).hasSize(1);
    }

    @Test
    void whereNobodyAsksForAnythingNobodyIsSuggested(@TempDir Path dir) throws Exception {
        Path out = write(dir, false);
        assertThat(run(dir)).isZero();
        assertThat(table(out, "mentor-suggestions.csv")).isEmpty();
        assertThat(BadInputTest.runJson(out)
                        .get("counts")
                        .get("mentee_candidates")
                        .asInt())
                .isZero();
        assertThat(BadInputTest.runJson(out).get("warnings").toString()).contains("no mentee candidates");
        // the network half needs no directory: mentee and good share bridge, and have no tie
        assertThat(table(out, "introductions.csv")).anySatisfy(r -> {
            assertThat(r.get("person_id")).isEqualTo("good");
            assertThat(r.get("suggested_id")).isEqualTo("mentee");
            assertThat(r.get("introducer_id")).isEqualTo("bridge");
        });
    }
}
