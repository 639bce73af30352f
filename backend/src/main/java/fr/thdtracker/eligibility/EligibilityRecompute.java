package fr.thdtracker.eligibility;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import fr.thdtracker.common.BulkCopy;
import fr.thdtracker.common.StatementTimeouts;

/**
 * Computes every premise's eligibility: copper line length along the roads from its exchange and
 * from its sub-distributor's cabinet ({@link LineLengths}), attenuation and speed from the arrêté's
 * table, and the window in which it is open to fibre ({@link PremiseBatchReader}). Full (a job with
 * progress) or for some premises (after an import or an edit); both write in one transaction
 * ({@link EligibilityTableWriter}).
 */
@Service
public class EligibilityRecompute {

    private static final Logger log = LoggerFactory.getLogger(EligibilityRecompute.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final PremiseBatchReader reader;
    private final LineLengths lengths;
    private final EligibilityTableWriter writer;
    private final SpeedModel model;
    private final ApplicationEventPublisher events;
    private final StatementTimeouts timeouts;
    private final AtomicReference<RecomputeStatus> status = new AtomicReference<>(RecomputeStatus.idle());

    EligibilityRecompute(JdbcClient jdbc, PlatformTransactionManager transactions, PremiseBatchReader reader,
                         LineLengths lengths, EligibilityTableWriter writer, EligibilityProperties properties,
                         ApplicationEventPublisher events, StatementTimeouts timeouts) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setTimeout(-1);
        this.reader = reader;
        this.lengths = lengths;
        this.writer = writer;
        this.model = new SpeedModel(properties);
        this.events = events;
        this.timeouts = timeouts;
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
                run();
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
        return run();
    }

    /** Recomputes the given buildings only (after their state or their network changed). */
    public int buildings(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        String array = idArray(ids);
        PremiseBatch batch = reader.read(array);
        lengths.measure(batch, LineLengths.Progress.NONE);
        tx.executeWithoutResult(s -> {
            jdbc.sql("DELETE FROM eligibility WHERE building_id = ANY(CAST(:ids AS bigint[]))").param("ids", array).update();
            writer.write(batch, model);
        });
        return batch.size;
    }

    /**
     * Copper line lengths from a hypothetical injection point (a cabinet placed at a sub-distributor)
     * to the given premises, by the same method as the recompute; {@code routed[i]} says whether the
     * road network or the straight-line fallback measured premise i.
     */
    public float[] lengthsFrom(double lat, double lon, double[] lats, double[] lons, boolean[] routed) {
        return lengths.from(lat, lon, lats, lons, routed);
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

    private RecomputeStatus run() {
        long t0 = System.nanoTime();
        Instant started = status.get().startedAt();
        try {
            progress("graphe routier", 0, 0);
            // a job: its reads of the whole region may run past the requests' timeout
            timeouts.job(() -> {
                lengths.prepareGraph();
                return null;
            });
            long tGraph = System.nanoTime();
            progress("lecture des immeubles", 0, 0);
            PremiseBatch batch = timeouts.job(() -> reader.read(null));
            long tLoad = System.nanoTime();
            lengths.measure(batch, this::progress);
            long tCompute = System.nanoTime();
            progress("écriture", batch.size, batch.size);
            tx.executeWithoutResult(s -> {
                timeouts.raiseForJob();
                // the server's role owns eligibility and address_index (V15): TRUNCATE, foreign keys, ANALYZE
                jdbc.sql("TRUNCATE eligibility").update();
                BulkCopy bulk = writer.bulk();
                // its foreign keys only: the server's role may not create indexes (no CREATE on the schema),
                // so the one secondary index is kept up during the COPY
                List<String> restore = bulk.dropForeignKeys("eligibility");
                writer.write(batch, model);
                bulk.execute(restore);
                writer.rebuildAddressIndex();
            });
            log.info("Éligibilité, étapes : graphe {} ms, lecture {} ms, calcul {} ms, écriture {} ms",
                    (tGraph - t0) / 1_000_000, (tLoad - tGraph) / 1_000_000, (tCompute - tLoad) / 1_000_000,
                    (System.nanoTime() - tCompute) / 1_000_000);
            jdbc.sql("ANALYZE eligibility").update();
            double seconds = (System.nanoTime() - t0) / 1e9;
            log.info("Éligibilité recalculée : {} immeubles en {} s ({} par la route)", batch.size,
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
}
