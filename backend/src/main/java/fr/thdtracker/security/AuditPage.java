package fr.thdtracker.security;

import java.util.List;

/** Newest first; {@code nextBefore} is the {@code before} of the next page, null on the last one. */
public record AuditPage(List<AuditEvent> events, Long nextBefore) {
}
