package fr.thdtracker.common;

import java.util.regex.Pattern;

/**
 * A commune's INSEE code in a request, checked before any query against the form the commune
 * table holds (V2's CHECK): two digits or 2A / 2B, then three digits.
 */
public final class InseeCode {

    private static final Pattern FORM = Pattern.compile("([0-9]{2}|2A|2B)[0-9]{3}");

    private InseeCode() {
    }

    /** The value when it is an INSEE commune code, else a 400 naming the parameter. */
    public static String checked(String parameter, String value) {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new BadRequestException(parameter + " : un code commune INSEE de 5 caractères (35238, 2A004…) est attendu"
                    + " (reçu : " + Problems.quote(value) + ")");
        }
        return value;
    }
}
