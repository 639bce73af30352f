package fr.thdtracker.progress;

import java.time.LocalDate;
import java.util.List;

/** The answer of {@code GET /api/progress}: the figures of each group on a date. */
record ProgressAnswer(LocalDate asOf, String by, String scope, List<GroupProgress> groups) {
}
