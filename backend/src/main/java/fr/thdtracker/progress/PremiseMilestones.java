package fr.thdtracker.progress;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

import fr.thdtracker.common.DerivedView;
import fr.thdtracker.eligibility.EligibilityRecomputed;

/** Rebuilds {@code premise_milestone} from the histories after each full recompute. */
@Component
class PremiseMilestones extends DerivedView {

    private static final Logger log = LoggerFactory.getLogger(PremiseMilestones.class);

    private static final String REBUILD = """
            INSERT INTO premise_milestone (premise_id, targeted_on, works_on, built_on, abandoned_on, subscribed_on)
            SELECT premise_id,
                   min(effective_on) FILTER (WHERE field = 'state'),
                   min(effective_on) FILTER (WHERE field = 'state' AND new_value IN ('EN_COURS', 'DEPLOYE', 'RACCORDABLE_DEMANDE')),
                   min(effective_on) FILTER (WHERE field = 'state' AND new_value IN ('DEPLOYE', 'RACCORDABLE_DEMANDE')),
                   min(effective_on) FILTER (WHERE field = 'state' AND new_value = 'ABANDONNE'),
                   min(effective_on) FILTER (WHERE field = 'subscription' AND new_value IS NOT NULL)
            FROM premise_event
            GROUP BY premise_id
            """;

    PremiseMilestones(JdbcClient jdbc, PlatformTransactionManager transactions) {
        super(jdbc, transactions, "premise_milestone");
    }

    @EventListener
    void onRecompute(EligibilityRecomputed event) {
        refresh();
    }

    @Override
    protected void rebuild() {
        long t0 = System.nanoTime();
        jdbc.sql("TRUNCATE premise_milestone").update();
        jdbc.sql(REBUILD).update();
        jdbc.sql("ANALYZE premise_milestone").update();
        log.info("Jalons des locaux pour l'avancement : {} ms", (System.nanoTime() - t0) / 1_000_000);
    }
}
