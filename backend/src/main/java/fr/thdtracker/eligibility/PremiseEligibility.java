package fr.thdtracker.eligibility;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** What one premise can get on a date: its best offer, its copper offer, and when fibre comes. */
record PremiseEligibility(long premiseId, String code, String address, Commune commune, Location location,
                          LocalDate asOf, LocalDate dataRefreshDate, String state, Offer best, Offer copper,
                          boolean openToFibre, Programme programme) {

    /** The premise's commune and its perimeter (a private-initiative town is outside the public programme). */
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

    /** A PM (code only) or an exchange or cabinet (type, code and name). */
    record ServedBy(String type, String code, @JsonInclude(JsonInclude.Include.NON_NULL) String name) {
    }

    /** ROAD_NETWORK or STRAIGHT_LINE_WITH_DETOUR. */
    record Line(long lengthM, String measuredAlong, float attenuationDb) {
    }

    /**
     * The premise's place in the programme, and while it is not open to fibre its forecast (unwrapped:
     * its two fields sit in the programme, absent when open, null inside when nothing is planned).
     */
    record Programme(String phase, String phaseName, String tranche, String trancheName, LocalDate phaseTargetEnd,
                     @JsonUnwrapped FibreForecast forecast) {
    }

    /** When fibre is expected, and that date's quarter ("T3 2027"). */
    record FibreForecast(LocalDate fibreForecastDate, String fibreForecastQuarter) {
    }
}
