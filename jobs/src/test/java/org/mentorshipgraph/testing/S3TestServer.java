package org.mentorshipgraph.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * A real S3 API on 127.0.0.1 for tests: S3Proxy with jclouds' in-memory store ({@code org.mentorshipgraph.s3local.LocalS3}
 * of the s3-local module), in its own JVM (its Jetty and Netty 4.1 cannot share Spark's classpath). It dies with the
 * test JVM: it serves until its standard input closes. The classpath is the file named by system property
 * {@code s3.local.classpath.file} (Surefire passes it; see jobs/pom.xml) plus the module's classes.
 */
public final class S3TestServer implements AutoCloseable {
    public static final String ACCESS_KEY = "test-access-key";
    public static final String SECRET_KEY = "test-secret-key-0123456789";

    private final Process process;
    private final Path folder;
    private final int port;

    private S3TestServer(Process process, Path folder, int port) {
        this.process = process;
        this.folder = folder;
        this.port = port;
    }

    /** Starts a server with these buckets (each an empty folder). */
    public static S3TestServer start(String... buckets) {
        try {
            Path cpFile = Path.of(System.getProperty(
                    "s3.local.classpath.file",
                    Path.of(System.getProperty("project.root", ".."), "s3-local/target/s3proxy-classpath.txt")
                            .toString()));
            String cp = Files.readString(cpFile).strip()
                    + java.io.File.pathSeparator
                    + cpFile.getParent().resolve("classes");
            Path folder = Files.createTempDirectory("s3-test-");
            int port;
            try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                port = s.getLocalPort();
            }
            List<String> cmd = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m",
                    "-cp",
                    cp,
                    "org.mentorshipgraph.s3local.LocalS3",
                    String.valueOf(port),
                    folder.toString()));
            cmd.addAll(List.of(buckets));
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            pb.environment().put("S3_LOCAL_ACCESS_KEY", ACCESS_KEY);
            pb.environment().put("S3_LOCAL_SECRET_KEY", SECRET_KEY);
            // in memory: jclouds' folder-backed store answers the deletes of Spark's commit with errors that S3A
            // retries with back-off (minutes per run, measured); the test data is small
            pb.environment().put("S3_LOCAL_STORE", "transient");
            Process p = pb.start();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            StringBuilder seen = new StringBuilder();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            String line;
            while ((line = out.readLine()) != null) {
                seen.append(line).append('\n');
                if (line.startsWith("READY ")) break;
                if (System.nanoTime() > deadline) break;
            }
            if (line == null || !line.startsWith("READY ")) {
                p.destroyForcibly();
                throw new IllegalStateException("S3 test server did not start:\n" + seen);
            }
            // keep draining its output so it never blocks on a full pipe
            Thread drain = new Thread(() -> {
                try {
                    while (out.readLine() != null) {
                        // discard
                    }
                } catch (IOException ignored) {
                    // the server stopped
                }
            });
            drain.setDaemon(true);
            drain.start();
            S3TestServer server = new S3TestServer(p, folder, port);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    /** The folder behind the store (a bucket is a sub-folder). */
    public Path folder() {
        return folder;
    }

    /**
     * The {@code spark.hadoop.*} settings that point S3A at this server (path-style, no TLS, this endpoint), without
     * credentials: those come from the environment ({@link #credentialsEnvironment()}) or a test's own properties.
     */
    public Map<String, String> sparkSettings() {
        Map<String, String> m = new TreeMap<>();
        m.put("spark.hadoop.fs.s3a.endpoint", endpoint());
        m.put("spark.hadoop.fs.s3a.path.style.access", "true");
        m.put("spark.hadoop.fs.s3a.connection.ssl.enabled", "false");
        m.put("spark.hadoop.fs.s3a.endpoint.region", "us-east-1");
        // S3Proxy's Jetty does not answer "Expect: 100-continue" at once: the client would wait ~3 s before each PUT
        m.put("spark.hadoop.fs.s3a.connection.expect.continue", "false");
        m.put("spark.hadoop.fs.s3a.change.detection.version.required", "false");
        m.put("spark.hadoop.fs.s3a.attempts.maximum", "2");
        m.put("spark.hadoop.fs.s3a.retry.limit", "2");
        return m;
    }

    /** The keys as the standard AWS environment variables, for a child process. */
    public static Map<String, String> credentialsEnvironment() {
        return Map.of("AWS_ACCESS_KEY_ID", ACCESS_KEY, "AWS_SECRET_ACCESS_KEY", SECRET_KEY);
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // already gone
        }
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        deleteTree(folder);
    }

    static void deleteTree(Path p) {
        try (var s = Files.walk(p)) {
            s.sorted(java.util.Comparator.reverseOrder())
                    .forEach(x -> x.toFile().delete());
        } catch (IOException ignored) {
            // best effort
        }
    }
}
