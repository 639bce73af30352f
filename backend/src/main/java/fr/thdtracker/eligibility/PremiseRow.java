package fr.thdtracker.eligibility;

import java.time.LocalDate;

/**
 * One building as stored, with what its eligibility answer needs: address, programme, PM area, fibre
 * window, and its two copper lines (the cabinet's only behind an upgrade operation).
 */
record PremiseRow(long id, String code, Address address, PremiseEligibility.Building building, String insee, String commune, double lon, double lat,
                  LocalDate commercialOpeningDate, String tranche, String trancheName, String phase,
                  String phaseName, LocalDate phaseTargetEnd, String pmCode, LocalDate pmPlannedDate,
                  LocalDate pmMadeAvailableDate, LocalDate fibreFrom, LocalDate fibreUntil, String stateOnDate,
                  CopperLine exchange, CopperLine cabinet, LocalDate cabinetCommissionedOn,
                  CommunePerimeter perimeter) {

    record Address(Integer streetNumber, String streetSuffix, String streetName) {
    }

    /** A copper line from an exchange or a cabinet ({@code routed}: measured along the roads). */
    record CopperLine(String technology, float minMbps, float maxMbps, SpeedClass speedClass, float lengthM,
                      boolean routed, float attenuationDb, String code, String name, String type) {
    }

    /** False until the first recompute has reached the premise. */
    boolean computed() {
        return exchange != null;
    }

    boolean openToFibre(LocalDate d) {
        return fibreFrom != null && !fibreFrom.isAfter(d) && (fibreUntil == null || fibreUntil.isAfter(d));
    }

    /** The copper line in service on d: the cabinet's once commissioned, else the exchange's. */
    CopperLine copperOn(LocalDate d) {
        boolean cabinetInService = cabinet != null && cabinetCommissionedOn != null && !cabinetCommissionedOn.isAfter(d);
        return cabinetInService ? cabinet : exchange;
    }

    /** "12 bis rue de la Mairie, Dinan". */
    String postalAddress() {
        StringBuilder sb = new StringBuilder();
        if (address.streetNumber() != null) {
            sb.append(address.streetNumber());
            if (address.streetSuffix() != null) {
                sb.append(' ').append(address.streetSuffix());
            }
            sb.append(' ');
        }
        sb.append(address.streetName());
        return sb.append(", ").append(commune).toString();
    }
}
