package fr.thdtracker.common;

import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The /error fallback, in place of Spring Boot's: what a filter, the security chain or the servlet
 * container refused with {@code sendError} gets the same problem details as the API, with a generic
 * French detail (or the one {@link RequestLimitFilter} left) and never the exception's message.
 */
@RestController
class ProblemErrorController implements ErrorController {

    /** A request attribute holding a French detail for the error page, set before {@code sendError}. */
    static final String DETAIL = ProblemErrorController.class.getName() + ".detail";

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        // /error asked for directly, not as an error page: there is nothing at that address
        HttpStatus status = code instanceof Integer i ? HttpStatus.resolve(i) : HttpStatus.NOT_FOUND;
        if (status == null || !status.isError()) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        Object detail = request.getAttribute(DETAIL);
        ProblemDetail pd = ApiErrorHandler.problem(status, detail instanceof String s ? s : generic(status.value()));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(pd);
    }

    /** A French sentence for a status, when nothing more precise may be said. */
    static String generic(int status) {
        return switch (status) {
            case 400 -> "Requête invalide";
            case 401 -> "Identification nécessaire : connectez-vous";
            case 403 -> "Accès refusé : votre rôle ne permet pas cette action";
            case 404 -> "Adresse inconnue";
            case 405 -> "Méthode non acceptée à cette adresse";
            case 406 -> "Aucune représentation ne répond à l'en-tête Accept";
            case 408 -> "Délai de requête dépassé";
            case 413 -> "Requête trop volumineuse";
            case 414 -> "Adresse trop longue";
            case 415 -> "Type de contenu non accepté";
            case 429 -> "Trop de requêtes : réessayez dans un instant";
            case 503 -> "Service momentanément indisponible : réessayez plus tard";
            default -> status >= 500 ? "Erreur interne du serveur" : "Requête refusée";
        };
    }
}
