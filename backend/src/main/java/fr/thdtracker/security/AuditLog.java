package fr.thdtracker.security;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The append-only audit trail (table audit_event, which refuses UPDATE and DELETE). Write paths call
 * {@link #record(String, String, String)}: who and from where are taken from the current request,
 * so a caller cannot get them wrong.
 */
@Service
public class AuditLog {

    /** Actor of what the application does by itself (start-up, scheduled jobs). */
    public static final String SYSTEM = "système";
    static final String ANONYMOUS = "anonyme";

    private final JdbcClient jdbc;

    AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records a successful action of the current user.
     *
     * @param action  dotted lower-case verb, e.g. {@code eligibilite.recalcul}
     * @param target  what was acted on (an id, a user name), or null
     * @param details a short free text (truncated to 500 characters), or null
     */
    public void record(String action, String target, String details) {
        record(currentActor(), action, target, AuditOutcome.SUCCESS, details);
    }

    /** Records an action with an explicit actor and outcome (sign-in events know who tried). */
    public void record(String actor, String action, String target, AuditOutcome outcome, String details) {
        jdbc.sql("""
                INSERT INTO audit_event (actor, client_address, action, target, outcome, details)
                VALUES (:actor, :address, :action, :target, :outcome, :details)
                """)
                .param("actor", cut(actor == null || actor.isBlank() ? ANONYMOUS : actor, 100))
                .param("address", cut(currentClientAddress(), 64))
                .param("action", action)
                .param("target", cut(target, 200))
                .param("outcome", outcome.name())
                .param("details", cut(details, 500))
                .update();
    }

    /** Newest first, at most {@code limit} events older than event {@code before} (all when null). */
    public AuditPage page(int limit, Long before) {
        List<AuditEvent> events = jdbc.sql("""
                SELECT id, at, actor, client_address, action, target, outcome, details FROM audit_event
                WHERE (CAST(:before AS bigint) IS NULL OR id < :before)
                ORDER BY id DESC LIMIT :limit
                """)
                .param("before", before).param("limit", limit + 1)
                .query((rs, i) -> new AuditEvent(rs.getLong("id"), rs.getObject("at", java.time.OffsetDateTime.class),
                        rs.getString("actor"), rs.getString("client_address"), rs.getString("action"),
                        rs.getString("target"), AuditOutcome.valueOf(rs.getString("outcome")), rs.getString("details")))
                .list();
        if (events.size() <= limit) {
            return new AuditPage(events, null);
        }
        List<AuditEvent> shown = events.subList(0, limit);
        return new AuditPage(List.copyOf(shown), shown.get(limit - 1).id());
    }

    private static String currentActor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null) {
            return RequestContextHolder.getRequestAttributes() == null ? SYSTEM : ANONYMOUS;
        }
        return auth instanceof AnonymousAuthenticationToken ? ANONYMOUS : auth.getName();
    }

    /** The client as Tomcat sees it: X-Forwarded-For is honoured only from the trusted proxies. */
    private static String currentClientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
