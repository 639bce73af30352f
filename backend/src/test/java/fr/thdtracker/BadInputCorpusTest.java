package fr.thdtracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.thdtracker.security.Role;

/**
 * The bad-input corpus (docs/bad-input.md): hostile and malformed values ({@link BadInputValues})
 * sent as every query parameter and path variable of every route Spring MVC registered, plus
 * oversized and crowded query strings, control characters in names, unexpected and malformed
 * bodies and undeclared methods on every route. Run as ADMIN, so that authorisation hides no
 * handler, and anonymously. Each answer must be a 4xx in the problem-details format with a French
 * detail and nothing internal in it (401/403 only where the role is missing), the next normal
 * request must be served, and the database must be left as it was.
 */
class BadInputCorpusTest extends DemoDatabaseTest {

    /** What an answer must never hold: traces of SQL, stack traces, class or package names. */
    static final List<String> LEAKS = List.of("Exception", "SQL", "ERROR:", "org.springframework", "org.postgresql",
            "org.apache", "java.", "jakarta.", "fr.thdtracker", "\tat ", "Caused by", "jdbc:", "Hikari", "Whitelabel");
    /** Spring's or the container's English wording, which the French details replace. */
    static final List<String> ENGLISH = List.of("Failed to", "Required ", "not supported", "No static resource",
            "Invalid ", "Unsupported", "is not ", "could not", "No endpoint", "Content-Type");

    /** Values that bring a request up to the parameter under test: path variables and required parameters. */
    static final Map<String, List<String>> SAMPLES = Map.ofEntries(
            Map.entry("layer", List.of("buildings")), Map.entry("id", List.of("buildings", "1")),
            Map.entry("z", List.of("14")), Map.entry("x", List.of("8101")), Map.entry("y", List.of("5695")),
            Map.entry("featureId", List.of("1")), Map.entry("level", List.of("commune")), Map.entry("q", List.of("rue")),
            Map.entry("lon", List.of("-2.05")), Map.entry("lat", List.of("48.45")),
            // a commune and a department of the demo's territory: the perimeter routes reach their handler
            Map.entry("insee", List.of("22001")), Map.entry("code", List.of("22")));
    /** Parameters read together: testing one sends the other with a sound value. */
    static final Map<String, String> PAIRS = Map.of("lon", "lat", "lat", "lon");
    static final String PROBE = "zzqx";
    /** A count a capped parameter (a page size) answers with its cap: any such count may be answered normally. */
    static final String LARGE_COUNT = "99999";
    /** A case slower than this is printed: the corpus must stay fast. */
    static final long SLOW_MS = 500;
    static final Set<String> OTHER_METHODS = Set.of("PUT", "DELETE", "PATCH");

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ObjectMapper json = new ObjectMapper();

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Test
    void everyRouteAnswersEveryBadInputWithAProblemAndWritesNothing() {
        ApplicationRoutes routes = ApplicationRoutes.of(mapping);
        assertThat(routes.routes()).as("routes found in Spring's handler mapping").hasSizeGreaterThan(20);
        List<String> values = BadInputValues.all();
        DemoDatabaseFingerprint before = DemoDatabaseFingerprint.of(jdbc);

        Caller admin = new Caller("ADMIN", signIn(Role.ADMIN));
        Caller anonymous = new Caller("anonymous", null);
        List<String> failures = new ArrayList<>();
        int cases = 0;
        for (Caller caller : List.of(admin, anonymous)) {
            for (Case c : cases(routes, values, caller)) {
                cases++;
                check(c, caller, failures);
            }
        }
        System.out.println("Bad-input corpus: " + cases + " cases over " + routes.routes().size() + " routes, "
                + values.size() + " values, " + failures.size() + " failures");

        assertThat(failures).as("bad inputs answered wrongly (%d of %d cases)", failures.size(), cases)
                .isEmpty();
        assertThat(cases).isGreaterThanOrEqualTo(1000);
        assertThat(DemoDatabaseFingerprint.of(jdbc).differencesFrom(before)).as("tables written by bad input").isEmpty();
    }

    /** One request of the corpus; {@code textAllowed}: a free-text value may be answered normally. */
    record Case(String method, String route, String path, String query, String contentType, byte[] body,
                boolean textAllowed, String what) {

        /** No body, no free text: a probe, or a case once {@link #named}. */
        static Case plain(String method, String route, String path, String query) {
            return new Case(method, route, path, query, null, null, false, route);
        }

        Case named(String name) {
            return new Case(method, route, path, query, contentType, body, textAllowed, name);
        }
    }

    /** Who sends the corpus: its Authorization header (null: anonymous) and the routes that need a role. */
    final class Caller {
        final String name;
        /** The session cookie, null for a visitor. */
        final String authorization;
        final Map<String, Boolean> needsRole = new LinkedHashMap<>();

        Caller(String name, String authorization) {
            this.name = name;
            this.authorization = authorization;
        }
    }

    private List<Case> cases(ApplicationRoutes routes, List<String> values, Caller caller) {
        Map<String, Set<String>> methodsByPattern = new LinkedHashMap<>();
        routes.routes().forEach(r -> methodsByPattern.computeIfAbsent(r.pattern(), k -> new TreeSet<>())
                .addAll(r.methods()));
        List<Case> out = new ArrayList<>();
        for (ApplicationRoutes.Route route : routes.routes()) {
            Map<String, String> samples = samplesFor(route, caller);
            String path = route.path(null, null, samples::get);
            String req = required(route, null);
            for (String method : route.methods()) {
                String key = method + " " + route.pattern();
                caller.needsRole.computeIfAbsent(key, k -> roleRefused(send(Case.plain(method, key, path, req), caller)));
                for (ApplicationRoutes.Param p : route.query()) {
                    boolean freeText = accepts(Case.plain(method, key, path, query(route, p.name(), PROBE)), caller);
                    boolean capped = accepts(Case.plain(method, key, path, query(route, p.name(), LARGE_COUNT)), caller);
                    for (String v : values) {
                        out.add(new Case(method, key, path, query(route, p.name(), v), null, null,
                                freeText && isText(v) || capped && v.matches("\\d{1,9}"), key + " ?" + p.name() + "=" + v));
                    }
                }
                for (String variable : route.pathVariables()) {
                    boolean freeText = accepts(Case.plain(method, key, route.path(variable, PROBE, samples::get), req), caller);
                    for (String v : values) {
                        out.add(new Case(method, key, route.path(variable, encode(v), samples::get), req, null, null,
                                freeText && isText(v), key + " {" + variable + "}=" + v));
                    }
                }
                String prefix = req == null ? "" : req + "&";
                out.add(Case.plain(method, key, path, prefix + "pad=" + "A".repeat(3000)).named(key + " oversized query"));
                out.add(Case.plain(method, key, path, prefix + "a=1&".repeat(60) + "b=2").named(key + " 61 parameters"));
                out.add(Case.plain(method, key, path, prefix + encode("x\u0000y") + "=1").named(key + " NUL in a name"));
                BadInputValues.bodies().forEach((name, body) -> out.add(new Case(method, key, path, req,
                        name.substring(name.indexOf(' ') + 1), body, false, key + " body " + name)));
            }
            for (String other : OTHER_METHODS) {
                if (!methodsByPattern.get(route.pattern()).contains(other) && route.methods().contains("GET")) {
                    String key = other + " " + route.pattern();
                    out.add(Case.plain(other, key, path, req).named(key));
                }
            }
        }
        return out;
    }

    /** Per path variable, the first sample the route answers with neither 400 nor 404 (else the first). */
    private Map<String, String> samplesFor(ApplicationRoutes.Route route, Caller caller) {
        Map<String, String> chosen = new LinkedHashMap<>();
        for (String v : route.pathVariables()) {
            chosen.put(v, SAMPLES.getOrDefault(v, List.of("1")).get(0));
        }
        String method = route.methods().iterator().next();
        for (String v : route.pathVariables()) {
            for (String candidate : SAMPLES.getOrDefault(v, List.of("1"))) {
                chosen.put(v, candidate);
                int status = send(Case.plain(method, method + " " + route.pattern(), route.path(null, null, chosen::get),
                        required(route, null)), caller).statusCode();
                if (status != 400 && status != 404) {
                    break;
                }
            }
            if (!chosen.containsKey(v)) {
                chosen.put(v, SAMPLES.getOrDefault(v, List.of("1")).get(0));
            }
        }
        return chosen;
    }

    /** The query with the parameter under test, its pair and the route's required parameters. */
    private static String query(ApplicationRoutes.Route route, String name, String value) {
        List<String> parts = new ArrayList<>();
        parts.add(encode(name) + "=" + encode(value));
        String pair = PAIRS.get(name);
        if (pair != null && route.query().stream().anyMatch(p -> p.name().equals(pair))) {
            parts.add(pair + "=" + encode(SAMPLES.get(pair).get(0)));
        }
        String req = required(route, name);
        if (req != null) {
            parts.add(req);
        }
        return String.join("&", parts);
    }

    private static String required(ApplicationRoutes.Route route, String except) {
        List<String> parts = new ArrayList<>();
        for (ApplicationRoutes.Param p : route.query()) {
            if (p.required() && !p.name().equals(except)) {
                parts.add(p.name() + "=" + encode(SAMPLES.getOrDefault(p.name(), List.of("1")).get(0)));
            }
        }
        return parts.isEmpty() ? null : String.join("&", parts);
    }

    /** A parameter that answers an arbitrary word normally is free text: any printable value may be looked up. */
    private boolean accepts(Case probe, Caller caller) {
        int status = send(probe, caller).statusCode();
        return status >= 200 && status < 300;
    }

    /** What any free text may be: printable and short enough for a search box. */
    private static boolean isText(String v) {
        return v.length() <= 100 && v.codePoints().noneMatch(Character::isISOControl);
    }

    private static boolean roleRefused(HttpResponse<String> r) {
        return r.statusCode() == 401 || r.statusCode() == 403;
    }

    private void check(Case c, Caller caller, List<String> failures) {
        long start = System.nanoTime();
        HttpResponse<String> r = send(c, caller);
        long ms = (System.nanoTime() - start) / 1_000_000;
        if (ms > SLOW_MS) {
            System.out.println("Bad-input corpus: slow case (" + ms + " ms) " + printable(c.what));
        }
        String problem = problemIn(c, caller, r);
        if (problem != null) {
            failures.add("[" + caller.name + "] " + printable(c.what) + " -> " + r.statusCode() + " " + problem + ": "
                    + printable(r.body()));
        }
        HttpResponse<String> normal = send(Case.plain("GET", "GET /api/info", "/api/info", null), caller);
        if (normal.statusCode() != 200 || !normal.body().contains("refreshDate")) {
            failures.add("[" + caller.name + "] after " + printable(c.what) + " the next normal request got " + normal.statusCode());
        }
    }

    private String problemIn(Case c, Caller caller, HttpResponse<String> r) {
        int status = r.statusCode();
        if (c.textAllowed && status >= 200 && status < 300) {
            return null;
        }
        if (status < 400 || status >= 500) {
            return "not a 4xx";
        }
        // refused for want of a role: only a visitor, on a route that needs one or with a method that writes
        boolean roleMissing = caller.authorization == null
                && (caller.needsRole.getOrDefault(c.route, false) || !c.method.equals("GET"));
        if ((status == 401 || status == 403) && !roleMissing) {
            return "refused though the role is there";
        }
        String type = r.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith("application/problem+json")) {
            return "not application/problem+json (" + type + ")";
        }
        for (String leak : LEAKS) {
            if (r.body().contains(leak)) {
                return "leaks « " + leak + " »";
            }
        }
        JsonNode body;
        try {
            body = json.readTree(r.body());
        } catch (IOException e) {
            return "unreadable problem";
        }
        String detail = body.path("detail").asText("");
        if (detail.isBlank()) {
            return "no detail";
        }
        if (body.path("status").asInt() != status) {
            return "status field differs";
        }
        for (String english : ENGLISH) {
            if (detail.contains(english)) {
                return "detail not in French";
            }
        }
        return null;
    }

    private HttpResponse<String> send(Case c, Caller caller) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + c.path
                + (c.query == null ? "" : "?" + c.query)));
        HttpRequest.BodyPublisher body = c.body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(c.body);
        b.method(c.method, body);
        if (c.contentType != null) {
            b.header("Content-Type", c.contentType);
        }
        // a state-changing request carries the CSRF token, as the page's scripts send it
        b.header("X-XSRF-TOKEN", "corpus").header("Cookie", "XSRF-TOKEN=corpus"
                + (caller.authorization == null ? "" : "; " + caller.authorization));
        try {
            return client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(printable(c.what), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The session cookie of a form sign-in: one password check for the whole corpus, where HTTP
     * Basic would run BCrypt on each of its thousands of requests.
     */
    private String signIn(Role role) {
        String form = "username=t-" + role.name().toLowerCase() + "&password=" + encode(PASSWORD);
        HttpRequest login = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", "corpus").header("Cookie", "XSRF-TOKEN=corpus")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        try {
            HttpResponse<String> r = client.send(login, HttpResponse.BodyHandlers.ofString());
            String session = r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                    .map(c -> c.substring(0, c.indexOf(';'))).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no session after sign-in: " + r.statusCode()));
            assertThat(r.headers().firstValue("Location").orElse("")).doesNotContain("error");
            return session;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Percent-encodes every byte but the unreserved characters of RFC 3986. */
    static String encode(String s) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }

    private static String printable(String s) {
        String cut = s.length() > 300 ? s.substring(0, 300) + "…" : s;
        StringBuilder out = new StringBuilder();
        cut.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
