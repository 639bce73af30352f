package fr.thdtracker.security;

import java.time.OffsetDateTime;

/** The answer to POST /api/tokens, the only time the secret is shown. */
public record CreatedApiToken(long id, String name, String prefix, String token, OffsetDateTime createdAt) {
}
