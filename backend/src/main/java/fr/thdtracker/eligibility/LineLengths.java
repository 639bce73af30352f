package fr.thdtracker.eligibility;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import org.springframework.stereotype.Component;

import com.graphhopper.util.DistanceCalcEarth;

import fr.thdtracker.routing.RoadGraph;

/**
 * Copper line lengths along the roads: each premise snapped to the roads once, then one
 * shortest-path tree per injection point (exchange or cabinet) measures all the premises it feeds.
 * Where the roads do not reach, the straight line times the detour factor stands in.
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

    /** Fills the batch's lengths from its exchanges and from its cabinets. */
    void measure(PremiseBatch b, Progress progress) {
        RoadGraph graph = roads.graph();
        int n = b.size;
        b.exLength = new float[n];
        b.exRouted = new boolean[n];
        b.cabLength = new float[n];
        b.cabRouted = new boolean[n];
        snap(graph, b, progress);
        // group premises by injection point: one tree per exchange, one per cabinet
        Map<Integer, List<Integer>> byExchange = new HashMap<>();
        Map<Integer, List<Integer>> byCabinet = new HashMap<>();
        for (int i = 0; i < n; i++) {
            PremiseBatch.Injection inj = b.injection(i);
            byExchange.computeIfAbsent(inj.exchangeId(), k -> new ArrayList<>()).add(i);
            if (inj.operationId() != null) {
                byCabinet.computeIfAbsent(inj.operationId(), k -> new ArrayList<>()).add(i);
            }
        }
        // a tree workspace per thread, for this computation only
        ThreadLocal<RoadGraph.Tree> workspace = ThreadLocal.withInitial(graph::newTree);
        List<Runnable> trees = new ArrayList<>();
        for (List<Integer> members : byExchange.values()) {
            PremiseBatch.Injection inj = b.injection(members.get(0));
            trees.add(() -> measure(workspace.get(), b, members, inj.exLat(), inj.exLon(), b.exLength, b.exRouted));
        }
        for (List<Integer> members : byCabinet.values()) {
            PremiseBatch.Injection inj = b.injection(members.get(0));
            trees.add(() -> measure(workspace.get(), b, members, inj.cabLat(), inj.cabLon(), b.cabLength, b.cabRouted));
        }
        AtomicLong treesDone = new AtomicLong();
        progress.report(TREES, 0, trees.size());
        trees.parallelStream().forEach(t -> {
            t.run();
            progress.report(TREES, treesDone.incrementAndGet(), trees.size());
        });
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
        float[] length = new float[b.size];
        measure(graph.newTree(), b, all, lat, lon, length, routed);
        return length;
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

    private void measure(RoadGraph.Tree tree, PremiseBatch b, List<Integer> members, double lat, double lon,
                         float[] length, boolean[] routed) {
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
