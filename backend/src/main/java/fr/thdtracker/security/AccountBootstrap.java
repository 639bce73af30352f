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
 * Outside demo mode there is no default password: the first administrator is created from
 * THD_ADMIN_PASSWORD when set. In demo mode (thd.demo.accounts=true) the documented demo
 * accounts are created, one per role.
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
            accounts.createOrReplace("admin", adminPassword, "Administrateur", EnumSet.of(Role.ADMIN));
            log.info("Compte administrateur « admin » créé depuis THD_ADMIN_PASSWORD");
        }
        if (demoAccounts && databaseHoldsDemo()) {
            for (Role role : Role.values()) {
                String name = role.name().toLowerCase();
                accounts.createOrReplace(name, name + "-demo", "Démo " + name, Set.of(role));
            }
            log.info("Comptes de démonstration : viewer, engineer, operator, admin (mot de passe <nom>-demo)");
        }
    }

    private boolean databaseHoldsDemo() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM dataset_info WHERE key = 'demo.seed')")
                .query(Boolean.class).single();
    }
}
