package fr.thdtracker.common;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * The one parser of date parameters ({@code asOf}, {@code from}, {@code to}, OGC {@code datetime}):
 * a strict AAAA-MM-JJ inside the programme window. Outside it a date means nothing for the data and
 * could overflow PostgreSQL's dates or a report's columns, so it is refused with a clear 400.
 */
public final class DateParam {

    /** Before the first study of the programme (2014) with margin. */
    public static final LocalDate FIRST = LocalDate.of(2010, 1, 1);
    /** After the programme's planned end (2030) with margin for forecasts. */
    public static final LocalDate LAST = LocalDate.of(2040, 12, 31);

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private DateParam() {
    }

    /** The date, or null when the parameter is absent or empty. */
    public static LocalDate parse(String name, String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        LocalDate date;
        try {
            if (!ISO_DATE.matcher(text).matches()) {
                throw new DateTimeParseException("not AAAA-MM-JJ", text, 0);
            }
            date = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new BadRequestException(name + " : date attendue au format AAAA-MM-JJ (reçu : "
                    + Problems.quote(text) + ")");
        }
        if (date.isBefore(FIRST) || date.isAfter(LAST)) {
            throw new BadRequestException(name + " : la date doit être comprise entre " + FIRST + " et " + LAST
                    + " (reçu : " + text + ")");
        }
        return date;
    }

    /** The date, or {@code otherwise} when absent. */
    public static LocalDate parse(String name, String text, LocalDate otherwise) {
        LocalDate d = parse(name, text);
        return d != null ? d : otherwise;
    }

    /** The date, or today when absent: every answer is "as of" a date. */
    public static LocalDate orToday(String name, String text) {
        return parse(name, text, LocalDate.now());
    }
}
