package org.mentorshipgraph.neo4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.mentorshipgraph.config.JobConfig;
import org.mentorshipgraph.failures.JobFailure;
import org.mentorshipgraph.progress.StepLog;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.exceptions.AuthenticationException;
import org.neo4j.driver.exceptions.SecurityException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;

/**
 * Opens a driver to whatever Neo4j the configuration names ({@code bolt://}, {@code neo4j://}, {@code neo4j+s://} …).
 * Credentials come from {@code NEO4J_PASSWORD} or {@code neo4j.password-file}, never from the command line, and are
 * never logged. An unreachable server is retried with backoff for {@code neo4j.retry-seconds}; a refused login
 * fails at once. Both end as exit code 4 with a one-line reason.
 */
public final class Neo4jConnection {
    private Neo4jConnection() {}

    public static Driver open(JobConfig config, Map<String, String> environment) {
        String uri = config.neo4jUri();
        if (uri.isBlank()) throw JobFailure.usage("no Neo4j URI: set --neo4j-uri or NEO4J_URI, or pass --no-neo4j");
        String password = password(config, environment);
        Driver driver;
        try {
            driver = GraphDatabase.driver(
                    uri,
                    AuthTokens.basic(config.neo4jUsername(), password),
                    Config.builder()
                            .withConnectionTimeout(10, TimeUnit.SECONDS)
                            .withMaxTransactionRetryTime(
                                    (long) Math.max(5, config.neo4jRetrySeconds()), TimeUnit.SECONDS)
                            .withMaxConnectionPoolSize(Math.max(4, config.neo4jParallelism() + 2))
                            .withLogging(org.neo4j.driver.Logging.none())
                            .build());
        } catch (IllegalArgumentException e) {
            throw JobFailure.usage("bad Neo4j URI '" + JobConfig.maskUserInfo(uri) + "': " + e.getMessage());
        }
        long deadline = System.nanoTime() + (long) (config.neo4jRetrySeconds() * 1e9);
        long backoffMs = 500;
        while (true) {
            try {
                driver.verifyConnectivity();
                return driver;
            } catch (AuthenticationException e) {
                driver.close();
                throw JobFailure.neo4j(
                        "Neo4j at " + JobConfig.maskUserInfo(uri) + " refused the login of user '"
                                + config.neo4jUsername()
                                + "' (check NEO4J_USERNAME and NEO4J_PASSWORD or neo4j.password-file)",
                        e);
            } catch (SecurityException e) {
                driver.close();
                throw JobFailure.neo4j(
                        "Neo4j at " + JobConfig.maskUserInfo(uri) + " refused the connection: " + e.getMessage(), e);
            } catch (ServiceUnavailableException | SessionExpiredException e) {
                if (System.nanoTime() > deadline) {
                    driver.close();
                    throw JobFailure.neo4j(
                            "Neo4j at " + JobConfig.maskUserInfo(uri) + " is unreachable after "
                                    + (long) config.neo4jRetrySeconds() + " s of retries: " + e.getMessage(),
                            e);
                }
                StepLog.warn(
                        "Neo4j at %s not reachable yet (%s); retrying in %.1f s",
                        JobConfig.maskUserInfo(uri), e.getMessage(), backoffMs / 1000.0);
                try {
                    Thread.sleep(backoffMs);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw JobFailure.neo4j("interrupted while waiting for Neo4j", ie);
                }
                backoffMs = Math.min(8000, backoffMs * 2);
            }
        }
    }

    static String password(JobConfig config, Map<String, String> environment) {
        String file = config.neo4jPasswordFile();
        if (!file.isBlank()) {
            try {
                return Files.readString(Path.of(file)).strip();
            } catch (IOException e) {
                throw JobFailure.usage("cannot read neo4j.password-file " + file + ": " + e.getMessage());
            }
        }
        String p = environment.get("NEO4J_PASSWORD");
        if (p == null || p.isEmpty()) {
            throw JobFailure.usage(
                    "no Neo4j password: set NEO4J_PASSWORD or neo4j.password-file (never on the command line)");
        }
        return p;
    }
}
