package fr.thdtracker.ogc;

import java.time.LocalDate;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import fr.thdtracker.catalog.Layer;
import fr.thdtracker.common.BoundingBox;

/** All the SQL of the OGC API: items of a collection filtered by bbox and date, one item, extents. */
@Repository
class OgcRepository {

    private static final String FILTER = """
            WHERE (CAST(:hasBox AS boolean) = false
                   OR c.geom && ST_Transform(ST_MakeEnvelope(:minLon, :minLat, :maxLon, :maxLat, 4326), 2154))
              AND (CAST(:from AS date) IS NULL OR c.dt >= CAST(:from AS date))
              AND (CAST(:to AS date) IS NULL OR c.dt <= CAST(:to AS date))
            """;

    private static final String ITEMS = """
            SELECT coalesce(json_agg(json_build_object('type', 'Feature', 'id', f.id,
                       'geometry', ST_AsGeoJSON(ST_Transform(f.geom, 4326), 7)::json,
                       'properties', f.props) ORDER BY f.sort_key), '[]'::json)::text
            FROM (SELECT c.* FROM (%s) c %s ORDER BY c.sort_key LIMIT :limit OFFSET :offset) f
            """;

    private static final String COUNT = "SELECT count(*) FROM (%s) c %s";

    private static final String ITEM = """
            SELECT json_build_object('type', 'Feature', 'id', c.id,
                       'geometry', ST_AsGeoJSON(ST_Transform(c.geom, 4326), 7)::json,
                       'properties', c.props)::text
            FROM (%s) c WHERE c.id = :id
            """;

    record Filter(BoundingBox box, LocalDate from, LocalDate to) {
    }

    private final JdbcClient jdbc;

    OgcRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Filter f) {
        BoundingBox b = f.box();
        return spec.param("hasBox", b != null)
                .param("minLon", b == null ? 0 : b.minLon()).param("minLat", b == null ? 0 : b.minLat())
                .param("maxLon", b == null ? 0 : b.maxLon()).param("maxLat", b == null ? 0 : b.maxLat())
                .param("from", f.from()).param("to", f.to());
    }

    /** Features as a JSON array text, in a stable order. */
    String items(Layer c, Filter f, int limit, long offset) {
        return bind(jdbc.sql(ITEMS.formatted(OgcSql.select(c), FILTER)), f).param("limit", limit).param("offset", offset)
                .query(String.class).single();
    }

    long count(Layer c, Filter f) {
        return bind(jdbc.sql(COUNT.formatted(OgcSql.select(c), FILTER)), f).query(Long.class).single();
    }

    Optional<String> item(Layer c, String id) {
        return jdbc.sql(ITEM.formatted(OgcSql.select(c))).param("id", id).query(String.class).optional();
    }

    /** The territory's extent in CRS84: every collection lies within it. */
    double[] territoryExtent() {
        return jdbc.sql("""
                        SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e)
                        FROM (SELECT ST_Transform(ST_SetSRID(ST_Extent(geom), 2154), 4326)::box2d AS e FROM department) q
                        """)
                .query((rs, i) -> new double[]{rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)})
                .single();
    }
}
