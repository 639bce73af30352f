package fr.thdtracker.perimeter;

/**
 * An administrator's change of a commune's perimeter, from {@code validFrom} (AAAA-MM-JJ) on:
 * kind, operator code(s) (required for PRIVATE_L3313, refused for PUBLIC) and a reason for the
 * audit trail.
 */
record PerimeterEdit(String kind, String operatorCode, String validFrom, String reason) {
}
