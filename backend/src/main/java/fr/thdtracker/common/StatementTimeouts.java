package fr.thdtracker.common;

import java.time.Duration;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Statement timeouts above the server's default. Every pooled connection starts with the requests'
 * timeout (spring.datasource.hikari.connection-init-sql, thd.database.statement-timeout.requests),
 * so that a public request cannot hold PostGIS for long; heavier answers and jobs raise it for their
 * own transaction only (set_config(…, true), i.e. SET LOCAL), and the connection goes back to the
 * pool with the default. A statement over its timeout ends as a {@link org.springframework.dao.QueryTimeoutException}
 * (SQLSTATE 57014), answered 503 by {@link ApiErrorHandler}.
 */
@Component
public class StatementTimeouts {

    private final JdbcClient jdbc;
    private final TransactionTemplate readOnly;
    private final String heavyAnswers;
    private final String jobs;

    StatementTimeouts(JdbcClient jdbc, PlatformTransactionManager transactions,
                      @Value("${thd.database.statement-timeout.heavy-answers}") Duration heavyAnswers,
                      @Value("${thd.database.statement-timeout.jobs}") Duration jobs) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.heavyAnswers = heavyAnswers.toMillis() + "ms";
        this.jobs = jobs.toMillis() + "ms";
    }

    /** Runs a public answer that reads much (areas, progress over a date) with the heavier timeout. */
    public <T> T heavyAnswer(Supplier<T> reads) {
        return within(heavyAnswers, reads);
    }

    /** Runs the reads of a job (recompute, report) with the jobs' timeout. */
    public <T> T job(Supplier<T> reads) {
        return within(jobs, reads);
    }

    /** Raises the current transaction's timeout to the jobs' one (a job's writing transaction). */
    public void raiseForJob() {
        raise(jobs);
    }

    private <T> T within(String timeout, Supplier<T> reads) {
        return readOnly.execute(status -> {
            raise(timeout);
            return reads.get();
        });
    }

    private void raise(String timeout) {
        jdbc.sql("SELECT set_config('statement_timeout', :t, true)").param("t", timeout).query(String.class).single();
    }
}
