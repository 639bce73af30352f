package fr.thdtracker.common;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one error format of the API: RFC 9457 problem details whose {@code detail}, in French, a
 * person can read. Spring MVC's own errors (404, 405, 406, 415, missing or ill-typed parameters,
 * unreadable bodies, oversized uploads) come through {@link ResponseEntityExceptionHandler} and get
 * a French detail here; errors outside MVC (filters, the security chain) get the same body from
 * {@link ProblemErrorController} and {@link ErrorBodyFilter}. An exception's own message is never
 * sent: it may hold SQL, class names or file paths; it is logged with a reference the answer gives.
 */
@RestControllerAdvice
class ApiErrorHandler extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiErrorHandler.class);

    @ExceptionHandler(BadRequestException.class)
    ProblemDetail badRequest(BadRequestException e) {
        return problem(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, e.getMessage());
    }

    /** A restricted layer refused inside a controller: 401 to a visitor, 403 to a user without the role. */
    @ExceptionHandler({AccessDeniedException.class, AuthenticationException.class})
    ProblemDetail refused(RuntimeException e) {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        boolean visitor = e instanceof AuthenticationException || user == null || user instanceof AnonymousAuthenticationToken;
        return visitor ? problem(HttpStatus.UNAUTHORIZED, ProblemErrorController.generic(401))
                : problem(HttpStatus.FORBIDDEN, ProblemErrorController.generic(403));
    }

    /**
     * A statement that ran over its timeout ({@link StatementTimeouts}): the database is busy or the
     * question too large, not a fault of the server, so the client is told to retry.
     */
    @ExceptionHandler(QueryTimeoutException.class)
    ResponseEntity<ProblemDetail> timedOut(QueryTimeoutException e) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "La base de données n'a pas répondu à temps : réessayez dans un instant, ou posez une question plus restreinte.");
        pd.setTitle("Délai dépassé");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", QUERY_RETRY_AFTER_SECONDS)
                .body(pd);
    }

    /** The database refused or is unreachable: the visitor learns nothing of the statement. */
    @ExceptionHandler(DataAccessException.class)
    ProblemDetail database(DataAccessException e) {
        return logged(HttpStatus.SERVICE_UNAVAILABLE, "Database error", e);
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        return logged(HttpStatus.INTERNAL_SERVER_ERROR, "Unexpected error", e);
    }

    /** A generic French problem; the real exception goes to the log under a reference the answer gives. */
    private static ProblemDetail logged(HttpStatus status, String what, Exception e) {
        String reference = UUID.randomUUID().toString();
        LOG.error("{}, reference {}", what, reference, e);
        ProblemDetail pd = problem(status, ProblemErrorController.generic(status.value()));
        pd.setProperty("reference", reference);
        return pd;
    }

    /** Every Spring MVC error: same status as Spring chose, a French detail instead of Spring's English one. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        if (ex instanceof ErrorResponseException own && own.getBody().getType() != null
                && own.getBody().getType().toString().startsWith(OWN_TYPES)) {
            // a problem this application wrote itself (e.g. HeavyWork.Busy), in French already
            return super.handleExceptionInternal(ex, own.getBody(), headers, status, request);
        }
        if (status.is5xxServerError()) {
            LOG.error("Server error in Spring MVC", ex);
        }
        ProblemDetail pd = problem(HttpStatus.valueOf(status.value()), detail(ex, status.value()));
        return super.handleExceptionInternal(ex, pd, headers, status, request);
    }

    private static String detail(Exception ex, int status) {
        if (ex instanceof HttpRequestMethodNotSupportedException e) {
            String[] allowed = e.getSupportedMethods();
            return "Méthode " + e.getMethod() + " non acceptée à cette adresse"
                    + (allowed == null ? "" : " (acceptées : " + String.join(", ", allowed) + ")");
        }
        if (ex instanceof HttpMediaTypeNotSupportedException e) {
            return "Type de contenu non accepté" + (e.getContentType() == null ? "" : " : " + e.getContentType())
                    + (e.getSupportedMediaTypes().isEmpty() ? "" : " (acceptés : " + e.getSupportedMediaTypes() + ")");
        }
        if (ex instanceof HttpMediaTypeNotAcceptableException e) {
            return "Aucune représentation ne répond à l'en-tête Accept"
                    + (e.getSupportedMediaTypes().isEmpty() ? "" : " (disponibles : " + e.getSupportedMediaTypes() + ")");
        }
        if (ex instanceof MissingServletRequestParameterException e) {
            return "Paramètre « " + e.getParameterName() + " » manquant";
        }
        if (ex instanceof MissingPathVariableException e) {
            return "Élément d'adresse « " + e.getVariableName() + " » manquant";
        }
        if (ex instanceof MissingRequestHeaderException e) {
            return "En-tête « " + e.getHeaderName() + " » manquant";
        }
        if (ex instanceof MethodArgumentTypeMismatchException e) {
            return "Paramètre « " + e.getName() + " » invalide : " + Problems.quote(String.valueOf(e.getValue()));
        }
        if (ex instanceof TypeMismatchException e) {
            return "Valeur invalide : " + Problems.quote(String.valueOf(e.getValue()));
        }
        if (ex instanceof HttpMessageNotReadableException) {
            return "Corps de requête illisible : JSON mal formé ou d'un type inattendu";
        }
        if (ex instanceof MaxUploadSizeExceededException) {
            return "Envoi trop volumineux";
        }
        if (ex instanceof MultipartException) {
            return "Envoi multipart illisible";
        }
        if (ex instanceof NoResourceFoundException e) {
            return "Adresse inconnue : " + Problems.quote("/" + e.getResourcePath());
        }
        if (ex instanceof UnexpectedBodyInterceptor.UnexpectedBodyException e) {
            return e.getMessage();
        }
        return ProblemErrorController.generic(status);
    }

    private static final String QUERY_RETRY_AFTER_SECONDS = "10";

    /** The type URIs of the problems written by this application's own code (ProblemWriter). */
    private static final String OWN_TYPES = "urn:thd-tracker:";

    static ProblemDetail problem(HttpStatus status, String detail) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, detail);
        pd.setTitle(status.getReasonPhrase());
        return pd;
    }
}
