package fr.thdtracker.eligibility;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A copper upgrade operation (montée en débit) as the what-if shows it; the snake_case names are
 * those the engineers' page has always read.
 */
record UpgradeOperation(int id, String code, String kind, String status, Integer lot,
                        @JsonProperty("commissioned_on") LocalDate commissionedOn,
                        @JsonProperty("planned_on") LocalDate plannedOn,
                        @JsonProperty("sr_code") String srCode,
                        @JsonProperty("cabinet_code") String cabinetCode) {
}
