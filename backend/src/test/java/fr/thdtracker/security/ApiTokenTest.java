package fr.thdtracker.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.thdtracker.DemoDatabaseTest;

/** API tokens over real HTTP: shown once, stored hashed, authenticate with the owner's roles, revocable. */
class ApiTokenTest extends DemoDatabaseTest {

    private static final String STRONG = "gravier-lampadaire-31";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    UserAccounts accounts;

    private SecurityHttp http;

    @BeforeEach
    void users() {
        http = new SecurityHttp(port, "192.0.2.61");
        accounts.createOrReplace("token-eng", STRONG, "Ingénieur", EnumSet.of(Role.ENGINEER));
        accounts.createOrReplace("token-other", STRONG, "Autre", EnumSet.of(Role.VIEWER));
    }

    @AfterEach
    void removeUsersAndTheirTokens() {
        jdbc.sql("DELETE FROM app_user WHERE username LIKE 'token-%'").update(); // tokens go with them (cascade)
    }

    private Map<String, Object> create(String username, String name) throws Exception {
        ResponseEntity<String> created = http.send(HttpMethod.POST, "/api/tokens",
                http.basicWithCsrf(username, STRONG), Map.of("name", name));
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        return JSON.readValue(created.getBody(), new TypeReference<>() { });
    }

    @Test
    void aTokenAuthenticatesAsItsOwnerIsStoredHashedAndStopsOnceRevoked() throws Exception {
        Map<String, Object> created = create("token-eng", "script de sauvegarde");
        String token = (String) created.get("token");
        assertThat(token).startsWith("thd_").hasSize(4 + 43);
        assertThat((String) created.get("prefix")).isEqualTo(token.substring(0, 12));

        // only the SHA-256 is stored: the secret appears nowhere in the table
        Map<String, Object> row = jdbc.sql("SELECT encode(token_sha256, 'hex') AS h, name, prefix FROM api_token WHERE id = :id")
                .param("id", ((Number) created.get("id")).longValue()).query().singleRow();
        assertThat(row.get("h")).isEqualTo(HexFormat.of().formatHex(ApiTokens.sha256(token)));
        assertThat(count("SELECT count(*) FROM api_token t WHERE row_to_json(t)::text LIKE '%" + token.substring(12) + "%'"))
                .isZero();

        // the token signs in as its owner, with the owner's roles, and needs no CSRF token to write
        ResponseEntity<String> me = http.get("/api/me", SecurityHttp.bearer(token));
        assertThat(me.getStatusCode().value()).isEqualTo(200);
        assertThat(me.getBody()).contains("\"username\":\"token-eng\"").contains("ENGINEER");
        assertThat(http.get("/api/admin/audit", SecurityHttp.bearer(token)).getStatusCode().value()).isEqualTo(403);
        ResponseEntity<String> second = http.send(HttpMethod.POST, "/api/tokens", SecurityHttp.bearer(token),
                Map.of("name", "créé par jeton"));
        assertThat(second.getStatusCode().value()).isEqualTo(201);
        assertThat(count("SELECT count(*) FROM api_token WHERE username = 'token-eng' AND last_used_at IS NOT NULL"))
                .isEqualTo(1);

        // the list never shows a secret
        ResponseEntity<String> list = http.get("/api/tokens", SecurityHttp.basic("token-eng", STRONG));
        List<Map<String, Object>> tokens = JSON.readValue(list.getBody(), new TypeReference<>() { });
        assertThat(tokens).hasSize(2).allSatisfy(t -> assertThat(t).doesNotContainKey("token"));
        assertThat(list.getBody()).doesNotContain(token.substring(12));

        // another user can neither see nor revoke it
        assertThat(http.get("/api/tokens", SecurityHttp.basic("token-other", STRONG)).getBody()).isEqualTo("[]");
        assertThat(http.send(HttpMethod.DELETE, "/api/tokens/" + created.get("id"),
                http.basicWithCsrf("token-other", STRONG), null).getStatusCode().value()).isEqualTo(404);
        assertThat(http.get("/api/me", SecurityHttp.bearer(token)).getStatusCode().value()).isEqualTo(200);

        // its owner revokes it: it stops working at once
        assertThat(http.send(HttpMethod.DELETE, "/api/tokens/" + created.get("id"),
                http.basicWithCsrf("token-eng", STRONG), null).getStatusCode().value()).isEqualTo(204);
        ResponseEntity<String> revoked = http.get("/api/me", SecurityHttp.bearer(token));
        assertThat(revoked.getStatusCode().value()).isEqualTo(401);
        assertThat(revoked.getBody()).contains("Jeton d’API inconnu ou révoqué");
        assertThat(count("SELECT count(*) FROM api_token WHERE id = " + created.get("id") + " AND revoked_at IS NOT NULL"))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM audit_event WHERE action IN ('jeton.creation', 'jeton.revocation')"
                + " AND target = 'jeton " + created.get("id") + "'")).isEqualTo(2);
    }

    @Test
    void anAdministratorRevokesAnyonesToken() throws Exception {
        Map<String, Object> created = create("token-other", "tableur");
        String token = (String) created.get("token");
        assertThat(http.get("/api/me", SecurityHttp.bearer(token)).getStatusCode().value()).isEqualTo(200);
        assertThat(http.send(HttpMethod.DELETE, "/api/tokens/" + created.get("id"),
                http.basicWithCsrf("t-admin", PASSWORD), null).getStatusCode().value()).isEqualTo(204);
        assertThat(http.get("/api/me", SecurityHttp.bearer(token)).getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void aMadeUpTokenIsRefusedAndATokenNeedsAName() {
        assertThat(http.get("/api/me", SecurityHttp.bearer("thd_" + "A".repeat(43))).getStatusCode().value()).isEqualTo(401);
        ResponseEntity<String> nameless = http.send(HttpMethod.POST, "/api/tokens",
                http.basicWithCsrf("token-eng", STRONG), Map.of("name", "  "));
        assertThat(nameless.getStatusCode().value()).isEqualTo(400);
        assertThat(nameless.getBody()).contains("Nom du jeton requis");
        assertThat(http.get("/api/tokens", h -> { }).getStatusCode().value()).isEqualTo(401);
    }
}
