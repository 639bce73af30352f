package fr.thdtracker.security;

import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates accounts; passwords are only ever stored hashed, and every password set here passes
 * {@link PasswordPolicy} — except the documented demo credentials, which only
 * {@link AccountBootstrap} may write, and only into a database the demo loaded itself.
 */
@Service
public class UserAccounts {

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final AuditLog audit;

    UserAccounts(JdbcClient jdbc, PasswordEncoder encoder, AuditLog audit) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.audit = audit;
    }

    /**
     * Sets the account as given, replacing its password and roles if it exists: an administrator's
     * deliberate act (and the test fixtures'), never something done on start-up.
     *
     * @throws WeakPasswordException when the password does not pass the policy
     */
    @Transactional
    public void createOrReplace(String username, String rawPassword, String displayName, Set<Role> roles) {
        PasswordPolicy.check(username, rawPassword);
        boolean existed = exists(username);
        jdbc.sql("""
                INSERT INTO app_user (username, password_hash, display_name) VALUES (:u, :h, :d)
                ON CONFLICT (username) DO UPDATE SET password_hash = EXCLUDED.password_hash,
                                                     display_name = EXCLUDED.display_name, enabled = true
                """)
                .param("u", username).param("h", encoder.encode(rawPassword)).param("d", displayName)
                .update();
        setRoles(username, roles);
        audit.record(existed ? "compte.remplacement" : "compte.creation", username, "rôles " + roles);
    }

    /**
     * Creates the account only if no account has that name; an existing one is left exactly as it
     * is (an administrator may have changed its password).
     *
     * @return whether it was created
     * @throws WeakPasswordException when the password does not pass the policy
     */
    @Transactional
    public boolean createIfAbsent(String username, String rawPassword, String displayName, Set<Role> roles) {
        PasswordPolicy.check(username, rawPassword);
        return insertIfAbsent(username, rawPassword, displayName, roles);
    }

    /** The demo's documented credentials, exempt from the policy: for {@link AccountBootstrap} only. */
    @Transactional
    boolean createDemoAccountIfAbsent(String username, String rawPassword, String displayName, Set<Role> roles) {
        return insertIfAbsent(username, rawPassword, displayName, roles);
    }

    public boolean exists(String username) {
        return jdbc.sql("SELECT count(*) FROM app_user WHERE username = :u").param("u", username)
                .query(Integer.class).single() > 0;
    }

    private boolean insertIfAbsent(String username, String rawPassword, String displayName, Set<Role> roles) {
        int inserted = jdbc.sql("""
                INSERT INTO app_user (username, password_hash, display_name) VALUES (:u, :h, :d)
                ON CONFLICT (username) DO NOTHING
                """)
                .param("u", username).param("h", encoder.encode(rawPassword)).param("d", displayName)
                .update();
        if (inserted == 0) {
            return false;
        }
        setRoles(username, roles);
        audit.record("compte.creation", username, "rôles " + roles);
        return true;
    }

    private void setRoles(String username, Set<Role> roles) {
        jdbc.sql("DELETE FROM app_user_role WHERE username = :u").param("u", username).update();
        for (Role role : roles) {
            jdbc.sql("INSERT INTO app_user_role (username, role) VALUES (:u, :r)")
                    .param("u", username).param("r", role.name()).update();
        }
    }
}
