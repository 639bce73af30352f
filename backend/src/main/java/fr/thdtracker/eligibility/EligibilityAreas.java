package fr.thdtracker.eligibility;

import java.time.LocalDate;
import java.util.List;

/** Eligibility of every area of a level on a date, areas by code. */
record EligibilityAreas(String level, LocalDate asOf, LocalDate dataRefreshDate, List<Integer> thresholdsMbps,
                        List<AreaFigures> areas) {
}
