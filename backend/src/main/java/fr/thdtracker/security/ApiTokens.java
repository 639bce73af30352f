package fr.thdtracker.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.thdtracker.common.BadRequestException;
import fr.thdtracker.common.NotFoundException;

/**
 * API tokens for scripts: {@code thd_} + 43 characters of a 256-bit random secret. Only its SHA-256
 * is stored — a fast hash is enough for a secret that random (no dictionary to try), and it lets
 * a request find its token with one indexed look-up.
 */
@Service
class ApiTokens {

    static final String PREFIX = "thd_";
    private static final int PREFIX_SHOWN = PREFIX.length() + 8;

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final SecureRandom random = new SecureRandom();

    ApiTokens(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Transactional
    CreatedApiToken create(String owner, String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 100) {
            throw new BadRequestException("Nom du jeton requis (1 à 100 caractères)");
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String prefix = token.substring(0, PREFIX_SHOWN);
        CreatedApiToken created = jdbc.sql("""
                INSERT INTO api_token (username, name, prefix, token_sha256) VALUES (:u, :n, :p, :h)
                RETURNING id, created_at
                """)
                .param("u", owner).param("n", trimmed).param("p", prefix).param("h", sha256(token))
                .query((rs, i) -> new CreatedApiToken(rs.getLong("id"), trimmed, prefix, token,
                        rs.getObject("created_at", java.time.OffsetDateTime.class)))
                .single();
        audit.record("jeton.creation", "jeton " + created.id(), trimmed + " (" + prefix + "…)");
        return created;
    }

    List<ApiTokenInfo> of(String owner) {
        return jdbc.sql("""
                SELECT id, name, prefix, created_at, last_used_at, revoked_at FROM api_token
                WHERE username = :u ORDER BY id
                """)
                .param("u", owner)
                .query((rs, i) -> new ApiTokenInfo(rs.getLong("id"), rs.getString("name"), rs.getString("prefix"),
                        rs.getObject("created_at", java.time.OffsetDateTime.class),
                        rs.getObject("last_used_at", java.time.OffsetDateTime.class),
                        rs.getObject("revoked_at", java.time.OffsetDateTime.class)))
                .list();
    }

    /** Revokes the token if {@code actor} owns it or is an administrator; others get 404, as if it did not exist. */
    @Transactional
    void revoke(long id, String actor, boolean admin) {
        Optional<String> owner = jdbc.sql("SELECT username FROM api_token WHERE id = :id")
                .param("id", id).query(String.class).optional();
        if (owner.isEmpty() || !(admin || owner.get().equals(actor))) {
            throw new NotFoundException("Jeton " + id + " introuvable");
        }
        jdbc.sql("UPDATE api_token SET revoked_at = now() WHERE id = :id AND revoked_at IS NULL")
                .param("id", id).update();
        audit.record("jeton.revocation", "jeton " + id, "propriétaire " + owner.get());
    }

    /** The owner of a valid (not revoked, account enabled) token; marks it used at most once a minute. */
    Optional<String> owner(String token) {
        if (token == null || !token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        record Valid(long id, String owner) {
        }
        Optional<Valid> valid = jdbc.sql("""
                SELECT t.id, t.username FROM api_token t JOIN app_user u USING (username)
                WHERE t.token_sha256 = :h AND t.revoked_at IS NULL AND u.enabled
                """)
                .param("h", sha256(token)).query((rs, i) -> new Valid(rs.getLong(1), rs.getString(2))).optional();
        // a write per request would churn the row for nothing: the minute is precise enough
        valid.ifPresent(v -> jdbc.sql("""
                UPDATE api_token SET last_used_at = now()
                WHERE id = :id AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')
                """).param("id", v.id()).update());
        return valid.map(Valid::owner);
    }

    static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
