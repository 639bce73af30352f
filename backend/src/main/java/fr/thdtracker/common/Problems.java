package fr.thdtracker.common;

/** How an error's detail may repeat what the visitor sent: short, and without control characters. */
public final class Problems {

    static final int QUOTED_MAX = 60;

    private Problems() {
    }

    /** « value », cut to {@value #QUOTED_MAX} characters, control characters shown as '?'. */
    public static String quote(String value) {
        if (value == null) {
            return "« »";
        }
        String shown = value.length() > QUOTED_MAX ? value.substring(0, QUOTED_MAX) + "…" : value;
        StringBuilder out = new StringBuilder(shown.length() + 4).append("« ");
        shown.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return out.append(" »").toString();
    }

    /** The value as sent, cut and cleaned like {@link #quote} but without the quotation marks. */
    public static String cut(String value) {
        String q = quote(value);
        return q.substring(2, q.length() - 2);
    }

    /** A bounded free-text parameter (a search, a code): at most {@code max} characters. */
    public static String bounded(String name, String value, int max) {
        if (value != null && value.length() > max) {
            throw new BadRequestException(name + " : au plus " + max + " caractères (reçu : " + value.length() + ")");
        }
        return value;
    }
}
