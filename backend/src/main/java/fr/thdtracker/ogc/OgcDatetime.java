package fr.thdtracker.ogc;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import fr.thdtracker.common.BadRequestException;

/** The {@code datetime} parameter of OGC API – Features items. */
final class OgcDatetime {

    private OgcDatetime() {
    }

    /** RFC 3339 date, date-time or interval (".." for open ends); the date part is what counts here. */
    static LocalDate[] parse(String value) {
        String[] parts = value.split("/", -1);
        if (parts.length > 2) {
            throw new BadRequestException("datetime : une date ou un intervalle début/fin (reçu : « " + value + " »)");
        }
        LocalDate from = instant(parts[0], value);
        LocalDate to = parts.length == 2 ? instant(parts[1], value) : from;
        if (from != null && to != null && to.isBefore(from)) {
            throw new BadRequestException("datetime : la fin précède le début (« " + value + " »)");
        }
        return new LocalDate[]{from, to};
    }

    private static LocalDate instant(String part, String whole) {
        if (part.isEmpty() || part.equals("..")) {
            return null;
        }
        try {
            return LocalDate.parse(part.length() >= 10 ? part.substring(0, 10) : part);
        } catch (DateTimeParseException e) {
            throw new BadRequestException("datetime : « " + whole + " » n'est pas une date RFC 3339 (AAAA-MM-JJ)");
        }
    }
}
