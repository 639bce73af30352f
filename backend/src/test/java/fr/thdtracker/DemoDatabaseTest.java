package fr.thdtracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

import fr.thdtracker.demo.DemoGenerator;
import fr.thdtracker.demo.DemoSettings;
import fr.thdtracker.demo.OwnerDatabase;
import fr.thdtracker.eligibility.EligibilityRecompute;
import fr.thdtracker.security.Role;
import fr.thdtracker.security.UserAccounts;

/**
 * Base of the tests that run the real application over HTTP against the real PostGIS test
 * database (thd_test, recreated by ./test.sh), loaded once with a small demo, by the demo generator
 * on the schema owner's connection as in ./run.sh.
 *
 * Every test class sees that demo as loaded: a test that writes rolls its writes back, restores
 * what it changed, or removes its own data. After each class the database's fingerprint is
 * compared with the one taken right after loading, so a class that leaves a change fails itself.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"thd.eligibility.on-start=none", "thd.rate-limit.burst=1000", "thd.rate-limit.per-second=1000"})
public abstract class DemoDatabaseTest {

    /** 2 % of the programme: 26,000 lines, enough for every proportion the demo promises. */
    public static final DemoSettings TEST_DEMO = new DemoSettings(20210101L, 0.02, DemoSettings.DEFAULT_DATA_DATE);
    public static final String PASSWORD = "test-password-1";

    private static volatile boolean loaded;
    /** Taken right after the load; every class must leave the database matching it. */
    private static volatile DemoDatabaseFingerprint asLoaded;
    /** The last class's connection, for the static check after it (the demo's database is one for all contexts). */
    private static volatile JdbcClient lastJdbc;
    private static volatile String lastClass;
    /** Taken before the class's first test, so that a class is blamed only for its own changes. */
    private static volatile DemoDatabaseFingerprint classStart;

    /** The server's own connections: the role without DDL (thd_app) that the application runs as. */
    @Autowired
    protected JdbcClient jdbc;

    /** The schema owner's connections (thd_owner), which the demo load and the migrations use. */
    @Autowired
    protected OwnerDatabase owner;

    @LocalServerPort
    protected int port;

    @BeforeEach
    void loadDemoOnce(@Autowired DemoGenerator generator, @Autowired UserAccounts accounts,
                      @Autowired EligibilityRecompute eligibility, TestInfo test) {
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
                asLoaded = DemoDatabaseFingerprint.of(jdbc);
                loaded = true;
            }
            if (classStart == null) {
                classStart = DemoDatabaseFingerprint.of(jdbc);
            }
            lastJdbc = jdbc;
            lastClass = test.getTestClass().map(Class::getName).orElse("?");
        }
    }

    @AfterAll
    static void theDemoDatabaseIsLeftAsLoaded() {
        DemoDatabaseFingerprint start = classStart;
        classStart = null;
        if (asLoaded == null || start == null) {
            return; // no test of this class ran
        }
        DemoDatabaseFingerprint now = DemoDatabaseFingerprint.of(lastJdbc);
        assertThat(now.differencesFrom(start))
                .as("tables changed for good by %s: roll the test's writes back or restore them", lastClass)
                .isEmpty();
        assertThat(now.differencesFrom(asLoaded))
                .as("tables changed since the demo was loaded, before %s: see the earlier class whose own check "
                        + "failed, or a test outside DemoDatabaseTest", lastClass)
                .isEmpty();
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
