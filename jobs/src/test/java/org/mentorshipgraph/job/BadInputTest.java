package org.mentorshipgraph.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mentorshipgraph.cli.NightlyCommand;
import org.mentorshipgraph.failures.ExitCodes;
import org.mentorshipgraph.files.Json;
import org.mentorshipgraph.ingest.InteractionContract;
import org.mentorshipgraph.testing.Csv;

/**
 * The job tried as a new user would, with broken input, through the command line: each case ends in a one-line
 * message with the documented exit code, or in rows quarantined with their reason and a warning in {@code run.json};
 * never in a bare stack trace, never in data dropped without a word.
 *
 * <p>The other cases of the issue are tested where the code is: a wrong path ({@code NightlyCommandTest}), an empty
 * directory, a file of unknown format, mixed formats and missing columns ({@code InteractionIngestTest}), each
 * rejection reason and duplicates ({@code InteractionIngestTest}), timestamps in many forms ({@code TimestampParserTest}),
 * the rejected-share ceiling ({@code OperationsTest}).
 */
class BadInputTest {
    static final String AS_OF = "2026-11-10";
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream oldErr;

    @BeforeEach
    void capture() {
        oldErr = System.err;
        System.setErr(new PrintStream(err, true));
    }

    @AfterEach
    void restore() {
        System.setErr(oldErr);
    }

    /** 60 valid interactions among a..f over October, one line each. */
    static List<String> goodLines() {
        List<String> lines = new ArrayList<>();
        String[] people = {"a", "b", "c", "d", "e", "f"};
        for (int i = 0; i < 60; i++) {
            lines.add(String.format(
                    "2026-10-%02dT%02d:00:00Z,%s,%s,chat",
                    1 + i % 28, 8 + i % 10, people[i % 6], people[(i % 6 + 1 + (i / 6) % 5) % 6]));
        }
        return lines;
    }

    static int run(Path interactions, Path out, String... more) {
        return run(interactions, "", "", out, more);
    }

    /** The job through its command line on these inputs ("" for no people or mentorships file), without Neo4j. */
    static int run(Path interactions, Object people, Object mentorships, Path out, String... more) {
        List<String> a = new ArrayList<>(List.of(
                "--interactions",
                interactions.toString(),
                "--people",
                people.toString(),
                "--mentorships",
                mentorships.toString(),
                "--out",
                out.toString(),
                "--no-neo4j",
                "--as-of",
                AS_OF,
                "--set",
                "spark.master=local[2]"));
        a.addAll(List.of(more));
        return NightlyCommand.execute(a.toArray(String[]::new), Map.of());
    }

    static JsonNode runJson(Path out) throws Exception {
        return Json.MAPPER.readTree(out.resolve("runs/" + AS_OF + "/run.json").toFile());
    }

    static Map<String, List<String>> rejectedByReason(Path out) throws Exception {
        return Csv.read(out.resolve("runs/" + AS_OF + "/rejected.csv")).stream()
                .collect(Collectors.groupingBy(
                        r -> r.get("reason"), Collectors.mapping(r -> r.get("record"), Collectors.toList())));
    }

    @Test
    void extraColumnsAreLeftOutAndNamedInTheRunsWarnings(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("i.csv");
        List<String> lines = new ArrayList<>(List.of("timestamp,source_id,room,target_id,channel,notes"));
        for (String l : goodLines()) {
            String[] x = l.split(",");
            lines.add(x[0] + "," + x[1] + ",R12," + x[2] + "," + x[3] + ",\"said hi, briefly\"");
        }
        Files.write(f, lines);
        Path out = dir.resolve("out");
        assertThat(run(f, out)).isZero();
        JsonNode run = runJson(out);
        assertThat(run.get("counts").get("interactions_valid").asLong()).isEqualTo(60);
        assertThat(run.get("warnings").toString()).contains("[room, notes]").contains("left out");
    }

    @Test
    void aUtf16FileIsRefusedWithTheCommandThatConvertsIt(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("i.csv");
        String text = "timestamp,source_id,target_id,channel\n" + String.join("\n", goodLines()) + "\n";
        Files.write(
                f,
                concat(
                        new byte[] {(byte) 0xFF, (byte) 0xFE},
                        text.getBytes(StandardCharsets.UTF_16LE))); // "Unicode text"
        Path out = dir.resolve("out");
        assertThat(run(f, out)).isEqualTo(ExitCodes.INPUT);
        String e = err.toString();
        assertThat(e)
                .contains(
                        "error: interactions: " + f + " is UTF-16LE (byte-order mark FF FE); the job reads UTF-8 text")
                .contains("iconv -f UTF-16LE -t UTF-8")
                .doesNotContain("\tat ");
        assertThat(out.resolve("runs/" + AS_OF)).doesNotExist();
    }

    @Test
    void latin1RowsAreQuarantinedAsNotUtf8AndTheRestIsUsed(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("i.csv");
        StringBuilder text = new StringBuilder("timestamp,source_id,target_id,channel\n");
        for (String l : goodLines()) text.append(l).append('\n');
        byte[] utf8 = text.toString().getBytes(StandardCharsets.UTF_8);
        byte[] latin1 = "2026-10-05T10:00:00Z,jos\u00e9,a,chat\n".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(f, concat(utf8, latin1));
        Path out = dir.resolve("out");
        assertThat(run(f, out)).isZero();
        JsonNode run = runJson(out);
        assertThat(run.get("counts").get("interactions_valid").asLong()).isEqualTo(60);
        assertThat(run.get("counts").get("interactions_rejected").asLong()).isEqualTo(1);
        Map<String, List<String>> rejected = rejectedByReason(out);
        assertThat(rejected).containsOnlyKeys(InteractionContract.NOT_UTF8_REASON);
        assertThat(rejected.get(InteractionContract.NOT_UTF8_REASON).get(0)).contains("jos");
    }

    @Test
    void hugeLinesAreQuarantinedAndCutInRejectedCsv(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("i.csv");
        StringBuilder text = new StringBuilder("timestamp,source_id,target_id,channel\n");
        for (String l : goodLines()) text.append(l).append('\n');
        text.append("2026-10-05T10:00:00Z,").append("x".repeat(3_000_000)).append(",a,chat\n"); // a 3 MB id
        text.append("2026-10-06T10:00:00Z,a,\"b,chat\n"); // a lost quote
        text.append("2026-10-07T10:00:00Z,a,b,").append("chat,".repeat(30_000)).append('\n'); // 30,000 fields
        Files.writeString(f, text);
        Path out = dir.resolve("out");
        assertThat(run(f, out, "--set", "input.max-rejected-share=0.1"))
                .as(err::toString)
                .isZero();
        JsonNode run = runJson(out);
        assertThat(run.get("counts").get("interactions_valid").asLong()).isEqualTo(60);
        assertThat(run.get("counts").get("interactions_rejected").asLong()).isEqualTo(3);
        Map<String, List<String>> rejected = rejectedByReason(out);
        assertThat(rejected)
                .containsKey("source_id longer than " + InteractionContract.MAX_FIELD_LENGTH + " characters");
        assertThat(rejected.values().stream().mapToInt(List::size).sum()).isEqualTo(3);
        for (List<String> records : rejected.values()) {
            for (String r : records) assertThat(r.length()).isLessThan(InteractionContract.MAX_RECORD_LENGTH + 100);
        }
        assertThat(rejected.get("source_id longer than " + InteractionContract.MAX_FIELD_LENGTH + " characters")
                        .get(0))
                .endsWith("characters in all)");
        assertThat(Files.size(out.resolve("runs/" + AS_OF + "/rejected.csv"))).isLessThan(20_000);
    }

    @Test
    void aLineTheCsvParserCannotSplitStopsTheRunNamingFileAndLine(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("i.csv");
        StringBuilder text = new StringBuilder("timestamp,source_id,target_id,channel\n");
        for (String l : goodLines()) text.append(l).append('\n');
        text.append("2026-10-07T10:00:00Z,a,b,")
                .append("x,".repeat(org.mentorshipgraph.ingest.InteractionReader.MAX_CSV_FIELDS + 10))
                .append('\n');
        Files.writeString(f, text);
        Path out = dir.resolve("out");
        assertThat(run(f, out))
                .as(() -> err.toString().substring(Math.max(0, err.toString().length() - 3000)))
                .isEqualTo(ExitCodes.INPUT);
        assertThat(err.toString())
                .contains("error: interactions: " + f + ": line 62 has")
                .contains("line 62 has more than 100,000 fields")
                .contains("fix or remove that line")
                .doesNotContain("\tat ")
                .doesNotContain("x,x,x");
        assertThat(err.toString().length()).isLessThan(5_000);
    }

    @Test
    void aPeopleDirectoryThatDisagreesWithTheInteractionsIsCountedAndExplained(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("i.csv");
        Files.write(f, concatLines("timestamp,source_id,target_id,channel", goodLines()));
        Path people = dir.resolve("people.csv");
        Files.writeString(
                people, """
                person_id,display_name,team,department
                a,Ann,Core,Eng
                b,Bo,Core,Eng
                c,Cy,Web,Eng
                d,Di,Web,Eng
                z,Zed,Web,Eng
                a,Ann again,Web,Eng
                ,Nobody,Web,Eng
                """); // e and f are not listed; z has no interactions; a is listed twice; one row has no id
        Path mentorships = dir.resolve("mentorships.csv");
        Files.writeString(mentorships, "mentor_id,mentee_id,started_on\nc,a,2026-01-01\nghost,b,2026-01-01\n");
        Path out = dir.resolve("out");
        assertThat(run(f, people, mentorships, out)).isZero();

        JsonNode run = runJson(out);
        assertThat(run.get("counts").get("people_not_in_directory").asLong()).isEqualTo(2);
        assertThat(run.get("counts").get("mentorship_people_unknown").asLong()).isEqualTo(1);
        assertThat(run.get("warnings").toString())
                .contains("2 people in the interactions are not in the people directory")
                .contains("neither in the people directory nor in the interactions")
                .contains("[ghost]");
        Map<String, Map<String, String>> byId = Csv.read(out.resolve("runs/" + AS_OF + "/people.csv")).stream()
                .collect(Collectors.toMap(r -> r.get("person_id"), r -> r));
        assertThat(byId).containsKeys("a", "b", "c", "d", "e", "f", "z");
        assertThat(byId.get("e").get("team")).isEqualTo("unknown");
        assertThat(byId.get("a").get("team")).isEqualTo("Core"); // the first row of a duplicated id wins
        assertThat(byId.get("z").get("degree")).isEqualTo("0"); // listed, no interactions: present and isolated
        Map<String, List<String>> rejected = rejectedByReason(out);
        assertThat(rejected).containsKeys("duplicate person_id a", "missing person_id");
    }

    @Test
    void aPeopleFileWithoutItsKeyColumnIsRefusedInOneLine(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("i.csv");
        Files.write(f, concatLines("timestamp,source_id,target_id,channel", goodLines()));
        Path people = dir.resolve("people.csv");
        Files.writeString(people, "id,name,team\na,Ann,Core\n");
        Path out = dir.resolve("out");
        assertThat(run(f, people, "", out)).isEqualTo(ExitCodes.INPUT);
        assertThat(err.toString())
                .contains("error: people: " + people + " lacks required column(s) [person_id]; found [id, name, team]")
                .doesNotContain("\tat ");
    }

    static List<String> concatLines(String header, List<String> lines) {
        List<String> all = new ArrayList<>();
        all.add(header);
        all.addAll(lines);
        return all;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] c = new byte[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
