package fr.thdtracker.tiles;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import javax.sql.DataSource;

/** Builds one Mapbox Vector Tile in PostGIS per request: one statement, bound z/x/y. */
@Repository
class TileRepository {

    /** Web Mercator's world width in metres: a tile's pixel is this / 2^z / 4096. */
    private static final double WORLD_M = 40_075_016.685578488;
    private static final int EXTENT = 4096;
    private static final int BUFFER = 64;

    private static final String TILE = """
            WITH b AS (
                SELECT ST_TileEnvelope(:z, :x, :y) AS env,
                       ST_TileEnvelope(:z, :x, :y, margin => %2$s) AS box3857,
                       ST_Transform(ST_TileEnvelope(:z, :x, :y, margin => %2$s), 2154) AS box
            ), f AS (
                SELECT * FROM (%1$s) q LIMIT :cap
            )
            SELECT ST_AsMVT(f.*, :layer, %3$s, 'geom') AS mvt, count(*) AS n
            FROM f WHERE f.geom IS NOT NULL
            """;

    record Tile(byte[] mvt, long features, boolean truncated) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final int cap;

    TileRepository(DataSource dataSource, @Value("${thd.tiles.max-features:20000}") int cap,
                   @Value("${thd.tiles.statement-timeout-seconds:10}") int timeoutSeconds) {
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setQueryTimeout(timeoutSeconds);
        this.jdbc = new NamedParameterJdbcTemplate(template);
        this.cap = cap;
    }

    Tile tile(TileLayer layer, int z, int x, int y) {
        String select = TileSql.select(layer, TileSql.geometry(layer, z, EXTENT, BUFFER), z);
        String sql = TILE.formatted(select, (double) BUFFER / EXTENT, EXTENT);
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("z", z).addValue("x", x).addValue("y", y).addValue("cap", cap)
                .addValue("layer", layer.name())
                // a pixel of the tile, in Lambert-93 metres (Mercator metres shrink by cos(latitude), ~0.67 here)
                .addValue("tolerance", WORLD_M / (1L << z) / EXTENT * 0.67)
                .addValue("level", TileLayer.cellLevel(z));
        return jdbc.query(sql, params, rs -> {
            rs.next();
            byte[] mvt = rs.getBytes("mvt");
            long n = rs.getLong("n");
            return new Tile(mvt == null ? new byte[0] : mvt, n, n >= cap);
        });
    }
}
