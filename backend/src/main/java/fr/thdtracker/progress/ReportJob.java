package fr.thdtracker.progress;

import java.time.Instant;

/**
 * One background report and where it stands. Each change of state makes a new job: the jobs are
 * shared between the request threads and the report thread, and an immutable value needs no lock.
 *
 * @param step  while running, the part being built (the workbook's own words)
 * @param error the French message of a failed report, else null
 * @param bytes the workbook once done, else null
 */
record ReportJob(String id, State state, String step, int done, int total, String error, Instant createdAt,
                 String fileName, byte[] bytes) {

    /** Queued and running are unfinished; done and failed are final. The labels are shown to the user. */
    enum State {
        QUEUED("en attente"), RUNNING(null), DONE("terminé"), FAILED("échec");

        /** What the status says in this state; null while running, where the step says it. */
        final String label;

        State(String label) {
            this.label = label;
        }

        boolean finished() {
            return this == DONE || this == FAILED;
        }
    }

    static ReportJob queued(String id, String fileName) {
        return new ReportJob(id, State.QUEUED, null, 0, 0, null, Instant.now(), fileName, null);
    }

    ReportJob running(String what, int done, int total) {
        return new ReportJob(id, State.RUNNING, what, done, total, null, createdAt, fileName, null);
    }

    ReportJob done(byte[] workbook) {
        return new ReportJob(id, State.DONE, null, total, total, null, createdAt, fileName, workbook);
    }

    ReportJob failed(RuntimeException e) {
        return new ReportJob(id, State.FAILED, null, done, total, "Le rapport n'a pas pu être produit : " + e.getMessage(),
                createdAt, fileName, null);
    }

    boolean finished() {
        return state.finished();
    }

    ReportJobStatus status() {
        return new ReportJobStatus(id, state == State.RUNNING ? step : state.label, done, total,
                total == 0 ? 0 : Math.round(100.0 * done / total), finished(), error,
                state == State.DONE ? "api/reports/jobs/" + id + "/file" : null);
    }
}
