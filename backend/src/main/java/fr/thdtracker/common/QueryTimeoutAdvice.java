package fr.thdtracker.common;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A statement that ran over its timeout ({@link StatementTimeouts}): the database is busy or the
 * question too large, not a fault of the server. Answered 503 with a French detail and no SQL, so
 * that a client retries later. Apart from ApiErrorHandler only because another change owns it now:
 * the two may be merged.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class QueryTimeoutAdvice {

    static final String RETRY_AFTER_SECONDS = "10";

    @ExceptionHandler(QueryTimeoutException.class)
    ResponseEntity<ProblemDetail> timedOut(QueryTimeoutException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "La base de données n'a pas répondu à temps : réessayez dans un instant, ou posez une question plus restreinte.");
        problem.setTitle("Délai dépassé");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", RETRY_AFTER_SECONDS)
                .body(problem);
    }
}
