package fr.thdtracker.perimeter;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An EPCI or a department on a date: its communes per perimeter, the observatory's figures summed
 * over its commune rows, and the figures Arcep publishes for it (the department file has no
 * logements). The sums and the published figures can differ: an EPCI that straddles the border
 * has communes outside the territory's file.
 */
record GroupFigures(String level, String code, String name, LocalDate asOf, List<PerimeterShare> perimeters,
                    @JsonInclude(JsonInclude.Include.NON_NULL) Totals summed,
                    @JsonInclude(JsonInclude.Include.NON_NULL) Totals published,
                    @JsonInclude(JsonInclude.Include.NON_NULL) String notice,
                    @JsonInclude(JsonInclude.Include.NON_NULL) String credit) {

    /**
     * The current communes of one perimeter kind, with their logements + établissements in the
     * observatory (null when it is not imported).
     */
    record PerimeterShare(String kind, String label, long communes, Long premises) {
    }

    /** Logements, établissements (null when not published) and connectable premises per quarter. */
    record Totals(Long logements, Long etablissements, List<Quarter> quarters) {
    }

    /** Connectable premises in a quarter and the coverage class (published, or computed from the sums). */
    record Quarter(String quarter, long connectable, Integer coverageClass) {
    }
}
