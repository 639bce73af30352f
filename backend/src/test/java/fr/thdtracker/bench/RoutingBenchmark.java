package fr.thdtracker.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import fr.thdtracker.eligibility.RoadTable;
import fr.thdtracker.routing.RoadGraph;

/**
 * Benchmark (run by bench/routing-vs-pgrouting.sh, not by the tests): one shortest-path tree per
 * injection point (exchanges and cabinets) on the database's road network with GraphHopper, the
 * same limit as the eligibility recompute. Prints the median over repetitions.
 *
 * Arguments: jdbcUrl user password ("-" for none) limitMetres repetitions [injection-points.sql]
 */
public final class RoutingBenchmark {

    public static void main(String[] args) throws Exception {
        String url = args[0];
        double limit = Double.parseDouble(args[3]);
        int repetitions = Integer.parseInt(args[4]);
        Path dir = Files.createTempDirectory("thd-routing-bench");
        List<double[]> sources = new ArrayList<>();
        String password = "-".equals(args[2]) ? "" : args[2];
        SingleConnectionDataSource ds = new SingleConnectionDataSource(url, args[1], password, true);
        JdbcClient jdbc = JdbcClient.create(ds);
        RoadTable.exportRoads(jdbc, dir.resolve("roads.osm"));
        jdbc.sql(Files.readString(Path.of(args.length > 5 ? args[5] : "bench/injection-points.sql")))
                .query(rs -> {
                    sources.add(new double[]{rs.getDouble("lat"), rs.getDouble("lon")});
                });
        ds.destroy();
        long tImport = System.nanoTime();
        try (RoadGraph graph = RoadGraph.importOsm(dir.resolve("roads.osm"), dir)) {
            System.out.printf("graph: %d nodes, %d edges, imported in %d ms%n", graph.nodeCount(), graph.edgeCount(),
                    (System.nanoTime() - tImport) / 1_000_000);
            RoadGraph.Tree tree = graph.newTree();
            for (int warmUp = 0; warmUp < 3; warmUp++) {
                for (double[] s : sources) {
                    tree.grow(s[0], s[1], limit, 500);
                }
            }
            double[] ms = new double[repetitions];
            long reached = 0;
            for (int r = 0; r < repetitions; r++) {
                long t0 = System.nanoTime();
                reached = 0;
                for (double[] s : sources) {
                    tree.grow(s[0], s[1], limit, 500);
                    reached += tree.reachedNodes();
                }
                ms[r] = (System.nanoTime() - t0) / 1e6;
            }
            Arrays.sort(ms);
            System.out.printf("trees: %d sources, %d nodes reached, median %.1f ms (runs %s)%n", sources.size(), reached,
                    ms[repetitions / 2], Arrays.toString(ms));
        }
    }
}
