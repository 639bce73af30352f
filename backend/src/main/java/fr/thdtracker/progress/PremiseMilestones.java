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

    /**
     * One row per line: the steps of its building's history (the state follows the building, as in
     * IPE files) and its own first subscription. Lines of a building without any state yet are left
     * out, as lines without history were.
     */
    private static final String REBUILD = """
            INSERT INTO premise_milestone (premise_id, building_id, targeted_on, works_on, built_on, abandoned_on, subscribed_on)
            WITH steps AS (
                SELECT building_id,
                       min(effective_on) AS targeted_on,
                       min(effective_on) FILTER (WHERE thd_works_started(new_value)) AS works_on,
                       min(effective_on) FILTER (WHERE thd_connectable(new_value)) AS built_on,
                       min(effective_on) FILTER (WHERE new_value = 'ABANDONNE') AS abandoned_on
                FROM building_event WHERE field = 'state'
                GROUP BY building_id
            ), subscribed AS (
                SELECT premise_id, min(effective_on) AS subscribed_on
                FROM premise_event WHERE field = 'subscription' AND new_value IS NOT NULL
                GROUP BY premise_id
            )
            SELECT p.id, p.building_id, s.targeted_on, s.works_on, s.built_on, s.abandoned_on, sub.subscribed_on
            FROM premise p
            JOIN steps s ON s.building_id = p.building_id
            LEFT JOIN subscribed sub ON sub.premise_id = p.id
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
