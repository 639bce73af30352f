package fr.thdtracker.routing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;

import com.graphhopper.GraphHopper;
import com.graphhopper.config.Profile;
import com.graphhopper.isochrone.algorithm.ShortestPathTree;
import com.graphhopper.json.Statement;
import com.graphhopper.routing.querygraph.QueryGraph;
import com.graphhopper.routing.util.EdgeFilter;
import com.graphhopper.routing.util.TraversalMode;
import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.storage.BaseGraph;
import com.graphhopper.storage.index.LocationIndex;
import com.graphhopper.storage.index.Snap;
import com.graphhopper.util.CustomModel;
import com.graphhopper.util.DistanceCalcEarth;
import com.graphhopper.util.EdgeIteratorState;
import com.graphhopper.util.FetchMode;
import com.graphhopper.util.PMap;
import com.graphhopper.util.PointList;

/**
 * A road network for measuring copper lines and backbone routes: GraphHopper over an OSM file, with
 * one profile whose speed is the same on every road and in both directions, so the cheapest path
 * is the shortest one whatever one-way rules say (cables do not follow traffic rules). Free of HTTP
 * and Spring: usable from a benchmark or a test as it is.
 */
public final class RoadGraph implements AutoCloseable {

    private static final String PROFILE = "length";
    private static final DistanceCalcEarth EARTH = new DistanceCalcEarth();

    private final GraphHopper hopper;
    private final Weighting weighting;

    private RoadGraph(GraphHopper hopper) {
        this.hopper = hopper;
        this.weighting = hopper.createWeighting(hopper.getProfile(PROFILE), new PMap());
    }

    /**
     * Imports an OSM file (XML, .osm.gz or PBF) into {@code graphDir}, or loads the graph already
     * there. A UTF-8 byte-order mark, which the XML reader refuses, is dropped first; ways naming
     * nodes missing from the file keep the parts whose nodes exist.
     */
    public static RoadGraph importOsm(Path osmFile, Path graphDir) {
        Path source = withoutByteOrderMark(osmFile, graphDir);
        CustomModel sameSpeedEverywhere = new CustomModel()
                .addToSpeed(Statement.If("true", Statement.Op.LIMIT, "50"));
        GraphHopper hopper = new GraphHopper();
        hopper.setOSMFile(source.toString());
        hopper.setGraphHopperLocation(graphDir.resolve("graph").toString());
        hopper.setProfiles(new Profile(PROFILE).setCustomModel(sameSpeedEverywhere));
        // keep small islands of roads (a hamlet's lane): premises there must still be reached
        hopper.setMinNetworkSize(0);
        hopper.importOrLoad();
        return new RoadGraph(hopper);
    }

    private static Path withoutByteOrderMark(Path osmFile, Path workDir) {
        if (!Files.exists(osmFile)) {
            return osmFile; // the graph is already imported: GraphHopper loads it without the file
        }
        try (InputStream in = Files.newInputStream(osmFile)) {
            byte[] head = in.readNBytes(3);
            if (!Arrays.equals(head, new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF})) {
                return osmFile;
            }
            Files.createDirectories(workDir);
            Path copy = workDir.resolve("source-without-bom.osm");
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException("Lecture du fichier OSM " + osmFile + " : " + e.getMessage(), e);
        }
    }

    public int nodeCount() {
        return hopper.getBaseGraph().getNodes();
    }

    public int edgeCount() {
        return hopper.getBaseGraph().getEdges();
    }

    /** Where a point meets the road network. */
    public record RoadSnap(int baseNode, int adjNode, double alongFromBase, double edgeLength, double offRoad) {
    }

    /** The nearest road to a point, or null when none lies within {@code maxOffRoadM}. */
    public RoadSnap snap(double lat, double lon, double maxOffRoadM) {
        LocationIndex index = hopper.getLocationIndex();
        Snap snap = index.findClosest(lat, lon, EdgeFilter.ALL_EDGES);
        if (!snap.isValid() || snap.getQueryDistance() > maxOffRoadM) {
            return null;
        }
        EdgeIteratorState edge = snap.getClosestEdge();
        PointList pts = edge.fetchWayGeometry(FetchMode.ALL);
        int wayIndex = Math.min(snap.getWayIndex(), pts.size() - 1);
        double along = 0;
        for (int i = 0; i < wayIndex; i++) {
            along += EARTH.calcDist(pts.getLat(i), pts.getLon(i), pts.getLat(i + 1), pts.getLon(i + 1));
        }
        along += EARTH.calcDist(pts.getLat(wayIndex), pts.getLon(wayIndex),
                snap.getSnappedPoint().getLat(), snap.getSnappedPoint().getLon());
        double length = edge.getDistance();
        return new RoadSnap(edge.getBaseNode(), edge.getAdjNode(), Math.min(along, length), length,
                snap.getQueryDistance());
    }

    /** A reusable shortest-path-tree workspace; one per thread. */
    public Tree newTree() {
        return new Tree();
    }

    public final class Tree {
        private final double[] distance;
        private int[] touched = new int[1024];
        private int touchedCount;
        private double limit;
        private RoadSnap source;

        private Tree() {
            distance = new double[nodeCount()];
            Arrays.fill(distance, Double.POSITIVE_INFINITY);
        }

        /**
         * Road distances from a source point to every node within {@code limitM}; the source is
         * joined to its nearest road by a straight line counted in the distance.
         *
         * @return false when the source is further than {@code maxOffRoadM} from any road
         */
        public boolean grow(double lat, double lon, double limitM, double maxOffRoadM) {
            for (int i = 0; i < touchedCount; i++) {
                distance[touched[i]] = Double.POSITIVE_INFINITY;
            }
            touchedCount = 0;
            limit = limitM;
            source = null;
            Snap snap = hopper.getLocationIndex().findClosest(lat, lon, EdgeFilter.ALL_EDGES);
            if (!snap.isValid() || snap.getQueryDistance() > maxOffRoadM) {
                return false;
            }
            source = snap(lat, lon, maxOffRoadM);
            double offRoad = snap.getQueryDistance();
            // one tree from the snapped point itself: a virtual node splitting its road edge
            BaseGraph graph = hopper.getBaseGraph();
            QueryGraph queryGraph = QueryGraph.create(graph, snap);
            int realNodes = graph.getNodes();
            ShortestPathTree tree = new ShortestPathTree(queryGraph, queryGraph.wrapWeighting(weighting), false,
                    TraversalMode.NODE_BASED);
            tree.setDistanceLimit(Math.max(0, limitM - offRoad));
            tree.search(snap.getClosestNode(), label -> {
                if (label.node < realNodes && label.distance + offRoad < distance[label.node]) {
                    if (distance[label.node] == Double.POSITIVE_INFINITY) {
                        if (touchedCount == touched.length) {
                            touched = Arrays.copyOf(touched, touched.length * 2);
                        }
                        touched[touchedCount++] = label.node;
                    }
                    distance[label.node] = label.distance + offRoad;
                }
            });
            return true;
        }

        /** Road distance to a snapped point, or +∞ when it lies beyond the tree's limit. */
        public double distanceTo(RoadSnap s) {
            double d = Math.min(distance[s.baseNode()] + s.alongFromBase(),
                    distance[s.adjNode()] + s.edgeLength() - s.alongFromBase()) + s.offRoad();
            if (source != null && sameEdge(source, s)) {
                // on the source's own road edge: straight along it
                double along = source.baseNode() == s.baseNode() ? s.alongFromBase()
                        : s.edgeLength() - s.alongFromBase();
                d = Math.min(d, Math.abs(along - source.alongFromBase()) + source.offRoad() + s.offRoad());
            }
            return d <= limit ? d : Double.POSITIVE_INFINITY;
        }

        private static boolean sameEdge(RoadSnap a, RoadSnap b) {
            return (a.baseNode() == b.baseNode() && a.adjNode() == b.adjNode())
                    || (a.baseNode() == b.adjNode() && a.adjNode() == b.baseNode());
        }

        public int reachedNodes() {
            return touchedCount;
        }
    }

    @Override
    public void close() {
        hopper.close();
    }
}
