package fr.thdtracker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The application as run.sh and the bench scripts start it before serving: without a web server
 * (migration step, demo load, recompute). Every bean must start there too — a bean that needs
 * something only the web configuration defines would break ./run.sh while the HTTP tests pass.
 */
class CommandLineRunTest {

    @Test
    void startsWithoutAWebServerAsRunShDoes() {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ThdTrackerApplication.class)
                .web(WebApplicationType.NONE)
                .run("--thd.demo.load=false", "--thd.eligibility.on-start=none", "--spring.main.banner-mode=off")) {
            assertThat(context.isRunning()).isTrue();
            long migrations = context.getBean(JdbcClient.class)
                    .sql("SELECT count(*) FROM flyway_schema_history WHERE success").query(Long.class).single();
            assertThat(migrations).isGreaterThanOrEqualTo(13);
        }
    }
}
