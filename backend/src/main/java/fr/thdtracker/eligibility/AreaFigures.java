package fr.thdtracker.eligibility;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Eligibility of one area on a date: premises per class, Arcep's cumulative thresholds, best
 * technology, and the share open to fibre (4 decimals); for a commune, its perimeter (outside the
 * public programme the public page says so).
 */
record AreaFigures(String code, String name, long premises, Cumulative cumulative, Map<SpeedClass, Long> byClass,
                   BestTechnology bestTechnology, double fibreOpenShare,
                   @JsonInclude(JsonInclude.Include.NON_NULL) CommunePerimeter perimeter) {

    /** Premises with at least 3, 8, 30, 100, 1000 Mbit/s, and those with nothing. */
    record Cumulative(long atLeast3, long atLeast8, long atLeast30, long atLeast100, long atLeast1000,
                      long ineligible) {
    }

    /** Premises by the technology of their best offer. */
    record BestTechnology(long ftth, long copperAtLeast30, long copper8To30, long other) {
    }
}
