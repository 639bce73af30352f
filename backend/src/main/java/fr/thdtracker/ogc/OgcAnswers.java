package fr.thdtracker.ogc;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The JSON documents of the OGC API, as records: field names and order are those of OGC API –
 * Features Part 1 (and those QGIS and GDAL read). Features themselves are built by PostGIS and
 * carried as JSON trees.
 */
final class OgcAnswers {

    private OgcAnswers() {
    }

    record Link(String href, String rel, String type, String title) {
    }

    record Landing(String title, String description, List<Link> links) {
    }

    record Conformance(List<String> conformsTo) {
    }

    record Collections(List<Link> links, List<Collection> collections) {
    }

    record Collection(String id, String title, String description, String itemType, List<String> crs, Extent extent,
                      List<Link> links) {
    }

    record Extent(SpatialExtent spatial) {
    }

    record SpatialExtent(List<List<Double>> bbox, String crs) {
    }

    /** A page of items; {@code features} is the array PostGIS built. */
    record FeatureCollection(String type, long numberMatched, int numberReturned, String timeStamp, List<Link> links,
                             JsonNode features) {
    }

    /** One item, as PostGIS built it, with its links. */
    record Feature(String type, String id, JsonNode geometry, JsonNode properties, List<Link> links) {
    }
}
