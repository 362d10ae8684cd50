package org.mentorshipgraph.neo4jlocal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.neo4j.server.CommunityEntryPoint;

/**
 * Entry point of the throwaway servers the job's tests start (see
 * {@code jobs/src/test/java/org/mentorshipgraph/testing/Neo4jTestServer.java}): a thin wrapper
 * that prepares, then hands over to Neo4j's real {@link CommunityEntryPoint} in the same JVM.
 *
 * <ol>
 *   <li>reads the initial password from the first line of stdin and sets it with Neo4j's admin
 *       tool in-process (saves starting a second JVM, and keeps the password off the command line);</li>
 *   <li>keeps reading stdin on a daemon thread: when the parent test JVM goes away, however it dies,
 *       the pipe closes and this JVM exits, which runs Neo4j's own shutdown hook, so no server is
 *       ever left behind;</li>
 *   <li>calls {@code CommunityEntryPoint.main(args)} with the unchanged arguments
 *       ({@code --home-dir=HOME --config-dir=HOME/conf}).</li>
 * </ol>
 */
public final class ThrowawayServer {

    private ThrowawayServer() {}

    public static void main(String[] args) throws IOException {
        Path home = null;
        Path conf = null;
        for (String arg : args) {
            if (arg.startsWith("--home-dir=")) {
                home = Path.of(arg.substring("--home-dir=".length()));
            } else if (arg.startsWith("--config-dir=")) {
                conf = Path.of(arg.substring("--config-dir=".length()));
            }
        }
        if (home == null) {
            System.err.println("usage: ThrowawayServer --home-dir=HOME [--config-dir=CONF] < password");
            System.exit(64);
        }
        BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String password = stdin.readLine();
        if (password == null || password.isBlank()) {
            System.err.println("ThrowawayServer: no initial password on stdin");
            System.exit(64);
        }
        int status = InitialPassword.set(home, conf != null ? conf : home.resolve("conf"), password.strip());
        if (status != 0) {
            System.err.println("ThrowawayServer: set-initial-password failed with exit code " + status);
            System.exit(status);
        }

        Thread parentWatch = new Thread(
                () -> {
                    try {
                        while (stdin.read() >= 0) {
                            // ignore anything else the parent writes; only end-of-stream matters
                        }
                    } catch (IOException ignored) {
                        // a broken pipe means the parent is gone, too
                    }
                    System.err.println("ThrowawayServer: stdin closed (test JVM gone), shutting down");
                    System.exit(0);
                },
                "parent-watch");
        parentWatch.setDaemon(true);
        parentWatch.start();

        CommunityEntryPoint.main(args);
    }
}
