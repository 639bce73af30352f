package fr.thdtracker.catalog;

import static fr.thdtracker.catalog.Attribute.everywhere;
import static fr.thdtracker.catalog.Attribute.in;
import static fr.thdtracker.catalog.Output.GEOJSON;
import static fr.thdtracker.catalog.Output.OGC;
import static fr.thdtracker.catalog.Output.TILES;

/**
 * The buildings (IPE IdentifiantImmeuble), each with its lines counted: far too many to serve
 * whole. Tiles aggregate their lines into cells below {@link #POINTS_FROM_ZOOM} and draw one point
 * per building from it; GeoJSON serves the buildings in a box; OGC pages through them. A line has
 * no place of its own (it is its building's), so no layer serves lines one by one.
 */
final class BuildingLayer {

    private BuildingLayer() {
    }

    static final int POINTS_FROM_ZOOM = 15;

    static final Layer BUILDINGS = Layer.named("buildings")
            .titles("Immeubles et pavillons", "Buildings")
            .description("Immeubles et pavillons du territoire (identifiant IMB) avec leur état IPE et leurs lignes (paginé)")
            .from("building t")
            .attributes(
                    in("id", "t.id", TILES, GEOJSON),
                    in("address", """
                            concat_ws(' ', t.street_number::text || coalesce(' ' || t.street_suffix, ''), t.street_name)""",
                            GEOJSON),
                    in("commune", "c.name", GEOJSON).joining("JOIN commune c ON c.insee = t.insee"),
                    in("code", "t.code", OGC, GEOJSON),
                    in("insee", "t.insee", OGC),
                    in("streetNumber", "t.street_number", OGC),
                    in("streetSuffix", "t.street_suffix", OGC),
                    in("streetName", "t.street_name", OGC),
                    everywhere("state", "t.state"),
                    everywhere("buildingType", "t.building_type"),
                    everywhere("lines", "t.lines"),
                    everywhere("dwellings", "t.dwellings"),
                    everywhere("businessPremises", "t.business_premises"),
                    in("cablingDate", "t.cabling_date", OGC),
                    in("commercialOpeningDate", "t.commercial_opening_date", OGC))
            .datetime("t.cabling_date", "cabling date")
            .tiles(ZoomRules.cellsThenBuildings(POINTS_FROM_ZOOM))
            .geoJson(GeoJsonRule.inBox())
            .build();
}
