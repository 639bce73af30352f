package fr.thdtracker.eligibility;

import java.util.Arrays;

import fr.thdtracker.common.BadRequestException;

/**
 * The levels figures are aggregated at: the SQL fragments are constants chosen here, never built
 * from the request.
 */
enum AreaLevel {
    REGION("region", "'region'", "", "SELECT 'region' AS code, 'Territoire du programme' AS name"),
    DEPARTMENT("department", "c.department_code", "JOIN commune c ON c.insee = p.insee",
            "SELECT code, name FROM department"),
    EPCI("epci", "c.epci_siren", "JOIN commune c ON c.insee = p.insee", "SELECT siren AS code, name FROM epci"),
    COMMUNE("commune", "p.insee", "", "SELECT insee AS code, name FROM commune"),
    ZONE("zone", "z.code", "JOIN pm_zone pm ON pm.id = p.pm_zone_id JOIN deployment_zone z ON z.id = pm.zone_id",
            "SELECT code, name FROM deployment_zone"),
    PHASE("phase", "ph.code", """
            JOIN pm_zone pm ON pm.id = p.pm_zone_id JOIN deployment_zone z ON z.id = pm.zone_id
            JOIN tranche t ON t.id = z.tranche_id JOIN phase ph ON ph.id = t.phase_id""",
            "SELECT code, name FROM phase");

    final String param;
    final String key;
    final String joins;
    final String names;

    AreaLevel(String param, String key, String joins, String names) {
        this.param = param;
        this.key = key;
        this.joins = joins;
        this.names = names;
    }

    static AreaLevel parse(String value) {
        return Arrays.stream(values()).filter(l -> l.param.equals(value)).findFirst()
                .orElseThrow(() -> new BadRequestException("level doit valoir region, department, epci, commune, zone "
                        + "ou phase (reçu : « " + value + " »)"));
    }
}
