package fr.thdtracker.eligibility;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where the eligibility recompute stands: what a person watching the progress bar sees. */
public record RecomputeStatus(boolean running, String step, long done, long total, Instant startedAt,
                              Instant finishedAt, Double seconds, String error) {

    static RecomputeStatus idle() {
        return new RecomputeStatus(false, "aucun calcul", 0, 0, null, null, null, null);
    }

    RecomputeStatus step(String step, long done, long total) {
        return new RecomputeStatus(true, step, done, total, startedAt, null, null, null);
    }

    @JsonProperty("percent")
    public double percent() {
        return total == 0 ? (running ? 0 : 100) : Math.min(100, 100.0 * done / total);
    }
}
