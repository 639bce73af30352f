package fr.thdtracker.tiles;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Benchmark (run by bench/tiles.sh, not by the tests): a fixed list of tiles over HTTP against the
 * same tile SQL run directly over JDBC (the floor), sequentially, after one warm-up pass.
 * Prints per zoom the median and p95 latencies, the largest tile, and overall ratios.
 *
 * Arguments: baseUrl jdbcUrl user password("-" for none) tileListFile
 */
public final class TileBenchmark {

    record Sample(String layer, int z, int x, int y, double httpMs, double sqlMs, int bytes, int status,
                  boolean truncated) {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        // one persistent connection, as the server's pool gives: the floor must not pay connection set-up
        SingleConnectionDataSource ds = new SingleConnectionDataSource(args[1], args[2],
                "-".equals(args[3]) ? "" : args[3], true);
        TileRepository sql = new TileRepository(ds, 20_000, 30);
        List<String[]> tiles = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[4]))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                tiles.add(line.trim().split("/"));
            }
        }
        HttpClient http = HttpClient.newHttpClient();
        List<Sample> samples = new ArrayList<>();
        for (int pass = 0; pass < 2; pass++) {
            samples.clear();
            for (String[] t : tiles) {
                TileLayer layer = TileLayer.byName(t[0]).orElseThrow();
                int z = Integer.parseInt(t[1]);
                int x = Integer.parseInt(t[2]);
                int y = Integer.parseInt(t[3]);
                long t0 = System.nanoTime();
                HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(
                        base + "/tiles/" + t[0] + "/" + z + "/" + x + "/" + y + ".mvt")).build(), HttpResponse.BodyHandlers.ofByteArray());
                long t1 = System.nanoTime();
                TileRepository.Tile direct = sql.tile(layer, z, x, y);
                long t2 = System.nanoTime();
                samples.add(new Sample(t[0], z, x, y, (t1 - t0) / 1e6, (t2 - t1) / 1e6, r.body().length, r.statusCode(),
                        r.headers().firstValue("X-Tile-Truncated").isPresent()));
                if (direct.mvt().length != r.body().length) {
                    throw new IllegalStateException("HTTP and SQL tiles differ for " + String.join("/", t));
                }
            }
        }
        System.out.println("| zoom | tiles | HTTP median (ms) | HTTP p95 (ms) | SQL median (ms) | largest tile (kB) | truncated |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|");
        for (int z = 0; z <= 22; z++) {
            final int zz = z;
            List<Sample> at = samples.stream().filter(s -> s.z() == zz).toList();
            if (at.isEmpty()) {
                continue;
            }
            System.out.printf("| %d | %d | %.1f | %.1f | %.1f | %.1f | %d |%n", z, at.size(),
                    pct(at.stream().mapToDouble(Sample::httpMs).toArray(), 50),
                    pct(at.stream().mapToDouble(Sample::httpMs).toArray(), 95),
                    pct(at.stream().mapToDouble(Sample::sqlMs).toArray(), 50),
                    at.stream().mapToInt(Sample::bytes).max().orElse(0) / 1024.0,
                    at.stream().filter(Sample::truncated).count());
        }
        double[] httpAll = samples.stream().mapToDouble(Sample::httpMs).toArray();
        double[] sqlAll = samples.stream().mapToDouble(Sample::sqlMs).toArray();
        long errors = samples.stream().filter(s -> s.status() != 200).count();
        // the per-request cost of HTTP is fixed; on tiles where the database does real work it is what remains
        List<Sample> heavy = samples.stream().filter(x -> x.sqlMs() >= 2).toList();
        if (!heavy.isEmpty()) {
            System.out.printf("HEAVY tiles=%d (SQL >= 2 ms) httpMedian=%.2f sqlMedian=%.2f ratio=%.2f%n", heavy.size(),
                    pct(heavy.stream().mapToDouble(Sample::httpMs).toArray(), 50),
                    pct(heavy.stream().mapToDouble(Sample::sqlMs).toArray(), 50),
                    pct(heavy.stream().mapToDouble(Sample::httpMs).toArray(), 50)
                            / pct(heavy.stream().mapToDouble(Sample::sqlMs).toArray(), 50));
        }
        System.out.printf("ALL tiles=%d httpMedian=%.2f httpP95=%.2f sqlMedian=%.2f ratio=%.2f maxKB=%.1f errors=%d truncated=%d%n",
                samples.size(), pct(httpAll, 50), pct(httpAll, 95), pct(sqlAll, 50), pct(httpAll, 50) / pct(sqlAll, 50),
                samples.stream().mapToInt(Sample::bytes).max().orElse(0) / 1024.0, errors,
                samples.stream().filter(Sample::truncated).count());
    }

    static double pct(double[] values, int p) {
        double[] v = values.clone();
        Arrays.sort(v);
        int i = (int) Math.ceil(p / 100.0 * v.length) - 1;
        return v[Math.max(0, Math.min(v.length - 1, i))];
    }
}
