package fr.thdtracker.security;

import java.time.OffsetDateTime;

/** A token as its owner may see it later: never the secret, only its visible prefix. */
public record ApiTokenInfo(long id, String name, String prefix, OffsetDateTime createdAt,
                           OffsetDateTime lastUsedAt, OffsetDateTime revokedAt) {
}
