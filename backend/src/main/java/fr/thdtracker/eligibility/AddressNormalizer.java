package fr.thdtracker.eligibility;

import java.text.Normalizer;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One normalisation for stored addresses and typed queries: lower case, accents dropped,
 * punctuation to spaces, street-type abbreviations spelt out ("bd" → "boulevard", "av" → "avenue").
 */
public final class AddressNormalizer {

    private static final Map<String, String> ABBREVIATIONS = Map.ofEntries(
            Map.entry("r", "rue"), Map.entry("av", "avenue"), Map.entry("ave", "avenue"),
            Map.entry("bd", "boulevard"), Map.entry("bld", "boulevard"), Map.entry("blvd", "boulevard"),
            Map.entry("pl", "place"), Map.entry("imp", "impasse"), Map.entry("all", "allee"),
            Map.entry("che", "chemin"), Map.entry("ch", "chemin"), Map.entry("chem", "chemin"),
            Map.entry("rte", "route"), Map.entry("res", "residence"), Map.entry("resid", "residence"),
            Map.entry("ld", "lieu dit"), Map.entry("st", "saint"), Map.entry("ste", "sainte"),
            Map.entry("gal", "general"), Map.entry("gen", "general"), Map.entry("fg", "faubourg"),
            Map.entry("sq", "square"), Map.entry("qu", "quai"), Map.entry("prom", "promenade"));
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^a-z0-9]+");
    private static final Pattern LEADING_NUMBER = Pattern.compile("^(\\d{1,5})\\s*(bis|ter|quater|b|t|q)?\\s+(.*)$");

    private AddressNormalizer() {
    }

    public static String normalize(String text) {
        String ascii = MARKS.matcher(Normalizer.normalize(text.toLowerCase(java.util.Locale.ROOT), Normalizer.Form.NFD))
                .replaceAll("");
        StringBuilder out = new StringBuilder();
        for (String word : NOT_WORD.matcher(ascii).replaceAll(" ").trim().split(" ")) {
            if (word.isEmpty()) {
                continue;
            }
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(ABBREVIATIONS.getOrDefault(word, word));
        }
        return out.toString();
    }

    /** A typed address: its house number and suffix when it starts with one, and the rest. */
    public record Query(Integer number, String suffix, String text) {
    }

    public static Query parse(String typed) {
        String n = normalize(typed);
        Matcher m = LEADING_NUMBER.matcher(n);
        if (!m.matches()) {
            return new Query(null, null, n);
        }
        String suffix = m.group(2) == null ? null : switch (m.group(2)) {
            case "b", "bis" -> "bis";
            case "t", "ter" -> "ter";
            default -> "quater";
        };
        return new Query(Integer.parseInt(m.group(1)), suffix, m.group(3));
    }
}
