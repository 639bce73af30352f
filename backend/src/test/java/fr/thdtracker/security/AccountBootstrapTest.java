package fr.thdtracker.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.security.crypto.password.PasswordEncoder;

import fr.thdtracker.DemoDatabaseTest;

/** Start-up accounts: created only when absent, never reset, demo ones only in a demo database. */
class AccountBootstrapTest extends DemoDatabaseTest {

    private static final List<String> DEMO = List.of("viewer", "engineer", "operator", "admin");

    @Autowired
    UserAccounts accounts;
    @Autowired
    PasswordEncoder encoder;

    private List<String> before;

    @BeforeEach
    void rememberAccounts() {
        before = jdbc.sql("SELECT username FROM app_user WHERE username IN (:n)").param("n", DEMO)
                .query(String.class).list();
        assertThat(before).as("the shared test database has no demo account of its own").isEmpty();
    }

    @AfterEach
    void removeWhatTheTestCreated() {
        jdbc.sql("DELETE FROM app_user WHERE username IN (:n)").param("n", DEMO).update();
    }

    private void start(String adminPassword, boolean demoAccounts) {
        new AccountBootstrap(accounts, jdbc, adminPassword, demoAccounts).run(new DefaultApplicationArguments());
    }

    private String hash(String username) {
        return jdbc.sql("SELECT password_hash FROM app_user WHERE username = :u").param("u", username)
                .query(String.class).single();
    }

    @Test
    void demoAccountsAreCreatedOnceAndAChangedPasswordSurvivesARestart() {
        start("", true);
        assertThat(encoder.matches("viewer-demo", hash("viewer"))).isTrue();
        assertThat(jdbc.sql("SELECT role FROM app_user_role WHERE username = 'admin'").query(String.class).list())
                .containsExactly("ADMIN");

        // an administrator changes the demo password behind the application's back
        String changed = encoder.encode("un-mot-de-passe-choisi");
        jdbc.sql("UPDATE app_user SET password_hash = :h WHERE username = 'viewer'").param("h", changed).update();
        start("", true);
        assertThat(hash("viewer")).isEqualTo(changed);
        assertThat(encoder.matches("viewer-demo", hash("viewer"))).isFalse();
    }

    @Test
    void noDemoAccountInADatabaseTheDemoDidNotLoad() {
        String seed = jdbc.sql("SELECT value FROM dataset_info WHERE key = 'demo.seed'").query(String.class).single();
        jdbc.sql("DELETE FROM dataset_info WHERE key = 'demo.seed'").update();
        try {
            start("", true);
            assertThat(count("SELECT count(*) FROM app_user WHERE username IN ('viewer', 'engineer', 'operator', 'admin')"))
                    .isZero();
        } finally {
            jdbc.sql("INSERT INTO dataset_info (key, value) VALUES ('demo.seed', :v)").param("v", seed).update();
        }
    }

    @Test
    void noDemoAccountWithoutTheFlag() {
        start("", false);
        assertThat(count("SELECT count(*) FROM app_user WHERE username IN ('viewer', 'engineer', 'operator', 'admin')"))
                .isZero();
    }

    @Test
    void theAdministratorPasswordCreatesAdminOnlyWhenAbsentAndMustBeStrong() {
        assertThatThrownBy(() -> start("admin-demo", false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("THD_ADMIN_PASSWORD refusé");
        assertThat(accounts.exists("admin")).isFalse();

        start("tapis-velours-orage-17", false);
        String created = hash("admin");
        assertThat(encoder.matches("tapis-velours-orage-17", created)).isTrue();
        start("un-autre-secret-tres-long", false);
        assertThat(hash("admin")).as("an existing admin is never reset").isEqualTo(created);
        assertThat(count("SELECT count(*) FROM audit_event WHERE action = 'compte.creation' AND target = 'admin'"
                + " AND actor = 'système'")).isPositive();
    }
}
