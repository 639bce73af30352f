package fr.thdtracker.eligibility;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * What one building's lines can get on a date (they share its point, SR and fibre window): its
 * best offer, its copper offer, and when fibre comes; with its lines counted.
 */
record PremiseEligibility(long buildingId, String code, String address, Building building, Commune commune,
                          Location location,
                          LocalDate asOf, LocalDate dataRefreshDate, String state, Offer best, Offer copper,
                          boolean openToFibre, Programme programme) {

    /** IPE TypeImmeuble and the building's lines: dwellings and business premises. */
    record Building(String type, int lines, int dwellings, int businessPremises) {
    }

    /**
     * The building's commune and its perimeter on the date: PUBLIC (the programme's), or VERY_DENSE,
     * PRIVATE_L3313, PRIVATE_INTENTION with the private operator(s) — there the fibre, if any, is the
     * private operator's and the programme has no forecast.
     */
    record Commune(String insee, String name, CommunePerimeter perimeter) {
    }

    record Location(double lon, double lat) {
    }

    /**
     * An offer: FTTH from its PM, or copper from the exchange or the cabinet. Speeds and attenuation
     * are the table's {@code real} values, kept as float so that they print as stored.
     */
    record Offer(String technology, float minMbps, float maxMbps, String speedClass, String speedClassLabel,
                 ServedBy servedBy, @JsonInclude(JsonInclude.Include.NON_NULL) Line line) {

        /** The same offer as a "best" one: the line belongs to the copper answer only. */
        Offer withoutLine() {
            return new Offer(technology, minMbps, maxMbps, speedClass, speedClassLabel, servedBy, null);
        }
    }

    /**
     * A PM (code only), a private operator's network (PRIVATE_NETWORK, its Arcep code and name) or an
     * exchange or cabinet (type, code and name).
     */
    record ServedBy(String type, String code, @JsonInclude(JsonInclude.Include.NON_NULL) String name) {
    }

    /** ROAD_NETWORK or STRAIGHT_LINE_WITH_DETOUR. */
    record Line(long lengthM, String measuredAlong, float attenuationDb) {
    }

    /**
     * The premise's place in the programme, and while it is not open to fibre its forecast (unwrapped:
     * its fields sit in the programme, absent when open, null inside when nothing is planned).
     */
    record Programme(String phase, String phaseName, String tranche, String trancheName, LocalDate phaseTargetEnd,
                     @JsonUnwrapped FibreForecast forecast) {
    }

    /**
     * When fibre is expected, and that date's quarter ("T3 2027").
     *
     * @param fibreForecastLate true when that date (the one planned) has passed without fibre: the
     *                          answer is then "planned T3 2026, late"
     */
    record FibreForecast(LocalDate fibreForecastDate, String fibreForecastQuarter, boolean fibreForecastLate) {

        /** Nothing planned (or the line abandoned): null date and quarter. */
        static final FibreForecast NONE = new FibreForecast(null, null, false);
    }
}
