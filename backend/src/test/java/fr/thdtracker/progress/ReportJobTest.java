package fr.thdtracker.progress;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The states of a background report and the status JSON the dashboard polls (report.js reads
 * step, percent, finished, error and download), including the failure no HTTP test can provoke.
 */
class ReportJobTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aReportGoesFromQueuedThroughItsStepsToDone() throws Exception {
        ReportJob queued = ReportJob.queued("j1", "avancement-region-2021-01-01.xlsx");
        assertThat(json.writeValueAsString(queued.status())).isEqualTo(
                "{\"id\":\"j1\",\"step\":\"en attente\",\"done\":0,\"total\":0,\"percent\":0,\"finished\":false,"
                        + "\"error\":null,\"download\":null}");
        ReportJob running = queued.running("Communes", 8, 11);
        assertThat(running.status().step()).isEqualTo("Communes");
        assertThat(running.status().percent()).isEqualTo(73);
        assertThat(running.finished()).isFalse();
        ReportJob done = running.done(new byte[]{1, 2});
        assertThat(json.writeValueAsString(done.status())).isEqualTo(
                "{\"id\":\"j1\",\"step\":\"terminé\",\"done\":11,\"total\":11,\"percent\":100,\"finished\":true,"
                        + "\"error\":null,\"download\":\"api/reports/jobs/j1/file\"}");
        assertThat(done.bytes()).containsExactly(1, 2);
        assertThat(done.createdAt()).isEqualTo(queued.createdAt());
    }

    @Test
    void aFailedReportSaysWhyInFrenchAndOffersNoDownload() throws Exception {
        ReportJob failed = ReportJob.queued("j2", "f.xlsx").running("EPCI", 5, 11)
                .failed(new IllegalStateException("délai dépassé"));
        assertThat(json.writeValueAsString(failed.status())).isEqualTo(
                "{\"id\":\"j2\",\"step\":\"échec\",\"done\":5,\"total\":11,\"percent\":45,\"finished\":true,"
                        + "\"error\":\"Le rapport n'a pas pu être produit : délai dépassé\",\"download\":null}");
        assertThat(failed.bytes()).isNull();
    }
}
