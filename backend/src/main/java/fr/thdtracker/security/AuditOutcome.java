package fr.thdtracker.security;

/** How an audited action ended: done, failed (e.g. wrong password), or refused by a rule (lock-out). */
public enum AuditOutcome {
    SUCCESS, FAILURE, REFUSED
}
