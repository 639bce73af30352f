package fr.thdtracker.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

import fr.thdtracker.DemoDatabaseTest;

/** Lock-out after repeated failed sign-ins, over real HTTP (defaults: 5 per user, 20 per address, 15 min). */
class SecuritySignInThrottleTest extends DemoDatabaseTest {

    private static final String STRONG = "cheval-agrafe-batterie";

    @Autowired
    UserAccounts accounts;

    @AfterEach
    void removeAccounts() {
        jdbc.sql("DELETE FROM app_user WHERE username LIKE 'throttle-%'").update();
    }

    @Test
    void fiveFailuresLockTheUserOutEvenWithTheRightPasswordAndOthersAreUnaffected() {
        accounts.createOrReplace("throttle-alice", STRONG, "Alice", EnumSet.of(Role.VIEWER));
        accounts.createOrReplace("throttle-bob", STRONG, "Bob", EnumSet.of(Role.VIEWER));
        SecurityHttp client = new SecurityHttp(port, "192.0.2.11");
        for (int i = 0; i < 5; i++) {
            assertThat(client.get("/api/me", SecurityHttp.basic("throttle-alice", "wrong-" + i)).getStatusCode().value())
                    .isEqualTo(401);
        }
        ResponseEntity<String> locked = client.get("/api/me", SecurityHttp.basic("throttle-alice", STRONG));
        assertThat(locked.getStatusCode().value()).isEqualTo(429);
        assertThat(locked.getHeaders().getContentType().isCompatibleWith(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(locked.getBody()).contains("\"status\":429").contains("Trop d’échecs de connexion");
        assertThat(Long.parseLong(locked.getHeaders().getFirst(HttpHeaders.RETRY_AFTER))).isBetween(800L, 900L);
        // locked by user name: another address does not help either
        assertThat(new SecurityHttp(port, "192.0.2.12").get("/api/me", SecurityHttp.basic("throttle-alice", STRONG))
                .getStatusCode().value()).isEqualTo(429);
        // nor does the form login
        assertThat(new SecurityHttp(port, "192.0.2.13").formLogin("throttle-alice", STRONG).getStatusCode().value())
                .isEqualTo(429);

        // another user, from the same address, signs in normally
        assertThat(client.get("/api/me", SecurityHttp.basic("throttle-bob", STRONG)).getBody()).contains("throttle-bob");
        // and the public map stays open to everyone
        assertThat(client.get("/api/phases", h -> { }).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void aSuccessResetsTheUsersCounter() {
        accounts.createOrReplace("throttle-carol", STRONG, "Carol", EnumSet.of(Role.VIEWER));
        SecurityHttp client = new SecurityHttp(port, "192.0.2.21");
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 4; i++) {
                assertThat(client.get("/api/me", SecurityHttp.basic("throttle-carol", "wrong")).getStatusCode().value())
                        .isEqualTo(401);
            }
            assertThat(client.get("/api/me", SecurityHttp.basic("throttle-carol", STRONG)).getStatusCode().value())
                    .isEqualTo(200);
        }
    }

    @Test
    void theFormLoginIsThrottledToo() {
        accounts.createOrReplace("throttle-dave", STRONG, "Dave", EnumSet.of(Role.VIEWER));
        SecurityHttp client = new SecurityHttp(port, "192.0.2.31");
        for (int i = 0; i < 5; i++) {
            ResponseEntity<String> failed = client.formLogin("throttle-dave", "wrong");
            assertThat(failed.getStatusCode().value()).isEqualTo(302);
            assertThat(failed.getHeaders().getLocation().toString()).endsWith("/login?error");
        }
        ResponseEntity<String> locked = client.formLogin("throttle-dave", STRONG);
        assertThat(locked.getStatusCode().value()).isEqualTo(429);
        assertThat(locked.getBody()).contains("Trop d’échecs de connexion");
        assertThat(client.get("/api/me", SecurityHttp.basic("throttle-dave", STRONG)).getStatusCode().value()).isEqualTo(429);
    }

    @Test
    void oneAddressFailingTwentyTimesIsLockedOutForEveryUserName() {
        accounts.createOrReplace("throttle-erin", STRONG, "Erin", EnumSet.of(Role.VIEWER));
        SecurityHttp attacker = new SecurityHttp(port, "198.51.100.41");
        for (int i = 0; i < 20; i++) {
            assertThat(attacker.get("/api/me", SecurityHttp.basic("throttle-guess-" + i, "wrong")).getStatusCode().value())
                    .isEqualTo(401);
        }
        assertThat(attacker.get("/api/me", SecurityHttp.basic("throttle-erin", STRONG)).getStatusCode().value())
                .isEqualTo(429);
        // the same user from elsewhere is not locked: the lock is the address's
        assertThat(new SecurityHttp(port, "198.51.100.42").get("/api/me", SecurityHttp.basic("throttle-erin", STRONG))
                .getStatusCode().value()).isEqualTo(200);
        // the lock-out is in the audit trail
        assertThat(count("SELECT count(*) FROM audit_event WHERE action = 'connexion.verrouillage'"
                + " AND target = '198.51.100.41' AND outcome = 'REFUSED'")).isEqualTo(1);
    }
}
