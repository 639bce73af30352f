package fr.thdtracker.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.graphhopper.util.DistanceCalcEarth;

class RoadGraphTest {

    private static final DistanceCalcEarth EARTH = new DistanceCalcEarth();

    static Path sharedData() {
        String env = System.getenv("THD_SHARED_DATA");
        Path root = Path.of("").toAbsolutePath().getParent();
        return env == null || env.isBlank() ? root.resolve("../shared/data").normalize() : Path.of(env);
    }

    @Test
    void distancesFollowTheRoadsNotTheCrowFlight(@TempDir Path dir) {
        // an L: 1 km east along latitude 48.0, then north; a premise at the far end
        double lat0 = 48.0;
        double lon0 = -3.0;
        double dLon = 1000 / (111_319.49 * Math.cos(Math.toRadians(lat0)));
        double dLat = 1000 / 111_194.93;
        Path osm = dir.resolve("l.osm");
        try (OsmXmlWriter w = new OsmXmlWriter(osm)) {
            w.road(new double[]{lon0, lat0, lon0 + dLon / 2, lat0, lon0 + dLon, lat0}, false);
            w.road(new double[]{lon0 + dLon, lat0, lon0 + dLon, lat0 + dLat}, true);
        }
        try (RoadGraph graph = RoadGraph.importOsm(osm, dir.resolve("gh"))) {
            assertThat(graph.nodeCount()).isGreaterThanOrEqualTo(3);
            RoadGraph.Tree tree = graph.newTree();
            assertThat(tree.grow(lat0, lon0, 10_000, 100)).isTrue();
            RoadGraph.RoadSnap end = graph.snap(lat0 + dLat, lon0 + dLon + 0.0001, 100);
            double straight = EARTH.calcDist(lat0, lon0, lat0 + dLat, lon0 + dLon);
            assertThat(straight).isCloseTo(1414, within(5.0));
            // along the roads 2 km, plus the 7 m from the premise to the road
            assertThat(tree.distanceTo(end)).isCloseTo(2000 + end.offRoad(), within(3.0));
            assertThat(end.offRoad()).isCloseTo(7.4, within(1.0));
            // a limit shorter than the route leaves the end unreached
            tree.grow(lat0, lon0, 1_500, 100);
            assertThat(tree.distanceTo(end)).isInfinite();
            // nothing within 100 m of a point 5 km away
            assertThat(graph.snap(lat0 + 0.05, lon0, 100)).isNull();
        }
    }

    @Test
    void theRedonExtractBuildsAGraphDespiteItsMissingNodesAndByteOrderMark(@TempDir Path dir) throws Exception {
        Path redon = sharedData().resolve("osm/redon_35_geoclimate.osm");
        // a missing dataset fails, never skips: the graph import is only proven on real data
        assertThat(Files.isReadable(redon)).as("missing shared dataset %s: the tests read the project's shared data "
                + "from ../shared/data beside the project (or $THD_SHARED_DATA)", redon).isTrue();
        assertThat(Files.readAllBytes(redon)[0]).isEqualTo((byte) 0xEF);
        try (RoadGraph graph = RoadGraph.importOsm(redon, dir)) {
            assertThat(graph.nodeCount()).isGreaterThan(100);
            assertThat(graph.edgeCount()).isGreaterThan(100);
            // Redon town hall square to the station: the road distance exceeds the straight one
            double[] from = {47.6510, -2.0840};
            double[] to = {47.6490, -2.0880};
            RoadGraph.Tree tree = graph.newTree();
            assertThat(tree.grow(from[0], from[1], 5_000, 200)).isTrue();
            RoadGraph.RoadSnap target = graph.snap(to[0], to[1], 200);
            assertThat(target).isNotNull();
            double road = tree.distanceTo(target);
            double straight = EARTH.calcDist(from[0], from[1], to[0], to[1]);
            assertThat(road).isGreaterThanOrEqualTo(straight * 0.98).isLessThan(straight * 3);
        }
    }
}
