package fr.thdtracker.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.thdtracker.DemoDatabaseTest;

/** The audit trail: written for sign-ins, append-only, readable by administrators only. */
class AuditLogTest extends DemoDatabaseTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    AuditLog audit;

    @Test
    void onlyAdministratorsReadTheAuditTrail() {
        SecurityHttp client = new SecurityHttp(port, "192.0.2.71");
        assertThat(client.get("/api/admin/audit", h -> { }).getStatusCode().value()).isEqualTo(401);
        assertThat(client.get("/api/admin/audit", SecurityHttp.basic("t-viewer", PASSWORD)).getStatusCode().value())
                .isEqualTo(403);
        assertThat(client.get("/api/admin/audit", SecurityHttp.basic("t-engineer", PASSWORD)).getStatusCode().value())
                .isEqualTo(403);
        assertThat(client.get("/api/admin/audit", SecurityHttp.basic("t-operator", PASSWORD)).getStatusCode().value())
                .isEqualTo(403);
        assertThat(client.get("/api/admin/audit", SecurityHttp.basic("t-admin", PASSWORD)).getStatusCode().value())
                .isEqualTo(200);
    }

    @Test
    void signInFailuresAndSuccessesAppearWithTheClientAddress() throws Exception {
        SecurityHttp client = new SecurityHttp(port, "192.0.2.72");
        assertThat(client.get("/api/me", SecurityHttp.basic("audit-nobody", "wrong-password")).getStatusCode().value())
                .isEqualTo(401);
        assertThat(client.formLogin("t-viewer", PASSWORD).getStatusCode().value()).isEqualTo(302);

        ResponseEntity<String> answer = client.get("/api/admin/audit?limit=50", SecurityHttp.basic("t-admin", PASSWORD));
        Map<String, Object> page = JSON.readValue(answer.getBody(), new TypeReference<>() { });
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> events = (List<Map<String, Object>>) page.get("events");
        assertThat(events).anySatisfy(e -> {
            assertThat(e).containsEntry("actor", "audit-nobody").containsEntry("action", "connexion")
                    .containsEntry("outcome", "FAILURE").containsEntry("clientAddress", "192.0.2.72");
            assertThat((String) e.get("details")).startsWith("basic");
        });
        assertThat(events).anySatisfy(e -> assertThat(e).containsEntry("actor", "t-viewer")
                .containsEntry("action", "connexion").containsEntry("outcome", "SUCCESS")
                .containsEntry("details", "formulaire").containsEntry("clientAddress", "192.0.2.72"));
        assertThat(events).anySatisfy(e -> assertThat(e).containsEntry("actor", "t-admin")
                .containsEntry("outcome", "SUCCESS").containsEntry("details", "basic"));
    }

    @Test
    void pagesGoBackInTimeWithBoundedLimits() throws Exception {
        for (int i = 0; i < 3; i++) {
            audit.record(AuditLog.SYSTEM, "test.pagination", "n" + i, AuditOutcome.SUCCESS, null);
        }
        SecurityHttp client = new SecurityHttp(port, "192.0.2.73");
        Map<String, Object> first = JSON.readValue(
                client.get("/api/admin/audit?limit=2", SecurityHttp.basic("t-admin", PASSWORD)).getBody(), new TypeReference<>() { });
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> newest = (List<Map<String, Object>>) first.get("events");
        assertThat(newest).hasSize(2);
        long before = ((Number) first.get("nextBefore")).longValue();
        assertThat(before).isEqualTo(((Number) newest.get(1).get("id")).longValue());
        Map<String, Object> second = JSON.readValue(client.get("/api/admin/audit?limit=1&before=" + before,
                SecurityHttp.basic("t-admin", PASSWORD)).getBody(), new TypeReference<>() { });
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> older = (List<Map<String, Object>>) second.get("events");
        assertThat(((Number) older.get(0).get("id")).longValue()).isLessThan(before);

        ResponseEntity<String> tooMany = client.get("/api/admin/audit?limit=501", SecurityHttp.basic("t-admin", PASSWORD));
        assertThat(tooMany.getStatusCode().value()).isEqualTo(400);
        assertThat(tooMany.getBody()).contains("entre 1 et 500");
        assertThat(client.get("/api/admin/audit?limit=0", SecurityHttp.basic("t-admin", PASSWORD)).getStatusCode().value())
                .isEqualTo(400);
    }

    @Test
    void theTrailIsAppendOnly() {
        audit.record(AuditLog.SYSTEM, "test.immuable", "x", AuditOutcome.SUCCESS, "ne peut être effacé");
        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_event SET details = 'effacé' WHERE action = 'test.immuable'").update())
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_event WHERE action = 'test.immuable'").update())
                .rootCause().hasMessageContaining("append-only");
        assertThat(count("SELECT count(*) FROM audit_event WHERE action = 'test.immuable' AND details = 'ne peut être effacé'"))
                .isPositive();
    }
}
