package fr.thdtracker.routing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The road graph of the application: built from an OSM file when {@code thd.routing.osm-file} is
 * set, else from the database's own road table (the demo's roads). Cached on disk under a
 * fingerprint of its source, so a restart loads it instead of importing again.
 */
@Component
public class RoadNetwork implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RoadNetwork.class);

    private final JdbcClient jdbc;
    private final Path cacheRoot;
    private final String osmFile;
    private RoadGraph graph;
    private String fingerprint;

    RoadNetwork(JdbcClient jdbc,
                @Value("${thd.routing.graph-dir:${java.io.tmpdir}/thd-tracker-graphs}") String cacheRoot,
                @Value("${thd.routing.osm-file:}") String osmFile) {
        this.jdbc = jdbc;
        this.cacheRoot = Path.of(cacheRoot);
        this.osmFile = osmFile;
    }

    /** The current graph, built or loaded if the roads changed since the last call. */
    public synchronized RoadGraph graph() {
        String current = sourceFingerprint();
        if (graph == null || !current.equals(fingerprint)) {
            if (graph != null) {
                graph.close();
            }
            Path dir = cacheRoot.resolve(current);
            long t0 = System.nanoTime();
            graph = osmFile.isBlank() ? fromDatabase(dir) : RoadGraph.importOsm(Path.of(osmFile), dir);
            fingerprint = current;
            log.info("Graphe routier prêt : {} nœuds, {} arcs ({} ms)", graph.nodeCount(), graph.edgeCount(),
                    (System.nanoTime() - t0) / 1_000_000);
        }
        return graph;
    }

    private String sourceFingerprint() {
        if (!osmFile.isBlank()) {
            try {
                Path p = Path.of(osmFile);
                return "osm-" + Integer.toHexString((p.toAbsolutePath() + ":" + Files.size(p) + ":"
                        + Files.getLastModifiedTime(p).toMillis()).hashCode());
            } catch (IOException e) {
                throw new UncheckedIOException("Fichier OSM illisible : " + osmFile, e);
            }
        }
        String db = jdbc.sql("""
                SELECT current_database() || ':' || count(*) || ':' || coalesce(max(id), 0) || ':'
                       || coalesce(round(sum(ST_Length(geom)))::bigint, 0) FROM road
                """).query(String.class).single();
        return "db-" + Integer.toHexString(db.hashCode());
    }

    private RoadGraph fromDatabase(Path dir) {
        try {
            Files.createDirectories(dir);
            Path osm = dir.resolve("roads.osm");
            if (!Files.exists(dir.resolve("graph"))) {
                exportRoads(jdbc, osm);
            }
            RoadGraph g = RoadGraph.importOsm(osm, dir);
            Files.deleteIfExists(osm);
            return g;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the road table as OSM XML (WGS84), major roads as primary, streets as residential. */
    public static void exportRoads(JdbcClient jdbc, Path osm) {
        try (OsmXmlWriter writer = new OsmXmlWriter(osm)) {
            WKBReader reader = new WKBReader();
            jdbc.sql("SELECT class, ST_AsBinary(ST_Transform(geom, 4326)) FROM road ORDER BY id").query(rs -> {
                try {
                    Coordinate[] cs = reader.read(rs.getBytes(2)).getCoordinates();
                    double[] lonLat = new double[cs.length * 2];
                    for (int i = 0; i < cs.length; i++) {
                        lonLat[2 * i] = cs[i].x;
                        lonLat[2 * i + 1] = cs[i].y;
                    }
                    writer.road(lonLat, "MAJOR".equals(rs.getString(1)));
                } catch (ParseException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }

    @Override
    public synchronized void close() {
        if (graph != null) {
            graph.close();
        }
    }
}
