package fr.thdtracker.eligibility;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import org.springframework.stereotype.Component;

import com.graphhopper.util.DistanceCalcEarth;

import fr.thdtracker.routing.RoadGraph;

/**
 * Copper line lengths along the roads, as the copper runs: from the exchange (or, after a montée
 * en débit, the cabinet) to the premise's sub-distributor (SR), then from the SR to the premise.
 * Premises and SRs are snapped to the roads once; one shortest-path tree per exchange and per
 * cabinet measures the way to its SRs, one per SR the way to its premises. Where the roads do not
 * reach, the straight line times the detour factor stands in for that leg.
 */
@Component
class LineLengths {

    /** Where a full recompute stands, for its progress bar; incremental ones report nothing. */
    interface Progress {
        Progress NONE = (step, done, total) -> { };

        void report(String step, long done, long total);
    }

    private static final DistanceCalcEarth EARTH = new DistanceCalcEarth();
    private static final String SNAPPING = "accrochage des locaux aux routes";
    private static final String TREES = "longueurs de ligne (arbres de plus courts chemins)";

    private final RoadNetwork roads;
    private final EligibilityProperties properties;

    LineLengths(RoadNetwork roads, EligibilityProperties properties) {
        this.roads = roads;
        this.properties = properties;
    }

    /** Builds (or loads) the road graph now, so a full recompute shows it as its own step. */
    void prepareGraph() {
        roads.graph();
    }

    /** Fills the batch's lengths from its exchanges and from its cabinets, both by way of the SRs. */
    void measure(PremiseBatch b, Progress progress) {
        RoadGraph graph = roads.graph();
        int n = b.size;
        snap(graph, b, progress);
        // the batch's SRs, each snapped once, with their premises
        Map<Integer, List<Integer>> premisesBySr = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            premisesBySr.computeIfAbsent(b.sr[i], k -> new ArrayList<>()).add(i);
        }
        List<PremiseBatch.Injection> srs = premisesBySr.keySet().stream().map(b.bySr::get).toList();
        PremiseBatch srPoints = PremiseBatch.ofPoints(srs.stream().mapToDouble(PremiseBatch.Injection::srLat).toArray(),
                srs.stream().mapToDouble(PremiseBatch.Injection::srLon).toArray());
        snap(graph, srPoints, Progress.NONE);
        // upstream legs grouped by injection point: one tree per exchange, one per cabinet, to their SRs
        Map<Integer, List<Integer>> srsByExchange = new HashMap<>();
        Map<Integer, List<Integer>> srsByCabinet = new HashMap<>();
        for (int k = 0; k < srs.size(); k++) {
            PremiseBatch.Injection inj = srs.get(k);
            srsByExchange.computeIfAbsent(inj.exchangeId(), x -> new ArrayList<>()).add(k);
            if (inj.operationId() != null) {
                srsByCabinet.computeIfAbsent(inj.operationId(), x -> new ArrayList<>()).add(k);
            }
        }
        Leg exchangeToSr = new Leg(srs.size());
        Leg cabinetToSr = new Leg(srs.size());
        Leg srToPremise = new Leg(n);
        // a tree workspace per thread, for this computation only
        ThreadLocal<RoadGraph.Tree> workspace = ThreadLocal.withInitial(graph::newTree);
        List<Runnable> trees = new ArrayList<>();
        for (List<Integer> members : srsByExchange.values()) {
            PremiseBatch.Injection inj = srs.get(members.get(0));
            trees.add(() -> measure(workspace.get(), srPoints, members, inj.exLat(), inj.exLon(), exchangeToSr));
        }
        for (List<Integer> members : srsByCabinet.values()) {
            PremiseBatch.Injection inj = srs.get(members.get(0));
            trees.add(() -> measure(workspace.get(), srPoints, members, inj.cabLat(), inj.cabLon(), cabinetToSr));
        }
        int k = 0;
        for (List<Integer> members : premisesBySr.values()) {
            PremiseBatch.Injection inj = srs.get(k++);
            trees.add(() -> measure(workspace.get(), b, members, inj.srLat(), inj.srLon(), srToPremise));
        }
        AtomicLong treesDone = new AtomicLong();
        progress.report(TREES, 0, trees.size());
        trees.parallelStream().forEach(t -> {
            t.run();
            long done = treesDone.incrementAndGet();
            if (done % 100 == 0 || done == trees.size()) {
                progress.report(TREES, done, trees.size());
            }
        });
        b.exLength = new float[n];
        b.exRouted = new boolean[n];
        b.cabLength = new float[n];
        b.cabRouted = new boolean[n];
        k = 0;
        for (List<Integer> members : premisesBySr.values()) {
            boolean cabinet = srs.get(k).operationId() != null;
            for (int i : members) {
                b.exLength[i] = exchangeToSr.length[k] + srToPremise.length[i];
                b.exRouted[i] = exchangeToSr.routed[k] && srToPremise.routed[i];
                if (cabinet) {
                    b.cabLength[i] = cabinetToSr.length[k] + srToPremise.length[i];
                    b.cabRouted[i] = cabinetToSr.routed[k] && srToPremise.routed[i];
                }
            }
            k++;
        }
    }

    /** One leg of the lines (injection point → SR, or SR → premise), indexed like its end points. */
    private static final class Leg {
        final float[] length;
        final boolean[] routed;

        Leg(int size) {
            length = new float[size];
            routed = new boolean[size];
        }
    }

    /**
     * Lengths from one point (a hypothetical cabinet) to the given premises, by the same method;
     * {@code routed[i]} says whether the road network or the straight-line fallback measured premise i.
     */
    float[] from(double lat, double lon, double[] lats, double[] lons, boolean[] routed) {
        RoadGraph graph = roads.graph();
        PremiseBatch b = PremiseBatch.ofPoints(lats, lons);
        snap(graph, b, Progress.NONE);
        List<Integer> all = IntStream.range(0, b.size).boxed().toList();
        Leg leg = new Leg(b.size);
        measure(graph.newTree(), b, all, lat, lon, leg);
        System.arraycopy(leg.routed, 0, routed, 0, b.size);
        return leg.length;
    }

    private void snap(RoadGraph graph, PremiseBatch b, Progress progress) {
        int n = b.size;
        b.snap = new RoadGraph.RoadSnap[n];
        progress.report(SNAPPING, 0, n);
        AtomicLong done = new AtomicLong();
        IntStream.range(0, n).parallel().forEach(i -> {
            b.snap[i] = graph.snap(b.lat[i], b.lon[i], properties.getMaxSnapDistanceM());
            long d = done.incrementAndGet();
            if (d % 50_000 == 0) {
                progress.report(SNAPPING, d, n);
            }
        });
    }

    /** From one point to some points of the batch (premises, or SRs), into the leg at their indexes. */
    private void measure(RoadGraph.Tree tree, PremiseBatch b, List<Integer> members, double lat, double lon, Leg leg) {
        float[] length = leg.length;
        boolean[] routed = leg.routed;
        boolean grown = tree.grow(lat, lon, properties.getMaxRoadDistanceM(), properties.getMaxSnapDistanceM());
        for (int i : members) {
            double road = grown && b.snap[i] != null ? tree.distanceTo(b.snap[i]) : Double.POSITIVE_INFINITY;
            if (Double.isFinite(road)) {
                length[i] = (float) road;
                routed[i] = true;
            } else {
                length[i] = (float) (EARTH.calcDist(lat, lon, b.lat[i], b.lon[i]) * properties.getDetourFactor());
                routed[i] = false;
            }
        }
    }
}
