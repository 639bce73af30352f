package fr.thdtracker.progress;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A deployment zone whose planned end of works has passed while some of its lines are not built.
 * {@code planned_end_date} keeps the SQL column name the dashboard has always read.
 *
 * @param contractor null while no contract is awarded
 * @param lines      the zone's lines not abandoned on the date
 * @param lon        WGS 84 point inside the zone; null for a zone without a geometry
 */
record LateZone(String code, String name, String tranche, String contractor,
                @JsonProperty("planned_end_date") LocalDate plannedEndDate, long lines, long built,
                Double lon, Double lat) {

    /** Share of the lines built, for the report (0 for an empty zone). */
    double builtShare() {
        return lines == 0 ? 0 : (double) built / lines;
    }

    /** The answer of {@code GET /api/progress/late-zones}. */
    record Answer(LocalDate asOf, List<LateZone> zones) {
    }
}
