package fr.thdtracker.common;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writes a problem-details answer where no controller advice runs — a servlet filter (the limits,
 * the security filters, a bare error status) or Tomcat's own error report — with the application's
 * Jackson mapper, so it has exactly the shape of the API's other errors.
 */
@Component
public class ProblemWriter {

    private final ObjectMapper json;

    ProblemWriter(ObjectMapper json) {
        this.json = json;
    }

    /** The problem as ApiErrorHandler builds it, with a type and title of its own (French, like the detail). */
    static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, detail);
        pd.setType(URI.create(type));
        pd.setTitle(title);
        return pd;
    }

    /** The problem ApiErrorHandler writes for a status: its reason phrase as title, a French detail. */
    public static ProblemDetail problem(HttpStatus status, String detail) {
        return ApiErrorHandler.problem(status, detail);
    }

    public void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        write(response, problem(status, detail));
    }

    void write(HttpServletResponse response, ProblemDetail problem, long retryAfterSeconds) throws IOException {
        response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
        write(response, problem);
    }

    void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }

    /** The problem as JSON text, for a writer outside the servlet API (Tomcat's error report). */
    String json(ProblemDetail problem) throws IOException {
        return json.writeValueAsString(problem);
    }
}
