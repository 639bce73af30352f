package fr.thdtracker;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values and bodies of the bad-input corpus: the file bad-input/values.txt (hand-picked
 * hostile strings) and what is easier generated: very long values, extreme numbers and dates.
 */
final class BadInputValues {

    private BadInputValues() {
    }

    static List<String> all() {
        List<String> out = new ArrayList<>(fromFile());
        out.add("A".repeat(1000));
        out.add("é".repeat(600));
        out.add(String.valueOf(Long.MAX_VALUE) + "0");
        out.add(String.valueOf(-Double.MAX_VALUE));
        out.add("1" + "0".repeat(400));
        out.add(java.time.LocalDate.MAX.toString());
        out.add(java.time.LocalDate.MIN.toString());
        return out;
    }

    /** Bodies sent to every route, keyed "name content-type". */
    static Map<String, byte[]> bodies() {
        Map<String, byte[]> out = new LinkedHashMap<>();
        out.put("malformed-json application/json", utf8("{\"type\": \"Feature\", \"geometry\": "));
        out.put("malformed-geojson application/geo+json", utf8("""
                {"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Polygon",
                "coordinates":[[[1e999,"x"],[null]]]},"properties":{"id":"1' OR '1'='1"}}]}"""));
        out.put("deep-json application/json", utf8("[".repeat(100_000)));
        out.put("oversized-json application/json", utf8("[" + "1,".repeat(500_000) + "1]"));
        out.put("xml-entities application/xml", utf8("""
                <?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>"""));
        out.put("multipart multipart/form-data; boundary=corpus", utf8("""
                --corpus\r
                Content-Disposition: form-data; name="file"; filename="../../evil.csv"\r
                Content-Type: text/csv\r
                \r
                a,b\r
                --corpus--\r
                """));
        out.put("form application/x-www-form-urlencoded", utf8("asOf=9999-12-31&scope=%00&level=x"));
        out.put("binary application/octet-stream", new byte[]{0, 1, 2, (byte) 0xff, 0});
        out.put("text text/plain", utf8("hello"));
        out.put("json-without-type application/json", utf8("{\"a\":1}"));
        return out;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> fromFile() {
        try (InputStream in = BadInputValues.class.getResourceAsStream("/bad-input/values.txt")) {
            if (in == null) {
                throw new IllegalStateException("bad-input/values.txt is missing from the test resources");
            }
            List<String> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1)) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(unescape(line));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** \\uXXXX, \\r, \\n, \\t and \\\\ as in Java source. */
    static String unescape(String line) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c != '\\' || i + 1 >= line.length()) {
                out.append(c);
                continue;
            }
            char n = line.charAt(++i);
            switch (n) {
                case 'u' -> {
                    out.append((char) Integer.parseInt(line.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                case 'r' -> out.append('\r');
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case '\\' -> out.append('\\');
                default -> out.append('\\').append(n);
            }
        }
        return out.toString();
    }
}
