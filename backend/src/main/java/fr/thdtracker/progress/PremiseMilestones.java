package fr.thdtracker.progress;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import fr.thdtracker.eligibility.EligibilityRecomputed;

/** Rebuilds {@code premise_milestone} from the histories after each full recompute. */
@Component
class PremiseMilestones {

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

    private final JdbcClient jdbc;

    PremiseMilestones(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void onRecompute(EligibilityRecomputed event) {
        refresh();
    }

    /** After an upgrade that added this view, or a crash that emptied it (it is unlogged). */
    @EventListener(ApplicationReadyEvent.class)
    void fillWhenEmpty() {
        boolean empty = !jdbc.sql("SELECT EXISTS (SELECT 1 FROM premise_milestone)").query(Boolean.class).single();
        boolean premises = jdbc.sql("SELECT EXISTS (SELECT 1 FROM premise)").query(Boolean.class).single();
        if (empty && premises) {
            refresh();
        }
    }

    @Transactional
    public void refresh() {
        long t0 = System.nanoTime();
        jdbc.sql("TRUNCATE premise_milestone").update();
        jdbc.sql(REBUILD).update();
        jdbc.sql("ANALYZE premise_milestone").update();
        log.info("Jalons des locaux pour l'avancement : {} ms", (System.nanoTime() - t0) / 1_000_000);
    }
}
