package fr.thdtracker.catalog;

/** The date column a {@code datetime} filter applies to, and what that date means (shown in the collection's description). */
public record Datetime(String sql, String meaning) {
}
