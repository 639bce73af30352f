package fr.thdtracker.security;

import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates accounts; passwords are only ever stored hashed. */
@Service
public class UserAccounts {

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;

    UserAccounts(JdbcClient jdbc, PasswordEncoder encoder) {
        this.jdbc = jdbc;
        this.encoder = encoder;
    }

    @Transactional
    public void createOrReplace(String username, String rawPassword, String displayName, Set<Role> roles) {
        jdbc.sql("""
                INSERT INTO app_user (username, password_hash, display_name) VALUES (:u, :h, :d)
                ON CONFLICT (username) DO UPDATE SET password_hash = EXCLUDED.password_hash,
                                                     display_name = EXCLUDED.display_name, enabled = true
                """)
                .param("u", username).param("h", encoder.encode(rawPassword)).param("d", displayName)
                .update();
        jdbc.sql("DELETE FROM app_user_role WHERE username = :u").param("u", username).update();
        for (Role role : roles) {
            jdbc.sql("INSERT INTO app_user_role (username, role) VALUES (:u, :r)")
                    .param("u", username).param("r", role.name()).update();
        }
    }

    public boolean exists(String username) {
        return jdbc.sql("SELECT count(*) FROM app_user WHERE username = :u").param("u", username)
                .query(Integer.class).single() > 0;
    }
}
