package fr.thdtracker.layers;

import java.util.Arrays;
import java.util.Optional;

/**
 * Polygon layers served whole, simplified to a tolerance (metres, Lambert-93) fine enough for the
 * overview zooms of a region-wide map.
 */
enum AreaLayer {
    DEPARTMENTS("departments", """
            SELECT d.code, d.name, d.geom FROM department d
            """, 200),
    COMMUNES("communes", """
            SELECT c.insee, c.name, c.department_code AS department, c.population,
                   coalesce(n.lines, 0) AS lines, c.geom
            FROM commune c
            LEFT JOIN (SELECT insee, count(*) AS lines FROM premise GROUP BY insee) n USING (insee)
            """, 50),
    ZONES("zones", """
            SELECT z.code, z.name, t.code AS tranche, p.code AS phase, z.study_status AS "studyStatus",
                   ct.name AS contractor, coalesce(n.lines, 0) AS lines, coalesce(n.deployed, 0) AS deployed,
                   z.geom
            FROM deployment_zone z
            JOIN tranche t ON t.id = z.tranche_id
            JOIN phase p ON p.id = t.phase_id
            LEFT JOIN contract c ON c.id = z.contract_id
            LEFT JOIN contractor ct ON ct.id = c.contractor_id
            LEFT JOIN (SELECT pm.zone_id, count(*) AS lines,
                              count(*) FILTER (WHERE pr.state = 'DEPLOYE') AS deployed
                       FROM premise pr JOIN pm_zone pm ON pm.id = pr.pm_zone_id
                       GROUP BY pm.zone_id) n ON n.zone_id = z.id
            WHERE z.geom IS NOT NULL
            """, 20);

    final String layerName;
    final String sql;
    final double toleranceMetres;

    AreaLayer(String layerName, String sql, double toleranceMetres) {
        this.layerName = layerName;
        this.sql = sql;
        this.toleranceMetres = toleranceMetres;
    }

    static Optional<AreaLayer> byName(String name) {
        return Arrays.stream(values()).filter(l -> l.layerName.equals(name)).findFirst();
    }
}
