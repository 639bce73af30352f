package fr.thdtracker.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

import fr.thdtracker.DemoDatabaseTest;
import fr.thdtracker.security.Role;

/**
 * Who may call each route: one rule per route pattern and method, checked over real HTTP for an
 * anonymous visitor and each role. The routes come from the application's own handler mappings,
 * so a route added without a rule here fails {@link #everyRouteHasARule()} by name.
 */
class AuthorizationMatrixTest extends DemoDatabaseTest {

    /** The least a caller needs; roles above it (ADMIN > ENGINEER, OPERATOR > VIEWER) pass too. */
    enum Needs { ANYONE, VIEWER, OPERATOR, ENGINEER, ADMIN }

    /** {@code sample} is a URL of the route to call; {@code {building}} stands for a real building id. */
    record Rule(Needs needs, String sample) {
    }

    /**
     * THE TABLE: "METHOD pattern" (as the handler mappings spell it; "*" for any method) → rule.
     * To add a route, add its line; the sample should answer 2xx or 4xx to someone allowed.
     */
    static final Map<String, Rule> RULES = Map.ofEntries(
            // the public map and its API
            Map.entry("GET /api/info", new Rule(Needs.ANYONE, "/api/info")),
            Map.entry("GET /api/phases", new Rule(Needs.ANYONE, "/api/phases")),
            Map.entry("GET /api/layers/{layer}", new Rule(Needs.ANYONE, "/api/layers/departments")),
            Map.entry("GET /tiles/{layer}/{z}/{x}/{y}.mvt", new Rule(Needs.ANYONE, "/tiles/departments/0/0/0.mvt")),
            Map.entry("GET /api/eligibility/lookup", new Rule(Needs.ANYONE, "/api/eligibility/lookup?q=rue")),
            Map.entry("GET /api/eligibility/suggest", new Rule(Needs.ANYONE, "/api/eligibility/suggest?q=rue")),
            Map.entry("GET /api/eligibility/suggest/numbers",
                    new Rule(Needs.ANYONE, "/api/eligibility/suggest/numbers?insee=00000&street=none")),
            Map.entry("GET /api/eligibility/buildings/{id}", new Rule(Needs.ANYONE, "/api/eligibility/buildings/{building}")),
            Map.entry("GET /api/eligibility/areas", new Rule(Needs.ANYONE, "/api/eligibility/areas?level=department")),
            Map.entry("GET /api/perimeter/communes/{insee}", new Rule(Needs.ANYONE, "/api/perimeter/communes/99999")),
            Map.entry("GET /api/perimeter/epci/{siren}", new Rule(Needs.ANYONE, "/api/perimeter/epci/999999999")),
            Map.entry("GET /api/perimeter/departments/{code}", new Rule(Needs.ANYONE, "/api/perimeter/departments/99")),
            Map.entry("GET /ogc", new Rule(Needs.ANYONE, "/ogc")),
            Map.entry("GET /ogc/", new Rule(Needs.ANYONE, "/ogc/")),
            Map.entry("GET /ogc/conformance", new Rule(Needs.ANYONE, "/ogc/conformance")),
            Map.entry("GET /ogc/api", new Rule(Needs.ANYONE, "/ogc/api")),
            Map.entry("GET /ogc/collections", new Rule(Needs.ANYONE, "/ogc/collections")),
            Map.entry("GET /ogc/collections/{id}", new Rule(Needs.ANYONE, "/ogc/collections/communes")),
            Map.entry("GET /ogc/collections/{id}/items", new Rule(Needs.ANYONE, "/ogc/collections/communes/items?limit=2")),
            Map.entry("GET /ogc/collections/{id}/items/{featureId}",
                    new Rule(Needs.ANYONE, "/ogc/collections/communes/items/no-such-feature")),
            Map.entry("GET /actuator/health", new Rule(Needs.ANYONE, "/actuator/health")),
            Map.entry("GET /actuator/health/**", new Rule(Needs.ANYONE, "/actuator/health/db")),
            // signed-in users
            Map.entry("GET /api/me", new Rule(Needs.VIEWER, "/api/me")),
            Map.entry("GET /api/progress", new Rule(Needs.VIEWER, "/api/progress?asOf=2024-01-01")),
            Map.entry("GET /api/progress/series", new Rule(Needs.VIEWER, "/api/progress/series?from=2024-01-01&to=2024-03-01")),
            Map.entry("GET /api/progress/late-zones", new Rule(Needs.VIEWER, "/api/progress/late-zones?asOf=2024-01-01")),
            // the reports' samples name no scope that exists: allowed callers get 400 without a workbook being built
            Map.entry("POST /api/reports/progress", new Rule(Needs.VIEWER, "/api/reports/progress?scope=nowhere")),
            Map.entry("GET /api/reports/progress.xlsx", new Rule(Needs.VIEWER, "/api/reports/progress.xlsx?scope=nowhere")),
            Map.entry("GET /api/reports/eligibility.xlsx", new Rule(Needs.VIEWER, "/api/reports/eligibility.xlsx?scope=nowhere")),
            Map.entry("GET /api/reports/jobs/{id}", new Rule(Needs.VIEWER, "/api/reports/jobs/no-such-job")),
            Map.entry("GET /api/reports/jobs/{id}/file", new Rule(Needs.VIEWER, "/api/reports/jobs/no-such-job/file")),
            Map.entry("GET /actuator", new Rule(Needs.VIEWER, "/actuator")),
            // a signed-in user's own API tokens (no body: 400 to whoever may, nothing created)
            Map.entry("POST /api/tokens", new Rule(Needs.VIEWER, "/api/tokens")),
            Map.entry("GET /api/tokens", new Rule(Needs.VIEWER, "/api/tokens")),
            Map.entry("DELETE /api/tokens/{id}", new Rule(Needs.VIEWER, "/api/tokens/999999999")),
            Map.entry("GET /api/admin/audit", new Rule(Needs.ADMIN, "/api/admin/audit?limit=1")),
            // no body: 400 to an administrator, nothing written
            Map.entry("GET /api/admin/perimeter/communes/{insee}", new Rule(Needs.ADMIN, "/api/admin/perimeter/communes/99999")),
            Map.entry("POST /api/admin/perimeter/communes/{insee}", new Rule(Needs.ADMIN, "/api/admin/perimeter/communes/99999")),
            Map.entry("GET /actuator/info", new Rule(Needs.VIEWER, "/actuator/info")),
            // engineers
            Map.entry("GET /api/eligibility/what-if", new Rule(Needs.ENGINEER, "/api/eligibility/what-if?operation=X")),
            Map.entry("GET /api/eligibility/recompute", new Rule(Needs.ENGINEER, "/api/eligibility/recompute")),
            Map.entry("POST /api/eligibility/recompute", new Rule(Needs.ENGINEER, "/api/eligibility/recompute")),
            // Spring Boot's error page, reached by the container's error dispatch
            Map.entry("* /error", new Rule(Needs.ANYONE, "/error")));

    /** Routes no handler mapping lists (static pages, the security chain's own), checked all the same. */
    static final Map<String, Rule> PAGES = Map.of(
            "GET /", new Rule(Needs.ANYONE, "/"),
            "GET /index.html", new Rule(Needs.ANYONE, "/index.html"),
            "GET /dashboard.html", new Rule(Needs.VIEWER, "/dashboard.html"),
            "GET /login", new Rule(Needs.ANYONE, "/login"));

    @Autowired
    ApplicationContext context;

    /** "METHOD pattern" of every handler method of every request-mapping handler mapping (controllers, actuator). */
    private Set<String> routes() {
        Set<String> routes = new TreeSet<>();
        for (RequestMappingInfoHandlerMapping mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (String pattern : info.getPatternValues()) {
                    if (methods.isEmpty()) {
                        routes.add("* " + pattern);
                    }
                    methods.forEach(m -> routes.add(m.name() + " " + pattern));
                }
            }
        }
        return routes;
    }

    @Test
    void everyRouteHasARule() {
        Set<String> routes = routes();
        assertThat(routes).as("the handler mappings list routes").contains("GET /api/info", "GET /actuator/health");
        List<String> missing = routes.stream().filter(r -> !RULES.containsKey(r)).toList();
        assertThat(missing).as("routes without a rule in AuthorizationMatrixTest.RULES: add one per route").isEmpty();
        List<String> stale = RULES.keySet().stream().filter(r -> !routes.contains(r)).sorted().toList();
        assertThat(stale).as("rules for routes that no longer exist").isEmpty();
    }

    @Test
    void eachCallerGetsExactlyWhatItsRoleAllows() throws Exception {
        long premise = count("SELECT min(id) FROM building");
        Map<String, Rule> all = new TreeMap<>(RULES);
        all.putAll(PAGES);
        List<Caller> callers = new ArrayList<>();
        callers.add(Caller.anonymous(port));
        for (Role role : Role.values()) {
            callers.add(new Caller(role, port));
        }
        List<String> wrong = new ArrayList<>();
        try {
            for (Map.Entry<String, Rule> e : all.entrySet()) {
                String method = e.getKey().substring(0, e.getKey().indexOf(' '));
                String path = e.getValue().sample().replace("{building}", Long.toString(premise));
                for (Caller caller : callers) {
                    String expected = expected(e.getValue().needs(), caller.role());
                    HttpResponse<String> answer = caller.send(method.equals("*") ? "GET" : method, path);
                    String got = answerClass(answer);
                    if (!expected.equals(got)) {
                        wrong.add(e.getKey() + " as " + caller.name() + ": expected " + expected + ", got "
                                + answer.statusCode() + " (" + got + ")");
                    }
                }
            }
        } finally {
            waitForTheRecomputeToEnd();
        }
        assertThat(wrong).isEmpty();
    }

    /** "allowed", "401" (or the sign-in page for a browser page) or "403". */
    static String expected(Needs needs, Role role) {
        if (needs == Needs.ANYONE) {
            return "allowed";
        }
        if (role == null) {
            return "401";
        }
        boolean reaches = switch (needs) {
            case VIEWER -> true;
            case OPERATOR -> role == Role.OPERATOR || role == Role.ADMIN;
            case ENGINEER -> role == Role.ENGINEER || role == Role.ADMIN;
            case ADMIN -> role == Role.ADMIN;
            case ANYONE -> true;
        };
        return reaches ? "allowed" : "403";
    }

    static String answerClass(HttpResponse<String> answer) {
        int status = answer.statusCode();
        boolean toSignIn = status == 302 && answer.headers().firstValue("Location").orElse("").endsWith("/login");
        if (status == 401 || toSignIn) {
            return "401";
        }
        // past the security decision: whatever the controller answers (2xx, 400, 404…) is "allowed";
        // server errors are the bad-input corpus's business, which also calls these routes
        return status == 403 ? "403" : "allowed";
    }

    /** The engineers' POST starts a full recompute: it rewrites the same figures, once it has ended. */
    private void waitForTheRecomputeToEnd() throws InterruptedException {
        Caller engineer = new Caller(Role.ENGINEER, port);
        for (int i = 0; i < 1200; i++) {
            if (engineer.send("GET", "/api/eligibility/recompute").body().contains("\"running\":false")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the recompute started by the matrix did not end within two minutes");
    }
}
