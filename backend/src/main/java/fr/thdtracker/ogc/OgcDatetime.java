package fr.thdtracker.ogc;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import fr.thdtracker.common.BadRequestException;
import fr.thdtracker.common.DateParam;
import fr.thdtracker.common.Problems;

/** The {@code datetime} parameter of OGC API – Features items. */
final class OgcDatetime {


    private OgcDatetime() {
    }

    /** RFC 3339 date, date-time or interval (".." for open ends); the date part is what counts here. */
    static LocalDate[] parse(String value) {
        String[] parts = value.split("/", -1);
        if (parts.length > 2) {
            throw new BadRequestException("datetime : une date ou un intervalle début/fin (reçu : " + Problems.quote(value) + ")");
        }
        LocalDate from = instant(parts[0], value);
        LocalDate to = parts.length == 2 ? instant(parts[1], value) : from;
        if (from != null && to != null && to.isBefore(from)) {
            throw new BadRequestException("datetime : la fin précède le début (" + Problems.quote(value) + ")");
        }
        return new LocalDate[]{from, to};
    }

    private static LocalDate instant(String part, String whole) {
        if (part.isEmpty() || part.equals("..")) {
            return null;
        }
        if (part.length() > 10 && !isDateTime(part)) {
            throw new BadRequestException("datetime : " + Problems.quote(whole) + " n'est pas une date RFC 3339 (AAAA-MM-JJ)");
        }
        // the date part is checked like every other date parameter: format and programme window
        return DateParam.parse("datetime", part.length() > 10 ? part.substring(0, 10) : part);
    }

    /** An RFC 3339 date-time with its offset, valid to the second (no 25:00, no 60th minute). */
    private static boolean isDateTime(String part) {
        try {
            OffsetDateTime.parse(part.toUpperCase(Locale.ROOT));
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
