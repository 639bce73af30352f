package fr.thdtracker;

import java.util.EnumSet;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

import fr.thdtracker.demo.DemoGenerator;
import fr.thdtracker.demo.DemoSettings;
import fr.thdtracker.eligibility.EligibilityRecompute;
import fr.thdtracker.security.Role;
import fr.thdtracker.security.UserAccounts;

/**
 * Base of the tests that run the real application over HTTP against the real PostGIS test
 * database (thd_test, recreated by ./test.sh), loaded once with a small demo.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"thd.eligibility.on-start=none", "thd.rate-limit.burst=1000", "thd.rate-limit.per-second=1000"})
public abstract class DemoDatabaseTest {

    /** 2 % of the programme: 26,000 lines, enough for every proportion the demo promises. */
    public static final DemoSettings TEST_DEMO = new DemoSettings(20210101L, 0.02, DemoSettings.DEFAULT_DATA_DATE);
    public static final String PASSWORD = "test-password-1";

    private static volatile boolean loaded;

    @Autowired
    protected JdbcClient jdbc;

    @LocalServerPort
    protected int port;

    @BeforeEach
    void loadDemoOnce(@Autowired DemoGenerator generator, @Autowired UserAccounts accounts,
                      @Autowired EligibilityRecompute eligibility) {
        synchronized (DemoDatabaseTest.class) {
            if (!loaded) {
                if (!generator.databaseHasPremises()) {
                    generator.generate(TEST_DEMO);
                }
                if (eligibility.isEmpty()) {
                    eligibility.full();
                }
                for (Role role : Role.values()) {
                    accounts.createOrReplace("t-" + role.name().toLowerCase(), PASSWORD, "Test " + role,
                            EnumSet.of(role));
                }
                loaded = true;
            }
        }
    }

    protected RestClient http() {
        return RestClient.builder().baseUrl("http://localhost:" + port).build();
    }

    protected RestClient http(Role role) {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeaders(h -> h.setBasicAuth("t-" + role.name().toLowerCase(), PASSWORD))
                .build();
    }

    protected long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
