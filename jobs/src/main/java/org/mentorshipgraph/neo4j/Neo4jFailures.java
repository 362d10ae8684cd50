package org.mentorshipgraph.neo4j;

import org.mentorshipgraph.failures.JobFailure;
import org.neo4j.driver.exceptions.AuthenticationException;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.DatabaseException;
import org.neo4j.driver.exceptions.FatalDiscoveryException;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.exceptions.SecurityException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.neo4j.driver.exceptions.TransientException;

/**
 * Which driver failures are "Neo4j is unavailable or refused us" (exit code 4, one line, the files of the run are
 * complete) and which are bugs of ours (a Cypher error: left as they are, exit code 1 with the details).
 */
public final class Neo4jFailures {
    private Neo4jFailures() {}

    /** The failure as a {@link JobFailure} with exit code 4 when it is about the server, else the exception itself. */
    public static RuntimeException explain(RuntimeException e, String where, String database) {
        if (e instanceof JobFailure) return e;
        if (!(e instanceof Neo4jException n)) return e;
        String what = oneLine(n.getMessage());
        if (n instanceof AuthenticationException) {
            return JobFailure.neo4j(
                    where + " refused the login (check NEO4J_USERNAME and NEO4J_PASSWORD or neo4j.password-file): "
                            + what,
                    e);
        }
        if (n instanceof SecurityException) return JobFailure.neo4j(where + " refused the write: " + what, e);
        if (n instanceof FatalDiscoveryException || "Neo.ClientError.Database.DatabaseNotFound".equals(n.code())) {
            return JobFailure.neo4j(
                    where + " has no database '" + database + "' (set neo4j.database / --neo4j-database): " + what, e);
        }
        if (n instanceof ServiceUnavailableException || n instanceof SessionExpiredException) {
            return JobFailure.neo4j(where + " became unreachable during the write, retries exhausted: " + what, e);
        }
        if (n instanceof TransientException)
            return JobFailure.neo4j(where + " kept failing transiently, retries exhausted: " + what, e);
        if (n instanceof DatabaseException) return JobFailure.neo4j(where + " failed: " + what, e);
        if (n instanceof ClientException && n.code() != null && n.code().startsWith("Neo.ClientError.General.")) {
            return JobFailure.neo4j(where + " refused the write: " + what, e); // e.g. a read-only database
        }
        return e;
    }

    static String oneLine(String s) {
        if (s == null) return "(no message)";
        String line = s.replaceAll("\\s+", " ").strip();
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
