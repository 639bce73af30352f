package fr.thdtracker.security;

import java.util.function.Consumer;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * Requests as a given client: each test signs in from its own documentation address (RFC 5737),
 * sent in X-Forwarded-For — believed because the tests connect from loopback, the default trusted
 * proxy — so lock-outs of one test never touch another's, nor 127.0.0.1.
 */
final class SecurityHttp {

    private final int port;
    private final String clientAddress;

    SecurityHttp(int port, String clientAddress) {
        this.port = port;
        this.clientAddress = clientAddress;
    }

    ResponseEntity<String> get(String uri, Consumer<HttpHeaders> headers) {
        return send(HttpMethod.GET, uri, headers, null);
    }

    ResponseEntity<String> send(HttpMethod method, String uri, Consumer<HttpHeaders> headers, Object body) {
        RestClient client = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeaders(h -> h.add("X-Forwarded-For", clientAddress)).build();
        RestClient.RequestBodySpec spec = client.method(method).uri(uri).headers(headers);
        if (body != null) {
            spec.contentType(body instanceof String ? MediaType.APPLICATION_FORM_URLENCODED : MediaType.APPLICATION_JSON)
                    .body(body);
        }
        return spec.retrieve().onStatus(s -> true, (req, res) -> { }).toEntity(String.class);
    }

    /** HTTP Basic credentials. */
    static Consumer<HttpHeaders> basic(String username, String password) {
        return h -> h.setBasicAuth(username, password);
    }

    /** HTTP Basic plus the CSRF token a page's scripts would echo, for POST/DELETE. */
    Consumer<HttpHeaders> basicWithCsrf(String username, String password) {
        String token = csrfToken();
        return h -> {
            h.setBasicAuth(username, password);
            h.add("X-XSRF-TOKEN", token);
            h.add(HttpHeaders.COOKIE, "XSRF-TOKEN=" + token);
        };
    }

    String csrfToken() {
        String cookie = get("/", h -> { }).getHeaders().get(HttpHeaders.SET_COOKIE).stream()
                .filter(c -> c.startsWith("XSRF-TOKEN=")).findFirst().orElseThrow();
        return cookie.substring("XSRF-TOKEN=".length(), cookie.indexOf(';'));
    }

    /** The form sign-in of the login page, with its CSRF token. */
    ResponseEntity<String> formLogin(String username, String password) {
        return formLogin(username, password, h -> { });
    }

    ResponseEntity<String> formLogin(String username, String password, Consumer<HttpHeaders> extra) {
        String token = csrfToken();
        return send(HttpMethod.POST, "/login", h -> {
            h.add(HttpHeaders.COOKIE, "XSRF-TOKEN=" + token);
            extra.accept(h);
        }, "username=" + username + "&password=" + password + "&_csrf=" + token);
    }

    static Consumer<HttpHeaders> bearer(String token) {
        return h -> h.setBearerAuth(token);
    }
}
