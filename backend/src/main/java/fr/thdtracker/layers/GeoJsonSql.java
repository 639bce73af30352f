package fr.thdtracker.layers;

import java.util.stream.Collectors;

import fr.thdtracker.catalog.Layer;
import fr.thdtracker.catalog.Output;

/**
 * The GeoJSON statements, generated from the catalog: PostGIS builds the whole feature collection
 * (ST_AsGeoJSON, reprojected to EPSG:4326), every column of the layer's row but geom becoming a
 * property.
 */
final class GeoJsonSql {

    private GeoJsonSql() {
    }

    /** A whole layer, simplified; features in the catalog's order, so the same data gives the same text. */
    private static final String WHOLE = """
            SELECT json_build_object(
                'type', 'FeatureCollection',
                'features', coalesce(json_agg(json_build_object(
                    'type', 'Feature',
                    'geometry', ST_AsGeoJSON(ST_Transform(ST_SimplifyPreserveTopology(l.geom, :tolerance), 4326), 5)::json,
                    'properties', to_jsonb(l) - 'geom')), '[]'::json))::text
            FROM (%s) l
            """;

    /**
     * The features in a box, one more than the limit to tell a truncated answer (the layer has an
     * {@code id} attribute). The row number stays among the properties, as it always has.
     */
    private static final String IN_BOX = """
            WITH box AS (SELECT ST_Transform(ST_MakeEnvelope(:minLon, :minLat, :maxLon, :maxLat, 4326), 2154) AS g),
            hits AS (
                %s
                LIMIT :limitPlusOne
            )
            SELECT json_build_object(
                'type', 'FeatureCollection',
                'numberReturned', least(count(*), :limit),
                'truncated', count(*) > :limit,
                'features', coalesce(json_agg(json_build_object(
                    'type', 'Feature',
                    'id', h.id,
                    'geometry', ST_AsGeoJSON(ST_Transform(h.geom, 4326), 6)::json,
                    'properties', to_jsonb(h) - 'geom') ORDER BY h.id) FILTER (WHERE h.rn <= :limit), '[]'::json))::text
            FROM (SELECT hits.*, row_number() OVER (ORDER BY id) AS rn FROM hits) h
            """;

    private static final String MATCHED = """
            SELECT count(*) FROM %s
            WHERE %s && ST_Transform(ST_MakeEnvelope(:minLon, :minLat, :maxLon, :maxLat, 4326), 2154)
            """;

    static String whole(Layer layer) {
        return WHOLE.formatted(rows(layer, null) + "\nORDER BY " + layer.sortKey());
    }

    static String inBox(Layer layer) {
        return IN_BOX.formatted(rows(layer, layer.geometry() + " && box.g") + "\nORDER BY " + layer.sortKey());
    }

    /** How many features the box holds: the source alone, no join the properties need. */
    static String matched(Layer layer) {
        String where = layer.where(Output.GEOJSON);
        return MATCHED.formatted(layer.from(), layer.geometry()) + (where == null ? "" : "AND (" + where + ")\n");
    }

    private static String rows(Layer layer, String boxCondition) {
        String columns = layer.attributes(Output.GEOJSON).stream()
                .map(a -> a.sql() + " AS \"" + a.name() + "\"").collect(Collectors.joining(", "));
        String where = layer.where(Output.GEOJSON);
        String conditions = boxCondition == null ? where : where == null ? boxCondition : boxCondition + " AND (" + where + ")";
        return "SELECT " + columns + ", " + layer.geometry() + " AS geom\nFROM " + layer.from(Output.GEOJSON)
                + (boxCondition == null ? "" : ", box")
                + (conditions == null ? "" : "\nWHERE " + conditions);
    }
}
