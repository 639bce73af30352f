package fr.thdtracker.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.util.EnumSet;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import fr.thdtracker.DemoDatabaseTest;

/** Every account created outside the demo passes the password policy, enforced in UserAccounts. */
class AccountPasswordPolicyTest extends DemoDatabaseTest {

    @Autowired
    UserAccounts accounts;

    @AfterEach
    void removeAccounts() {
        jdbc.sql("DELETE FROM app_user WHERE username LIKE 'policy-%'").update();
    }

    private void refused(String username, String password, String message) {
        assertThatThrownBy(() -> accounts.createIfAbsent(username, password, "Test", EnumSet.of(Role.VIEWER)))
                .isInstanceOf(WeakPasswordException.class).hasMessageContaining(message);
        assertThatThrownBy(() -> accounts.createOrReplace(username, password, "Test", EnumSet.of(Role.VIEWER)))
                .isInstanceOf(WeakPasswordException.class);
        assertThat(accounts.exists(username)).isFalse();
    }

    @Test
    void weakPasswordsAreRefusedWithAFrenchMessage() {
        refused("policy-a", "court-1", "au moins 12 caractères");
        refused("policy-a", "viewer-demo", "au moins 12 caractères");
        refused("policy-jeanne", "xx-policy-JEANNE-xx", "nom d’utilisateur");
        refused("policy-a", "MotDePasse123", "trop courant");
        refused("policy-a", "azerty123456", "trop courant");
        refused("policy-a", "aaaaaaaaaaaaaaaa", "trop répétitif");
        refused("policy-a", "é".repeat(40), "au plus 72 octets");
    }

    @Test
    void aLongUncommonPasswordIsAccepted() {
        assertThatNoException().isThrownBy(() ->
                accounts.createIfAbsent("policy-b", "lanterne-ardoise-96", "Test", EnumSet.of(Role.VIEWER)));
        assertThat(accounts.exists("policy-b")).isTrue();
        // created once: a second call with another password changes nothing
        assertThat(accounts.createIfAbsent("policy-b", "autre-phrase-secrete", "Test", EnumSet.of(Role.VIEWER))).isFalse();
        assertThat(http(Role.VIEWER).get().uri("/api/me").retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(200);
        var client = new SecurityHttp(port, "192.0.2.51");
        assertThat(client.get("/api/me", SecurityHttp.basic("policy-b", "lanterne-ardoise-96")).getBody()).contains("policy-b");
        assertThat(client.get("/api/me", SecurityHttp.basic("policy-b", "autre-phrase-secrete")).getStatusCode().value())
                .isEqualTo(401);
    }
}
