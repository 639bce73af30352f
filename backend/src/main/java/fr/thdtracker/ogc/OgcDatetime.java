package fr.thdtracker.ogc;

import java.time.LocalDate;
import java.util.regex.Pattern;

import fr.thdtracker.common.BadRequestException;
import fr.thdtracker.common.DateParam;
import fr.thdtracker.common.Problems;

/** The {@code datetime} parameter of OGC API – Features items. */
final class OgcDatetime {

    /** What may follow the date in an RFC 3339 date-time: the time and its offset. */
    private static final Pattern RFC3339_TIME = Pattern.compile("[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?([Zz]|[+-]\\d{2}:\\d{2})");

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
        if (part.length() > 10 && !RFC3339_TIME.matcher(part.substring(10)).matches()) {
            throw new BadRequestException("datetime : " + Problems.quote(whole) + " n'est pas une date RFC 3339 (AAAA-MM-JJ)");
        }
        // the date part is checked like every other date parameter: format and programme window
        return DateParam.parse("datetime", part.length() > 10 ? part.substring(0, 10) : part);
    }
}
