package fr.thdtracker.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import fr.thdtracker.DemoDatabaseTest;

class SecurityTest extends DemoDatabaseTest {

    private ResponseEntity<String> exchange(org.springframework.web.client.RestClient client, String method, String uri) {
        return client.method(org.springframework.http.HttpMethod.valueOf(method)).uri(uri).retrieve()
                .onStatus(s -> true, (req, res) -> { }).toEntity(String.class);
    }

    @Test
    void anonymousVisitorsSeeThePublicMapButNothingElse() {
        assertThat(exchange(http(), "GET", "/").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(exchange(http(), "GET", "/api/phases").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(exchange(http(), "GET", "/api/info").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(exchange(http(), "GET", "/api/me").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(exchange(http(), "GET", "/api/anything-else").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(exchange(http(), "GET", "/api/admin/users").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    @SuppressWarnings("unchecked")
    void usersAuthenticateWithTheirRoles() {
        Map<String, Object> me = http(Role.ENGINEER).get().uri("/api/me").retrieve().body(Map.class);
        assertThat(me).containsEntry("username", "t-engineer");
        assertThat((java.util.List<String>) me.get("roles")).containsExactly("ENGINEER");
        // role hierarchy: an engineer is not an administrator
        assertThat(exchange(http(Role.ENGINEER), "GET", "/api/admin/users").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(exchange(http(Role.ADMIN), "GET", "/api/admin/users").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        var wrong = org.springframework.web.client.RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeaders(h -> h.setBasicAuth("t-viewer", "not-the-password")).build();
        assertThat(exchange(wrong, "GET", "/api/me").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void stateChangingRequestsNeedTheCsrfToken() {
        // no CSRF token: refused before reaching any controller, even with valid credentials
        assertThat(exchange(http(Role.ADMIN), "POST", "/api/phases").getStatusCode().value()).isIn(401, 403);
        assertThat(exchange(http(), "POST", "/logout").getStatusCode().value()).isIn(401, 403);

        // with the token the page's scripts echo from the XSRF-TOKEN cookie, the request goes through
        // the security chain and reaches the controller (which only answers GET)
        ResponseEntity<String> page = exchange(http(), "GET", "/");
        String cookie = page.getHeaders().get("Set-Cookie").stream().filter(c -> c.startsWith("XSRF-TOKEN="))
                .findFirst().orElseThrow();
        String token = cookie.substring("XSRF-TOKEN=".length(), cookie.indexOf(';'));
        var withToken = org.springframework.web.client.RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeaders(h -> {
                    h.setBasicAuth("t-admin", PASSWORD);
                    h.add("X-XSRF-TOKEN", token);
                    h.add("Cookie", "XSRF-TOKEN=" + token);
                }).build();
        assertThat(exchange(withToken, "POST", "/api/phases").getStatusCode()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
    }

    @Test
    void passwordsAreStoredAsBcryptHashesOnly() {
        assertThat(jdbc.sql("SELECT password_hash FROM app_user WHERE username = 't-viewer'").query(String.class).single())
                .startsWith("{bcrypt}$2").doesNotContain(PASSWORD);
    }
}
