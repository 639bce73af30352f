package fr.thdtracker.security;

import java.time.OffsetDateTime;

/** One line of the audit trail, as GET /api/admin/audit answers it. */
public record AuditEvent(long id, OffsetDateTime at, String actor, String clientAddress, String action,
                         String target, AuditOutcome outcome, String details) {
}
