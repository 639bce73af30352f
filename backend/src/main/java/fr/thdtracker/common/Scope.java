package fr.thdtracker.common;



/**
 * Which premises a report or a figure covers: the region, a department, an EPCI or a phase. The
 * predicate over {@code building b} is a constant; only {@code :scope} is bound from the request.
 */
public record Scope(Kind kind, String value) {

    public enum Kind {
        REGION("TRUE"),
        DEPARTMENT("b.insee IN (SELECT insee FROM commune WHERE department_code = :scope)"),
        EPCI("b.insee IN (SELECT insee FROM commune WHERE epci_siren = :scope)"),
        PHASE("""
                b.pm_zone_id IN (SELECT pm_zone_id FROM pm_zone_programme
                                 WHERE phase_code = :scope OR phase_id::text = :scope)""");

        public final String predicate;

        Kind(String predicate) {
            this.predicate = predicate;
        }
    }

    public static final Scope REGION = new Scope(Kind.REGION, "");

    private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{1,20}");

    /** region | department:&lt;code&gt; | epci:&lt;siren&gt; | phase:&lt;id or code&gt; */
    public static Scope parse(String text) {
        if (text == null || text.isBlank() || text.equals("region")) {
            return REGION;
        }
        int colon = text.indexOf(':');
        String kind = colon < 0 ? text : text.substring(0, colon);
        String value = colon < 0 ? "" : text.substring(colon + 1).trim();
        Kind k = switch (kind) {
            case "department" -> Kind.DEPARTMENT;
            case "epci" -> Kind.EPCI;
            case "phase" -> Kind.PHASE;
            default -> null;
        };
        // a code is letters, digits and dashes (35, 2A, 200039022, P1): anything else names nothing
        if (k == null || !CODE.matcher(value).matches()) {
            throw new BadRequestException("scope : region, department:<code>, epci:<siren> ou phase:<id> (reçu : "
                    + Problems.quote(text) + ")");
        }
        return new Scope(k, value);
    }

    public String label() {
        return switch (kind) {
            case REGION -> "Région (tout le programme)";
            case DEPARTMENT -> "Département " + value;
            case EPCI -> "EPCI " + value;
            case PHASE -> "Phase " + value;
        };
    }
}
