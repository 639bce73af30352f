package fr.thdtracker.territory;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/** A commune as the planners see it: Lambert-93 polygon, its centre, its dwellings. */
public record CommuneShape(String insee, String name, String department, int population, int dwellings,
                    Geometry geom, PreparedGeometry prepared, Point centre) {

    public static CommuneShape of(String insee, String name, String department, int population, int dwellings,
                           Geometry geom) {
        return new CommuneShape(insee, name, department, population, dwellings, geom,
                PreparedGeometryFactory.prepare(geom), geom.getInteriorPoint());
    }

    public boolean contains(double x, double y) {
        return prepared.contains(geom.getFactory().createPoint(new org.locationtech.jts.geom.Coordinate(x, y)));
    }
}
