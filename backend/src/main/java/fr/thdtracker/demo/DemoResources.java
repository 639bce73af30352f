package fr.thdtracker.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** The generator's inputs, shipped from gis-data/demo inside the jar. */
final class DemoResources {

    private static final String ROOT = "/gis-data/demo/";

    private DemoResources() {
    }

    /** Rows of a ';'-separated file with a header line. */
    static List<CSVRecord> csv(String name) {
        try (Reader reader = reader(name)) {
            return CSVFormat.DEFAULT.builder().setDelimiter(';').setHeader().setSkipHeaderRecord(true)
                    .setTrim(true).get().parse(reader).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Non-comment lines grouped under their [section] headers. */
    static Map<String, List<String>> sections(String name) {
        Map<String, List<String>> sections = new LinkedHashMap<>();
        List<String> current = null;
        for (String line : lines(name)) {
            if (line.startsWith("[") && line.endsWith("]")) {
                current = sections.computeIfAbsent(line.substring(1, line.length() - 1), k -> new ArrayList<>());
            } else if (current != null) {
                current.add(line);
            }
        }
        return sections;
    }

    /** Non-blank lines that are not # comments. */
    static List<String> lines(String name) {
        try (Reader reader = reader(name)) {
            List<String> out = new ArrayList<>();
            for (String line : new String(readAll(reader)).split("\n")) {
                String t = line.strip();
                if (!t.isEmpty() && !t.startsWith("#")) {
                    out.add(t);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static char[] readAll(Reader reader) throws IOException {
        StringBuilder sb = new StringBuilder();
        char[] buf = new char[8192];
        for (int n; (n = reader.read(buf)) > 0; ) {
            sb.append(buf, 0, n);
        }
        return sb.toString().toCharArray();
    }

    private static Reader reader(String name) {
        InputStream in = DemoResources.class.getResourceAsStream(ROOT + name);
        if (in == null) {
            throw new IllegalStateException("Ressource de démo absente du jar : " + ROOT + name);
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }
}
