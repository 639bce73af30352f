package fr.thdtracker.progress;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

import fr.thdtracker.common.HeavyWork;
import fr.thdtracker.common.Scope;
import fr.thdtracker.common.StatementTimeouts;

/**
 * Builds Excel progress reports in the background, one at a time, so the page can show how far a
 * long report has got and then download it. Finished reports are kept ten minutes, twenty at most.
 * A job holds a {@link HeavyWork} permit from its start until it ends, so the queue is bounded: one
 * more is refused (503) rather than queued behind hundreds.
 */
@Service
class ReportJobs implements DisposableBean {

    private static final int KEPT = 20;
    private static final long KEEP_SECONDS = 600;

    private final ProgressWorkbook workbook;
    private final HeavyWork heavy;
    private final StatementTimeouts timeouts;
    private final Map<String, ReportJob> jobs = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "report-jobs");
        t.setDaemon(true);
        return t;
    });

    ReportJobs(ProgressWorkbook workbook, HeavyWork heavy, StatementTimeouts timeouts) {
        this.workbook = workbook;
        this.heavy = heavy;
        this.timeouts = timeouts;
    }

    ReportJob start(LocalDate asOf, Scope scope, String scopeText) {
        forgetOld();
        HeavyWork.Permit permit = heavy.startOrRefuse();
        String id = UUID.randomUUID().toString();
        ReportJob job = ReportJob.queued(id, "avancement-" + scopeText.replace(':', '-') + "-" + asOf + ".xlsx");
        jobs.put(id, job);
        try {
            worker.submit(() -> {
                try (permit) {
                    byte[] bytes = timeouts.job(() -> workbook.build(asOf, scope, (what, done, total) ->
                            jobs.computeIfPresent(id, (k, j) -> j.running(what, done, total))));
                    jobs.computeIfPresent(id, (k, j) -> j.done(bytes));
                } catch (RuntimeException e) {
                    jobs.computeIfPresent(id, (k, j) -> j.failed(e));
                }
            });
        } catch (RuntimeException e) {
            permit.close(); // not queued (shutting down): give the permit back
            throw e;
        }
        return job;
    }

    Optional<ReportJob> get(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    private void forgetOld() {
        Instant limit = Instant.now().minusSeconds(KEEP_SECONDS);
        jobs.values().removeIf(j -> j.finished() && j.createdAt().isBefore(limit));
        for (Iterator<ReportJob> it = jobs.values().iterator(); jobs.size() >= KEPT && it.hasNext(); ) {
            if (it.next().finished()) {
                it.remove();
            }
        }
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
