package fr.thdtracker.tiles;

import java.util.Arrays;
import java.util.Optional;

/**
 * The vector tile layers and their SQL. Each statement filters with the spatial index through the
 * tile envelope transformed to the table's CRS (never ST_Transform on the indexed column in the
 * WHERE clause), clips with ST_AsMVTGeom and caps its features; polygons are simplified to the
 * tile's pixel size first. Properties are only those the map styles or shows. Rows come in a fixed
 * order, so the same data always gives the same bytes (and the same ETag).
 */
enum TileLayer {

    DEPARTMENTS("departments", 0, 22, """
            SELECT %s AS geom, t.code, t.name
            FROM department t, b WHERE t.geom && b.box ORDER BY t.code
            """, true),
    COMMUNES("communes", 0, 22, """
            SELECT %s AS geom, t.insee, t.name, t.department_code AS department
            FROM commune t, b WHERE t.geom && b.box ORDER BY t.insee
            """, true),
    ZONES("zones", 0, 22, """
            SELECT %s AS geom, t.code, t.name, tr.code AS tranche, ph.code AS phase,
                   t.study_status AS "studyStatus", ct.name AS contractor
            FROM deployment_zone t
            JOIN tranche tr ON tr.id = t.tranche_id JOIN phase ph ON ph.id = tr.phase_id
            LEFT JOIN contract c ON c.id = t.contract_id LEFT JOIN contractor ct ON ct.id = c.contractor_id, b
            WHERE t.geom && b.box ORDER BY t.id
            """, true),
    PREMISES("premises", 0, 22, """
            SELECT %s AS geom, min(t.id) AS id, mode() WITHIN GROUP (ORDER BY t.state) AS state,
                   min(t.building_type) AS "buildingType", count(*)::int AS lines, max(t.dwellings) AS dwellings
            FROM premise t, b WHERE t.geom && b.box
            GROUP BY t.geom, b.env ORDER BY 2
            """, false),
    EXCHANGES("exchanges", 0, 22, """
            SELECT %s AS geom, t.code, t.name, t.type, o.status AS "operationStatus", o.lot::int AS lot, t.vdsl2
            FROM exchange t LEFT JOIN upgrade_operation o ON o.cabinet_id = t.id, b
            WHERE t.geom && b.box ORDER BY t.id
            """, false),
    RUHD("ruhd", 0, 22, """
            SELECT %1$s AS geom, 'link' AS kind, t.code, NULL AS name, t.status, t.capacity_gbps AS "capacityGbps",
                   NULL AS "siteKind"
            FROM ruhd_link t, b WHERE t.geom && b.box
            UNION ALL
            SELECT %1$s AS geom, 'site', t.code, t.name, NULL, NULL, t.kind
            FROM ruhd_site t, b WHERE t.geom && b.box
            ORDER BY 2, 3
            """, false);

    /**
     * From this zoom up, premises are points, one per building (its lines counted, its most common
     * state); below, aggregates of {@link #CELL_SIZES} cells. Measured on the full demo: the z14 tile
     * over the densest town holds 18,000 buildings (≈ 470 kB), the z15 one 9,000 (≈ 240 kB).
     */
    static final int PREMISE_POINTS_MIN_ZOOM = 15;
    /** Cell sizes (EPSG:3857 metres) of the premise aggregates: 1/64 of the tile at z 7, 9, 11, 13 (used to z14). */
    static final double[] CELL_SIZES = {4891.969809375, 1222.99245234375, 305.748113085938, 76.4370282714844};
    static final int MAX_ZOOM = 22;

    static final String PREMISE_CELLS = """
            SELECT %s AS geom, true AS aggregated, t.count, t.cible, t.signe, t.en_cours, t.deploye,
                   t.raccordable_demande, t.abandonne
            FROM premise_cell t, b WHERE t.level = :level AND t.geom && b.box3857 ORDER BY t.geom
            """;

    final String name;
    final int minZoom;
    final int maxZoom;
    final String select;
    final boolean polygons;

    TileLayer(String name, int minZoom, int maxZoom, String select, boolean polygons) {
        this.name = name;
        this.minZoom = minZoom;
        this.maxZoom = maxZoom;
        this.select = select;
        this.polygons = polygons;
    }

    static Optional<TileLayer> byName(String name) {
        return Arrays.stream(values()).filter(l -> l.name.equals(name)).findFirst();
    }

    static int cellLevel(int z) {
        return z <= 7 ? 0 : z <= 9 ? 1 : z <= 11 ? 2 : 3;
    }
}
