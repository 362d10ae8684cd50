package org.mentorshipgraph.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.exceptions.AuthenticationException;

class Neo4jTestServerTest {

    private static Neo4jTestServer server;

    @BeforeAll
    static void startServer() {
        server = Neo4jTestServer.get();
        System.out.println("Neo4j test server ready in " + server.startupTime().toMillis() + " ms at "
                + server.boltUri() + " / " + server.httpUri() + " (home " + server.home() + ")");
    }

    @Test
    void isAJvmWideSingletonOnLoopbackPorts() {
        assertThat(Neo4jTestServer.get()).isSameAs(server);
        assertThat(server.boltUri()).startsWith("bolt://127.0.0.1:");
        assertThat(server.httpUri()).startsWith("http://127.0.0.1:");
        assertThat(server.username()).isEqualTo("neo4j");
        assertThat(server.password()).hasSizeGreaterThanOrEqualTo(16);
        assertThat(server.home()).isDirectory();
        assertThat(server.home().toString()).doesNotContain(".state");
    }

    @Test
    void answersCypherOverBolt() {
        try (Driver driver =
                        GraphDatabase.driver(server.boltUri(), AuthTokens.basic(server.username(), server.password()));
                Session session = driver.session()) {
            driver.verifyConnectivity();
            int one = session.run("RETURN 1 AS one").single().get("one").asInt();
            assertThat(one).isEqualTo(1);
            String edition = session.run("CALL dbms.components() YIELD versions, edition "
                            + "RETURN versions[0] + ' ' + edition AS v")
                    .single()
                    .get("v")
                    .asString();
            assertThat(edition).isEqualTo("5.26.30 community");
        }
    }

    @Test
    void refusesAWrongPassword() {
        try (Driver driver = GraphDatabase.driver(
                server.boltUri(), AuthTokens.basic(server.username(), server.password() + "-wrong"))) {
            assertThatThrownBy(driver::verifyConnectivity).isInstanceOf(AuthenticationException.class);
        }
    }

    @Test
    void clearDataEmptiesTheGraph() {
        try (Driver driver =
                        GraphDatabase.driver(server.boltUri(), AuthTokens.basic(server.username(), server.password()));
                Session session = driver.session()) {
            long before = count(session); // the server is shared by the test JVM: other tests may have left data
            session.run("UNWIND range(1, 100) AS i CREATE (:ClearMe {i: i})-[:NEXT]->(:ClearMe {i: -i})")
                    .consume();
            assertThat(count(session)).isEqualTo(before + 200);
            server.clearData();
            assertThat(count(session)).isZero();
        }
    }

    private static long count(Session session) {
        List<Record> records = session.run("MATCH (n) RETURN count(n) AS n").list();
        return records.get(0).get("n").asLong();
    }
}
