package org.mentorshipgraph.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A throwaway Neo4j 5.26 server for tests: one per test JVM, started on first use of {@link #get()},
 * stopped and deleted when the JVM exits.
 *
 * <p>It is the real server ({@code org.neo4j.server.CommunityEntryPoint}, as {@code neo4j console}
 * runs it) in a separate JVM, because Neo4j's Netty 4.1 cannot share a classpath with Spark's 4.2.
 * The server JVM's classpath is the neo4j-local module's: the file named by system property
 * {@code neo4j.local.classpath.file} plus the directory {@code neo4j.local.classes} (Surefire passes
 * both; see jobs/pom.xml). Its entry point is
 * {@code org.mentorshipgraph.neo4jlocal.ThrowawayServer}, which sets the initial password
 * (read from its stdin) and then calls {@code CommunityEntryPoint.main}; when this JVM dies, however
 * abruptly, the server JVM sees its stdin close and shuts itself down.
 *
 * <p>Everything lives in a fresh temporary NEO4J_HOME ({@link Files#createTempDirectory}); the
 * analysts' server in {@code .state/neo4j} is never touched. Ports are free loopback ports. Homes
 * left behind by test JVMs that were killed (kill -9) are deleted by the next start.
 *
 * <p>The database starts empty and is shared by all tests of the JVM: tests that need an empty
 * graph call {@link #clearData()} first, or use labels of their own.
 *
 * <p>Optional system properties: {@code neo4j.test.heap} (default 1g), {@code neo4j.test.pagecache}
 * (default 128m), {@code neo4j.test.jvmArgs} (extra server JVM options, default
 * {@code -XX:TieredStopAtLevel=1} for a faster start; set it to a blank string for full JIT),
 * {@code neo4j.test.startTimeoutSeconds} (default 120), {@code neo4j.test.keepHome}
 * ({@code true} keeps the temporary home, logs included, after the JVM exits).
 *
 * <p>JDK classes only, so it compiles wherever the tests do.
 */
public final class Neo4jTestServer {

    public static final String CLASSPATH_FILE_PROPERTY = "neo4j.local.classpath.file";
    public static final String CLASSES_PROPERTY = "neo4j.local.classes";

    private static final String USERNAME = "neo4j";
    private static final String ENTRY_POINT = "org.mentorshipgraph.neo4jlocal.ThrowawayServer";
    private static final String RESOURCES = "org/mentorshipgraph/neo4jlocal/";
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final int START_ATTEMPTS = 3;
    /**
     * C1 only: the server JVM burns about 40% less CPU before it is ready (16 s to 9.5 s measured here),
     * at the price of slower steady-state queries, which test-sized data does not notice.
     */
    private static final String DEFAULT_EXTRA_JVM_ARGS = "-XX:TieredStopAtLevel=1";

    private static final String HOME_PREFIX = "neo4j-test-";
    private static final String OWNER_FILE = "owner.pid";

    private static final Object LOCK = new Object();
    private static volatile Neo4jTestServer instance;
    private static RuntimeException startFailure;

    private final Path home;
    private final Process process;
    private final OutputStream parentPipe; // held open: closing it (or dying) stops the server
    private final int boltPort;
    private final int httpPort;
    private final String password;
    private volatile Duration startupTime = Duration.ZERO;

    private Neo4jTestServer(Path home, Process process, int boltPort, int httpPort, String password) {
        this.home = home;
        this.process = process;
        this.parentPipe = process.getOutputStream();
        this.boltPort = boltPort;
        this.httpPort = httpPort;
        this.password = password;
    }

    /** The server of this JVM, started on the first call (which takes about ten seconds). */
    public static Neo4jTestServer get() {
        Neo4jTestServer server = instance;
        if (server != null) {
            return server;
        }
        synchronized (LOCK) {
            if (instance == null) {
                if (startFailure != null) {
                    throw new IllegalStateException(
                            "the Neo4j test server failed to start earlier in this JVM", startFailure);
                }
                try {
                    instance = start();
                } catch (RuntimeException e) {
                    startFailure = e;
                    throw e;
                }
            }
            return instance;
        }
    }

    /** {@code bolt://127.0.0.1:PORT} */
    public String boltUri() {
        return "bolt://127.0.0.1:" + boltPort;
    }

    /** {@code http://127.0.0.1:PORT} */
    public String httpUri() {
        return "http://127.0.0.1:" + httpPort;
    }

    public String username() {
        return USERNAME;
    }

    public String password() {
        return password;
    }

    public int boltPort() {
        return boltPort;
    }

    public int httpPort() {
        return httpPort;
    }

    /** The temporary NEO4J_HOME (logs in {@code logs/}); deleted when the JVM exits. */
    public Path home() {
        return home;
    }

    /** How long the start took, from launching the JVM until Bolt and HTTP answered. */
    public Duration startupTime() {
        return startupTime;
    }

    /**
     * Deletes every node and relationship of database {@code neo4j}, in batches (over the HTTP
     * Query API, so that this class needs no driver). Indexes and constraints stay.
     */
    public void clearData() {
        String body = "{\"statement\":\"MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS\"}";
        try {
            HttpURLConnection connection =
                    (HttpURLConnection) new URL(httpUri() + "/db/neo4j/query/v2").openConnection();
            connection.setRequestMethod("POST");
            connection.setDoOutput(true);
            connection.setConnectTimeout(5_000);
            connection.setReadTimeout(300_000);
            connection.setRequestProperty("Content-Type", "application/json");
            connection.setRequestProperty("Accept", "application/json");
            connection.setRequestProperty(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString((USERNAME + ":" + password).getBytes(StandardCharsets.UTF_8)));
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body.getBytes(StandardCharsets.UTF_8));
            }
            int status = connection.getResponseCode();
            InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream();
            String response = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (status >= 300 || response.contains("\"errors\"")) {
                throw new IllegalStateException("clearing the test database failed: HTTP " + status + " " + response);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("clearing the test database failed", e);
        }
    }

    // ---------------------------------------------------------------------------------------------

    private static Neo4jTestServer start() {
        Path classpathFile = Path.of(requiredProperty(CLASSPATH_FILE_PROPERTY));
        Path classes = Path.of(requiredProperty(CLASSES_PROPERTY));
        if (!Files.isRegularFile(classpathFile)
                || !Files.isRegularFile(classes.resolve(RESOURCES + "neo4j-base.conf"))) {
            throw new IllegalStateException("the neo4j-local module is not built (" + classpathFile + ", " + classes
                    + "): run mvn -pl neo4j-local,jobs -am test, or mvn -pl neo4j-local package first");
        }
        String classpath;
        List<String> jvmOptions;
        String baseConf;
        try {
            classpath = classes
                    + java.io.File.pathSeparator
                    + Files.readString(classpathFile).strip();
            jvmOptions = readJvmOptions(classes.resolve(RESOURCES + "jvm-options.txt"));
            baseConf = Files.readString(classes.resolve(RESOURCES + "neo4j-base.conf"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }

        deleteAbandonedHomes();
        IllegalStateException failure = null;
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            try {
                return startOnce(classpath, jvmOptions, baseConf);
            } catch (PortTakenException e) {
                // Another process grabbed a port between our probe and the server's bind: try new ports.
                failure = e;
            }
        }
        throw failure;
    }

    private static Neo4jTestServer startOnce(String classpath, List<String> jvmOptions, String baseConf) {
        String heap = System.getProperty("neo4j.test.heap", "1g");
        String pagecache = System.getProperty("neo4j.test.pagecache", "128m");
        long timeoutSeconds = Long.getLong("neo4j.test.startTimeoutSeconds", 120);
        boolean keepHome = Boolean.getBoolean("neo4j.test.keepHome");

        Path home;
        int[] ports;
        try {
            home = Files.createTempDirectory(HOME_PREFIX);
            Files.writeString(home.resolve(OWNER_FILE), ProcessHandle.current().pid() + "\n");
            for (String dir : List.of("conf", "data", "logs", "plugins", "import", "run")) {
                Files.createDirectories(home.resolve(dir));
            }
            ports = freePorts(2);
            Files.writeString(
                    home.resolve("conf/neo4j.conf"),
                    baseConf
                            + "\n# Throwaway test server (org.mentorshipgraph.testing.Neo4jTestServer)\n"
                            + "server.bolt.listen_address=127.0.0.1:" + ports[0] + "\n"
                            + "server.bolt.advertised_address=127.0.0.1:" + ports[0] + "\n"
                            + "server.http.listen_address=127.0.0.1:" + ports[1] + "\n"
                            + "server.http.advertised_address=127.0.0.1:" + ports[1] + "\n"
                            + "server.memory.heap.initial_size=" + heap + "\n"
                            + "server.memory.heap.max_size=" + heap + "\n"
                            + "server.memory.pagecache.size=" + pagecache + "\n"
                            // Small transaction log files: nothing to keep, less to preallocate.
                            + "db.tx_log.rotation.size=16M\n"
                            + "db.tx_log.rotation.retention_policy=false\n");
        } catch (IOException e) {
            throw new UncheckedIOException("preparing a temporary NEO4J_HOME failed", e);
        }

        String password = newPassword();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-Xms" + heap);
        command.add("-Xmx" + heap);
        for (String option : System.getProperty("neo4j.test.jvmArgs", DEFAULT_EXTRA_JVM_ARGS)
                .trim()
                .split("\\s+")) {
            if (!option.isEmpty()) {
                command.add(option);
            }
        }
        command.add("-cp");
        command.add(classpath);
        command.add(ENTRY_POINT);
        command.add("--home-dir=" + home);
        command.add("--config-dir=" + home.resolve("conf"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("logs/console.log").toFile());
        builder.environment().put("NEO4J_HOME", home.toString());
        builder.environment().put("NEO4J_CONF", home.resolve("conf").toString());

        long started = System.nanoTime();
        Process process;
        try {
            process = builder.start();
            OutputStream stdin = process.getOutputStream();
            stdin.write((password + "\n").getBytes(StandardCharsets.UTF_8));
            stdin.flush(); // and keep it open: its end tells the server we are gone
        } catch (IOException e) {
            deleteQuietly(home);
            throw new UncheckedIOException("launching the Neo4j test server failed", e);
        }

        Neo4jTestServer server = new Neo4jTestServer(home, process, ports[0], ports[1], password);
        Thread hook = new Thread(() -> server.shutdown(keepHome), "neo4j-test-server-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);

        long deadline = started + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        boolean bolt = false;
        boolean http = false;
        while (!(bolt && http)) {
            if (!process.isAlive()) {
                String logs = server.logTail();
                removeHook(hook);
                server.shutdown(keepHome);
                if (logs.contains("Address already in use")) {
                    throw new PortTakenException("Neo4j test server could not bind its ports\n" + logs);
                }
                throw new IllegalStateException("the Neo4j test server exited during start-up (exit code "
                        + process.exitValue() + ")\n" + logs);
            }
            if (System.nanoTime() > deadline) {
                String logs = server.logTail();
                removeHook(hook);
                server.shutdown(keepHome);
                throw new IllegalStateException("the Neo4j test server did not answer within " + timeoutSeconds
                        + " s (bolt " + bolt + ", http " + http + ")\n" + logs);
            }
            bolt = bolt || boltAnswers(ports[0]);
            http = http || httpAnswers(ports[1]);
            if (!(bolt && http)) {
                sleep(100);
            }
        }
        server.startupTime = Duration.ofNanos(System.nanoTime() - started);
        return server;
    }

    /** Graceful stop (SIGTERM: Neo4j's own shutdown), forced after 30 s; then the home goes. */
    private void shutdown(boolean keepHome) {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        try {
            parentPipe.close();
        } catch (IOException ignored) {
            // the process is gone anyway
        }
        if (keepHome) {
            System.err.println("Neo4jTestServer: kept " + home);
        } else {
            deleteQuietly(home);
        }
    }

    /** The last lines of the server's logs, for failure messages. */
    public String logTail() {
        StringBuilder text = new StringBuilder();
        for (String name : List.of("logs/console.log", "logs/neo4j.log")) {
            Path file = home.resolve(name);
            try {
                if (Files.isRegularFile(file)) {
                    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                    text.append("----- ").append(file).append(" -----\n");
                    lines.subList(Math.max(0, lines.size() - 30), lines.size())
                            .forEach(line -> text.append(line).append('\n'));
                }
            } catch (IOException | UncheckedIOException e) {
                text.append("(cannot read ")
                        .append(file)
                        .append(": ")
                        .append(e.getMessage())
                        .append(")\n");
            }
        }
        return text.toString();
    }

    private static String requiredProperty(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + name + " is not set: it comes from Surefire's "
                    + "systemPropertyVariables in jobs/pom.xml (run the tests through Maven, or set it in the IDE)");
        }
        return value;
    }

    private static List<String> readJvmOptions(Path file) throws IOException {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.map(line -> line.replaceFirst("#.*", "").strip())
                    .filter(line -> !line.isEmpty())
                    .collect(Collectors.toList());
        }
    }

    private static int[] freePorts(int count) throws IOException {
        List<ServerSocket> held = new ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0, 1, LOOPBACK);
                held.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket socket : held) {
                socket.close();
            }
        }
    }

    /** Starts with a letter: a base64url password that starts with '-' is read as an option by set-initial-password. */
    private static String newPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return "p" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A Bolt handshake: true once the server agrees on a protocol version. */
    private static boolean boltAnswers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(LOOPBACK, port), 1000);
            socket.setSoTimeout(2000);
            OutputStream out = socket.getOutputStream();
            out.write(new byte[] {
                (byte) 0x60,
                (byte) 0x60,
                (byte) 0xB0,
                (byte) 0x17, // magic preamble
                0,
                8,
                8,
                5, // 5.8 down to 5.0
                0,
                0,
                4,
                4, // 4.4
                0,
                0,
                0,
                4, // 4.0
                0,
                0,
                0,
                3
            }); // 3.0
            out.flush();
            byte[] version = socket.getInputStream().readNBytes(4);
            return version.length == 4 && (version[2] != 0 || version[3] != 0);
        } catch (IOException e) {
            return false;
        }
    }

    /** True once the HTTP API serves its discovery document (Neo4j opens HTTP last). */
    private static boolean httpAnswers(int port) {
        HttpURLConnection connection = null;
        try {
            connection = (HttpURLConnection) new URL("http://127.0.0.1:" + port + "/").openConnection();
            connection.setConnectTimeout(1000);
            connection.setReadTimeout(2000);
            connection.setRequestProperty("Accept", "application/json");
            if (connection.getResponseCode() != 200) {
                return false;
            }
            try (InputStream in = connection.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8).contains("neo4j_version");
            }
        } catch (IOException e) {
            return false;
        } finally {
            if (connection != null) {
                connection.disconnect();
            }
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException ignored) {
            // already shutting down
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the Neo4j test server", e);
        }
    }

    /**
     * Deletes the temporary homes of test JVMs that were killed before their shutdown hook could run
     * (their servers stop by themselves, see the class comment, but the files stay behind).
     */
    private static void deleteAbandonedHomes() {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        try (Stream<Path> dirs = Files.list(tmp)) {
            dirs.filter(dir -> dir.getFileName().toString().startsWith(HOME_PREFIX))
                    .filter(dir -> !alive(dir.resolve(OWNER_FILE)) && !alive(dir.resolve("run/neo4j.pid")))
                    .filter(dir -> Files.isRegularFile(dir.resolve(OWNER_FILE)))
                    .forEach(Neo4jTestServer::deleteQuietly);
        } catch (IOException | UncheckedIOException e) {
            // best effort only
        }
    }

    /** True if the file holds the pid of a live process (or cannot be read: then assume alive). */
    private static boolean alive(Path pidFile) {
        if (!Files.exists(pidFile)) {
            return false;
        }
        try {
            long pid = Long.parseLong(Files.readString(pidFile).strip());
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        } catch (IOException | NumberFormatException e) {
            return true;
        }
    }

    private static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            System.err.println("Neo4jTestServer: could not delete " + dir + ": " + e);
        }
    }

    private static final class PortTakenException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        PortTakenException(String message) {
            super(message);
        }
    }
}
