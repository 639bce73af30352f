package fr.thdtracker.common;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A table derived from the premises and their histories, rebuilt after each full eligibility
 * recompute by its owner, and filled at start-up when empty (after an upgrade that added it, or a
 * crash: derived tables are unlogged). The server's role owns these tables (V15): TRUNCATE and
 * ANALYZE are its own to run.
 */
public abstract class DerivedView {

    private static final Logger log = LoggerFactory.getLogger(DerivedView.class);

    protected final JdbcClient jdbc;
    private final String table;
    private final String description;
    private final TransactionTemplate tx;
    private StatementTimeouts timeouts;

    protected DerivedView(JdbcClient jdbc, PlatformTransactionManager transactions, String table, String description) {
        this.jdbc = jdbc;
        this.table = table;
        this.description = description;
        this.tx = new TransactionTemplate(transactions);
    }

    /** A setter, so that the features' views keep their constructors: the refill is a job, not a request. */
    @Autowired
    final void setTimeouts(StatementTimeouts timeouts) {
        this.timeouts = timeouts;
    }

    /** Empties and refills the table in one transaction: readers see the old rows or the new ones, never none. */
    public final void refresh() {
        long t0 = System.nanoTime();
        tx.executeWithoutResult(status -> {
            timeouts.raiseForJob();
            jdbc.sql("TRUNCATE " + table).update();
            fill();
            jdbc.sql("ANALYZE " + table).update();
        });
        log.info("{} : {} ms", description, (System.nanoTime() - t0) / 1_000_000);
    }

    /** Inserts the rows of the (empty) table. */
    protected abstract void fill();

    @EventListener(ApplicationReadyEvent.class)
    void fillWhenEmpty() {
        boolean empty = !jdbc.sql("SELECT EXISTS (SELECT 1 FROM " + table + ")").query(Boolean.class).single();
        boolean premises = jdbc.sql("SELECT EXISTS (SELECT 1 FROM building)").query(Boolean.class).single();
        if (empty && premises) {
            refresh();
        }
    }
}
