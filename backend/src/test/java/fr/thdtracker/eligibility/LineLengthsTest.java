package fr.thdtracker.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.graphhopper.util.DistanceCalcEarth;

import fr.thdtracker.routing.OsmXmlWriter;

/**
 * The copper runs from the exchange to the premise's SR, then from the SR to the premise, along
 * the roads: on a square of 1 km roads, an exchange at one corner, its SR at the next one and a
 * premise halfway along the side back from the exchange, the line is 1 km + 1.5 km, not the 500 m
 * of the shortest way from the exchange.
 */
class LineLengthsTest {

    private static final DistanceCalcEarth EARTH = new DistanceCalcEarth();
    private static final double LAT0 = 48.0;
    private static final double LON0 = -3.0;
    private static final double KM_LON = 1000 / (111_319.49 * Math.cos(Math.toRadians(LAT0)));
    private static final double KM_LAT = 1000 / 111_194.93;
    private static final int SR = 7;

    /** A point x km east and y km north of the square's south-west corner, as {lat, lon}. */
    private static double[] at(double xKm, double yKm) {
        return new double[]{LAT0 + yKm * KM_LAT, LON0 + xKm * KM_LON};
    }

    private static void road(OsmXmlWriter w, double[] a, double[] b) {
        w.road(new double[]{a[1], a[0], b[1], b[0]}, false);
    }

    @Test
    void theExchangeLineGoesByItsSubDistributorAlongTheRoads(@TempDir Path dir) {
        double[] exchange = at(0, 0);
        double[] sr = at(0, 1);
        double[] cabinet = at(0.004, 0.996);
        Path osm = dir.resolve("square.osm");
        try (OsmXmlWriter w = new OsmXmlWriter(osm)) {
            road(w, exchange, at(1, 0));
            road(w, exchange, sr);
            road(w, sr, at(1, 1));
            road(w, at(1, 1), at(1, 0));
        }
        EligibilityProperties properties = new EligibilityProperties();
        try (RoadNetwork roads = new RoadNetwork(null, dir.resolve("graphs").toString(), osm.toString())) {
            LineLengths lengths = new LineLengths(roads, properties);
            PremiseBatch b = new PremiseBatch(2);
            // on the road back from the exchange, 10 m south of it; and one 2 km away from any road
            double[] near = at(0.5, -0.01);
            double[] offRoad = at(0.5, -2);
            for (double[] p : new double[][]{near, offRoad}) {
                int i = b.size++;
                b.id[i] = i + 1;
                b.lat[i] = p[0];
                b.lon[i] = p[1];
                b.sr[i] = SR;
            }
            b.bySr.put(SR, new PremiseBatch.Injection(sr[1], sr[0], 1, new SpeedModel.Equipment(true, false),
                    exchange[1], exchange[0], 42, new SpeedModel.Equipment(true, false), cabinet[1], cabinet[0]));

            lengths.measure(b, LineLengths.Progress.NONE);

            // exchange → SR 1 km, SR → back past the exchange 1.5 km, 10 m off the road
            assertThat(b.exRouted[0]).isTrue();
            assertThat((double) b.exLength[0]).isCloseTo(2_510, within(5.0));
            // after a montée en débit, from the cabinet beside the SR: the SR's way only
            assertThat(b.cabRouted[0]).isTrue();
            assertThat((double) b.cabLength[0]).isCloseTo(1_510 + 8, within(6.0));
            // the roads do not reach the other one: SR → premise is the straight line × detour
            assertThat(b.exRouted[1]).isFalse();
            double straight = EARTH.calcDist(sr[0], sr[1], offRoad[0], offRoad[1]) * properties.getDetourFactor();
            assertThat((double) b.exLength[1]).isCloseTo(1_000 + straight, within(5.0));

            // a hypothetical cabinet at the SR (the what-if) measures as the recompute does
            boolean[] routed = new boolean[1];
            float[] fromSr = lengths.from(sr[0], sr[1], new double[]{near[0]}, new double[]{near[1]}, routed);
            assertThat(routed[0]).isTrue();
            assertThat((double) fromSr[0]).isCloseTo(1_510, within(5.0));
        }
    }
}
