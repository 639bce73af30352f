package fr.thdtracker.tiles;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.WKTWriter;

import com.wdtinc.mapbox_vector_tile.VectorTile;
import com.wdtinc.mapbox_vector_tile.adapt.jts.MvtReader;
import com.wdtinc.mapbox_vector_tile.adapt.jts.TagKeyValueMapConverter;
import com.wdtinc.mapbox_vector_tile.adapt.jts.model.JtsLayer;
import com.wdtinc.mapbox_vector_tile.adapt.jts.model.JtsMvt;

/**
 * A Mapbox Vector Tile decoded in Java into reviewable text: per layer its version, extent and
 * keys, per feature its geometry type, its geometry in tile coordinates (WKT, y down) and its
 * properties sorted by key with their MVT value type. Properties come from the protobuf message
 * itself (so an int that became a double shows), geometries from the library's command decoder.
 * Its version-1 ring classifier is used because its 2.1 one returned no polygon at all for the
 * rings PostGIS writes; the feature count check below would catch any such drop.
 */
record DecodedTile(String text, Map<String, Integer> featuresPerLayer) {

    static DecodedTile of(byte[] mvt) throws IOException {
        VectorTile.Tile tile = VectorTile.Tile.parseFrom(mvt);
        JtsMvt geometries = MvtReader.loadMvt(new ByteArrayInputStream(mvt), new GeometryFactory(),
                new TagKeyValueMapConverter(), MvtReader.RING_CLASSIFIER_V1);
        WKTWriter wkt = new WKTWriter();
        StringBuilder out = new StringBuilder();
        Map<String, Integer> counts = new TreeMap<>();
        for (VectorTile.Tile.Layer layer : tile.getLayersList()) {
            JtsLayer decoded = geometries.getLayer(layer.getName());
            List<Geometry> shapes = decoded == null ? List.of() : new ArrayList<>(decoded.getGeometries());
            if (shapes.size() != layer.getFeaturesCount()) {
                // the reader drops features whose geometry it cannot decode: that is a broken tile
                throw new IllegalStateException("layer " + layer.getName() + ": " + layer.getFeaturesCount()
                        + " features encoded, " + shapes.size() + " geometries decoded");
            }
            counts.put(layer.getName(), layer.getFeaturesCount());
            out.append("layer ").append(layer.getName()).append(": version ").append(layer.getVersion())
                    .append(", extent ").append(layer.getExtent()).append(", ").append(layer.getFeaturesCount())
                    .append(" features, keys ").append(layer.getKeysList()).append('\n');
            Iterator<Geometry> shape = shapes.iterator();
            for (int i = 0; i < layer.getFeaturesCount(); i++) {
                VectorTile.Tile.Feature feature = layer.getFeatures(i);
                Geometry g = shape.next();
                out.append("feature ").append(i).append(feature.hasId() ? " id " + feature.getId() : "")
                        .append(": ").append(feature.getType()).append(' ').append(properties(layer, feature))
                        .append('\n').append("  ").append(wkt.write(g)).append('\n');
            }
        }
        return new DecodedTile(out.toString(), counts);
    }

    private static Map<String, String> properties(VectorTile.Tile.Layer layer, VectorTile.Tile.Feature feature) {
        Map<String, String> sorted = new TreeMap<>();
        for (int t = 0; t + 1 < feature.getTagsCount(); t += 2) {
            sorted.put(layer.getKeys(feature.getTags(t)), value(layer.getValues(feature.getTags(t + 1))));
        }
        return sorted;
    }

    private static String value(VectorTile.Tile.Value v) {
        if (v.hasStringValue()) {
            return "string:" + v.getStringValue();
        } else if (v.hasIntValue()) {
            return "int:" + v.getIntValue();
        } else if (v.hasSintValue()) {
            return "sint:" + v.getSintValue();
        } else if (v.hasUintValue()) {
            return "uint:" + v.getUintValue();
        } else if (v.hasBoolValue()) {
            return "bool:" + v.getBoolValue();
        } else if (v.hasFloatValue()) {
            return "float:" + v.getFloatValue();
        } else if (v.hasDoubleValue()) {
            return "double:" + v.getDoubleValue();
        }
        return "empty";
    }
}
