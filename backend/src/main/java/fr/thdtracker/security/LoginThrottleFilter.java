package fr.thdtracker.security;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.web.authentication.www.BasicAuthenticationConverter;
import org.springframework.web.filter.OncePerRequestFilter;

import fr.thdtracker.common.ProblemWriter;

/**
 * Refuses a sign-in attempt (form POST /login, HTTP Basic or bearer token) with 429 while its user
 * name or its client address is locked out by {@link LoginThrottle} — even with the right password,
 * or guessing would go on undisturbed. Requests without credentials (the public map) pass.
 * Failures are counted by {@link AuthenticationAudit} from Spring Security's events.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

    private final LoginThrottle throttle;
    private final BasicAuthenticationConverter basic = new BasicAuthenticationConverter();

    private final ProblemWriter problems;

    LoginThrottleFilter(LoginThrottle throttle, ProblemWriter problems) {
        this.throttle = throttle;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> attempt = attemptedUsername(request);
        if (attempt.isPresent()) {
            String username = attempt.get().isEmpty() ? null : attempt.get();
            Optional<Duration> locked = throttle.lockedFor(username, request.getRemoteAddr());
            if (locked.isPresent()) {
                long minutes = Math.max(1, (locked.get().toSeconds() + 59) / 60);
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, locked.get().toSeconds())));
                problems.write(response, HttpStatus.TOO_MANY_REQUESTS,
                        "Trop d’échecs de connexion : réessayez dans " + minutes + " min");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** The user name a request tries to sign in with; "" for a bearer token; empty if none. */
    private Optional<String> attemptedUsername(HttpServletRequest request) {
        if ("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath())) {
            String username = request.getParameter("username");
            return Optional.of(username == null ? "" : username);
        }
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            return Optional.empty();
        }
        if (ApiTokenFilter.isBearer(header)) {
            return Optional.of("");
        }
        try {
            UsernamePasswordAuthenticationToken credentials = basic.convert(request);
            return Optional.ofNullable(credentials).map(UsernamePasswordAuthenticationToken::getName);
        } catch (RuntimeException malformed) {
            return Optional.empty(); // BasicAuthenticationFilter answers 401 itself
        }
    }
}
