package fr.thdtracker.security;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Turns Spring Security's authentication events (form login and HTTP Basic) and the bearer-token
 * filter's outcomes into audit lines and throttle counts. HTTP Basic and tokens authenticate every
 * request, so their successes are written once per user and address per quarter of an hour, not
 * thousands of times; every failure and every form sign-in is written.
 */
@Component
class AuthenticationAudit {

    static final String SIGN_IN = "connexion";
    static final String LOCK_OUT = "connexion.verrouillage";

    private final AuditLog audit;
    private final LoginThrottle throttle;
    private final Cache<String, Boolean> recentSuccesses = Caffeine.newBuilder()
            .maximumSize(10_000).expireAfterWrite(Duration.ofMinutes(15)).build();

    AuthenticationAudit(AuditLog audit, LoginThrottle throttle) {
        this.audit = audit;
        this.throttle = throttle;
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        succeeded(event.getAuthentication().getName(), method());
    }

    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        failed(event.getAuthentication().getName(), method(), event.getException().getClass().getSimpleName());
    }

    void succeeded(String username, String method) {
        throttle.succeeded(username);
        boolean everyTime = "formulaire".equals(method);
        if (everyTime || recentSuccesses.asMap().putIfAbsent(username + "|" + clientAddress(), Boolean.TRUE) == null) {
            audit.record(username, SIGN_IN, username, AuditOutcome.SUCCESS, method);
        }
    }

    void failed(String username, String method, String reason) {
        String address = clientAddress();
        audit.record(username, SIGN_IN, username, AuditOutcome.FAILURE, method + " : " + reason);
        LoginThrottle.Outcome outcome = throttle.failed(username, address);
        if (outcome.userLocked()) {
            audit.record(username, LOCK_OUT, username, AuditOutcome.REFUSED,
                    "nom d’utilisateur verrouillé " + throttle.lockDuration().toMinutes() + " min");
        }
        if (outcome.addressLocked()) {
            audit.record(username, LOCK_OUT, address, AuditOutcome.REFUSED,
                    "adresse verrouillée " + throttle.lockDuration().toMinutes() + " min");
        }
    }

    private static String method() {
        HttpServletRequest request = currentRequest();
        if (request == null) {
            return "interne";
        }
        return "/login".equals(request.getServletPath()) ? "formulaire" : "basic";
    }

    private static String clientAddress() {
        HttpServletRequest request = currentRequest();
        return request == null ? null : request.getRemoteAddr();
    }

    private static HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a ? a.getRequest() : null;
    }
}
