package fr.thdtracker.demo;

/**
 * The questions both perimeter tests ask of a loaded demo (synthetic test database and the real
 * territory in a scratch database), in SQL over the tables as loaded.
 */
final class PerimeterSql {

    private PerimeterSql() {
    }

    /** The perimeter on the demo's data date. */
    static final String PERIMETER = "thd_commune_perimeter(DATE '2026-10-31')";

    static final String PRIVATE_PREMISES_WITH_A_PM = "SELECT count(*) FROM premise l JOIN building p ON p.id = l.building_id JOIN " + PERIMETER
            + " per ON per.insee = p.insee WHERE per.kind <> 'PUBLIC' AND p.pm_zone_id IS NOT NULL";

    static final String PUBLIC_PREMISES_WITHOUT_A_PM = "SELECT count(*) FROM premise l JOIN building p ON p.id = l.building_id JOIN " + PERIMETER
            + " per ON per.insee = p.insee WHERE per.kind = 'PUBLIC' AND p.pm_zone_id IS NULL";

    static final String PRIVATE_PREMISES = "SELECT count(*) FROM premise l JOIN building p ON p.id = l.building_id JOIN " + PERIMETER
            + " per ON per.insee = p.insee WHERE per.kind <> 'PUBLIC'";

    static final String PROGRAMME_PREMISES = "SELECT sum(lines) FROM building WHERE pm_zone_id IS NOT NULL";

    /** PM areas overlapping a private town by more than 1 m² (slivers of the commune boundaries aside). */
    static final String PM_AREAS_OVER_PRIVATE_TOWNS = "SELECT count(*) FROM pm_zone pm JOIN commune c ON c.geom && pm.geom "
            + "JOIN " + PERIMETER + " per ON per.insee = c.insee "
            + "WHERE per.kind <> 'PUBLIC' AND ST_Area(ST_Intersection(pm.geom, c.geom)) > 1";

    /** Tranche-1 premises in a private town (there must be none). */
    static final String TRANCHE_1_IN_PRIVATE_TOWNS = "SELECT count(*) FROM premise l JOIN building p ON p.id = l.building_id "
            + "JOIN pm_zone_programme zp ON zp.pm_zone_id = p.pm_zone_id JOIN " + PERIMETER
            + " per ON per.insee = p.insee WHERE zp.tranche_code = 'P1T1' AND per.kind <> 'PUBLIC'";

    /**
     * Median density (inhabitants per km², as the planner measures it) of the communes of the
     * programme's premises, of a tranche's (:tranche) or of all ('ALL'): premise-weighted.
     */
    static String medianDensity(String tranche) {
        return """
                SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY c.population / greatest(ST_Area(c.geom) / 1e6, 0.5))
                FROM premise l JOIN building p ON p.id = l.building_id JOIN commune c ON c.insee = p.insee
                JOIN pm_zone_programme zp ON zp.pm_zone_id = p.pm_zone_id
                WHERE zp.tranche_code = '%1$s' OR '%1$s' = 'ALL'
                """.formatted(tranche);
    }

    /** PM areas of tranche 2 whose PM stands in one of the annual report's first openings. */
    private static final String T2_PMS = """
            SELECT pm.made_available_date AS day, c.name IN ('Kerfot', 'Paimpol', 'Guipel', 'Combourg', 'Pontivy',
                   'Ploërmel', 'Lanmeur', 'Pleyben') AS named
            FROM pm_zone pm JOIN pm_zone_programme zp ON zp.pm_zone_id = pm.id
            JOIN commune c ON ST_Contains(c.geom, pm.pm_point)
            WHERE zp.tranche_code = 'P1T2'
            """;

    /** Days between the last delivery of a named first opening and the first of any other tranche-2 place. */
    static final String NAMED_LEAD_DAYS = "WITH t2 AS (" + T2_PMS + ") SELECT "
            + "(SELECT min(day) FROM t2 WHERE NOT named) - (SELECT max(day) FROM t2 WHERE named)";

    static final String NAMED_T2_PMS = "WITH t2 AS (" + T2_PMS + ") SELECT count(*) FROM t2 WHERE named";

    /** PM areas standing in a named first opening but given to another tranche than 2. */
    static final String NAMED_PMS_OUTSIDE_T2 = """
            SELECT count(*) FROM pm_zone pm JOIN pm_zone_programme zp ON zp.pm_zone_id = pm.id
            JOIN commune c ON ST_Contains(c.geom, pm.pm_point)
            WHERE zp.tranche_code <> 'P1T2' AND c.name IN ('Kerfot', 'Paimpol', 'Guipel', 'Combourg', 'Pontivy',
                  'Ploërmel', 'Lanmeur', 'Pleyben')
            """;

    /** The tranche-2 commune with the first made-available PM area. */
    static final String FIRST_T2_COMMUNE = "WITH t2 AS (" + T2_PMS.replace("AS named", "AS named, c.name")
            + ") SELECT name FROM t2 ORDER BY day, name LIMIT 1";

    /** Share of the private towns' premises connectable on a day (:day, a date literal). */
    static String privateConnectableShare(String day) {
        return """
                WITH s AS (
                    SELECT DISTINCT ON (e.building_id) e.building_id, e.new_value
                    FROM building_event e WHERE e.field = 'state' AND e.effective_on <= DATE '%s'
                    ORDER BY e.building_id, e.effective_on DESC, e.id DESC)
                SELECT 1.0 * sum(p.lines) FILTER (WHERE thd_connectable(s.new_value)) / sum(p.lines)
                FROM building p JOIN %s per ON per.insee = p.insee LEFT JOIN s ON s.building_id = p.id
                WHERE per.kind <> 'PUBLIC'
                """.formatted(day, PERIMETER);
    }
}
