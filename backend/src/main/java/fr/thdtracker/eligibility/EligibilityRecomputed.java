package fr.thdtracker.eligibility;

/** Published after a full recompute committed: derived views (tile aggregates) refresh on it. */
public record EligibilityRecomputed(int premises) {
}
