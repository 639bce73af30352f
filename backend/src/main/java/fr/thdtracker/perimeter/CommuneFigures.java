package fr.thdtracker.perimeter;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One commune on a date: its perimeter (and its history), and the Arcep observatory's figures
 * when they are imported — summed over its rows when the commune nouvelle was several communes in
 * the observatory's COG, each row kept in {@code parts} as published. {@code observatory} is null
 * and {@code notice} says why when there are none; {@code credit} names the source to cite.
 */
record CommuneFigures(String insee, String name, String department, String epci, LocalDate asOf,
                      PerimeterPeriod perimeter, boolean publicProgramme, List<PerimeterPeriod> perimeterHistory,
                      @JsonInclude(JsonInclude.Include.NON_NULL) Observatory observatory,
                      @JsonInclude(JsonInclude.Include.NON_NULL) String notice,
                      @JsonInclude(JsonInclude.Include.NON_NULL) String credit) {

    /** The observatory's vintage (2018T1), sums over the rows, the latest quarter and every quarter. */
    record Observatory(String vintage, int logements, int etablissements, Quarter latest, List<Quarter> quarters,
                       List<Part> parts) {
    }

    /**
     * Connectable premises (locaux raccordables) in a quarter and Arcep's coverage class (0, 5, 10,
     * 25, 50, 80 % lower bounds): as published for a commune of one row, computed from the sums by
     * Arcep's rule otherwise ({@code coverageClassPublished} false).
     */
    record Quarter(String quarter, long connectable, Integer coverageClass, boolean coverageClassPublished) {
    }

    /** One row of the observatory as published, under its own (2018) code. */
    record Part(String arcepCode, String name, int logements, int etablissements, boolean veryDense,
                String l3313Operator, boolean privateIntention, boolean rural, boolean mountain,
                String buildingOperator, List<Quarter> quarters) {
    }
}
