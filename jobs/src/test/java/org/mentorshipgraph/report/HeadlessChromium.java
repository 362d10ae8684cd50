package org.mentorshipgraph.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.mentorshipgraph.files.Json;

/**
 * A real headless Chromium (Debian's {@code /usr/bin/chromium}) driven over the DevTools protocol with Java's own
 * {@link WebSocket}: no extra dependency. It records every console message, uncaught exception, log entry and
 * network request of the page, so a test can assert there were none it did not expect. Public for the tests of other
 * packages (the Neo4j Browser's, {@code org.mentorshipgraph.browser}).
 */
public final class HeadlessChromium implements AutoCloseable {
    public static final Path BINARY = Path.of("/usr/bin/chromium");
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();
    private final List<String> stderr = new CopyOnWriteArrayList<>();

    public static boolean available() {
        return Files.isExecutable(BINARY);
    }

    public HeadlessChromium(int width, int height) throws Exception {
        profile = Files.createTempDirectory("mg-chromium-profile");
        process = new ProcessBuilder(
                        BINARY.toString(),
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-quic",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--no-first-run",
                        "--no-default-browser-check",
                        "--disable-extensions",
                        "--hide-scrollbars",
                        "--mute-audio",
                        "--remote-debugging-address=127.0.0.1",
                        "--remote-debugging-port=0",
                        "--user-data-dir=" + profile,
                        "--window-size=" + width + "," + height,
                        "about:blank")
                .redirectErrorStream(false)
                .start();
        process.getOutputStream().close();
        String browserWs = awaitDevToolsUrl();
        URI browser = URI.create(browserWs);
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        String pageWs = null;
        for (int attempt = 0; attempt < 50 && pageWs == null; attempt++) {
            HttpResponse<String> list = http.send(
                    HttpRequest.newBuilder(
                                    URI.create("http://" + browser.getHost() + ":" + browser.getPort() + "/json/list"))
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            for (JsonNode t : Json.MAPPER.readTree(list.body())) {
                if ("page".equals(t.path("type").asText())) {
                    pageWs = t.get("webSocketDebuggerUrl").asText();
                    break;
                }
            }
            if (pageWs == null) Thread.sleep(100);
        }
        if (pageWs == null) throw new IllegalStateException("chromium opened no page target");
        socket = http.newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .buildAsync(URI.create(pageWs), new Listener())
                .get(20, TimeUnit.SECONDS);
    }

    private String awaitDevToolsUrl() throws Exception {
        CompletableFuture<String> url = new CompletableFuture<>();
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader r = new BufferedReader(
                            new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                        String line;
                        while ((line = r.readLine()) != null) {
                            stderr.add(line);
                            Matcher m = LISTENING.matcher(line);
                            if (m.find()) url.complete(m.group(1));
                        }
                    } catch (IOException ignored) {
                        // the process ended
                    }
                    url.completeExceptionally(
                            new IllegalStateException("chromium exited without a DevTools URL: " + stderr));
                },
                "chromium-stderr");
        reader.setDaemon(true);
        reader.start();
        return url.get(60, TimeUnit.SECONDS);
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    JsonNode msg = Json.MAPPER.readTree(text);
                    if (msg.has("id")) {
                        CompletableFuture<JsonNode> f =
                                pending.remove(msg.get("id").asInt());
                        if (f != null) {
                            if (msg.has("error"))
                                f.completeExceptionally(
                                        new IllegalStateException("DevTools error: " + msg.get("error")));
                            else f.complete(msg.get("result"));
                        }
                    } else {
                        events.add(msg);
                    }
                } catch (IOException e) {
                    events.add(Json.MAPPER
                            .createObjectNode()
                            .put("method", "unparseable")
                            .put("text", text));
                }
            }
            ws.request(1);
            return null;
        }
    }

    /** Sends one DevTools command and waits for its result. */
    public JsonNode send(String method, Map<String, Object> params) throws Exception {
        int id = ids.incrementAndGet();
        ObjectNode msg = Json.MAPPER.createObjectNode();
        msg.put("id", id);
        msg.put("method", method);
        msg.set("params", Json.MAPPER.valueToTree(params));
        CompletableFuture<JsonNode> f = new CompletableFuture<>();
        pending.put(id, f);
        socket.sendText(Json.MAPPER.writeValueAsString(msg), true).get(10, TimeUnit.SECONDS);
        return f.get(60, TimeUnit.SECONDS);
    }

    /** Navigates and waits for the load event. */
    public void load(String url) throws Exception {
        int before = events.size();
        send("Page.navigate", Map.of("url", url));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            for (JsonNode e : events.subList(before, events.size())) {
                if ("Page.loadEventFired".equals(e.path("method").asText())) return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the page did not finish loading in 60 s");
    }

    /** Evaluates a JavaScript expression in the page and returns its value (JSON). */
    public JsonNode eval(String expression) throws Exception {
        JsonNode r =
                send("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true, "awaitPromise", true));
        if (r.has("exceptionDetails"))
            throw new IllegalStateException("page script failed: " + r.get("exceptionDetails"));
        return r.path("result").path("value");
    }

    public List<JsonNode> events() {
        return new ArrayList<>(events);
    }

    public List<JsonNode> events(String method) {
        return events.stream()
                .filter(e -> method.equals(e.path("method").asText()))
                .toList();
    }

    @Override
    public void close() throws Exception {
        try {
            if (socket != null) socket.abort();
        } finally {
            // chromium's helper processes (renderer, network service) outlive the browser process for a moment and
            // keep writing into the profile: stop them all, then delete the profile as best we can
            List<ProcessHandle> helpers = process.descendants().toList();
            process.destroy();
            helpers.forEach(ProcessHandle::destroy);
            if (!process.waitFor(10, TimeUnit.SECONDS))
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            for (ProcessHandle h : helpers) {
                try {
                    h.onExit().get(5, TimeUnit.SECONDS);
                } catch (java.util.concurrent.TimeoutException e) {
                    h.destroyForcibly();
                }
            }
            deleteProfile();
        }
    }

    /** Deletes the temporary profile; a file that vanishes while we walk it is already gone, so we walk again. */
    private void deleteProfile() {
        for (int attempt = 0; attempt < 3 && Files.exists(profile); attempt++) {
            try (Stream<Path> s = Files.walk(profile)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (java.io.IOException | java.io.UncheckedIOException e) {
                // something was removed during the walk: try again
            }
        }
    }
}
