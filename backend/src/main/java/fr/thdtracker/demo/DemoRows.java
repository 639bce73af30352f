package fr.thdtracker.demo;

import java.time.LocalDate;

import org.locationtech.jts.geom.Coordinate;

import fr.thdtracker.common.GeometryCodec;

/** How the demo writers spell a point and a day in their COPY rows. */
final class DemoRows {

    private DemoRows() {
    }

    static String point(double x, double y) {
        return GeometryCodec.toHexEwkb(GeometryCodec.FACTORY.createPoint(new Coordinate(x, y)));
    }

    static LocalDate day(long epochDay) {
        return LocalDate.ofEpochDay(epochDay);
    }
}
