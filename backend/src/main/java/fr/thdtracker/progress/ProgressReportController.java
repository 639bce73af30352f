package fr.thdtracker.progress;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import fr.thdtracker.common.Scope;

/** The Excel progress report, for signed-in users. */
@RestController
class ProgressReportController {

    static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final ProgressWorkbook workbook;

    ProgressReportController(ProgressWorkbook workbook) {
        this.workbook = workbook;
    }

    @GetMapping("/api/reports/progress.xlsx")
    ResponseEntity<byte[]> progress(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                    @RequestParam(defaultValue = "region") String scope) {
        LocalDate d = asOf != null ? asOf : LocalDate.now();
        Scope s = Scope.parse(scope);
        byte[] bytes = workbook.build(d, s, (what, done, total) -> { });
        String name = "avancement-" + scope.replace(':', '-') + "-" + d + ".xlsx";
        return ResponseEntity.ok().contentType(XLSX)
                .header("Content-Disposition", ContentDisposition.attachment().filename(name).build().toString())
                .body(bytes);
    }
}
