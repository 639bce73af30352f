package fr.thdtracker.layers;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import fr.thdtracker.catalog.Layer;
import fr.thdtracker.common.BoundingBox;

/** Runs the GeoJSON statements of {@link GeoJsonSql}: feature collections built in PostGIS. */
@Repository
class MapLayerRepository {

    private final JdbcClient jdbc;
    private final int maxFeatures;

    MapLayerRepository(JdbcClient jdbc, @Value("${thd.layers.premises-max-features:5000}") int maxFeatures) {
        this.jdbc = jdbc;
        this.maxFeatures = maxFeatures;
    }

    String whole(Layer layer) {
        return jdbc.sql(GeoJsonSql.whole(layer))
                .param("tolerance", layer.geoJson().toleranceMetres())
                .query(String.class).single();
    }

    /**
     * Features in a box, at most {@code limit} (capped by configuration). A truncated answer says so
     * and gives the number matched, so the map can tell the user to zoom in rather than drop points
     * silently.
     */
    String inBox(Layer layer, BoundingBox box, Integer requestedLimit) {
        int limit = requestedLimit == null ? maxFeatures : Math.max(1, Math.min(requestedLimit, maxFeatures));
        String collection = jdbc.sql(GeoJsonSql.inBox(layer))
                .param("minLon", box.minLon()).param("minLat", box.minLat())
                .param("maxLon", box.maxLon()).param("maxLat", box.maxLat())
                .param("limit", limit).param("limitPlusOne", limit + 1)
                .query(String.class).single();
        long matched = jdbc.sql(GeoJsonSql.matched(layer))
                .param("minLon", box.minLon()).param("minLat", box.minLat())
                .param("maxLon", box.maxLon()).param("maxLat", box.maxLat())
                .query(Long.class).single();
        // numberMatched appended at the top level of the collection (OGC API - Features naming)
        return collection.substring(0, collection.length() - 1) + ", \"numberMatched\" : " + matched + "}";
    }
}
