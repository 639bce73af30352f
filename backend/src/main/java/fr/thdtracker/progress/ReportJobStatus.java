package fr.thdtracker.progress;

/**
 * What {@code GET /api/reports/jobs/{id}} (and the 202 of the start) answers, polled by the
 * dashboard's report.js.
 *
 * @param step     in French, shown as is: "en attente", the sheet being written, "terminé", "échec"
 * @param error    the French message of a failed report, else null
 * @param download the file's URL once finished without error, else null
 */
record ReportJobStatus(String id, String step, int done, int total, long percent, boolean finished, String error,
                       String download) {
}
