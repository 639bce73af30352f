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

/**
 * Builds Excel progress reports in the background, one at a time, so the page can show how far a
 * long report has got and then download it. Finished reports are kept ten minutes, twenty at most.
 */
@Service
class ReportJobs implements DisposableBean {

    private static final int KEPT = 20;
    private static final long KEEP_SECONDS = 600;

    record Job(String id, String step, int done, int total, boolean finished, String error, Instant createdAt,
               String fileName, byte[] bytes) {

        Map<String, Object> status() {
            Map<String, Object> s = new java.util.LinkedHashMap<>();
            s.put("id", id);
            s.put("step", step);
            s.put("done", done);
            s.put("total", total);
            s.put("percent", total == 0 ? 0 : Math.round(100.0 * done / total));
            s.put("finished", finished);
            s.put("error", error);
            s.put("download", finished && error == null ? "api/reports/jobs/" + id + "/file" : null);
            return s;
        }
    }

    private final ProgressWorkbook workbook;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "report-jobs");
        t.setDaemon(true);
        return t;
    });

    ReportJobs(ProgressWorkbook workbook) {
        this.workbook = workbook;
    }

    Job start(LocalDate asOf, Scope scope, String scopeText) {
        forgetOld();
        String id = UUID.randomUUID().toString();
        String fileName = "avancement-" + scopeText.replace(':', '-') + "-" + asOf + ".xlsx";
        Job job = new Job(id, "en attente", 0, 0, false, null, Instant.now(), fileName, null);
        jobs.put(id, job);
        worker.submit(() -> {
            try {
                byte[] bytes = workbook.build(asOf, scope, (what, done, total) ->
                        jobs.computeIfPresent(id, (k, j) -> new Job(id, what, done, total, false, null, j.createdAt(), fileName, null)));
                jobs.computeIfPresent(id, (k, j) -> new Job(id, "terminé", j.total(), j.total(), true, null, j.createdAt(), fileName, bytes));
            } catch (RuntimeException e) {
                jobs.computeIfPresent(id, (k, j) -> new Job(id, "échec", j.done(), j.total(), true,
                        "Le rapport n'a pas pu être produit : " + e.getMessage(), j.createdAt(), fileName, null));
            }
        });
        return job;
    }

    Optional<Job> get(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    private void forgetOld() {
        Instant limit = Instant.now().minusSeconds(KEEP_SECONDS);
        jobs.values().removeIf(j -> j.finished() && j.createdAt().isBefore(limit));
        for (Iterator<Job> it = jobs.values().iterator(); jobs.size() >= KEPT && it.hasNext(); ) {
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
