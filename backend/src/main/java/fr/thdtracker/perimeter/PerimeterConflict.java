package fr.thdtracker.perimeter;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 409: a change that would overlap the commune's history, or change nothing; the detail says which. */
final class PerimeterConflict extends ErrorResponseException {

    PerimeterConflict(String detail) {
        super(HttpStatus.CONFLICT, problem(detail), null);
    }

    private static ProblemDetail problem(String detail) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
        // an own type: the error handler keeps this French detail
        pd.setType(URI.create("urn:thd-tracker:perimetre-en-conflit"));
        pd.setTitle("Conflit");
        return pd;
    }
}
