package fr.thdtracker.eligibility;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.graphhopper.util.DistanceCalcEarth;

import fr.thdtracker.common.BulkCopy;
import fr.thdtracker.routing.RoadGraph;
import fr.thdtracker.routing.RoadNetwork;

/**
 * Computes every premise's eligibility: copper line length along the roads from its exchange and
 * from its sub-distributor's cabinet (one shortest-path tree per injection point, each premise
 * snapped to the roads once), attenuation and speed from the arrêté's table, and the window in
 * which it is open to fibre. Full (a job with progress) or for some premises (after an import or
 * an edit); both write in one transaction.
 */
@Service
public class EligibilityRecompute {

    private static final Logger log = LoggerFactory.getLogger(EligibilityRecompute.class);
    private static final DistanceCalcEarth EARTH = new DistanceCalcEarth();

    /**
     * Premises with their point in WGS84 and their fibre window: open from the start of their last
     * period of being connectable (or the commercial opening date, if later) until they left it.
     * Dates travel as epoch days: reading 1.3 million java.sql.Date objects costs seconds.
     */
    private static final String PREMISES = """
            WITH windows AS (
                SELECT premise_id,
                       min(effective_on) FILTER (WHERE new_value IN ('DEPLOYE', 'RACCORDABLE_DEMANDE')) AS first_in,
                       max(effective_on) FILTER (WHERE new_value IN ('DEPLOYE', 'RACCORDABLE_DEMANDE')) AS last_in,
                       max(effective_on) FILTER (WHERE old_value IN ('DEPLOYE', 'RACCORDABLE_DEMANDE')
                                                 AND new_value NOT IN ('DEPLOYE', 'RACCORDABLE_DEMANDE')) AS last_out
                FROM premise_event
                WHERE field = 'state' AND (new_value IN ('DEPLOYE', 'RACCORDABLE_DEMANDE')
                                           OR old_value IN ('DEPLOYE', 'RACCORDABLE_DEMANDE')) %s
                GROUP BY premise_id
            ), open AS (
                SELECT p.id, p.geom, p.sub_distributor_id,
                       CASE WHEN p.commercial_opening_date IS NOT NULL AND w.first_in IS NOT NULL
                            THEN greatest(CASE WHEN w.last_out IS NULL THEN w.first_in ELSE w.last_in END,
                                          p.commercial_opening_date) END AS fibre_from,
                       CASE WHEN w.last_out > w.last_in THEN w.last_out END AS fibre_until
                FROM premise p LEFT JOIN windows w ON w.premise_id = p.id
                %s
            )
            SELECT id, ST_X(g) AS lon, ST_Y(g) AS lat, sub_distributor_id,
                   CASE WHEN fibre_until IS NULL OR fibre_until > fibre_from THEN fibre_from - DATE '1970-01-01' END AS fibre_from,
                   CASE WHEN fibre_until > fibre_from THEN fibre_until - DATE '1970-01-01' END AS fibre_until
            FROM open CROSS JOIN LATERAL ST_Transform(geom, 4326) AS g
            """;

    private static final String INJECTION_POINTS = """
            SELECT sr.id AS sr_id, ex.id AS exchange_id, ex.vdsl2, ex.backhaul,
                   ST_X(ST_Transform(ex.geom, 4326)) AS ex_lon, ST_Y(ST_Transform(ex.geom, 4326)) AS ex_lat,
                   op.id AS op_id, cab.vdsl2 AS cab_vdsl2, cab.backhaul AS cab_backhaul,
                   ST_X(ST_Transform(cab.geom, 4326)) AS cab_lon, ST_Y(ST_Transform(cab.geom, 4326)) AS cab_lat
            FROM sub_distributor sr
            JOIN exchange ex ON ex.id = sr.exchange_id
            LEFT JOIN LATERAL (
                SELECT o.id, o.cabinet_id FROM upgrade_operation o
                WHERE o.sub_distributor_id = sr.id AND o.status <> 'ABANDONED'
                ORDER BY (o.status = 'IN_SERVICE') DESC, o.id DESC LIMIT 1) op ON true
            LEFT JOIN exchange cab ON cab.id = op.cabinet_id
            """;

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate tx;
    private final RoadNetwork roads;
    private final EligibilityProperties properties;
    private final SpeedModel model;
    private final ApplicationEventPublisher events;
    private final AtomicReference<RecomputeStatus> status = new AtomicReference<>(RecomputeStatus.idle());

    EligibilityRecompute(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactions,
                         RoadNetwork roads, EligibilityProperties properties, ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setTimeout(-1);
        this.roads = roads;
        this.properties = properties;
        this.model = new SpeedModel(properties);
    }

    public RecomputeStatus status() {
        return status.get();
    }

    public boolean isEmpty() {
        return !jdbc.sql("SELECT EXISTS (SELECT 1 FROM eligibility)").query(Boolean.class).single();
    }

    /** Starts a full recompute in the background; false when one is already running. */
    public boolean startFull() {
        RecomputeStatus current = status.get();
        if (current.running() || !status.compareAndSet(current, starting())) {
            return false;
        }
        Thread worker = new Thread(() -> {
            try {
                run(null);
            } catch (RuntimeException e) {
                log.error("Recalcul de l'éligibilité en échec", e);
            }
        }, "eligibility-recompute");
        worker.setDaemon(true);
        worker.start();
        return true;
    }

    /** Full recompute, in the calling thread. */
    public RecomputeStatus full() {
        RecomputeStatus current = status.get();
        if (current.running() || !status.compareAndSet(current, starting())) {
            throw new IllegalStateException("Un recalcul de l'éligibilité est déjà en cours");
        }
        return run(null);
    }

    /** Recomputes the given premises only (after their state or their network changed). */
    public int premises(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        String array = idArray(ids);
        Batch batch = load(array);
        compute(batch, null);
        tx.executeWithoutResult(s -> {
            jdbc.sql("DELETE FROM eligibility WHERE premise_id = ANY(CAST(:ids AS bigint[]))").param("ids", array).update();
            write(batch);
        });
        return batch.size;
    }

    /**
     * Copper line lengths from a hypothetical injection point (a cabinet placed at a sub-distributor)
     * to the given premises, by the same method as the recompute; {@code routed[i]} says whether the
     * road network or the straight-line fallback measured premise i.
     */
    public float[] lengthsFrom(double lat, double lon, double[] lats, double[] lons, boolean[] routed) {
        RoadGraph graph = roads.graph();
        Batch b = new Batch();
        b.size = lats.length;
        b.lat = lats;
        b.lon = lons;
        b.snap = new RoadGraph.RoadSnap[b.size];
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < b.size; i++) {
            b.snap[i] = graph.snap(lats[i], lons[i], properties.getMaxSnapDistanceM());
            all.add(i);
        }
        float[] length = new float[b.size];
        measure(graph.newTree(), b, all, lat, lon, length, routed);
        return length;
    }

    public SpeedModel model() {
        return model;
    }

    /** A PostgreSQL array literal of ids, bound as one text parameter and cast in SQL. */
    static String idArray(Collection<Long> ids) {
        StringBuilder sb = new StringBuilder("{");
        for (Long id : ids) {
            if (sb.length() > 1) {
                sb.append(',');
            }
            sb.append(id.longValue());
        }
        return sb.append('}').toString();
    }

    private static RecomputeStatus starting() {
        return new RecomputeStatus(true, "démarrage", 0, 0, Instant.now(), null, null, null);
    }

    private RecomputeStatus run(String ids) {
        long t0 = System.nanoTime();
        Instant started = status.get().startedAt();
        try {
            progress("graphe routier", 0, 0);
            roads.graph();
            long tGraph = System.nanoTime();
            progress("lecture des locaux", 0, 0);
            Batch batch = load(ids);
            long tLoad = System.nanoTime();
            compute(batch, new AtomicLong());
            long tCompute = System.nanoTime();
            progress("écriture", batch.size, batch.size);
            tx.executeWithoutResult(s -> {
                jdbc.sql("SET LOCAL statement_timeout = 0").update();
                jdbc.sql("TRUNCATE eligibility").update();
                BulkCopy bulk = new BulkCopy(DataSourceUtils.getConnection(dataSource), jdbc);
                List<String> restore = bulk.dropIndexesAndForeignKeys("eligibility");
                write(batch);
                bulk.execute(restore);
                rebuildAddressIndex();
            });
            log.info("Éligibilité, étapes : graphe {} ms, lecture {} ms, calcul {} ms, écriture {} ms",
                    (tGraph - t0) / 1_000_000, (tLoad - tGraph) / 1_000_000, (tCompute - tLoad) / 1_000_000,
                    (System.nanoTime() - tCompute) / 1_000_000);
            jdbc.sql("ANALYZE eligibility").update();
            double seconds = (System.nanoTime() - t0) / 1e9;
            log.info("Éligibilité recalculée : {} locaux en {} s ({} par la route)", batch.size,
                    String.format("%.1f", seconds), batch.routedCount());
            // the views derived from it (tile aggregates, progress milestones) follow, timed by their owners
            progress("vues dérivées (tuiles, avancement)", batch.size, batch.size);
            events.publishEvent(new EligibilityRecomputed(batch.size));
            RecomputeStatus finished = new RecomputeStatus(false, "terminé", batch.size, batch.size, started,
                    Instant.now(), seconds, null);
            status.set(finished);
            return finished;
        } catch (RuntimeException e) {
            status.set(new RecomputeStatus(false, "échec", 0, 0, started, Instant.now(), null, e.getMessage()));
            throw e;
        }
    }

    private void progress(String step, long done, long total) {
        status.updateAndGet(s -> s.step(step, done, total));
    }

    private void progress(AtomicLong fullRun, String step, long done, long total) {
        if (fullRun != null) {
            progress(step, done, total);
        }
    }

    /** Premises and their injection points, in parallel arrays. */
    private static final class Batch {
        int size;
        long[] id;
        double[] lon;
        double[] lat;
        int[] sr;
        LocalDate[] fibreFrom;
        LocalDate[] fibreUntil;
        RoadGraph.RoadSnap[] snap;
        Map<Integer, Injection> bySr = new HashMap<>();
        // results
        float[] exLength;
        boolean[] exRouted;
        float[] cabLength;
        boolean[] cabRouted;

        long routedCount() {
            long n = 0;
            for (int i = 0; i < size; i++) {
                n += exRouted[i] ? 1 : 0;
            }
            return n;
        }
    }

    /** An SR's exchange and, when it has one, its cabinet. */
    private record Injection(int exchangeId, SpeedModel.Equipment exchange, double exLon, double exLat,
                             Integer operationId, SpeedModel.Equipment cabinet, double cabLon, double cabLat) {
    }

    private Batch load(String ids) {
        Batch b = new Batch();
        jdbc.sql(INJECTION_POINTS).query(rs -> {
            Integer op = (Integer) rs.getObject("op_id");
            b.bySr.put(rs.getInt("sr_id"), new Injection(rs.getInt("exchange_id"),
                    new SpeedModel.Equipment(rs.getBoolean("vdsl2"), "COPPER".equals(rs.getString("backhaul"))),
                    rs.getDouble("ex_lon"), rs.getDouble("ex_lat"), op,
                    op == null ? null : new SpeedModel.Equipment(rs.getBoolean("cab_vdsl2"),
                            "COPPER".equals(rs.getString("cab_backhaul"))),
                    rs.getDouble("cab_lon"), rs.getDouble("cab_lat")));
        });
        String sql = ids == null ? PREMISES.formatted("", "")
                : PREMISES.formatted("AND premise_id = ANY(CAST(:ids AS bigint[]))",
                "WHERE p.id = ANY(CAST(:ids AS bigint[]))");
        int capacity = ids == null ? jdbc.sql("SELECT count(*) FROM premise").query(Integer.class).single()
                : ids.split(",").length;
        b.id = new long[capacity];
        b.lon = new double[capacity];
        b.lat = new double[capacity];
        b.sr = new int[capacity];
        b.fibreFrom = new LocalDate[capacity];
        b.fibreUntil = new LocalDate[capacity];
        var query = jdbc.sql(sql);
        if (ids != null) {
            query = query.param("ids", ids);
        }
        query.query(rs -> {
            int i = b.size++;
            b.id[i] = rs.getLong(1);
            b.lon[i] = rs.getDouble(2);
            b.lat[i] = rs.getDouble(3);
            b.sr[i] = rs.getInt(4);
            int from = rs.getInt(5);
            if (!rs.wasNull()) {
                b.fibreFrom[i] = LocalDate.ofEpochDay(from);
                int until = rs.getInt(6);
                b.fibreUntil[i] = rs.wasNull() ? null : LocalDate.ofEpochDay(until);
            }
        });
        return b;
    }

    /** @param done progress counter of a full recompute, or null for an incremental one (no progress shown) */
    private void compute(Batch b, AtomicLong done) {
        RoadGraph graph = roads.graph();
        int n = b.size;
        b.snap = new RoadGraph.RoadSnap[n];
        b.exLength = new float[n];
        b.exRouted = new boolean[n];
        b.cabLength = new float[n];
        b.cabRouted = new boolean[n];
        progress(done, "accrochage des locaux aux routes", 0, n);
        IntStream.range(0, n).parallel().forEach(i -> {
            b.snap[i] = graph.snap(b.lat[i], b.lon[i], properties.getMaxSnapDistanceM());
            if (done != null) {
                long d = done.incrementAndGet();
                if (d % 50_000 == 0) {
                    progress(done, "accrochage des locaux aux routes", d, n);
                }
            }
        });
        // group premises by injection point: one tree per exchange, one per cabinet
        Map<Integer, List<Integer>> byExchange = new HashMap<>();
        Map<Integer, List<Integer>> byCabinet = new HashMap<>();
        for (int i = 0; i < n; i++) {
            Injection inj = b.bySr.get(b.sr[i]);
            byExchange.computeIfAbsent(inj.exchangeId(), k -> new ArrayList<>()).add(i);
            if (inj.operationId() != null) {
                byCabinet.computeIfAbsent(inj.operationId(), k -> new ArrayList<>()).add(i);
            }
        }
        // a tree workspace per thread, for this computation only
        ThreadLocal<RoadGraph.Tree> workspace = ThreadLocal.withInitial(graph::newTree);
        List<Runnable> trees = new ArrayList<>();
        for (List<Integer> members : byExchange.values()) {
            Injection inj = b.bySr.get(b.sr[members.get(0)]);
            trees.add(() -> measure(workspace.get(), b, members, inj.exLat(), inj.exLon(), b.exLength, b.exRouted));
        }
        for (List<Integer> members : byCabinet.values()) {
            Injection inj = b.bySr.get(b.sr[members.get(0)]);
            trees.add(() -> measure(workspace.get(), b, members, inj.cabLat(), inj.cabLon(), b.cabLength, b.cabRouted));
        }
        log.debug("accrochage : {} locaux", n);
        AtomicLong treesDone = new AtomicLong();
        progress(done, "longueurs de ligne (arbres de plus courts chemins)", 0, trees.size());
        trees.parallelStream().forEach(t -> {
            t.run();
            progress(done, "longueurs de ligne (arbres de plus courts chemins)", treesDone.incrementAndGet(), trees.size());
        });
    }

    private void measure(RoadGraph.Tree tree, Batch b, List<Integer> members, double lat, double lon, float[] length,
                         boolean[] routed) {
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

    private void write(Batch b) {
        BulkCopy bulk = new BulkCopy(DataSourceUtils.getConnection(dataSource), jdbc);
        bulk.copy("eligibility", "premise_id, fibre_from, fibre_until, exchange_id, exchange_length_m, exchange_routed, "
                + "exchange_attenuation_db, exchange_technology, exchange_min_mbps, exchange_max_mbps, exchange_class, "
                + "cabinet_operation_id, cabinet_length_m, cabinet_routed, cabinet_attenuation_db, cabinet_technology, "
                + "cabinet_min_mbps, cabinet_max_mbps, cabinet_class", out -> {
            for (int i = 0; i < b.size; i++) {
                Injection inj = b.bySr.get(b.sr[i]);
                double exAtt = model.attenuationDb(b.exLength[i]);
                SpeedModel.Offer ex = model.copper(exAtt, inj.exchange());
                List<Object> row = new ArrayList<>(java.util.Arrays.asList(b.id[i], b.fibreFrom[i], b.fibreUntil[i],
                        inj.exchangeId(), b.exLength[i], b.exRouted[i], round(exAtt), ex.technology().name(),
                        ex.minMbps(), ex.maxMbps(), ex.speedClass().ordinal()));
                if (inj.operationId() != null) {
                    double cabAtt = model.attenuationDb(b.cabLength[i]);
                    SpeedModel.Offer cab = model.copper(cabAtt, inj.cabinet());
                    row.addAll(List.of(inj.operationId(), b.cabLength[i], b.cabRouted[i], round(cabAtt),
                            cab.technology().name(), cab.minMbps(), cab.maxMbps(), cab.speedClass().ordinal()));
                } else {
                    row.addAll(java.util.Collections.nCopies(8, null));
                }
                out.printRecord(row);
            }
        });
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    /** Distinct streets of each commune with their normalised search key. */
    private void rebuildAddressIndex() {
        jdbc.sql("TRUNCATE address_index").update();
        BulkCopy bulk = new BulkCopy(DataSourceUtils.getConnection(dataSource), jdbc);
        List<String[]> streets = jdbc.sql("""
                        SELECT DISTINCT p.insee, p.street_name, c.name FROM premise p JOIN commune c USING (insee)
                        """)
                .query((rs, i) -> new String[]{rs.getString(1), rs.getString(2), rs.getString(3)}).list();
        bulk.copy("address_index", "insee, street_name, search_key, street_key", out -> {
            for (String[] s : streets) {
                out.printRecord(s[0], s[1], AddressNormalizer.normalize(s[1] + " " + s[2]), AddressNormalizer.normalize(s[1]));
            }
        });
    }
}
