package fr.thdtracker.perimeter;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A commune's perimeter over a period: kind (PUBLIC, PRIVATE_L3313, PRIVATE_INTENTION,
 * VERY_DENSE), the private operator(s) as Arcep codes and names, the label the public pages show
 * ("zone d'initiative privée — Orange"), from {@code validFrom} (inclusive) to {@code validTo}
 * (exclusive, null: still in force), and where it comes from (ARCEP, ADMIN, SYNTHETIC; null: no
 * row, the programme's default, public). Who recorded it is shown to administrators only.
 */
record PerimeterPeriod(String kind, String operatorCode, String operatorName, String label, LocalDate validFrom,
                       LocalDate validTo, String source,
                       @JsonInclude(JsonInclude.Include.NON_NULL) String username,
                       @JsonInclude(JsonInclude.Include.NON_NULL) OffsetDateTime recordedAt) {

    /** The same period as the public answers show it: without who recorded it, nor when. */
    PerimeterPeriod publicView() {
        return new PerimeterPeriod(kind, operatorCode, operatorName, label, validFrom, validTo, source, null, null);
    }

    boolean isPublicProgramme() {
        return "PUBLIC".equals(kind);
    }
}
