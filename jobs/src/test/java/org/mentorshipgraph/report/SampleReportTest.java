package org.mentorshipgraph.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mentorshipgraph.cli.ReportCommand;
import org.mentorshipgraph.config.JobConfig;
import org.mentorshipgraph.config.Setting;
import org.mentorshipgraph.failures.ExitCodes;
import org.mentorshipgraph.files.Json;
import org.mentorshipgraph.job.NightlyJob;
import org.mentorshipgraph.job.RunLock;
import org.mentorshipgraph.testing.SparkTestSession;

/**
 * The report of the bundled sample's run, end to end: the nightly job (real Spark, files only) writes it beside
 * three earlier runs of the sample (their stored {@code network-health.json}, in test resources), then
 * <ul>
 *   <li>the 3-person team of the sample appears in no report file (HTML, JSON, CSV);</li>
 *   <li>{@code scripts/report}'s command rebuilds the same bytes from the stored files alone (and waits its turn:
 *   it refuses while a nightly run holds the output directory's lock);</li>
 *   <li>a real headless Chromium loads the page with no console message, no error and no network request, the
 *   charts render at their size, the page's key figures equal the JSON's, and tables sort; its screenshot is kept
 *   as {@code jobs/target/report-screenshot.png} (and the printed form as {@code report-print.pdf}); the network map
 *   draws a circle per team and a line per drawn link, its labels never overlap, and its own screenshot is kept as
 *   {@code jobs/target/report-network-map.png}.</li>
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SampleReportTest {
    static final Path ROOT =
            Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
    static final Path SAMPLE = ROOT.resolve("notebooks-data/sample");
    static final Path HISTORY = ROOT.resolve("jobs/src/test/resources/report-history");
    static final String AS_OF = "2026-11-15";

    Path out;
    Path run;
    JsonNode json;
    String tinyTeam;

    @BeforeAll
    void runTheSampleAfterThreeEarlierRuns() throws Exception {
        out = Files.createTempDirectory("mg-report-run");
        try (Stream<Path> earlier = Files.list(HISTORY)) {
            for (Path d : earlier.filter(Files::isDirectory).toList()) {
                Path target = Files.createDirectories(
                        out.resolve("runs").resolve(d.getFileName().toString()));
                Files.copy(d.resolve(ReportWriter.JSON_FILE), target.resolve(ReportWriter.JSON_FILE));
            }
        }
        JobConfig config = JobConfig.load(
                null,
                Map.of(),
                Map.of(
                        Setting.INTERACTIONS, SAMPLE.resolve("interactions").toString(),
                        Setting.PEOPLE, SAMPLE.resolve("people.csv").toString(),
                        Setting.MENTORSHIPS, SAMPLE.resolve("mentorships.csv").toString(),
                        Setting.AS_OF, AS_OF,
                        Setting.OUT, out.toString(),
                        Setting.NEO4J_ENABLED, "false"));
        NightlyJob.Outcome outcome = new NightlyJob(config, Map.of()).run(SparkTestSession.get());
        assertThat(outcome.exitCode()).isEqualTo(0);
        run = outcome.runDir();
        json = Json.MAPPER.readTree(run.resolve(ReportWriter.JSON_FILE).toFile());
        tinyTeam = Json.MAPPER
                .readTree(SAMPLE.resolve("planted.json").toFile())
                .get("tiny_team")
                .get("team")
                .asText();
    }

    List<Path> reportFiles() throws Exception {
        try (Stream<Path> s = Files.list(run)) {
            return s.filter(p -> p.getFileName().toString().startsWith("network-health"))
                    .sorted()
                    .toList();
        }
    }

    /** The fading list says how long it is, of how many, at what false discovery rate and how many may be false. */
    @Test
    void theFadingListStatesItsExpectedFalseAlarmsAndThePausedTies() throws Exception {
        JsonNode list = json.get("fading_list");
        assertThat(list.get("fdr").asDouble()).isEqualTo(0.1);
        assertThat(list.get("listed").asLong())
                .isEqualTo(json.get("headline").get("weakening_ties").asLong()
                        + json.get("headline").get("dormant_ties").asLong());
        assertThat(list.get("expected_false_alarms").asDouble())
                .isBetween(0.0, 0.1 * list.get("listed").asDouble() + 1e-9);
        assertThat(list.get("ties_in_family").asLong())
                .isBetween(list.get("listed").asLong(), list.get("ties_tested").asLong());
        assertThat(json.get("headline").get("paused_ties").asLong()).isPositive();
        assertThat(json.get("headline").get("people_away").asLong()).isEqualTo(2);
        assertThat(list.get("recent_activity").asDouble())
                .as("the holiday in R")
                .isBetween(0.5, 0.85);
        String html = Files.readString(run.resolve("network-health.html"));
        assertThat(html)
                .contains("id=\"fading-list-note\"")
                .contains("called at a false discovery rate of 10%")
                .contains("ties are paused, not fading");
    }

    @Test
    void theTinyTeamAppearsInNoReportFile() throws Exception {
        List<Path> files = reportFiles();
        assertThat(files)
                .extracting(p -> p.getFileName().toString())
                .contains(
                        "network-health.html",
                        "network-health.json",
                        "network-health-teams.csv",
                        "network-health-team-links.csv",
                        "network-health-connectors.csv",
                        "network-health-fading-ties.csv",
                        "network-health-trend.csv");
        // the run's own people table has it: the string is there to be leaked
        assertThat(Files.readString(run.resolve("people.csv"))).contains(tinyTeam);
        for (Path f : files)
            assertThat(Files.readString(f)).as(f.getFileName().toString()).doesNotContain(tinyTeam);
        assertThat(json.get("privacy").get("min_group_size").asInt()).isEqualTo(5);
        for (JsonNode t : json.get("teams")) assertThat(t.get("people").asInt()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void historyComesFromTheEarlierRuns() {
        assertThat(json.get("changes").get("previous_as_of").asText()).isEqualTo("2026-11-08");
        List<String> dates = new ArrayList<>();
        json.get("trend").forEach(r -> dates.add(r.get("as_of").asText()));
        assertThat(dates).containsExactly("2026-10-18", "2026-11-01", "2026-11-08", AS_OF);
        JsonNode people = json.get("changes").get("figures").get("active_ties");
        assertThat(people.get("change").asLong())
                .isEqualTo(json.get("headline").get("active_ties").asLong()
                        - people.get("previous").asLong());
    }

    @Test
    void theReportCommandRebuildsTheSameFilesFromStoredOnesAlone() throws Exception {
        Map<Path, String> before = new LinkedHashMap<>();
        for (Path f : reportFiles()) before.put(f, Files.readString(f));
        for (Path f : reportFiles()) if (!f.getFileName().toString().endsWith(".json")) Files.delete(f);
        assertThat(ReportCommand.execute(new String[] {"--out", out.toString(), "--as-of", AS_OF}, Map.of()))
                .isEqualTo(0);
        for (Map.Entry<Path, String> e : before.entrySet()) {
            assertThat(Files.readString(e.getKey()))
                    .as(e.getKey().getFileName().toString())
                    .isEqualTo(e.getValue());
        }
        try (RunLock nightly = RunLock.acquire(out, "a nightly run")) {
            assertThat(ReportCommand.execute(new String[] {"--out", out.toString(), "--as-of", AS_OF}, Map.of()))
                    .isEqualTo(ExitCodes.LOCKED);
        }
        assertThat(ReportCommand.execute(new String[] {"--out", out.toString(), "--as-of", "2020-01-01"}, Map.of()))
                .isEqualTo(3);
        assertThat(ReportCommand.execute(new String[] {"--out", out.toString(), "--as-of", "yesterday"}, Map.of()))
                .isEqualTo(2);
    }

    @Test
    void theEarlierRunsRebuildToo() throws Exception {
        Path copy = Files.createTempDirectory("mg-report-rebuild");
        for (String d : List.of("2026-10-18", "2026-11-01")) {
            Files.createDirectories(copy.resolve("runs").resolve(d));
            Files.copy(
                    HISTORY.resolve(d).resolve(ReportWriter.JSON_FILE),
                    copy.resolve("runs").resolve(d).resolve(ReportWriter.JSON_FILE));
        }
        assertThat(ReportCommand.execute(new String[] {"--out", copy.toString(), "--all"}, Map.of()))
                .isEqualTo(0);
        JsonNode second = Json.MAPPER.readTree(
                copy.resolve("runs/2026-11-01").resolve(ReportWriter.JSON_FILE).toFile());
        assertThat(second.get("changes").get("previous_as_of").asText()).isEqualTo("2026-10-18");
        assertThat(Files.readString(copy.resolve("runs/2026-11-01").resolve(ReportWriter.HTML_FILE)))
                .contains("since the run of 2026-10-18");
    }

    @Test
    void inARealBrowserThePageLoadsOfflineWithoutErrorsAndShowsTheJsonsFigures() throws Exception {
        assumeTrue(HeadlessChromium.available(), "Debian's chromium is not installed (.ci/run installs it)");
        String url = run.resolve(ReportWriter.HTML_FILE).toUri().toString();
        try (HeadlessChromium browser = new HeadlessChromium(1280, 900)) {
            browser.send("Runtime.enable", Map.of());
            browser.send("Log.enable", Map.of());
            browser.send("Network.enable", Map.of());
            browser.send("Page.enable", Map.of());
            browser.send(
                    "Emulation.setDeviceMetricsOverride",
                    Map.of("width", 1280, "height", 900, "deviceScaleFactor", 1, "mobile", false));
            browser.load(url);

            // 1. nothing on the console, no uncaught error, no request but the page itself
            assertThat(browser.events("Runtime.consoleAPICalled"))
                    .as("console messages")
                    .isEmpty();
            assertThat(browser.events("Runtime.exceptionThrown"))
                    .as("uncaught exceptions")
                    .isEmpty();
            assertThat(browser.events("Log.entryAdded"))
                    .as("browser log entries (CSP violations, failed loads)")
                    .isEmpty();
            List<String> requested = new ArrayList<>();
            browser.events("Network.requestWillBeSent")
                    .forEach(e -> requested.add(
                            e.get("params").get("request").get("url").asText()));
            assertThat(requested)
                    .as("network requests")
                    .allSatisfy(u -> assertThat(u).isEqualTo(url));
            assertThat(browser.events("Network.loadingFailed")).isEmpty();

            // 2. every chart renders, at the size it declares, with marks in it
            JsonNode charts = browser.eval("""
                    Array.from(document.querySelectorAll('svg.chart')).map(function (s) {
                      var r = s.getBoundingClientRect();
                      return {id: s.id, w: r.width, h: r.height, aw: +s.getAttribute('width'), ah: +s.getAttribute('height'),
                              rects: s.querySelectorAll('rect').length, circles: s.querySelectorAll('circle').length,
                              paths: s.querySelectorAll('path').length, texts: s.querySelectorAll('text').length};
                    })""");
            Map<String, JsonNode> byId = new LinkedHashMap<>();
            charts.forEach(c -> byId.put(c.get("id").asText(), c));
            List<String> expected = new ArrayList<>(List.of(
                    "network-map",
                    "connectors-chart",
                    "brokerage-chart",
                    "status-chart",
                    "skill-gap-chart",
                    "team-heatmap",
                    "outside-reach-chart"));
            for (HeadlineFigure f : HeadlineFigure.values()) expected.add("trend-" + f.key.replace('_', '-'));
            assertThat(byId.keySet()).containsExactlyInAnyOrderElementsOf(expected);
            for (JsonNode c : charts) {
                assertThat(c.get("aw").asDouble()).as(c.get("id") + " width").isGreaterThan(100);
                assertThat(c.get("w").asDouble())
                        .as(c.get("id") + " rendered width")
                        .isCloseTo(c.get("aw").asDouble(), within(0.5));
                assertThat(c.get("h").asDouble())
                        .as(c.get("id") + " rendered height")
                        .isCloseTo(c.get("ah").asDouble(), within(0.5));
                assertThat(c.get("rects").asInt()
                                + c.get("circles").asInt()
                                + c.get("paths").asInt())
                        .as(c.get("id") + " marks")
                        .isPositive();
            }
            int teams = json.get("team_links").get("teams").size();
            assertThat(teams).isGreaterThan(10);
            assertThat(byId.get("team-heatmap").get("rects").asInt()).isEqualTo(teams * teams + 11);
            assertThat(byId.get("connectors-chart").get("rects").asInt())
                    .isEqualTo(Math.min(15, json.get("top_connectors").size()));
            assertThat(byId.get("trend-people").get("circles").asInt())
                    .isEqualTo(json.get("trend").size());
            assertThat(byId.get("trend-people").get("paths").asInt()).isEqualTo(1);
            assertThat(byId.get("brokerage-chart").get("circles").asInt())
                    .isEqualTo(json.get("brokerage").get("curve").size());

            // 2b. the network map: a circle per group of the JSON, a line per drawn link, the fading ones dashed
            JsonNode map = json.get("network_map");
            assertThat(map.get("level").asText()).isEqualTo("team");
            assertThat(map.get("groups").asInt()).isEqualTo(teams);
            int fadingLinks = 0, strengthLinks = 0;
            for (JsonNode l : map.get("links")) {
                if (l.get("fading").asInt() > 0) fadingLinks++;
                if (l.get("strength").asDouble() > 0) strengthLinks++;
            }
            assertThat(fadingLinks)
                    .as("the sample's fading bridges across teams")
                    .isPositive();
            JsonNode drawn = browser.eval("""
                    (function () {
                      var m = document.getElementById('network-map'), r = m.getBoundingClientRect();
                      var labels = Array.from(m.querySelectorAll('text.label')).map(function (t) { return t.getBBox(); });
                      var overlaps = 0;
                      for (var i = 0; i < labels.length; i++) for (var j = i + 1; j < labels.length; j++) {
                        var a = labels[i], b = labels[j];
                        if (a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height) overlaps++;
                      }
                      return {nodes: m.querySelectorAll('circle.node').length, links: m.querySelectorAll('line.link').length,
                              fading: m.querySelectorAll('line.fading').length, rings: m.querySelectorAll('circle.connector-ring').length,
                              labels: labels.length, overlaps: overlaps, titles: m.querySelectorAll('circle.node > title').length,
                              x: r.left + window.scrollX, y: r.top + window.scrollY, w: r.width, h: r.height};
                    })()""");
            assertThat(drawn.get("nodes").asInt()).isEqualTo(teams);
            assertThat(drawn.get("titles").asInt())
                    .as("a tooltip on every circle")
                    .isEqualTo(teams);
            assertThat(drawn.get("links").asInt()).isEqualTo(strengthLinks).isGreaterThanOrEqualTo(teams - 1);
            assertThat(drawn.get("fading").asInt()).isEqualTo(fadingLinks);
            int ringed = 0;
            for (JsonNode node : map.get("nodes")) if (node.get("connectors").size() > 0) ringed++;
            assertThat(drawn.get("rings").asInt()).isEqualTo(ringed).isPositive();
            assertThat(drawn.get("labels").asInt()).as("names where they fit").isGreaterThan(teams / 2);
            assertThat(drawn.get("overlaps").asInt())
                    .as("no label over another")
                    .isZero();
            JsonNode mapShot = browser.send(
                    "Page.captureScreenshot",
                    Map.of(
                            "format",
                            "png",
                            "captureBeyondViewport",
                            true,
                            "clip",
                            Map.of(
                                    "x",
                                    drawn.get("x").asDouble(),
                                    "y",
                                    drawn.get("y").asDouble(),
                                    "width",
                                    drawn.get("w").asDouble(),
                                    "height",
                                    drawn.get("h").asDouble(),
                                    "scale",
                                    1)));
            Files.write(
                    Files.createDirectories(ROOT.resolve("jobs/target")).resolve("report-network-map.png"),
                    Base64.getDecoder().decode(mapShot.get("data").asText()));

            // 3. the page's figures are the JSON's
            assertThat(browser.eval("document.getElementById('as-of').textContent")
                            .asText())
                    .isEqualTo(AS_OF);
            JsonNode cards = browser.eval(
                    "Array.from(document.querySelectorAll('[data-key]')).map(function (e) { return [e.dataset.key, e.textContent]; })");
            assertThat(cards.size()).isEqualTo(HeadlineFigure.values().length);
            for (JsonNode card : cards) {
                HeadlineFigure f = figure(card.get(0).asText());
                double shown =
                        Double.parseDouble(card.get(1).asText().replace(",", "").replace("%", ""));
                double value = json.get("headline").get(f.key).asDouble();
                switch (f.kind) {
                    case COUNT -> assertThat(shown).as(f.key).isEqualTo(value);
                    case DECIMAL -> assertThat(shown).as(f.key).isCloseTo(value, within(0.05 + 1e-9));
                    case RATIO -> assertThat(shown).as(f.key).isCloseTo(value, within(0.0005 + 1e-9));
                    case PERCENT -> assertThat(shown).as(f.key).isCloseTo(100 * value, within(0.05 + 1e-9));
                }
            }
            assertThat(browser.eval("document.querySelectorAll('[data-change]').length")
                            .asInt())
                    .isEqualTo(HeadlineFigure.values().length);
            JsonNode firstConnector = browser.eval(
                    "Array.from(document.querySelector('#connectors-table tbody tr').cells).map(function (c) { return c.textContent; })");
            JsonNode top = json.get("top_connectors").get(0);
            assertThat(firstConnector.get(1).asText())
                    .contains(top.get("name").asText())
                    .contains(top.get("person_id").asText());
            assertThat(firstConnector.get(2).asText()).isEqualTo(top.get("team").asText());
            assertThat(firstConnector.get(3).asText())
                    .isEqualTo(String.format(
                            Locale.ROOT, "%.1f", top.get("connector_score").asDouble()));
            assertThat(browser.eval("document.querySelectorAll('#teams-table tbody tr').length")
                            .asInt())
                    .isEqualTo(json.get("teams").size());
            assertThat(browser.eval("document.querySelectorAll('#mentorships-table tbody tr').length")
                            .asInt())
                    .isEqualTo(json.get("headline").get("weakening_mentorships").asInt());
            assertThat(browser.eval("document.body.innerText.indexOf(" + Json.MAPPER.writeValueAsString(tinyTeam) + ")")
                            .asInt())
                    .isEqualTo(-1);

            // 4. tables sort by a column on click, both ways
            String people =
                    "Array.from(document.querySelectorAll('#teams-table tbody tr')).map(function (r) { return +r.cells[2].getAttribute('data-v'); })";
            browser.eval("document.querySelectorAll('#teams-table thead th')[2].querySelector('.sort').click()");
            List<Double> ascending = doubles(browser.eval(people));
            assertThat(ascending).isSorted();
            browser.eval("document.querySelectorAll('#teams-table thead th')[2].querySelector('.sort').click()");
            List<Double> descending = doubles(browser.eval(people));
            assertThat(descending).isSortedAccordingTo((a, b) -> Double.compare(b, a));
            assertThat(ascending.get(0)).isLessThan(descending.get(0));
            browser.eval(
                    "document.querySelectorAll('#teams-table thead th')[8].querySelector('.sort').click()"); // back to
            // cut-off
            // rank

            // 5. keep what a person sees: the whole page, and the printed form
            double height =
                    browser.eval("document.documentElement.scrollHeight").asDouble();
            JsonNode shot = browser.send(
                    "Page.captureScreenshot",
                    Map.of(
                            "format",
                            "png",
                            "captureBeyondViewport",
                            true,
                            "clip",
                            Map.of("x", 0, "y", 0, "width", 1280, "height", height, "scale", 1)));
            byte[] png = Base64.getDecoder().decode(shot.get("data").asText());
            Path target = Files.createDirectories(ROOT.resolve("jobs/target"));
            Files.write(target.resolve("report-screenshot.png"), png);
            assertThat(png.length).isGreaterThan(50_000);
            JsonNode pdf = browser.send(
                    "Page.printToPDF", Map.of("printBackground", true, "paperWidth", 8.27, "paperHeight", 11.69));
            byte[] pdfBytes = Base64.getDecoder().decode(pdf.get("data").asText());
            Files.write(target.resolve("report-print.pdf"), pdfBytes);
            assertThat(new String(pdfBytes, 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                    .isEqualTo("%PDF-");
            assertThat(browser.events("Runtime.consoleAPICalled")).isEmpty();
            assertThat(browser.events("Log.entryAdded")).isEmpty();
        }
    }

    static HeadlineFigure figure(String key) {
        for (HeadlineFigure f : HeadlineFigure.values()) if (f.key.equals(key)) return f;
        throw new AssertionError("the page shows an unknown headline figure " + key);
    }

    static List<Double> doubles(JsonNode array) {
        List<Double> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asDouble()));
        return out;
    }
}
