package fr.thdtracker.security;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * What a password must be for an account reachable from the internet: long enough that guessing
 * online is hopeless behind the sign-in throttle, not the user name, and not one of the passwords
 * attackers try first ({@link #COMMON}). Length beats composition rules
 * (NIST SP 800-63B), so there are none.
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    /** bcrypt reads only the first 72 bytes: anything longer would be silently truncated. */
    static final int MAX_BYTES = 72;

    /**
     * Passwords of 12 characters or more that attackers try first (public leak statistics, plus
     * French favourites), compared case-insensitively with the whole password.
     */
    private static final Set<String> COMMON = Set.of(
            "123456789012", "1234567890123", "12345678910", "123456789123", "1234567891011",
            "qwertyuiopasdf", "azertyuiopqsd", "azertyuiop123", "qwertyuiop123", "password1234",
            "password12345", "passwordpassword", "motdepasse123", "motdepasse1234", "motdepassemotdepasse",
            "iloveyou1234", "administrator", "administrateur", "administrateur1", "bonjour123456",
            "soleil123456", "changeme1234", "changezmoi123", "welcome12345", "bienvenue123", "bienvenue1234",
            "letmein12345", "000000000000", "111111111111", "qwerty123456", "azerty123456", "abcdefghijkl",
            "abcdef123456", "123456abcdef", "123qweasdzxc", "1q2w3e4r5t6y", "1qaz2wsx3edc", "football1234",
            "princess1234", "sunshine1234", "superman1234", "trustno11234", "thdtracker123",
            "thd-tracker-admin", "bretagne1234", "bretagne12345", "fibreoptique", "fibre-optique");

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
}
