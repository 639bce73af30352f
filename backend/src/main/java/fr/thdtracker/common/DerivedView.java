package fr.thdtracker.common;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A table derived from the premises and their histories, rebuilt after each full eligibility
 * recompute by its owner, and filled at start-up when empty (after an upgrade that added it, or a
 * crash: derived tables are unlogged).
 */
public abstract class DerivedView {

    protected final JdbcClient jdbc;
    private final String table;
    private final TransactionTemplate tx;

    protected DerivedView(JdbcClient jdbc, PlatformTransactionManager transactions, String table) {
        this.jdbc = jdbc;
        this.table = table;
        this.tx = new TransactionTemplate(transactions);
    }

    /** Rebuilds the table in one transaction: readers see the old rows or the new ones, never none. */
    public final void refresh() {
        tx.executeWithoutResult(status -> rebuild());
    }

    protected abstract void rebuild();

    @EventListener(ApplicationReadyEvent.class)
    void fillWhenEmpty() {
        boolean empty = !jdbc.sql("SELECT EXISTS (SELECT 1 FROM " + table + ")").query(Boolean.class).single();
        boolean premises = jdbc.sql("SELECT EXISTS (SELECT 1 FROM premise)").query(Boolean.class).single();
        if (empty && premises) {
            refresh();
        }
    }
}
