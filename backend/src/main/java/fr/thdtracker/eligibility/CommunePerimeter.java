package fr.thdtracker.eligibility;

/**
 * A commune's perimeter on the answer's date (V16's thd_commune_perimeter, V19's labels): outside
 * the public programme ({@code publicProgramme} false) a resident's fibre comes from the private
 * operator named, not from the public network.
 */
record CommunePerimeter(String kind, String operatorCode, String operatorName, String label, boolean publicProgramme) {

    /** Read from thd_commune_perimeter's columns: only the PUBLIC kind is the public programme. */
    static CommunePerimeter of(String kind, String operatorCode, String operatorName, String label) {
        return new CommunePerimeter(kind, operatorCode, operatorName, label, "PUBLIC".equals(kind));
    }
}
