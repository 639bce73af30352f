package fr.thdtracker.eligibility;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import fr.thdtracker.routing.RoadGraph;

/**
 * The road graph the eligibility recompute measures lines along: built from an OSM file when
 * {@code thd.routing.osm-file} is set, else from the database's own road table (the demo's roads).
 * Cached on disk under a fingerprint of its source, so a restart loads it instead of importing
 * again. Lives here, not in {@code routing}, so that the routing core stays free of Spring and JDBC.
 */
@Component
class RoadNetwork implements AutoCloseable {

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
    synchronized RoadGraph graph() {
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
        return "db-" + Integer.toHexString(RoadTable.fingerprint(jdbc).hashCode());
    }

    private RoadGraph fromDatabase(Path dir) {
        try {
            Files.createDirectories(dir);
            Path osm = dir.resolve("roads.osm");
            if (!Files.exists(dir.resolve("graph"))) {
                RoadTable.exportRoads(jdbc, osm);
            }
            RoadGraph g = RoadGraph.importOsm(osm, dir);
            Files.deleteIfExists(osm);
            return g;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() {
        if (graph != null) {
            graph.close();
        }
    }
}
