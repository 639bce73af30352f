package fr.thdtracker.health;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reports the PostGIS version next to Spring's own database check ("db"). */
@Component("postgis")
class PostgisHealthIndicator implements HealthIndicator {

    private final JdbcClient jdbc;

    PostgisHealthIndicator(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Health health() {
        try {
            String version = jdbc.sql("SELECT postgis_lib_version()").query(String.class).single();
            String full = jdbc.sql("SELECT postgis_full_version()").query(String.class).single();
            String postgres = jdbc.sql("SHOW server_version").query(String.class).single();
            return Health.up()
                    .withDetail("postgisVersion", version)
                    .withDetail("postgisFullVersion", full)
                    .withDetail("postgresqlVersion", postgres)
                    .build();
        } catch (RuntimeException e) {
            return Health.down(e).build();
        }
    }
}
