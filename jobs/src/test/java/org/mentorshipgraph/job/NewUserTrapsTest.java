package org.mentorshipgraph.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mentorshipgraph.cli.NightlyCommand;
import org.mentorshipgraph.config.JobConfig;
import org.mentorshipgraph.config.Setting;
import org.mentorshipgraph.failures.ExitCodes;
import org.mentorshipgraph.files.Json;
import org.mentorshipgraph.testing.Csv;

/**
 * Traps a new user's first real run fell into (issue 16), each through the command line as the user ran it: the
 * installation home set as {@code scripts/nightly} sets it, so that the bundled sample's files are the defaults.
 */
class NewUserTrapsTest {
    static final Path ROOT =
            Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
    private PrintStream oldOut, oldErr;
    private String oldHome;

    @BeforeEach
    void capture() {
        oldOut = System.out;
        oldErr = System.err;
        System.setOut(new PrintStream(out, true));
        System.setErr(new PrintStream(err, true));
        oldHome = System.getProperty("mg.home");
        System.setProperty("mg.home", ROOT.toString());
    }

    @AfterEach
    void restore() {
        System.setOut(oldOut);
        System.setErr(oldErr);
        if (oldHome == null) System.clearProperty("mg.home");
        else System.setProperty("mg.home", oldHome);
    }

    /** BadInputTest's 60 good interactions among a..f as a CSV file. */
    static Path goodLog(Path dir) throws Exception {
        List<String> lines = new ArrayList<>(List.of("timestamp,source_id,target_id,channel"));
        lines.addAll(BadInputTest.goodLines());
        return Files.write(dir.resolve("log.csv"), lines);
    }

    static int run(String... args) {
        List<String> a = new ArrayList<>(List.of(args));
        a.addAll(List.of("--no-neo4j", "--as-of", BadInputTest.AS_OF, "--set", "spark.master=local[2]"));
        return NightlyCommand.execute(a.toArray(String[]::new), Map.of());
    }

    /** Issue 16, case 1: your own interactions and no --people: the sample's 400 people are not in your graph. */
    @Test
    void theSamplesDirectoryAndMentorshipsAreNotMixedIntoYourOwnInteractions(@TempDir Path dir) throws Exception {
        Path f = goodLog(dir);
        Path o = dir.resolve("out");
        assertThat(run("--interactions", f.toString(), "--out", o.toString())).isZero();
        Path runDir = o.resolve("runs/" + BadInputTest.AS_OF);
        assertThat(Csv.read(runDir.resolve("people.csv"))).hasSize(6); // a..f, nobody from the sample
        JsonNode run = BadInputTest.runJson(o);
        assertThat(run.get("counts").get("directory_people").asInt()).isZero();
        assertThat(run.get("counts").get("mentorships").asInt()).isZero();
        assertThat(run.get("warnings").toString())
                .contains("not given: --people, --mentorships")
                .contains("give --people and --mentorships");
        JobConfig config = JobConfig.load(null, Map.of(), Map.of(Setting.INTERACTIONS, f.toString()));
        assertThat(config.people()).isEmpty();
        assertThat(config.describe())
                .containsPattern(
                        "input\\.people +=  *\"\" +\\(not given; the sample's is used only with the sample's interactions\\)");
    }

    /**
     * Issue 16, case 2: a log of single e-mails has no tie above the default floor: one line says so with the fix,
     * and the summary names no connector with a score of 0.
     */
    @Test
    void aLogWhereNoTieReachesTheFloorSaysSoAndNamesNoConnector(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("mail.csv");
        List<String> lines = new ArrayList<>(List.of("timestamp,source_id,target_id,channel"));
        for (int i = 0; i < 40; i++)
            lines.add(String.format("2026-08-%02dT10:00:00Z,m%d,m%d,email", 1 + i % 28, i, i + 1));
        Files.write(f, lines);
        Path o = dir.resolve("out");
        assertThat(run("--interactions", f.toString(), "--out", o.toString(), "--people", "", "--mentorships", ""))
                .isZero();
        JsonNode run = BadInputTest.runJson(o);
        assertThat(run.get("counts").get("active_ties").asInt()).isZero();
        assertThat(run.get("warnings").toString())
                .contains("none of 40 ties reach ties.min-strength = 0.5")
                .contains("--set ties.min-strength=");
        assertThat(out.toString() + err).contains("top connectors: none").doesNotContain("score   0.0");
        assertThat(BadInputTest.runJson(o).get("outcome").asText()).isEqualTo("success");
    }

    /** Issue 16, case 8: a password on the command line or in the configuration file is refused without echoing it. */
    @Test
    void aPasswordIsRefusedWithoutEchoingItAndWithWhereItGoes(@TempDir Path dir) throws Exception {
        assertThat(run(
                        "--set",
                        "neo4j.password=s3cr3t-Value",
                        "--out",
                        dir.resolve("o").toString()))
                .isEqualTo(ExitCodes.USAGE);
        Path conf = dir.resolve("job.conf");
        Files.writeString(conf, "neo4j.password = An0ther-s3cret\n");
        assertThat(run("--config", conf.toString(), "--out", dir.resolve("o").toString()))
                .isEqualTo(ExitCodes.USAGE);
        String printed = out.toString() + err;
        assertThat(printed)
                .doesNotContain("s3cr3t-Value")
                .doesNotContain("An0ther-s3cret")
                .contains("NEO4J_PASSWORD")
                .contains("neo4j.password-file");
        assertThat(dir.resolve("o")).doesNotExist();
    }

    /** Issue 16, case 9: a bad Neo4j URI ends the run before any work, and publishes nothing. */
    @Test
    void aBadNeo4jUriIsRefusedBeforeTheWork(@TempDir Path dir) throws Exception {
        Path f = goodLog(dir);
        Path o = dir.resolve("out");
        List<String> a = new ArrayList<>(
                List.of("--interactions", f.toString(), "--people", "", "--mentorships", "", "--out", o.toString()));
        a.addAll(List.of("--neo4j-uri", "not-a-uri", "--as-of", BadInputTest.AS_OF));
        long t0 = System.nanoTime();
        assertThat(NightlyCommand.execute(a.toArray(String[]::new), Map.of())).isEqualTo(ExitCodes.USAGE);
        assertThat((System.nanoTime() - t0) / 1e9)
                .as("seconds before the refusal")
                .isLessThan(5);
        assertThat(out.toString() + err)
                .contains("neo4j.uri 'not-a-uri' has no Neo4j scheme")
                .contains("neo4j+s://");
        assertThat(o.resolve("runs")).doesNotExist();
    }

    /** Issue 16, case 11: a level out of range names its key and the value given. */
    @Test
    void aLevelOutOfRangeNamesItsKeyAndValue(@TempDir Path dir) {
        assertThat(run("--significance", "1.5", "--out", dir.resolve("o").toString()))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(run("--weakening-ratio", "2", "--out", dir.resolve("o").toString()))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(run("--set", "trends.fdr=0", "--out", dir.resolve("o").toString()))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(out.toString() + err)
                .contains("trends.significance must be a number between 0 and 1 (exclusive), got '1.5'")
                .contains("trends.weakening-ratio must be a number between 0 and 1 (exclusive), got '2'")
                .contains("trends.fdr must be a number between 0 and 1 (exclusive), got '0'");
    }

    /** Issue 16, case 11: --out on a regular file says so. */
    @Test
    void anOutputThatIsAFileSaysSo(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("results.txt"), "not a folder");
        assertThat(run("--out", file.toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(out.toString() + err).contains(file + " is a file, not a directory");
    }

    /** Issue 16, case 6: a mentorship that ends before it starts is quarantined with its reason, not counted. */
    @Test
    void aMentorshipThatEndsBeforeItStartsIsQuarantined(@TempDir Path dir) throws Exception {
        Path f = goodLog(dir);
        Path m = Files.write(
                dir.resolve("mentorships.csv"),
                List.of(
                        "mentor_id,mentee_id,started_on,ended_on,program",
                        "a,b,2026-03-01,,pilot",
                        "c,d,2026-06-01,2026-02-01,pilot"));
        Path o = dir.resolve("out");
        assertThat(run(
                        "--interactions",
                        f.toString(),
                        "--people",
                        "",
                        "--mentorships",
                        m.toString(),
                        "--out",
                        o.toString()))
                .isZero();
        JsonNode counts = BadInputTest.runJson(o).get("counts");
        assertThat(counts.get("mentorships").asInt()).isEqualTo(1);
        assertThat(counts.get("mentorships_rejected").asInt()).isEqualTo(1);
        assertThat(BadInputTest.rejectedByReason(o)).containsKey("ended_on is before started_on");
    }

    /** Issue 16, case 3: a log in epoch seconds is dated right, not in January 1970. */
    @Test
    void epochSecondsAreReadAsSeconds(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("log.csv");
        List<String> lines = new ArrayList<>(List.of("timestamp,source_id,target_id,channel"));
        for (String l : BadInputTest.goodLines()) {
            String[] x = l.split(",", 2);
            lines.add(java.time.Instant.parse(x[0]).getEpochSecond() + "," + x[1]);
        }
        Files.write(f, lines);
        Path o = dir.resolve("out");
        assertThat(run("--interactions", f.toString(), "--people", "", "--mentorships", "", "--out", o.toString()))
                .isZero();
        JsonNode counts = BadInputTest.runJson(o).get("counts");
        assertThat(counts.get("interactions_valid").asInt()).isEqualTo(60);
        assertThat(counts.get("interactions_before_lookback").asInt()).isZero();
        assertThat(Csv.read(o.resolve("runs/" + BadInputTest.AS_OF + "/ties.csv"))
                        .get(0)
                        .get("first_interaction"))
                .startsWith("2026-10-");
    }

    /** Issue 16, case 5: a header-only people file is a warning with the count of people left without a team. */
    @Test
    void aHeaderOnlyPeopleFileIsAWarning(@TempDir Path dir) throws Exception {
        Path f = goodLog(dir);
        Path people = Files.writeString(dir.resolve("people.csv"), "person_id,display_name,team,department\n");
        Path o = dir.resolve("out");
        assertThat(run(
                        "--interactions",
                        f.toString(),
                        "--people",
                        people.toString(),
                        "--mentorships",
                        "",
                        "--out",
                        o.toString()))
                .isZero();
        JsonNode run = BadInputTest.runJson(o);
        assertThat(run.get("warnings").toString())
                .contains("has no valid row (only a header?): all 6 people get team 'unknown'");
        assertThat(run.get("counts").get("people_not_in_directory").asInt()).isEqualTo(6);
    }

    /** Issue 16, case 10: what a killed run left in OUT/runs/ is removed by the next run, which holds the lock. */
    @Test
    void aKilledRunsStagingFolderIsRemovedByTheNextRun(@TempDir Path dir) throws Exception {
        Path f = goodLog(dir);
        Path o = dir.resolve("out");
        Path dead = Files.createDirectories(o.resolve("runs/.staging-2026-11-09-0000dead"));
        Files.writeString(dead.resolve("people.csv"), "person_id\na\n");
        Path replaced = Files.createDirectories(o.resolve("runs/.replaced-2026-11-08-0000dead"));
        Path log = dir.resolve("log.jsonl");
        assertThat(run("--interactions", f.toString(), "--out", o.toString(), "--log-json", log.toString()))
                .isZero();
        assertThat(dead).doesNotExist();
        assertThat(replaced).doesNotExist();
        assertThat(Files.readString(log)).contains("removed " + dead).contains("left by a run that was killed");
        assertThat(o.resolve("runs/" + BadInputTest.AS_OF + "/people.csv")).exists();
    }

    /** Issue 16, case 11: a malformed JSON Lines line is quarantined in JSON's terms, not CSV's. */
    @Test
    void aBrokenJsonLineIsQuarantinedAsNotAJsonObject(@TempDir Path dir) throws Exception {
        List<String> lines = new ArrayList<>();
        for (String l : BadInputTest.goodLines()) {
            String[] c = l.split(",");
            lines.add(String.format(
                    "{\"timestamp\":\"%s\",\"source_id\":\"%s\",\"target_id\":\"%s\",\"channel\":\"%s\"}",
                    c[0], c[1], c[2], c[3]));
        }
        lines.add("{\"timestamp\": \"2026-10-03T10:00:00Z\", \"source_id\": \"a\", ");
        Path f = Files.write(dir.resolve("log.jsonl"), lines);
        Path o = dir.resolve("out");
        assertThat(run("--interactions", f.toString(), "--out", o.toString())).isZero();
        assertThat(BadInputTest.rejectedByReason(o)).containsOnlyKeys("malformed line (not a JSON object)");
    }

    /**
     * Issue 16, case 7: RFC 4180 CSV. A doubled quote is one quote; the people file may hold a line break inside a
     * quoted field; in the interactions a line break inside a quoted field is quarantined with the setting that reads it
     * (one row, not two), and read as one row with {@code input.csv-multiline=true}.
     */
    @Test
    void quotedFieldsAreReadAsRfc4180(@TempDir Path dir) throws Exception {
        List<String> lines =
                new ArrayList<>(List.of("timestamp,source_id,target_id,channel,duration_minutes,event_id"));
        for (String l : BadInputTest.goodLines()) lines.add(l + ",,");
        lines.add("2026-10-05T09:00:00Z,a,b,meeting,30,\"kick-off\nroom 2\"");
        lines.add("2026-10-06T09:00:00Z,a,c,meeting,30,\"the \"\"big\"\" one\"");
        Path f = Files.write(dir.resolve("log.csv"), lines);
        Path people = Files.write(
                dir.resolve("people.csv"),
                List.of("person_id,display_name,team", "a,\"Ann \"\"Annie\"\" Lee\",Core", "b,\"Bo\nBergström\",Core"));
        Path o = dir.resolve("out");
        assertThat(run("--interactions", f.toString(), "--people", people.toString(), "--out", o.toString()))
                .isZero();
        Map<String, String> names = new java.util.HashMap<>();
        for (Map<String, String> r : Csv.read(o.resolve("runs/" + BadInputTest.AS_OF + "/people.csv")))
            names.put(r.get("person_id"), r.get("display_name"));
        assertThat(names.get("a")).isEqualTo("Ann \"Annie\" Lee");
        // the line break survives, quoted, in people.csv (testing.Csv reads one line per row, so read the file)
        assertThat(Files.readString(o.resolve("runs/" + BadInputTest.AS_OF + "/people.csv")))
                .contains("\"Bo\nBergström\"");
        JsonNode counts = BadInputTest.runJson(o).get("counts");
        assertThat(BadInputTest.rejectedByReason(o).keySet())
                .singleElement()
                .asString()
                .contains("input.csv-multiline=true");
        Path o2 = dir.resolve("out2");
        assertThat(run(
                        "--interactions", f.toString(),
                        "--people", people.toString(),
                        "--out", o2.toString(),
                        "--set", "input.csv-multiline=true"))
                .isZero();
        JsonNode counts2 = BadInputTest.runJson(o2).get("counts");
        assertThat(counts2.get("interaction_rows_read").asInt()).isEqualTo(lines.size() - 1);
        assertThat(counts2.get("interactions_rejected").asInt()).isZero();
        assertThat(counts.get("interaction_rows_read").asInt())
                .isGreaterThan(counts2.get("interaction_rows_read").asInt());
    }

    static final String JOSE_NFC = "Jos\u00e9", JOSE_NFD = "Jose\u0301";

    /**
     * Issue 16, case 4: inputs that write one person several ways. The log names "José" composed (NFC), the directory
     * and the mentorships decomposed (NFD), the absences decomposed with a trailing space; the directory writes " a";
     * the mentorships " b"; one log row goes from "p0010" to "p0010 "; "Ana" and "ana" both talk to a..f.
     */
    static Path[] idVariants(Path dir) throws Exception {
        List<String> lines = new ArrayList<>(List.of("timestamp,source_id,target_id,channel"));
        lines.addAll(BadInputTest.goodLines());
        for (int d = 1; d <= 4; d++) {
            lines.add(String.format("2026-10-%02dT09:00:00Z,%s,b,meeting", d, JOSE_NFC));
            lines.add(String.format("2026-10-%02dT10:00:00Z,Ana,c,meeting", d));
            lines.add(String.format("2026-10-%02dT11:00:00Z,ana,d,meeting", d));
        }
        lines.add("2026-10-05T09:00:00Z,p0010,\"p0010 \",meeting");
        Path log = Files.write(dir.resolve("log.csv"), lines);
        Path people = Files.write(
                dir.resolve("people.csv"),
                List.of(
                        "person_id,display_name,team",
                        " a,Ann,Core",
                        "b,Bo,Core",
                        "c,Cy,Core",
                        JOSE_NFD + ",Jos\u00e9 Ruiz,Platform"));
        Path mentorships = Files.write(
                dir.resolve("mentorships.csv"),
                List.of("mentor_id,mentee_id,started_on,ended_on,program", JOSE_NFD + ", b,2026-01-01,,pilot"));
        Path absences = Files.write(
                dir.resolve("absences.csv"),
                List.of("person_id,from,to,kind", "\"" + JOSE_NFD + " \",2026-07-01,2026-07-10,holiday"));
        return new Path[] {log, people, mentorships, absences};
    }

    static int runIds(Path[] in, Path out, String... more) {
        List<String> a = new ArrayList<>(List.of(
                "--interactions", in[0].toString(),
                "--people", in[1].toString(),
                "--mentorships", in[2].toString(),
                "--absences", in[3].toString(),
                "--positions", "",
                "--out", out.toString()));
        a.addAll(List.of(more));
        return run(a.toArray(String[]::new));
    }

    /**
     * Issue 16, case 4, the default rule: white space around ids removed, Unicode NFC, case kept. The decomposed
     * directory id meets the composed log id, " a" is a, "p0010"/"p0010 " is a self-interaction with its own reason,
     * "Ana" and "ana" stay two people with a warning; run.json counts what the rule changed and merged.
     */
    @Test
    void idsWrittenTwoWaysAreOnePersonAndTheRunSaysWhich(@TempDir Path dir) throws Exception {
        Path o = dir.resolve("out");
        assertThat(runIds(idVariants(dir), o)).isZero();
        Map<String, Map<String, String>> people = new java.util.HashMap<>();
        for (Map<String, String> r : Csv.read(o.resolve("runs/" + BadInputTest.AS_OF + "/people.csv")))
            people.put(r.get("person_id"), r);
        assertThat(people).containsKeys(JOSE_NFC, "a", "Ana", "ana").doesNotContainKeys(JOSE_NFD, " a", "p0010 ");
        assertThat(people.get(JOSE_NFC).get("team")).isEqualTo("Platform");
        assertThat(people.get("a").get("team")).isEqualTo("Core");
        assertThat(people.get("Ana").get("team")).isEqualTo("unknown");
        Map<String, List<String>> rejected = BadInputTest.rejectedByReason(o);
        String sameId = org.mentorshipgraph.ingest.InteractionContract.sameIdReason(
                org.mentorshipgraph.ingest.PersonIds.CASE_SENSITIVE);
        assertThat(rejected).containsOnlyKeys(sameId);
        assertThat(rejected.get(sameId)).singleElement().asString().contains("\"p0010 \"");
        JsonNode run = BadInputTest.runJson(o);
        JsonNode counts = run.get("counts");
        // changed: José NFD, "José NFD ", "p0010 ", " a", " b"; merged: José (3 ways), p0010, a, b (2 ways each)
        assertThat(counts.get("ids_changed_by_rule").asInt()).isEqualTo(5);
        assertThat(counts.get("ids_written_several_ways").asInt()).isEqualTo(4);
        assertThat(counts.get("raw_ids_read_as_one").asInt()).isEqualTo(9);
        assertThat(counts.get("ids_differing_only_in_case").asInt()).isEqualTo(1);
        assertThat(counts.get("mentorships").asInt()).isEqualTo(1);
        assertThat(counts.get("absences_declared").asInt()).isEqualTo(1);
        String warnings = run.get("warnings").toString();
        assertThat(warnings)
                .contains("4 ids were written in more than one way (9 raw forms) and read as one")
                .contains("'" + JOSE_NFD + "' (decomposed) = '" + JOSE_NFD + " ' (spaces, decomposed) = '" + JOSE_NFC
                        + "'")
                .contains("'p0010' = 'p0010 ' (spaces)")
                .contains("' a' (spaces) = 'a'")
                .contains("1 id differs from another only in case and is read as different people: 'Ana' / 'ana'")
                .contains("input.ids-case=insensitive");
        assertThat(counts.get("mentorship_people_unknown").asInt()).isZero();
        assertThat(Csv.read(o.resolve("runs/" + BadInputTest.AS_OF + "/ties.csv")))
                .anySatisfy(t -> {
                    assertThat(t.get("person_a")).isEqualTo(JOSE_NFC);
                    assertThat(t.get("person_b")).isEqualTo("b");
                    assertThat(t.get("mentorship")).isEqualTo("true");
                });
    }

    /** Issue 16, case 4, with {@code input.ids-case=insensitive}: "Ana" and "ana" are one person, read as "ana". */
    @Test
    void withCaseFoldedAnaAndAnaAreOnePerson(@TempDir Path dir) throws Exception {
        Path o = dir.resolve("out");
        assertThat(runIds(idVariants(dir), o, "--set", "input.ids-case=insensitive"))
                .isZero();
        List<String> ids = Csv.read(o.resolve("runs/" + BadInputTest.AS_OF + "/people.csv")).stream()
                .map(r -> r.get("person_id"))
                .toList();
        assertThat(ids).contains("ana", "jos\u00e9", "a").doesNotContain("Ana", JOSE_NFC, JOSE_NFD);
        JsonNode run = BadInputTest.runJson(o);
        JsonNode counts = run.get("counts");
        // now also "Ana" and the composed "José" are changed; ana is a sixth merged id
        assertThat(counts.get("ids_changed_by_rule").asInt()).isEqualTo(7);
        assertThat(counts.get("ids_written_several_ways").asInt()).isEqualTo(5);
        assertThat(counts.get("raw_ids_read_as_one").asInt()).isEqualTo(11);
        assertThat(counts.get("ids_differing_only_in_case").asInt()).isZero();
        assertThat(run.get("parameters").get("input.ids-case").asText()).isEqualTo("insensitive");
        assertThat(run.get("warnings").toString())
                .contains("'Ana' (case) = 'ana'")
                .contains("case folded: input.ids-case=insensitive")
                .doesNotContain("only in case");
        assertThat(run(
                        "--set",
                        "input.ids-case=lower",
                        "--out",
                        dir.resolve("o2").toString()))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(out.toString() + err).contains("input.ids-case must be sensitive or insensitive, got 'lower'");
    }

    /**
     * A log most of whose rows are older than the look-back says so with the options that change it, and a log entirely
     * outside it fails with the window and the counts, naming --as-of (the Southern Women's 1930s events, dated in
     * 2026, were 49 of 75 rows "before the look-back" with no word).
     */
    @Test
    void aLogOlderThanTheLookBackSaysSoAndNamesTheOptions(@TempDir Path dir) throws Exception {
        Path f = goodLog(dir); // October 1-28, 2026
        Path o = dir.resolve("out");
        List<String> a = new ArrayList<>(List.of(
                "--interactions",
                f.toString(),
                "--people",
                "",
                "--mentorships",
                "",
                "--no-neo4j",
                "--set",
                "spark.master=local[2]",
                "--lookback-days",
                "120",
                "--out",
                o.toString()));
        List<String> partly = new ArrayList<>(a);
        partly.addAll(List.of("--as-of", "2027-02-15")); // the look-back starts 2026-10-19
        assertThat(NightlyCommand.execute(partly.toArray(String[]::new), Map.of()))
                .isZero();
        JsonNode run =
                Json.MAPPER.readTree(o.resolve("runs/2027-02-15/run.json").toFile());
        long before = run.get("counts").get("interactions_before_lookback").asLong();
        assertThat(before).isGreaterThan(30);
        assertThat(run.get("warnings").toString())
                .contains(before + " of 60 interaction rows")
                .contains("are before the look-back, which starts 2026-10-19 (ties.lookback-days = 120")
                .contains("--lookback-days N");
        List<String> none = new ArrayList<>(a);
        none.addAll(List.of("--as-of", "2027-06-01"));
        assertThat(NightlyCommand.execute(none.toArray(String[]::new), Map.of()))
                .isEqualTo(ExitCodes.INPUT);
        assertThat(out.toString() + err)
                .contains("no valid rows in the look-back window 2027-02-02 .. 2027-06-01")
                .contains("(60 rows before it, 0 after the as-of date, 0 quarantined)")
                .contains("--as-of");
    }
}
