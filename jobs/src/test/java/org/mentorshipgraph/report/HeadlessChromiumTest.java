package org.mentorshipgraph.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The browser harness sees what the report's browser test asserts is absent: console errors, uncaught exceptions,
 * and network requests (here to a closed port on 127.0.0.1); and the report's Content-Security-Policy stops a
 * request before it is made, reporting the violation. (A request the policy blocks still shows as an attempt, so
 * the report's test, which allows no request but the page itself, fails on it too.)
 */
class HeadlessChromiumTest {
    @TempDir
    Path dir;

    static final String CLOSED = "http://127.0.0.1:9/";

    static List<String> urls(HeadlessChromium b) {
        return b.events("Network.requestWillBeSent").stream()
                .map(e -> e.get("params").get("request").get("url").asText())
                .toList();
    }

    @Test
    void consoleErrorsExceptionsAndRequestsAreSeen() throws Exception {
        assumeTrue(HeadlessChromium.available(), "Debian's chromium is not installed (.ci/run installs it)");
        Path page = dir.resolve("noisy.html");
        Files.writeString(
                page,
                "<!DOCTYPE html><html><body><img src=\"" + CLOSED + "pixel.png\">"
                        + "<script>console.error('boom'); setTimeout(function () { throw new Error('late'); }, 0);</script></body></html>");
        try (HeadlessChromium b = new HeadlessChromium(800, 600)) {
            for (String domain : List.of("Runtime", "Log", "Network", "Page")) b.send(domain + ".enable", Map.of());
            b.load(page.toUri().toString());
            Thread.sleep(300);
            assertThat(b.events("Runtime.consoleAPICalled"))
                    .extracting(e -> e.get("params").get("type").asText())
                    .contains("error");
            assertThat(b.events("Runtime.exceptionThrown")).isNotEmpty();
            assertThat(urls(b)).contains(CLOSED + "pixel.png");
            assertThat(b.events("Network.loadingFailed")).isNotEmpty();
        }
    }

    @Test
    void theReportsContentSecurityPolicyBlocksRequestsAndSaysSo() throws Exception {
        assumeTrue(HeadlessChromium.available(), "Debian's chromium is not installed (.ci/run installs it)");
        String html = HtmlReport.render(Map.of("as_of", "2026-11-15"));
        Path page = dir.resolve("report.html");
        Files.writeString(page, html.replace("</body>", "<img src=\"" + CLOSED + "tracker.png\"></body>"));
        try (HeadlessChromium b = new HeadlessChromium(800, 600)) {
            for (String domain : List.of("Runtime", "Log", "Network", "Page")) b.send(domain + ".enable", Map.of());
            b.load(page.toUri().toString());
            Thread.sleep(300);
            // Chromium reports the attempt, then fails it for the policy before anything leaves the machine
            assertThat(urls(b)).contains(CLOSED + "tracker.png");
            assertThat(b.events("Network.loadingFailed"))
                    .singleElement()
                    .satisfies(e -> assertThat(
                                    e.get("params").path("blockedReason").asText())
                            .isEqualTo("csp"));
            List<JsonNode> complaints = b.events("Log.entryAdded");
            assertThat(complaints).isNotEmpty();
            assertThat(complaints.get(0).get("params").get("entry").get("text").asText())
                    .contains("Content Security Policy");
            // the sorting script is allowed by its hash: no complaint about it
            assertThat(complaints)
                    .noneMatch(e ->
                            e.get("params").get("entry").get("text").asText().contains("script"));
        }
    }
}
