package org.mentorshipgraph.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.mentorshipgraph.files.Json;
import org.mentorshipgraph.neo4j.QueryLibrary;
import org.mentorshipgraph.report.HeadlessChromium;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;

/**
 * Neo4j Browser on the analysts' local server, as a person uses it: a server started by {@code scripts/neo4j-local}
 * itself (a temporary {@code NEO4J_LOCAL_HOME}, free ports), a little graph, and Debian's headless Chromium that opens
 * {@code /browser/}, is refused with a wrong password, logs in with the generated one, finds the guide of the model
 * open, runs the guide's examples, one of its pictures (drawn as a graph with the preset captions) and one question of
 * the query library. Every request the page makes is recorded (DevTools Network events): none may leave 127.0.0.1.
 * The screenshot of the drawn graph is kept as {@code jobs/target/neo4j-browser-screenshot.png}.
 *
 * <p>One server and one Chromium for the class; the methods run in order, each going on from the state the one
 * before left (logged in, guide open).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Neo4jBrowserTest {
    static final Path ROOT =
            Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
    static final Path SCRIPT = ROOT.resolve("scripts/neo4j-local");
    static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]");

    Path home;
    Map<String, String> env;
    int boltPort;
    int httpPort;
    String password;
    HeadlessChromium browser;
    final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    void startTheLocalServerAndChromium() throws Exception {
        assumeTrue(HeadlessChromium.available(), "Debian's chromium is not installed (.ci/run installs it)");
        home = Files.createTempDirectory("mg-neo4j-browser");
        int[] ports = freePorts();
        boltPort = ports[0];
        httpPort = ports[1];
        env = new HashMap<>(Map.of(
                "NEO4J_LOCAL_HOME",
                home.toString(),
                "NEO4J_LOCAL_BOLT_PORT",
                Integer.toString(boltPort),
                "NEO4J_LOCAL_HTTP_PORT",
                Integer.toString(httpPort),
                "NEO4J_LOCAL_HEAP",
                "512m",
                "NEO4J_LOCAL_PAGECACHE",
                "64m",
                "NEO4J_LOCAL_SKIP_BUILD",
                "1",
                // C1 only: about half the CPU time to start (as Neo4jTestServer does); enough for test-sized data
                "NEO4J_LOCAL_JAVA_OPTS",
                "-XX:TieredStopAtLevel=1",
                "NEO4J_LOCAL_START_TIMEOUT", // a busy 2-core machine has needed 63 s
                "140"));
        long t0 = System.nanoTime();
        String started = script("start");
        System.out.printf("Neo4jBrowserTest: scripts/neo4j-local start took %.1f s%n", (System.nanoTime() - t0) / 1e9);
        assertThat(started).contains("Neo4j Browser: http://127.0.0.1:" + httpPort + "/browser/");
        password = Files.readString(home.resolve("password")).strip();
        loadLittleGraph();
        browser = new HeadlessChromium(1400, 900);
        for (String domain : List.of("Runtime", "Log", "Network", "Page")) browser.send(domain + ".enable", Map.of());
    }

    @AfterAll
    void stop() throws Exception {
        try {
            if (browser != null) browser.close();
        } finally {
            if (home != null) {
                script("stop");
                try (Stream<Path> s = Files.walk(home)) {
                    s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    /** Six people in three teams, ties of several statuses, a fading mentorship, a suggestion, a skill, a run. */
    void loadLittleGraph() {
        try (Driver driver = GraphDatabase.driver("bolt://127.0.0.1:" + boltPort, AuthTokens.basic("neo4j", password));
                Session session = driver.session()) {
            session.run("""
                    UNWIND [['Platform', 'Engineering'], ['Growth', 'Product'], ['Identity', 'Engineering']] AS t
                    MERGE (team:Team {name: t[0]}) SET team.current = true, team.department = t[1]
                    MERGE (d:Department {name: t[1]}) SET d.current = true
                    MERGE (team)-[:PART_OF]->(d)
                    WITH 1 AS one
                    UNWIND [['p1', 'Ada Lovelace', 'Platform', 91.5], ['p2', 'Grace Hopper', 'Platform', 40.0],
                            ['p3', 'Alan Turing', 'Growth', 35.0], ['p4', 'Edsger Dijkstra', 'Growth', 20.0],
                            ['p5', 'Barbara Liskov', 'Identity', 15.0], ['p6', 'Ken Thompson', 'Identity', 5.0]] AS p
                    MERGE (person:Person {person_id: p[0]})
                    SET person.display_name = p[1], person.team = p[2], person.connector_score = p[3],
                        person.current = true
                    WITH person
                    MATCH (team:Team {name: person.team})
                    MERGE (person)-[:MEMBER_OF]->(team)
                    """);
            session.run("""
                    UNWIND [['p1', 'p2', 'stable', 12.0], ['p1', 'p3', 'weakening', 6.5], ['p1', 'p4', 'strengthening', 4.0],
                            ['p1', 'p5', 'new', 2.5], ['p3', 'p4', 'stable', 8.0], ['p2', 'p3', 'dormant', 1.5],
                            ['p5', 'p6', 'stable', 9.0]] AS t
                    MATCH (a:Person {person_id: t[0]}), (b:Person {person_id: t[1]})
                    MERGE (a)-[tie:TIE]->(b)
                    SET tie.status = t[2], tie.strength = t[3], tie.current = true, tie.active = true,
                        tie.priority = CASE WHEN t[2] IN ['weakening', 'dormant'] THEN 3 ELSE 9 END,
                        tie.baseline_count = 10
                    """);
            session.run("""
                    MATCH (m:Person {person_id: 'p1'}), (e:Person {person_id: 'p3'})
                    MERGE (m)-[r:MENTORS]->(e)
                    SET r.current = true, r.active = true, r.status = 'weakening', r.program = 'onboarding'
                    WITH 1 AS one
                    MATCH (m:Person {person_id: 'p5'}), (e:Person {person_id: 'p6'})
                    MERGE (m)-[s:SUGGESTED_MENTOR]->(e)
                    SET s.rank = 1, s.score = 72.5, s.introducer_id = null, s.reason = 'knows kafka'
                    MERGE (k:Skill {name: 'kafka'}) SET k.current = true, k.people_with = 1, k.people_wanting = 1
                    WITH k
                    MATCH (a:Person {person_id: 'p5'}), (b:Person {person_id: 'p6'})
                    MERGE (a)-[:HAS_SKILL]->(k)
                    MERGE (b)-[:WANTS_TO_LEARN]->(k)
                    MERGE (r:Run {run_id: '2026-11-15'}) SET r.outcome = 'success'
                    """);
        }
    }

    @Test
    @Order(1)
    void theServerServesTheBrowserAndTheGuideWithThePortsItChose() throws Exception {
        HttpResponse<String> page = get("/browser/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<title>Neo4j Browser</title>");
        // the page may load nothing but this server and loopback Bolt (the Browser's default allows segment.com ...)
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("script-src 'self';").doesNotContain("segment").doesNotContain("https:");
        assertThat(script("status")).contains("Neo4j Browser: http://127.0.0.1:" + httpPort + "/browser/");
        assertThat(script("env")).contains("export NEO4J_BROWSER_URL=http://127.0.0.1:" + httpPort + "/browser/");

        // the Browser's settings come from the server: its guide and style from this server only, run on login
        Map<String, String> settings = new HashMap<>();
        try (Driver driver = GraphDatabase.driver("bolt://127.0.0.1:" + boltPort, AuthTokens.basic("neo4j", password));
                Session session = driver.session()) {
            session.run("CALL dbms.clientConfig() YIELD name, value RETURN name, value")
                    .forEachRemaining(r -> settings.put(
                            r.get("name").asString(), r.get("value").asString()));
        }
        assertThat(settings)
                .containsEntry(
                        "browser.post_connect_cmd",
                        "style http://127.0.0.1:" + httpPort + "/guides/mentorship-graph.grass; guide mentorship-graph")
                .containsEntry(
                        "browser.remote_content_hostname_whitelist",
                        "http://127.0.0.1:" + httpPort + "/guides,127.0.0.1,localhost")
                .containsEntry("client.allow_telemetry", "false");

        // the style: names on people, status on ties
        HttpResponse<String> grass = get("/guides/mentorship-graph.grass");
        assertThat(grass.statusCode()).isEqualTo(200);
        assertThat(grass.body()).contains("node.Person {").contains("caption: \"{display_name}\"");
        assertThat(grass.body()).contains("relationship.TIE {").contains("caption: \"{status}\"");
        // the data itself still needs the password
        assertThat(get("/db/neo4j/tx").statusCode()).isEqualTo(401);
    }

    @Test
    @Order(2)
    void theGuideHasASlideForEveryQueryOfTheLibraryWithItsParametersSet() throws Exception {
        String guide = get("/guides/mentorship-graph").body();
        QueryLibrary library = QueryLibrary.load(ROOT.resolve("queries"));
        assertThat(library.all()).hasSizeGreaterThanOrEqualTo(17);
        for (QueryLibrary.NamedQuery q : library.all().values()) {
            assertThat(unescape(runnable(guide, "data-query=\"" + q.name() + "\"")))
                    .as(q.name())
                    .isEqualTo(q.cypher());
            List<String> optional = q.params().stream()
                    .filter(p -> !p.required())
                    .map(QueryLibrary.Param::name)
                    .toList();
            if (!optional.isEmpty()) {
                String defaults = unescape(runnable(guide, "data-params=\"" + q.name() + "\""));
                assertThat(defaults).as(q.name()).startsWith(":param ");
                optional.forEach(name -> assertThat(defaults).as(q.name()).contains(name));
            }
        }
        assertThat(guide).doesNotContain("not set by the examples");
        // the model's parts and the pictures
        for (String part : List.of(
                "<h3>Person</h3>",
                "<h3>TIE</h3>",
                "<h3>MENTORS</h3>",
                "<h3>Run</h3>",
                "<h3>Skill, HAS_SKILL, WANTS_TO_LEARN</h3>",
                "<h3>SUGGESTED_MENTOR</h3>")) {
            assertThat(guide).contains(part);
        }
        for (String picture : List.of("person-network", "bridges", "weakening-mentorships", "suggested-mentors")) {
            assertThat(runnable(guide, "data-picture=\"" + picture + "\"")).contains("RETURN");
        }
        assertThat(guide).contains(":style http://127.0.0.1:" + httpPort + "/guides/mentorship-graph.grass");
    }

    @Test
    @Order(2)
    void theGuidesOwnQueriesRunAndFindTheLittleGraph() throws Exception {
        String guide = get("/guides/mentorship-graph").body();
        Matcher block = Pattern.compile("<pre class=\"code runnable\"( [^>]*)?>(.*?)</pre>", Pattern.DOTALL)
                .matcher(guide);
        int ran = 0;
        try (Driver driver = GraphDatabase.driver("bolt://127.0.0.1:" + boltPort, AuthTokens.basic("neo4j", password));
                Session session = driver.session()) {
            while (block.find()) {
                String attributes = String.valueOf(block.group(1));
                String text = unescape(block.group(2)).strip();
                if (text.startsWith(":") || attributes.contains("data-query")) continue; // commands; the library's
                assertThat(session.run(text).list()).as(text).isNotEmpty();
                ran++;
            }
        }
        assertThat(ran).as("the model's and the pictures' queries").isGreaterThanOrEqualTo(11);
    }

    @Test
    @Order(3)
    void aWrongPasswordIsRefused() throws Exception {
        browser.load("http://127.0.0.1:" + httpPort + "/browser/");
        awaitTrue("document.querySelector('input[data-testid=password]') !== null", "the connect form");
        // the connect form points at this server's Bolt port, from the server's discovery document
        String address = browser.eval("document.querySelector('input[data-testid=boltaddress]').value")
                .asText();
        assertThat(address).isEqualTo("127.0.0.1:" + boltPort);
        login("not-" + password);
        awaitTrue(
                "document.body.innerText.includes('The client is unauthorized due to authentication failure')",
                "the refusal");
        assertThat(browser.eval("document.querySelector('[data-testid=guidesDrawer]') === null")
                        .asBoolean())
                .isTrue();
    }

    @Test
    @Order(4)
    void theGeneratedPasswordLogsInAndOpensTheGuide() throws Exception {
        // the Browser tries a refused login more than once (neo4j://, then bolt://), so the server's rate limit
        // (3 failures lock the user for dbms.security.auth_lock_time, 5 s) holds: wait for it as a person would
        Thread.sleep(6_000);
        login(password);
        awaitTrue(
                "(document.querySelector('[data-testid=guidesDrawer]') || {innerText: ''}).innerText"
                        + ".includes('Mentorship graph')",
                "the guide, opened by browser.post_connect_cmd");
        awaitTrue("document.body.innerText.includes('node.Person')", "the style frame of :style");
    }

    @Test
    @Order(5)
    void theExamplesAndAQuestionOfTheLibraryRun() throws Exception {
        runGuideBlock("pre[data-examples]");
        awaitTrue(
                "document.body.innerText.includes('\"team_a\": \"Growth\"')"
                        + " && document.body.innerText.includes('\"person_id\": \"p1\"')",
                "the parameters set by the examples");
        runGuideBlock("pre[data-params=\"bridges-between-teams\"]");
        awaitTrue("document.body.innerText.includes('\"limit\": 10')", "the query's default limit");
        runGuideBlock("pre[data-query=\"bridges-between-teams\"]");
        // Ada (Platform) has active ties into Growth (Alan, Edsger) and into Platform (Grace): she bridges the two
        awaitTrue("document.body.innerText.includes('bridge_strength')", "the answer's table");
        awaitTrue("document.body.innerText.includes('Ada Lovelace')", "the bridge in the table");
    }

    @Test
    @Order(6)
    void aPictureOfTheGuideDrawsAGraphWithNamesAndStatuses() throws Exception {
        runGuideBlock("pre[data-picture=\"person-network\"]");
        // the top connector (Ada), her four contacts and their three teams
        awaitTrue("document.querySelectorAll('svg g.node').length === 8", "eight nodes drawn");
        JsonNode captions = browser.eval("Array.from(document.querySelectorAll('svg g.node')).map(n =>"
                + " Array.from(n.querySelectorAll('text')).map(t => t.textContent.trim()).filter(t => t).join(' '))");
        List<String> names = new ArrayList<>();
        captions.forEach(c -> names.add(c.asText()));
        assertThat(names).contains("Ada Lovelace", "Alan Turing", "Platform", "Growth", "Identity");
        JsonNode relationships = browser.eval("Array.from(document.querySelectorAll('svg g.relationship text'))"
                + ".map(t => t.textContent.trim()).filter(t => t)");
        assertThat(relationships.toString()).contains("weakening").contains("stable");
        // fold the overview panel away, as one does to look at the picture, and let the force layout settle
        browser.eval(
                "(() => { const b = document.querySelector('[aria-label=\"Collapse the node properties display\"]');"
                        + " if (b) b.click(); return true; })()");
        Thread.sleep(1500);
        JsonNode shot = browser.send("Page.captureScreenshot", Map.of("format", "png"));
        Path png = ROOT.resolve("jobs/target/neo4j-browser-screenshot.png");
        Files.createDirectories(png.getParent());
        Files.write(png, Base64.getDecoder().decode(shot.get("data").asText()));
        assertThat(Files.size(png)).isGreaterThan(20_000);
    }

    @Test
    @Order(7)
    void noRequestLeftTheMachine() {
        List<String> sent = new ArrayList<>();
        Set<String> blockedIds = new HashSet<>();
        for (JsonNode e : browser.events("Network.loadingFailed")) {
            if ("csp".equals(e.path("params").path("blockedReason").asText()))
                blockedIds.add(e.path("params").path("requestId").asText());
        }
        List<String> blocked = new ArrayList<>();
        List<String> left = new ArrayList<>();
        for (JsonNode e : browser.events("Network.requestWillBeSent")) {
            String url = e.path("params").path("request").path("url").asText();
            sent.add(url);
            if (url.startsWith("data:") || url.startsWith("blob:")) continue;
            String host = URI.create(url).getHost();
            if (LOOPBACK.contains(host)) continue;
            if (blockedIds.contains(e.path("params").path("requestId").asText())) blocked.add(url);
            else left.add(url);
        }
        for (JsonNode e : browser.events("Network.webSocketCreated")) {
            String url = e.path("params").path("url").asText();
            sent.add(url);
            if (!LOOPBACK.contains(URI.create(url).getHost())) left.add(url);
        }
        assertThat(sent).anyMatch(u -> u.startsWith("ws://127.0.0.1:" + boltPort));
        assertThat(sent).anyMatch(u -> u.startsWith("http://127.0.0.1:" + httpPort + "/guides/mentorship-graph"));
        assertThat(left)
                .as("requests to other hosts that the page's CSP did not stop")
                .isEmpty();
        System.out.println("Neo4jBrowserTest: " + sent.size() + " requests, all to 127.0.0.1; stopped by the CSP "
                + "before leaving: " + blocked);
    }

    // --- driving the page -------------------------------------------------------------------------------------

    /** Fills in the connect form (user neo4j) and connects. */
    void login(String secret) throws Exception {
        type("username", "neo4j");
        type("password", secret);
        browser.eval("document.querySelector('button[data-testid=connect]').click(), true");
    }

    /** Sets a field of the connect form as typing does for React's onChange: the value setter, an input event. */
    void type(String field, String text) throws Exception {
        browser.eval("(() => { const p = document.querySelector('input[data-testid=" + field + "]');"
                + " Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(p, "
                + Json.MAPPER.writeValueAsString(text) + ");"
                + " p.dispatchEvent(new Event('input', {bubbles: true})); return true; })()");
    }

    /** Pages through the guide until a block matching the selector shows, then clicks its play button. */
    void runGuideBlock(String selector) throws Exception {
        String find = "document.querySelector('[data-testid=guidesDrawer] " + selector.replace("'", "\\'") + "')";
        browser.eval("(() => { const first = document.querySelector('[data-testid=pagination-1]');"
                + " if (first) first.click(); return true; })()");
        Thread.sleep(100);
        for (int page = 0; page < 60; page++) {
            if (browser.eval(find + " !== null").asBoolean()) {
                assertThat(browser.eval("(() => { const i = " + find + ".querySelector('i');"
                                        + " if (!i) return false; i.click(); return true; })()")
                                .asBoolean())
                        .as("the play button of " + selector)
                        .isTrue();
                return;
            }
            browser.eval("document.querySelector('[data-testid=guideNextSlide]').click(), true");
            Thread.sleep(100);
        }
        throw new AssertionError("no slide of the guide has " + selector);
    }

    void awaitTrue(String expression, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (browser.eval("(() => { try { return !!(" + expression + "); } catch (e) { return false; } })()")
                    .asBoolean()) return;
            Thread.sleep(200);
        }
        JsonNode shot = browser.send("Page.captureScreenshot", Map.of("format", "png"));
        Files.write(
                ROOT.resolve("jobs/target/neo4j-browser-failure.png"),
                Base64.getDecoder().decode(shot.get("data").asText()));
        throw new AssertionError(
                "waited 30 s for " + what + " (jobs/target/neo4j-browser-failure.png); the page says:\n"
                        + browser.eval("document.body.innerText").asText());
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    /** The text of the guide's runnable block that has the attribute. */
    static String runnable(String guide, String attribute) {
        String tag = "<pre class=\"code runnable\" " + attribute + ">";
        int at = guide.indexOf(tag);
        assertThat(at).as("a block " + tag).isPositive();
        int start = at + tag.length();
        return guide.substring(start, guide.indexOf("</pre>", start));
    }

    static String unescape(String html) {
        return html.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&amp;", "&");
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Runs scripts/neo4j-local with the test's home and ports; fails with its output unless it exits 0. */
    String script(String command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", SCRIPT.toString(), command).redirectErrorStream(true);
        pb.environment().putAll(env);
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(170, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("scripts/neo4j-local " + command + " did not finish:\n" + out);
        }
        assertThat(p.exitValue())
                .as("scripts/neo4j-local " + command + ":\n" + out)
                .isZero();
        return out;
    }

    static int[] freePorts() throws IOException {
        try (ServerSocket a = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                ServerSocket b = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return new int[] {a.getLocalPort(), b.getLocalPort()};
        }
    }
}
