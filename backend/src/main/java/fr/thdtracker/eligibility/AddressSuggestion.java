package fr.thdtracker.eligibility;

/** A street offered while typing; the label repeats the typed number. */
record AddressSuggestion(String label, String street, String commune, String insee) {
}
