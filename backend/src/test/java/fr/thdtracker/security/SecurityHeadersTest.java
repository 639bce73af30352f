package fr.thdtracker.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

import fr.thdtracker.DemoDatabaseTest;

/** Browser-protection headers on pages and API answers; TLS-only ones only over TLS (from a trusted proxy). */
class SecurityHeadersTest extends DemoDatabaseTest {

    private final String ownOnly = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self';"
            + " font-src 'self'; connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self';"
            + " form-action 'self'; frame-ancestors 'none'";

    private void assertProtected(ResponseEntity<String> answer) {
        HttpHeaders h = answer.getHeaders();
        assertThat(h.getFirst("Content-Security-Policy")).isEqualTo(ownOnly);
        assertThat(h.getFirst("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
        assertThat(h.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(h.getFirst("X-Frame-Options")).isEqualTo("DENY");
    }

    @Test
    void pagesAndApiAnswersCarryTheHeadersAndNoHstsOverPlainHttp() {
        SecurityHttp client = new SecurityHttp(port, "192.0.2.81");
        ResponseEntity<String> page = client.get("/", h -> { });
        assertThat(page.getStatusCode().value()).isEqualTo(200);
        assertProtected(page);
        ResponseEntity<String> api = client.get("/api/phases", h -> { });
        assertThat(api.getStatusCode().value()).isEqualTo(200);
        assertProtected(api);
        assertProtected(client.get("/api/me", h -> { })); // a 401 too
        assertThat(page.getHeaders().get("Strict-Transport-Security")).isNull();
        String csrf = cookie(page, "XSRF-TOKEN");
        assertThat(csrf).contains("SameSite=Lax").doesNotContain("Secure");
    }

    @Test
    void overTlsBehindTheTrustedProxyHstsIsSentAndCookiesAreSecure() {
        SecurityHttp client = new SecurityHttp(port, "192.0.2.82");
        ResponseEntity<String> page = client.get("/", h -> h.add("X-Forwarded-Proto", "https"));
        assertThat(page.getHeaders().getFirst("Strict-Transport-Security")).isEqualTo("max-age=31536000 ; includeSubDomains");
        assertThat(cookie(page, "XSRF-TOKEN")).contains("Secure").contains("SameSite=Lax");

        ResponseEntity<String> signedIn = client.formLogin("t-viewer", PASSWORD);
        assertThat(signedIn.getStatusCode().value()).isEqualTo(302);
        // plain HTTP form login here: the session cookie is SameSite=Lax and HttpOnly, and not Secure
        assertThat(cookie(signedIn, "JSESSIONID")).contains("SameSite=Lax").contains("HttpOnly").doesNotContain("Secure");
        ResponseEntity<String> overTls = client.formLogin("t-viewer", PASSWORD, h -> h.add("X-Forwarded-Proto", "https"));
        assertThat(overTls.getStatusCode().value()).isEqualTo(302);
        assertThat(cookie(overTls, "JSESSIONID")).contains("Secure").contains("SameSite=Lax").contains("HttpOnly");
    }

    static String cookie(ResponseEntity<String> answer, String name) {
        List<String> cookies = answer.getHeaders().get(HttpHeaders.SET_COOKIE);
        assertThat(cookies).as("Set-Cookie of " + name).isNotNull();
        return cookies.stream().filter(c -> c.startsWith(name + "=")).findFirst().orElseThrow();
    }
}
