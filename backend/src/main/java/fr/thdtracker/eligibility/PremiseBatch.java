package fr.thdtracker.eligibility;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import fr.thdtracker.routing.RoadGraph;

/**
 * The premises of one recompute and their injection points, in parallel arrays (1.3 million
 * premises on the full territory: objects per premise would cost memory and time), with the line
 * lengths measured for them.
 */
final class PremiseBatch {

    /**
     * An SR (its point), its exchange and, when it has one, its cabinet (the latest montée-en-débit
     * operation not abandoned).
     */
    record Injection(double srLon, double srLat, int exchangeId, SpeedModel.Equipment exchange, double exLon,
                     double exLat, Integer operationId, SpeedModel.Equipment cabinet, double cabLon, double cabLat) {
    }

    int size;
    long[] id;
    double[] lon;
    double[] lat;
    int[] sr;
    LocalDate[] fibreFrom;
    LocalDate[] fibreUntil;
    final Map<Integer, Injection> bySr = new HashMap<>();
    // filled by LineLengths
    RoadGraph.RoadSnap[] snap;
    float[] exLength;
    boolean[] exRouted;
    float[] cabLength;
    boolean[] cabRouted;

    PremiseBatch(int capacity) {
        id = new long[capacity];
        lon = new double[capacity];
        lat = new double[capacity];
        sr = new int[capacity];
        fibreFrom = new LocalDate[capacity];
        fibreUntil = new LocalDate[capacity];
    }

    /** Premises at these points only, for a what-if (no ids, no injection points, no fibre window). */
    static PremiseBatch ofPoints(double[] lats, double[] lons) {
        PremiseBatch b = new PremiseBatch(0);
        b.size = lats.length;
        b.lat = lats;
        b.lon = lons;
        return b;
    }

    Injection injection(int i) {
        return bySr.get(sr[i]);
    }

    long routedCount() {
        long n = 0;
        for (int i = 0; i < size; i++) {
            n += exRouted[i] ? 1 : 0;
        }
        return n;
    }
}
