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

import fr.thdtracker.common.Scope;
import fr.thdtracker.common.StatementTimeouts;

/**
 * Builds Excel progress reports in the background, one at a time, so the page can show how far a
 * long report has got and then download it. Finished reports are kept ten minutes, twenty at most.
 */
@Service
class ReportJobs implements DisposableBean {

    private static final int KEPT = 20;
    private static final long KEEP_SECONDS = 600;

    private final ProgressWorkbook workbook;
    private final StatementTimeouts timeouts;
    private final Map<String, ReportJob> jobs = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "report-jobs");
        t.setDaemon(true);
        return t;
    });

    ReportJobs(ProgressWorkbook workbook, StatementTimeouts timeouts) {
        this.workbook = workbook;
        this.timeouts = timeouts;
    }

    ReportJob start(LocalDate asOf, Scope scope, String scopeText) {
        forgetOld();
        String id = UUID.randomUUID().toString();
        ReportJob job = ReportJob.queued(id, "avancement-" + scopeText.replace(':', '-') + "-" + asOf + ".xlsx");
        jobs.put(id, job);
        worker.submit(() -> {
            try {
                byte[] bytes = timeouts.job(() -> workbook.build(asOf, scope, (what, done, total) ->
                        jobs.computeIfPresent(id, (k, j) -> j.running(what, done, total))));
                jobs.computeIfPresent(id, (k, j) -> j.done(bytes));
            } catch (RuntimeException e) {
                jobs.computeIfPresent(id, (k, j) -> j.failed(e));
            }
        });
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
