package fr.thdtracker.catalog;

import static fr.thdtracker.catalog.Attribute.in;
import static fr.thdtracker.catalog.Output.GEOJSON;
import static fr.thdtracker.catalog.Output.OGC;
import static fr.thdtracker.catalog.Output.TILES;

/**
 * The premises (lines): far too many to serve whole. Tiles aggregate them into cells below
 * {@link #POINTS_FROM_ZOOM} and draw one point per building from it, so their attributes are
 * per-building aggregates; GeoJSON serves the lines in a box; OGC pages through them.
 */
final class PremiseLayer {

    private PremiseLayer() {
    }

    static final int POINTS_FROM_ZOOM = 15;

    static final Layer PREMISES = Layer.named("premises")
            .titles("Locaux (lignes)", "Premises (lines)")
            .description("Locaux raccordables du programme avec leur état IPE (paginé)")
            .from("premise t")
            .attributes(
                    // tiles: one point per building (the lines at one position), ordered by its first line
                    in("id", "min(t.id)", TILES),
                    in("state", "mode() WITHIN GROUP (ORDER BY t.state)", TILES),
                    in("buildingType", "min(t.building_type)", TILES),
                    in("lines", "count(*)::int", TILES),
                    in("dwellings", "max(t.dwellings)", TILES),
                    // GeoJSON: the line and its postal address
                    in("id", "t.id", GEOJSON),
                    in("address", """
                            concat_ws(' ', t.street_number::text || coalesce(' ' || t.street_suffix, ''), t.street_name)
                            || coalesce(', ' || t.complement, '')""", GEOJSON),
                    in("commune", "c.name", GEOJSON).joining("JOIN commune c ON c.insee = t.insee"),
                    // OGC: the line as recorded
                    in("code", "t.code", OGC),
                    in("insee", "t.insee", OGC),
                    in("streetNumber", "t.street_number", OGC),
                    in("streetSuffix", "t.street_suffix", OGC),
                    in("streetName", "t.street_name", OGC),
                    in("complement", "t.complement", OGC),
                    in("state", "t.state", OGC, GEOJSON),
                    in("buildingType", "t.building_type", OGC, GEOJSON),
                    in("dwellings", "t.dwellings", OGC, GEOJSON),
                    in("cablingDate", "t.cabling_date", OGC),
                    in("commercialOpeningDate", "t.commercial_opening_date", OGC))
            .datetime("t.cabling_date", "cabling date")
            .tiles(ZoomRules.cellsThenBuildings(POINTS_FROM_ZOOM))
            .geoJson(GeoJsonRule.inBox())
            .build();
}
