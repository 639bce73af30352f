package fr.thdtracker.eligibility;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Computes eligibility at start-up when the database has premises but no eligibility yet:
 * synchronously where asked (./run.sh's loading step, so the server starts with figures), in the
 * background otherwise (progress at GET /api/eligibility/recompute). "always" recomputes even when
 * figures exist, in the calling thread (benchmarks, or after changing a coefficient).
 */
@Component
@Order(2)
class EligibilityStartup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(EligibilityStartup.class);

    private final EligibilityRecompute recompute;
    private final JdbcClient jdbc;
    private final String mode;

    EligibilityStartup(EligibilityRecompute recompute, JdbcClient jdbc,
                       @Value("${thd.eligibility.on-start:background}") String mode) {
        this.recompute = recompute;
        this.jdbc = jdbc;
        this.mode = mode;
    }

    @Override
    public void run(ApplicationArguments args) {
        if ("none".equals(mode) || (!"always".equals(mode) && !recompute.isEmpty())
                || !jdbc.sql("SELECT EXISTS (SELECT 1 FROM building)").query(Boolean.class).single()) {
            return;
        }
        log.info("Éligibilité : premier calcul ({})", mode);
        if ("sync".equals(mode) || "always".equals(mode)) {
            recompute.full();
        } else {
            recompute.startFull();
        }
    }
}
