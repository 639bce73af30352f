package fr.thdtracker.catalog;

import static fr.thdtracker.catalog.Attribute.everywhere;
import static fr.thdtracker.catalog.Attribute.in;
import static fr.thdtracker.catalog.Output.GEOJSON;
import static fr.thdtracker.catalog.Output.OGC;
import static fr.thdtracker.catalog.Output.TILES;

import fr.thdtracker.security.Role;

/** The territory and the programme's areas: departments, communes, deployment zones, PM areas. */
final class TerritoryLayers {

    private TerritoryLayers() {
    }

    /** Lines per commune, for the overview map (GeoJSON only: a tile would count them again per request). */
    private static final String COMMUNE_LINES =
            "LEFT JOIN (SELECT insee, sum(lines) AS lines FROM building GROUP BY insee) n ON n.insee = t.insee";

    /** The perimeter in force today (V16: public when no row holds), for the map's choropleth and popup. */
    private static final String COMMUNE_PERIMETER =
            "LEFT JOIN thd_commune_perimeter(current_date) pr ON pr.insee = t.insee";

    /** The Arcep observatory per current commune (V19), absent until import-arcep.sh has run. */
    private static final String COMMUNE_ARCEP = "LEFT JOIN arcep_commune_figures af ON af.insee = t.insee";

    /** Lines and deployed lines per zone, summed from the buildings of their PM areas. */
    private static final String ZONE_LINES = """
            LEFT JOIN (SELECT pm.zone_id, sum(bd.lines) AS lines, sum(bd.lines) FILTER (WHERE bd.state = 'DEPLOYE') AS deployed
                       FROM building bd JOIN pm_zone pm ON pm.id = bd.pm_zone_id
                       GROUP BY pm.zone_id) n ON n.zone_id = t.id""";

    static final Layer DEPARTMENTS = Layer.named("departments")
            .titles("Départements", "Departments")
            .description("Départements du territoire")
            .from("department t").featureId("t.code", "t.code")
            .attributes(
                    everywhere("code", "t.code"),
                    everywhere("name", "t.name"))
            .tiles(ZoomRules.polygons()).geoJson(GeoJsonRule.whole(200))
            .only(TILES, GEOJSON)
            .build();

    /**
     * The communes with their perimeter (tiles carry it only where it is not public, so that a
     * public commune costs no byte) and, in the OGC API, the Arcep observatory's figures.
     */
    static final Layer COMMUNES = Layer.named("communes")
            .titles("Communes", "Municipalities")
            .description("Communes du territoire (population, logements, périmètre public, observatoire Arcep :"
                    + " logements, établissements, locaux raccordables par trimestre, classe de couverture ; source Arcep)")
            .from("commune t").featureId("t.insee", "t.insee")
            .attributes(
                    everywhere("insee", "t.insee"),
                    everywhere("name", "t.name"),
                    everywhere("department", "t.department_code"),
                    in("epci", "t.epci_siren", OGC),
                    in("population", "t.population", OGC, GEOJSON),
                    in("dwellings", "t.dwellings", OGC),
                    in("lines", "coalesce(n.lines, 0)", GEOJSON).joining(COMMUNE_LINES),
                    in("perimeter", "nullif(pr.kind, 'PUBLIC')", TILES).joining(COMMUNE_PERIMETER),
                    in("perimeter", "coalesce(pr.kind, 'PUBLIC')", OGC, GEOJSON).joining(COMMUNE_PERIMETER),
                    everywhere("perimeterOperator", "thd_operator_name(pr.operator_code)").joining(COMMUNE_PERIMETER),
                    in("perimeterOperatorCode", "pr.operator_code", OGC).joining(COMMUNE_PERIMETER),
                    in("perimeterLabel", "thd_perimeter_label(coalesce(pr.kind, 'PUBLIC'), pr.operator_code)", OGC, GEOJSON)
                            .joining(COMMUNE_PERIMETER),
                    in("perimeterSince", "pr.valid_from", OGC).joining(COMMUNE_PERIMETER),
                    in("arcepVintage", "af.vintage", OGC).joining(COMMUNE_ARCEP),
                    in("logements", "af.logements", OGC).joining(COMMUNE_ARCEP),
                    in("etablissements", "af.etablissements", OGC).joining(COMMUNE_ARCEP),
                    in("arcepQuarter", "af.latest_quarter", OGC).joining(COMMUNE_ARCEP),
                    in("connectable", "af.connectable", OGC).joining(COMMUNE_ARCEP),
                    in("coverageClass", "af.coverage_class", OGC).joining(COMMUNE_ARCEP),
                    in("connectableByQuarter", "af.connectable_by_quarter", OGC).joining(COMMUNE_ARCEP))
            .tiles(ZoomRules.polygons()).geoJson(GeoJsonRule.whole(50))
            .build();

    static final Layer ZONES = Layer.named("zones")
            .titles("Zones de déploiement", "Deployment zones")
            .description("Zones de déploiement (zones arrière de NRO) par phase et tranche")
            .from("deployment_zone t JOIN zone_programme zp ON zp.zone_id = t.id")
            .attributes(
                    everywhere("code", "t.code"),
                    everywhere("name", "t.name"),
                    everywhere("tranche", "zp.tranche_code"),
                    everywhere("phase", "zp.phase_code"),
                    everywhere("studyStatus", "t.study_status"),
                    everywhere("contractor", "zp.contractor"),
                    in("plannedStart", "t.planned_start_date", OGC),
                    in("plannedEnd", "t.planned_end_date", OGC),
                    in("actualStart", "t.actual_start_date", OGC),
                    in("actualEnd", "t.actual_end_date", OGC),
                    in("lines", "coalesce(n.lines, 0)", GEOJSON).joining(ZONE_LINES),
                    in("deployed", "coalesce(n.deployed, 0)", GEOJSON).joining(ZONE_LINES))
            .filter(RowFilter.in("t.geom IS NOT NULL", GEOJSON))
            .datetime("t.planned_end_date", "planned end of works")
            .tiles(ZoomRules.polygons()).geoJson(GeoJsonRule.whole(20))
            .build();

    /**
     * The PM areas (zones arrière de point de mutualisation): internal planning geometry, for
     * signed-in users only. Their dwellings are counted per area through the building_pm_zone_idx index
     * (a correlated count, so a tile only counts the areas it shows).
     */
    static final Layer PM_AREAS = Layer.named("pm-areas")
            .titles("Zones arrière de PM", "PM areas")
            .description("Zones arrière des points de mutualisation, avec leur référence PM et leurs logements (usage interne)")
            .from("pm_zone t JOIN zone_programme zp ON zp.zone_id = t.zone_id")
            .attributes(
                    everywhere("reference", "t.code"),
                    everywhere("zone", "zp.zone_code"),
                    everywhere("dwellings",
                            "(SELECT coalesce(sum(bd.dwellings), 0)::int FROM building bd WHERE bd.pm_zone_id = t.id)"),
                    in("state", "t.pm_state", OGC, GEOJSON),
                    in("plannedDate", "t.planned_date", OGC),
                    in("madeAvailableDate", "t.made_available_date", OGC))
            .filter(RowFilter.in("t.geom IS NOT NULL", GEOJSON))
            .datetime("t.made_available_date", "date the PM was made available")
            .restrictedTo(Role.VIEWER)
            .tiles(ZoomRules.polygons()).geoJson(GeoJsonRule.whole(10))
            .build();
}
