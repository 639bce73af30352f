package fr.thdtracker.eligibility;

import java.nio.file.Path;

import org.locationtech.jts.geom.Coordinate;
import org.springframework.jdbc.core.simple.JdbcClient;

import fr.thdtracker.common.GeometryCodec;
import fr.thdtracker.routing.OsmXmlWriter;
import fr.thdtracker.routing.Road;

/**
 * The database's road table as routing input. Public for the routing benchmark (bench/), which
 * exports the same roads without starting the application.
 */
public final class RoadTable {

    private RoadTable() {
    }

    /** Changes whenever a road is added, removed or reshaped: the graph cache's key. */
    static String fingerprint(JdbcClient jdbc) {
        return jdbc.sql("""
                SELECT current_database() || ':' || count(*) || ':' || coalesce(max(id), 0) || ':'
                       || coalesce(round(sum(ST_Length(geom)))::bigint, 0) FROM road
                """).query(String.class).single();
    }

    /** Writes the road table as OSM XML (WGS84), major roads as primary, streets as residential. */
    public static void exportRoads(JdbcClient jdbc, Path osm) {
        try (OsmXmlWriter writer = new OsmXmlWriter(osm)) {
            jdbc.sql("SELECT class, ST_AsBinary(ST_Transform(geom, 4326)) FROM road ORDER BY id").query(rs -> {
                Coordinate[] cs = GeometryCodec.read(rs.getBytes(2), GeometryCodec.WGS84).getCoordinates();
                double[] lonLat = new double[cs.length * 2];
                for (int i = 0; i < cs.length; i++) {
                    lonLat[2 * i] = cs[i].x;
                    lonLat[2 * i + 1] = cs[i].y;
                }
                writer.road(new Road(lonLat, "MAJOR".equals(rs.getString(1))));
            });
        }
    }
}
