package fr.thdtracker.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import fr.thdtracker.DemoDatabaseTest;
import fr.thdtracker.common.StatementTimeouts;

/**
 * Every statement of the server is bounded: the pool's connections start with the requests'
 * timeout, heavier answers and jobs raise it in their own transaction only. A public request whose
 * query runs over its timeout is answered 503 in French, without SQL.
 */
class StatementTimeoutTest extends DemoDatabaseTest {

    @Autowired
    StatementTimeouts timeouts;

    private String timeout() {
        return jdbc.sql("SHOW statement_timeout").query(String.class).single();
    }

    @Test
    void requestsHeavyAnswersAndJobsHaveTheirOwnTimeouts() {
        assertThat(timeout()).isEqualTo("5s");
        assertThat(timeouts.heavyAnswer(this::timeout)).isEqualTo("30s");
        assertThat(timeouts.job(this::timeout)).isEqualTo("0");
        // raised for that transaction only: the connection returns to the pool with the default
        assertThat(timeout()).isEqualTo("5s");
    }

    /**
     * The owner holds a lock on the phases the public route reads, in a transaction rolled back
     * afterwards: the route's query waits, and its timeout (lock waits count) ends it.
     */
    @Test
    void aPublicQueryOverItsTimeoutIsA503() throws SQLException {
        try (Connection c = owner.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("LOCK TABLE phase IN ACCESS EXCLUSIVE MODE");
                long t0 = System.nanoTime();
                ResponseEntity<String> answer = http().get().uri("/api/phases").retrieve()
                        .onStatus(s -> true, (req, res) -> { })
                        .toEntity(String.class);
                long millis = (System.nanoTime() - t0) / 1_000_000;
                assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                assertThat(millis).as("ended by the 5 s timeout").isBetween(4_500L, 30_000L);
                assertThat(answer.getHeaders().getContentType()).hasToString("application/problem+json");
                assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("10");
                assertThat(answer.getBody()).contains("\"status\":503")
                        .contains("La base de données n'a pas répondu à temps")
                        .doesNotContainIgnoringCase("select").doesNotContainIgnoringCase("statement");
            } finally {
                c.rollback();
            }
        }
        assertThat(http().get().uri("/api/phases").retrieve().toBodilessEntity().getStatusCode()).isEqualTo(HttpStatus.OK);
    }
}
