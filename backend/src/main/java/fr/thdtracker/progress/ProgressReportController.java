package fr.thdtracker.progress;

import java.time.LocalDate;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import fr.thdtracker.common.DateParam;
import fr.thdtracker.common.NotFoundException;
import fr.thdtracker.common.Problems;
import fr.thdtracker.common.Scope;
import fr.thdtracker.common.SpreadsheetResponse;
import fr.thdtracker.common.StatementTimeouts;

/** The Excel progress report, for signed-in users. */
@RestController
class ProgressReportController {

    private final ProgressWorkbook workbook;
    private final ReportJobs jobs;
    private final StatementTimeouts timeouts;

    ProgressReportController(ProgressWorkbook workbook, ReportJobs jobs, StatementTimeouts timeouts) {
        this.workbook = workbook;
        this.jobs = jobs;
        this.timeouts = timeouts;
    }

    /** Starts a report in the background: 202 with the job, whose progress the page polls. */
    @PostMapping("/api/reports/progress")
    ResponseEntity<ReportJobStatus> start(@RequestParam(required = false) String asOf,
                                          @RequestParam(defaultValue = "region") String scope) {
        LocalDate d = DateParam.orToday("asOf", asOf);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(jobs.start(d, Scope.parse(scope), scope).status());
    }

    @GetMapping("/api/reports/jobs/{id}")
    ReportJobStatus job(@PathVariable String id) {
        return jobs.get(id).orElseThrow(() -> new NotFoundException("Rapport inconnu ou expiré : " + Problems.quote(id))).status();
    }

    @GetMapping("/api/reports/jobs/{id}/file")
    ResponseEntity<byte[]> file(@PathVariable String id) {
        ReportJob job = jobs.get(id).filter(j -> j.bytes() != null)
                .orElseThrow(() -> new NotFoundException("Rapport inconnu, pas encore prêt ou expiré : " + Problems.quote(id)));
        return SpreadsheetResponse.attachment(job.fileName(), job.bytes());
    }

    @GetMapping("/api/reports/progress.xlsx")
    ResponseEntity<byte[]> progress(@RequestParam(required = false) String asOf,
                                    @RequestParam(defaultValue = "region") String scope) {
        LocalDate d = DateParam.orToday("asOf", asOf);
        Scope s = Scope.parse(scope);
        // a report is a job: the region's workbook reads every premise
        byte[] bytes = timeouts.job(() -> workbook.build(d, s, (what, done, total) -> { }));
        String name = "avancement-" + scope.replace(':', '-') + "-" + d + ".xlsx";
        return SpreadsheetResponse.attachment(name, bytes);
    }
}
