package fr.thdtracker.security;

import java.util.EnumSet;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Accounts made on start-up, and only those that do not exist yet: a password that exists is never
 * reset (an administrator may have changed it). Outside the demo there is no default password: the
 * first administrator is created from THD_ADMIN_PASSWORD when set, and that password must pass the
 * policy. The documented demo accounts (thd.demo.accounts=true, one per role, password
 * {@code <name>-demo}) are created only in a database the demo generator loaded itself.
 */
@Component
@Order(0)
class AccountBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AccountBootstrap.class);

    private final UserAccounts accounts;
    private final JdbcClient jdbc;
    private final String adminPassword;
    private final boolean demoAccounts;

    AccountBootstrap(UserAccounts accounts, JdbcClient jdbc,
                     @Value("${THD_ADMIN_PASSWORD:}") String adminPassword,
                     @Value("${thd.demo.accounts:false}") boolean demoAccounts) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.adminPassword = adminPassword;
        this.demoAccounts = demoAccounts;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!adminPassword.isBlank() && !accounts.exists("admin")) {
            try {
                accounts.createIfAbsent("admin", adminPassword, "Administrateur", EnumSet.of(Role.ADMIN));
            } catch (WeakPasswordException e) {
                // refusing to start is louder than a log line nobody reads, and no weak admin exists
                throw new IllegalStateException("THD_ADMIN_PASSWORD refusé : " + e.getMessage(), e);
            }
            log.info("Compte administrateur « admin » créé depuis THD_ADMIN_PASSWORD");
        }
        if (demoAccounts) {
            if (!databaseHoldsDemo()) {
                log.warn("thd.demo.accounts ignoré : cette base n’a pas été chargée par la démo");
                return;
            }
            for (Role role : Role.values()) {
                String name = role.name().toLowerCase();
                if (accounts.createDemoAccountIfAbsent(name, name + "-demo", "Démo " + name, Set.of(role))) {
                    log.info("Compte de démonstration « {} » créé (mot de passe {}-demo)", name, name);
                }
            }
        }
    }

    /** The demo generator writes its seed into dataset_info; an imported real territory never does. */
    private boolean databaseHoldsDemo() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM dataset_info WHERE key = 'demo.seed')")
                .query(Boolean.class).single();
    }
}
