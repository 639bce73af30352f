package fr.thdtracker.progress;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

import fr.thdtracker.common.DerivedView;
import fr.thdtracker.eligibility.EligibilityRecomputed;

/**
 * Rebuilds {@code premise_milestone} from the histories after each full recompute: the first day
 * each premise was targeted, had works started, was built (connectable), abandoned, subscribed. The
 * states are the V13 domain functions, the same rules every feature uses.
 */
@Component
class PremiseMilestones extends DerivedView {

    private static final String REBUILD = """
            INSERT INTO premise_milestone (premise_id, targeted_on, works_on, built_on, abandoned_on, subscribed_on)
            SELECT premise_id,
                   min(effective_on) FILTER (WHERE field = 'state'),
                   min(effective_on) FILTER (WHERE field = 'state' AND thd_works_started(new_value)),
                   min(effective_on) FILTER (WHERE field = 'state' AND thd_connectable(new_value)),
                   min(effective_on) FILTER (WHERE field = 'state' AND new_value = 'ABANDONNE'),
                   min(effective_on) FILTER (WHERE field = 'subscription' AND new_value IS NOT NULL)
            FROM premise_event
            GROUP BY premise_id
            """;

    PremiseMilestones(JdbcClient jdbc, PlatformTransactionManager transactions) {
        super(jdbc, transactions, "premise_milestone", "Jalons des locaux pour l'avancement");
    }

    @EventListener
    void onRecompute(EligibilityRecomputed event) {
        refresh();
    }

    @Override
    protected void fill() {
        jdbc.sql(REBUILD).update();
    }
}
