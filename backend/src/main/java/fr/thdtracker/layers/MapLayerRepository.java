package fr.thdtracker.layers;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import fr.thdtracker.common.BoundingBox;

/** Builds GeoJSON feature collections in PostGIS (ST_AsGeoJSON), reprojected to EPSG:4326. */
@Repository
class MapLayerRepository {

    /** Wraps a layer query: every column but geom becomes a property. */
    private static final String AREA_COLLECTION = """
            SELECT json_build_object(
                'type', 'FeatureCollection',
                'features', coalesce(json_agg(json_build_object(
                    'type', 'Feature',
                    'geometry', ST_AsGeoJSON(ST_Transform(ST_SimplifyPreserveTopology(l.geom, :tolerance), 4326), 5)::json,
                    'properties', to_jsonb(l) - 'geom')), '[]'::json))::text
            FROM (%s) l
            """;

    private static final String PREMISES_IN_BOX = """
            WITH box AS (SELECT ST_Transform(ST_MakeEnvelope(:minLon, :minLat, :maxLon, :maxLat, 4326), 2154) AS g),
            hits AS (
                SELECT p.id, concat_ws(' ', p.street_number::text || coalesce(' ' || p.street_suffix, ''),
                                       p.street_name) || coalesce(', ' || p.complement, '') AS address,
                       c.name AS commune, p.state, p.building_type AS "buildingType", p.dwellings, p.geom
                FROM premise p JOIN commune c USING (insee), box
                WHERE p.geom && box.g
                ORDER BY p.id
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

    private static final String PREMISES_MATCHED = """
            SELECT count(*) FROM premise
            WHERE geom && ST_Transform(ST_MakeEnvelope(:minLon, :minLat, :maxLon, :maxLat, 4326), 2154)
            """;

    private final JdbcClient jdbc;
    private final int maxFeatures;

    MapLayerRepository(JdbcClient jdbc, @Value("${thd.layers.premises-max-features:5000}") int maxFeatures) {
        this.jdbc = jdbc;
        this.maxFeatures = maxFeatures;
    }

    String areas(AreaLayer layer) {
        return jdbc.sql(AREA_COLLECTION.formatted(layer.sql))
                .param("tolerance", layer.toleranceMetres)
                .query(String.class).single();
    }

    /**
     * Premises in a box, at most {@code limit} (capped by configuration). A truncated answer says so
     * and gives the number matched, so the map can tell the user to zoom in rather than drop points
     * silently.
     */
    String premises(BoundingBox box, Integer requestedLimit) {
        int limit = requestedLimit == null ? maxFeatures : Math.max(1, Math.min(requestedLimit, maxFeatures));
        String collection = jdbc.sql(PREMISES_IN_BOX)
                .param("minLon", box.minLon()).param("minLat", box.minLat())
                .param("maxLon", box.maxLon()).param("maxLat", box.maxLat())
                .param("limit", limit).param("limitPlusOne", limit + 1)
                .query(String.class).single();
        long matched = jdbc.sql(PREMISES_MATCHED)
                .param("minLon", box.minLon()).param("minLat", box.minLat())
                .param("maxLon", box.maxLon()).param("maxLat", box.maxLat())
                .query(Long.class).single();
        // numberMatched appended at the top level of the collection (OGC API - Features naming)
        return collection.substring(0, collection.length() - 1) + ", \"numberMatched\" : " + matched + "}";
    }
}
