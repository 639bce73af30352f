package fr.thdtracker.progress;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A deployment zone whose planned end of works has passed while fewer than the configured share of
 * its lines are built ({@link ProgressProperties#late}). {@code planned_end_date} keeps the SQL
 * column name the dashboard has always read.
 *
 * @param contractor         null while no contract is awarded
 * @param lines              the zone's lines not abandoned on the date (the whole zone, whatever the scope)
 * @param forecastCompletion when its lines should all be built at its contractor's recent pace
 *                           (docs/progress.md); null when no pace is known
 * @param lon                WGS 84 point inside the zone; null for a zone without a geometry
 */
record LateZone(String code, String name, String tranche, String contractor,
                @JsonProperty("planned_end_date") LocalDate plannedEndDate, long lines, long built,
                LocalDate forecastCompletion, Double lon, Double lat) {

    /** Share of the lines built, for the report (0 for an empty zone). */
    double builtShare() {
        return lines == 0 ? 0 : (double) built / lines;
    }

    /**
     * The answer of {@code GET /api/progress/late-zones}.
     *
     * @param lateBuiltShare the share of built lines under which a zone past its planned end is late
     */
    record Answer(LocalDate asOf, double lateBuiltShare, List<LateZone> zones) {
    }
}
