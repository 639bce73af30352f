package fr.thdtracker.common;

import java.util.Arrays;


/**
 * The levels figures are aggregated at (eligibility, progress): for each, the grouping key over
 * {@code building b} (a building's lines share its commune and PM area), the joins it needs and where its names come from. The SQL fragments are
 * constants chosen here, never built from the request.
 */
public enum AreaLevel {
    REGION("region", "'region'", "", "SELECT 'region' AS code, 'Territoire du programme' AS name"),
    DEPARTMENT("department", "c.department_code", "JOIN commune c ON c.insee = b.insee",
            "SELECT code, name FROM department"),
    EPCI("epci", "c.epci_siren", "JOIN commune c ON c.insee = b.insee", "SELECT siren AS code, name FROM epci"),
    COMMUNE("commune", "b.insee", "", "SELECT insee AS code, name FROM commune"),
    ZONE("zone", "zp.zone_code", Joins.PROGRAMME, "SELECT code, name FROM deployment_zone"),
    PHASE("phase", "zp.phase_code", Joins.PROGRAMME, "SELECT code, name FROM phase"),
    TRANCHE("tranche", "zp.tranche_code", Joins.PROGRAMME, "SELECT code, name FROM tranche"),
    CONTRACTOR("contractor", "coalesce(zp.contractor, 'non attribué')", Joins.PROGRAMME,
            "SELECT name AS code, name FROM contractor");

    /** The building → zone → tranche → phase → contractor chain, a Flyway view (V13). */
    private static final class Joins {
        static final String PROGRAMME = "JOIN pm_zone_programme zp ON zp.pm_zone_id = b.pm_zone_id";
    }

    public final String param;
    public final String key;
    public final String joins;
    public final String names;

    AreaLevel(String param, String key, String joins, String names) {
        this.param = param;
        this.key = key;
        this.joins = joins;
        this.names = names;
    }

    public static AreaLevel parse(String parameter, String value) {
        return Arrays.stream(values()).filter(l -> l.param.equals(value)).findFirst()
                .orElseThrow(() -> new BadRequestException(parameter + " doit valoir " + Arrays.stream(values())
                        .map(l -> l.param).collect(java.util.stream.Collectors.joining(", "))
                        + " (reçu : " + Problems.quote(value) + ")"));
    }
}
