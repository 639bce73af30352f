package fr.thdtracker.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a password must be for an account reachable from the internet: long enough that guessing
 * online is hopeless behind the sign-in throttle, not the user name, and not one of the passwords
 * attackers try first (security/common-passwords.txt). Length beats composition rules
 * (NIST SP 800-63B), so there are none.
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    /** bcrypt reads only the first 72 bytes: anything longer would be silently truncated. */
    static final int MAX_BYTES = 72;

    private static final Set<String> COMMON = load();

    private PasswordPolicy() {
    }

    /** @throws WeakPasswordException with a French message saying what is wrong */
    static void check(String username, String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw new WeakPasswordException("Mot de passe trop court : au moins " + MIN_LENGTH + " caractères");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new WeakPasswordException("Mot de passe trop long : au plus " + MAX_BYTES + " octets");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && !username.isBlank() && lower.contains(username.toLowerCase(Locale.ROOT))) {
            throw new WeakPasswordException("Le mot de passe ne doit pas contenir le nom d’utilisateur");
        }
        if (COMMON.contains(lower) || password.chars().distinct().count() < 4) {
            throw new WeakPasswordException("Mot de passe trop courant ou trop répétitif : choisissez-en un autre");
        }
    }

    private static Set<String> load() {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("/security/common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("security/common-passwords.txt manquant");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .map(l -> l.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
