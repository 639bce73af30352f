package fr.thdtracker.common;

import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * At most N heavy computations at once (Excel reports, S-curve series, background report jobs):
 * each would hold a database connection and much memory for seconds, so one more is refused at
 * once (503, retry later) rather than left to queue on the connection pool and starve the map.
 */
@Component
public class HeavyWork {

    static final long RETRY_AFTER_SECONDS = 5;

    private final Semaphore permits;

    HeavyWork(@Value("${thd.heavy-requests.max-concurrent:3}") int max) {
        this.permits = new Semaphore(max);
    }

    /** A permit if one is free now; never waits. */
    public Optional<Permit> tryStart() {
        return permits.tryAcquire() ? Optional.of(new Permit()) : Optional.empty();
    }

    /** A permit, or {@link Busy} (503 problem) when all are taken. */
    public Permit startOrRefuse() {
        return tryStart().orElseThrow(Busy::new);
    }

    static Busy busy() {
        return new Busy();
    }

    /** Held while the work runs; closing it twice gives back one permit only. */
    public final class Permit implements AutoCloseable {
        private final AtomicBoolean open = new AtomicBoolean(true);

        private Permit() {
        }

        @Override
        public void close() {
            if (open.compareAndSet(true, false)) {
                permits.release();
            }
        }
    }

    /** The 503 answer, in the API's problem format, for a controller that refuses work. */
    public static final class Busy extends ErrorResponseException {
        private Busy() {
            super(HttpStatus.SERVICE_UNAVAILABLE, ProblemWriter.problem(HttpStatus.SERVICE_UNAVAILABLE,
                    "urn:thd-tracker:serveur-occupe", "Serveur occupé",
                    "Trop de calculs lourds en cours (rapports, séries) : réessayez dans quelques secondes"), null);
            getHeaders().set("Retry-After", Long.toString(RETRY_AFTER_SECONDS));
        }
    }
}
