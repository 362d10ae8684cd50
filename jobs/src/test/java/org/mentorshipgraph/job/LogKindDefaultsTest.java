package org.mentorshipgraph.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mentorshipgraph.cli.NightlyCommand;
import org.mentorshipgraph.testing.Csv;

/**
 * The defaults on logs of one kind each, as a new user's first export gives them (issue 16, case 2's last sentence),
 * through the command line with no setting changed: a calendar export whose all-hands meetings tie everyone to
 * everyone, an e-mail export whose newsletters do the same, a chat export whose channel is called "Slack".
 */
class LogKindDefaultsTest {
    static final LocalDate AS_OF = LocalDate.parse(BadInputTest.AS_OF);
    static final LocalDate FROM = AS_OF.minusDays(181);

    static int run(Path log, Path out) {
        return NightlyCommand.execute(
                new String[] {
                    "--interactions",
                    log.toString(),
                    "--people",
                    "",
                    "--mentorships",
                    "",
                    "--positions",
                    "",
                    "--out",
                    out.toString(),
                    "--no-neo4j",
                    "--as-of",
                    BadInputTest.AS_OF,
                    "--set",
                    "spark.master=local[2]"
                },
                Map.of());
    }

    static String ts(LocalDate d, int hour) {
        return d + String.format("T%02d:00:00Z", hour);
    }

    static Map<String, String> tie(Path out, String a, String b) {
        return Csv.read(out.resolve("runs/" + AS_OF + "/ties.csv")).stream()
                .filter(t -> t.get("person_a").equals(a) && t.get("person_b").equals(b))
                .findFirst()
                .orElseThrow();
    }

    /**
     * Meetings only: 100 teams of three meet every Tuesday (the first team stopped eight weeks ago), and the 300 of
     * them meet in a monthly all-hands. The all-hands used to make 44,850 ties, push the share of active ties under
     * 1% (so the run advised lowering ties.min-strength) and give every pair a contact in the recent window, so that no
     * tie could ever be silent. Now it is left out with a warning.
     */
    @Test
    void allHandsMeetingsAreLeftOutOfTheTies(@TempDir Path dir) throws Exception {
        List<String> lines =
                new ArrayList<>(List.of("timestamp,source_id,target_id,channel,duration_minutes,event_id"));
        LocalDate lastOfFirstTeam = null;
        for (LocalDate d = FROM; !d.isAfter(AS_OF); d = d.plusDays(1)) {
            if (d.getDayOfWeek() == DayOfWeek.TUESDAY) {
                for (int t = 0; t < 100; t++) {
                    if (t == 0 && d.isAfter(AS_OF.minusWeeks(8))) continue;
                    if (t == 0) lastOfFirstTeam = d;
                    String e = "team" + t + "-" + d;
                    for (int k = 1; k < 3; k++)
                        lines.add(String.format("%s,p%03d,p%03d,meeting,30,%s", ts(d, 10), 3 * t, 3 * t + k, e));
                }
            }
            if (d.getDayOfWeek() == DayOfWeek.MONDAY && d.getDayOfMonth() <= 7) {
                for (int p = 1; p < 300; p++)
                    lines.add(String.format("%s,p000,p%03d,meeting,60,allhands-%s", ts(d, 16), p, d));
            }
        }
        Path out = dir.resolve("out");
        assertThat(run(Files.write(dir.resolve("calendar.csv"), lines), out)).isZero();
        JsonNode run = BadInputTest.runJson(out);
        JsonNode counts = run.get("counts");
        assertThat(counts.get("events_over_max_size").asInt()).isEqualTo(6);
        assertThat(counts.get("ties").asInt()).isEqualTo(300);
        assertThat(counts.get("active_ties").asInt()).isEqualTo(300);
        assertThat(run.get("warnings").toString())
                .contains("6 group event(s) with more than ties.max-event-size = 25 participants (the largest 300;")
                .doesNotContain("reach ties.min-strength");
        assertThat(tie(out, "p000", "p001").get("last_interaction")).startsWith(lastOfFirstTeam.toString());
    }

    /**
     * E-mail only, one row per recipient with the message id as event_id (as mail exports give it): 60 people write to
     * their neighbour every working day, the first pair stopped 50 days ago, and a newsletter goes to all of them twice a
     * week. The newsletter used to keep every pair in contact, so the pair that stopped was never quiet.
     */
    @Test
    void newslettersDoNotHideThatTwoPeopleStoppedWriting(@TempDir Path dir) throws Exception {
        List<String> lines = new ArrayList<>(List.of("timestamp,source_id,target_id,channel,event_id"));
        int msg = 0;
        for (LocalDate d = FROM; !d.isAfter(AS_OF); d = d.plusDays(1)) {
            DayOfWeek w = d.getDayOfWeek();
            if (w == DayOfWeek.SATURDAY || w == DayOfWeek.SUNDAY) continue;
            for (int p = 0; p < 60; p++) {
                if (p == 0 && d.isAfter(AS_OF.minusDays(50))) continue;
                int to = (p + 1) % 60;
                lines.add(String.format("%s,m%02d,m%02d,email,msg%d", ts(d, 9 + p % 8), p, to, ++msg));
            }
            if (w == DayOfWeek.TUESDAY || w == DayOfWeek.THURSDAY) {
                msg++;
                for (int p = 0; p < 60; p++) lines.add(String.format("%s,comms,m%02d,email,msg%d", ts(d, 8), p, msg));
            }
        }
        Path out = dir.resolve("out");
        assertThat(run(Files.write(dir.resolve("mail.csv"), lines), out)).isZero();
        JsonNode counts = BadInputTest.runJson(out).get("counts");
        assertThat(counts.get("ties").asInt()).isEqualTo(60);
        assertThat(counts.get("people").asInt()).isEqualTo(60); // the newsletter's sender is nobody's tie
        Map<String, String> stopped = tie(out, "m00", "m01");
        assertThat(Double.parseDouble(stopped.get("days_since_last"))).isGreaterThan(49);
        assertThat(stopped.get("status_reason")).startsWith("silent for").contains("q=");
        assertThat(stopped.get("status")).isEqualTo("dormant");
    }

    /**
     * Chat only, exported with the channel "Slack": a channel the weights do not list weighs 1, four times a chat
     * message. The run says so and gives the setting that weighs it as chat.
     */
    @Test
    void aChannelTheWeightsDoNotListIsNamedWithTheSettingThatWeighsIt(@TempDir Path dir) throws Exception {
        List<String> lines = new ArrayList<>(List.of("timestamp,source_id,target_id,channel"));
        for (String l : BadInputTest.goodLines()) lines.add(l.replace(",chat", ",Slack"));
        Path out = dir.resolve("out");
        assertThat(run(Files.write(dir.resolve("slack.csv"), lines), out)).isZero();
        JsonNode run = BadInputTest.runJson(out);
        assertThat(run.get("counts").get("interactions_unweighted_channel").asInt())
                .isEqualTo(60);
        assertThat(run.get("warnings").toString())
                .contains("channel(s) not in ties.channel-weights weigh 1, as much as a meeting: 'slack' (60 rows)")
                .contains(
                        "--set ties.channel-weights=mentoring:3,one_on_one:3,pairing:2,call:2,meeting:1,code_review:1,"
                                + "email:0.5,chat:0.25,slack:0.25");
    }
}
