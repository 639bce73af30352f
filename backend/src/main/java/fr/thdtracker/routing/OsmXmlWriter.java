package fr.thdtracker.routing;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Writes road lines as a minimal OSM XML file, so our own road network (the demo's, or one loaded
 * from GraceTHD cheminements) goes through the same GraphHopper import as OpenStreetMap data.
 * Lines sharing a vertex (to the centimetre) share an OSM node, which connects them.
 */
public final class OsmXmlWriter implements AutoCloseable {

    private final BufferedWriter out;
    private final Map<Long, Long> nodeIds = new HashMap<>();
    private long nextNode = 1;
    private long nextWay = 1;
    private final Path waysFile;
    private final BufferedWriter waysOut;

    public OsmXmlWriter(Path file) {
        try {
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            out.write("<?xml version='1.0' encoding='UTF-8'?>\n<osm version=\"0.6\" generator=\"thd-tracker\">\n");
            waysFile = file.resolveSibling(file.getFileName() + ".ways");
            waysOut = Files.newBufferedWriter(waysFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One road (fewer than two points: nothing to route along, skipped). */
    public void road(Road road) {
        road(road.lonLat(), road.major());
    }

    /** One road; {@code lonLat} alternates longitude and latitude (WGS84). */
    public void road(double[] lonLat, boolean major) {
        if (lonLat.length < 4) {
            return;
        }
        try {
            waysOut.write("<way id=\"" + nextWay++ + "\">");
            for (int i = 0; i + 1 < lonLat.length; i += 2) {
                waysOut.write("<nd ref=\"" + node(lonLat[i], lonLat[i + 1]) + "\"/>");
            }
            waysOut.write("<tag k=\"highway\" v=\"" + (major ? "primary" : "residential") + "\"/></way>\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long node(double lon, double lat) throws IOException {
        long key = Math.round(lon * 1e7) * 4_000_000_000L + Math.round(lat * 1e7);
        Long id = nodeIds.get(key);
        if (id == null) {
            id = nextNode++;
            nodeIds.put(key, id);
            out.write(String.format(Locale.ROOT, "<node id=\"%d\" lat=\"%.7f\" lon=\"%.7f\"/>\n", id, lat, lon));
        }
        return id;
    }

    @Override
    public void close() {
        try {
            waysOut.close();
            // OSM files list nodes before ways
            try (var reader = Files.newBufferedReader(waysFile, StandardCharsets.UTF_8)) {
                reader.transferTo(out);
            }
            out.write("</osm>\n");
            out.close();
            Files.deleteIfExists(waysFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
