package fr.thdtracker.demo;

import org.locationtech.jts.geom.LineString;

/** A road of the demo network: a street of a commune (LOCAL) or a link between towns (MAJOR). */
record Road(String roadClass, String name, String insee, LineString geom) {
}
