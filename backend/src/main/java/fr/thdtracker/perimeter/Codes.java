package fr.thdtracker.perimeter;

import java.util.regex.Pattern;

import fr.thdtracker.common.BadRequestException;
import fr.thdtracker.common.InseeCode;
import fr.thdtracker.common.Problems;

/** The codes of the routes, checked before any query: INSEE commune, EPCI SIREN, department. */
final class Codes {

    private static final Pattern SIREN = Pattern.compile("[0-9]{9}");
    private static final Pattern DEPARTMENT = Pattern.compile("[0-9]{2}|2A|2B|97[1-6]");
    /** The operator codes as the observatory writes them: FRTE, SFR0, FREE-FRTE-SFR0 (at most 5). */
    static final Pattern OPERATORS = Pattern.compile("[A-Z0-9]{4}(-[A-Z0-9]{4}){0,4}");

    private Codes() {
    }

    static String insee(String value) {
        return InseeCode.checked("insee", value);
    }

    static String siren(String value) {
        return checked("siren", value, SIREN, "le SIREN de l'EPCI, 9 chiffres");
    }

    static String department(String value) {
        return checked("code", value, DEPARTMENT, "un code de département (22, 29, 35, 56…)");
    }

    private static String checked(String name, String value, Pattern pattern, String expected) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw new BadRequestException(name + " : " + expected + " est attendu (reçu : " + Problems.quote(value) + ")");
        }
        return value;
    }
}
