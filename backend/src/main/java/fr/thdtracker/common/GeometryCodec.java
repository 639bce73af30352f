package fr.thdtracker.common;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

/**
 * The one way geometries cross the Java / PostGIS boundary: EWKB, in the storage CRS.
 * Reads come from {@code ST_AsEWKB(...)} or {@code ST_AsBinary(...)}, writes go as hex EWKB, which
 * PostGIS accepts both as a bound parameter and in COPY text.
 */
public final class GeometryCodec {

    public static final int LAMBERT_93 = 2154;
    public static final int WGS84 = 4326;
    public static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), LAMBERT_93);

    private GeometryCodec() {
    }

    /** A geometry read from the database in the storage CRS. */
    public static Geometry read(byte[] wkb) {
        return read(wkb, LAMBERT_93);
    }

    /** A geometry the query transformed to {@code srid} (e.g. WGS84 for GraphHopper's OSM input). */
    public static Geometry read(byte[] wkb, int srid) {
        try {
            Geometry g = new WKBReader(FACTORY).read(wkb);
            g.setSRID(srid);
            return g;
        } catch (ParseException e) {
            throw new IllegalArgumentException("Géométrie illisible : " + e.getMessage(), e);
        }
    }

    /** Hex EWKB with the geometry's SRID (Lambert-93 when unset). WKBWriter is not thread-safe. */
    public static String toHexEwkb(Geometry g) {
        if (g.getSRID() == 0) {
            g.setSRID(LAMBERT_93);
        }
        return WKBWriter.toHex(new WKBWriter(2, ByteOrderValues.LITTLE_ENDIAN, true).write(g));
    }
}
