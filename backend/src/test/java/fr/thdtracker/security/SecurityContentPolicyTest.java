package fr.thdtracker.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The policy's configurable parts (the served header is checked over HTTP in SecurityHeadersTest). */
class SecurityContentPolicyTest {

    @Test
    void aConfiguredBasemapOpensImagesToItsOriginOnly() {
        assertThat(ContentSecurityPolicy.of("https://{a-c}.tile.example.org/{z}/{x}/{y}.png", List.of()))
                .contains("; img-src 'self' https://*.tile.example.org; ")
                .contains("; connect-src 'self'; ").endsWith("frame-ancestors 'none'");
        assertThat(ContentSecurityPolicy.of("https://tiles.example.fr:8443/osm/{z}/{x}/{y}.png", List.of()))
                .contains("; img-src 'self' https://tiles.example.fr:8443; ");
        assertThat(ContentSecurityPolicy.of("", List.of())).contains("; img-src 'self'; ");
        assertThatThrownBy(() -> ContentSecurityPolicy.of("tiles/{z}/{x}/{y}.png", List.of()))
                .hasMessageContaining("URL absolue");
    }

    @Test
    void embeddingSitesMustBeOrigins() {
        assertThat(ContentSecurityPolicy.of("", List.of("https://www.example.fr", "'self'")))
                .endsWith("; frame-ancestors https://www.example.fr 'self'");
        assertThatThrownBy(() -> ContentSecurityPolicy.of("", List.of("https://a.example; script-src *")))
                .hasMessageContaining("origine invalide");
    }
}
