package fr.thdtracker.common;

import java.io.IOException;
import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Bounds shared by every route, checked before any other work: a query string of at most
 * {@value #MAX_QUERY} characters (414 otherwise), at most {@value #MAX_VALUES} parameter values,
 * and no control character (NUL included) in a parameter name or value: no legitimate parameter
 * of the API holds one, and they would reach logs, SQL parameters and spreadsheets otherwise.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestLimitFilter extends OncePerRequestFilter {

    static final int MAX_QUERY = 2048;
    static final int MAX_VALUES = 50;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String query = request.getQueryString();
        if (query != null && query.length() > MAX_QUERY) {
            refuse(request, response, HttpStatus.URI_TOO_LONG, "Adresse trop longue : au plus " + MAX_QUERY
                    + " caractères de paramètres (reçu : " + query.length() + ")");
            return;
        }
        if (query != null) {
            String problem = checkParameters(request.getParameterMap());
            if (problem != null) {
                refuse(request, response, HttpStatus.BAD_REQUEST, problem);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static String checkParameters(Map<String, String[]> parameters) {
        int values = 0;
        for (Map.Entry<String, String[]> p : parameters.entrySet()) {
            if (hasControl(p.getKey())) {
                return "Nom de paramètre avec un caractère de contrôle : " + Problems.quote(p.getKey());
            }
            for (String v : p.getValue()) {
                values++;
                if (hasControl(v)) {
                    return "Paramètre " + Problems.quote(p.getKey()) + " : caractère de contrôle interdit";
                }
            }
        }
        return values > MAX_VALUES ? "Trop de paramètres : au plus " + MAX_VALUES + " (reçu : " + values + ")" : null;
    }

    private static boolean hasControl(String s) {
        return s.chars().anyMatch(Character::isISOControl);
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        request.setAttribute(ProblemErrorController.DETAIL, detail);
        response.sendError(status.value());
    }
}
