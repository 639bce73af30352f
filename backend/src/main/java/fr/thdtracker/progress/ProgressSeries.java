package fr.thdtracker.progress;

import java.util.List;

/**
 * The answer of {@code GET /api/progress/series}: the S-curves, one value per month of
 * {@code months} in each array, cumulative from the start of the programme.
 */
record ProgressSeries(String by, List<String> months, List<GroupSeries> series) {

    record GroupSeries(String code, String name, long[] built, long[] openForSale, long[] subscribed) {
    }
}
