package org.mentorshipgraph.neo4jlocal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.neo4j.cli.AdminTool;
import org.neo4j.cli.ExecutionContext;

/**
 * Sets the initial password of the {@code neo4j} user with Neo4j's own admin tool
 * ({@code neo4j-admin dbms set-initial-password}), run in-process so that the password never
 * appears on a command line (where {@code ps} would show it to every user of the machine).
 *
 * <pre>
 * java -cp CLASSES:NEO4J_CP org.mentorshipgraph.neo4jlocal.InitialPassword \
 *     --home-dir=HOME --config-dir=HOME/conf (--password-file=FILE | --password-stdin)
 * </pre>
 *
 * Only effective before the server's first start (Neo4j reads {@code data/dbms/auth.ini} when it
 * creates the system database).
 */
public final class InitialPassword {

    private InitialPassword() {}

    public static void main(String[] args) throws IOException {
        Path home = null;
        Path conf = null;
        String password = null;
        for (String arg : args) {
            if (arg.startsWith("--home-dir=")) {
                home = Path.of(arg.substring("--home-dir=".length()));
            } else if (arg.startsWith("--config-dir=")) {
                conf = Path.of(arg.substring("--config-dir=".length()));
            } else if (arg.startsWith("--password-file=")) {
                password = firstLine(
                        Files.readString(Path.of(arg.substring("--password-file=".length())), StandardCharsets.UTF_8));
            } else if (arg.equals("--password-stdin")) {
                password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            } else {
                usage("unknown argument: " + arg);
            }
        }
        if (home == null || password == null) {
            usage("--home-dir and a password source are required");
        }
        System.exit(set(home, conf != null ? conf : home.resolve("conf"), password));
    }

    /** Runs {@code dbms set-initial-password}; returns the admin tool's exit code (0 = done). */
    public static int set(Path home, Path conf, String password) {
        if (password == null || password.isBlank()) {
            throw new IllegalArgumentException("empty password");
        }
        return AdminTool.execute(new ExecutionContext(home, conf), "dbms", "set-initial-password", password);
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return (end < 0 ? text : text.substring(0, end)).strip();
    }

    private static void usage(String problem) {
        System.err.println("InitialPassword: " + problem);
        System.err.println("usage: InitialPassword --home-dir=HOME [--config-dir=CONF] "
                + "(--password-file=FILE | --password-stdin)");
        System.exit(64);
    }
}
