package fr.thdtracker.ogc;

import java.util.stream.Collectors;

import fr.thdtracker.catalog.Layer;
import fr.thdtracker.catalog.Output;

/**
 * A catalog layer as an OGC collection: a SELECT giving {@code id}, {@code sort_key}, {@code geom}
 * (Lambert-93), {@code props} (jsonb of the layer's OGC attributes) and {@code dt} (the date a
 * {@code datetime} filter applies to, or NULL where no date means anything).
 */
final class OgcSql {

    private OgcSql() {
    }

    static String select(Layer layer) {
        String props = layer.attributes(Output.OGC).stream()
                .map(a -> "'" + a.name() + "', " + a.sql()).collect(Collectors.joining(", "));
        String where = layer.where(Output.OGC);
        return "SELECT " + layer.featureId() + " AS id, " + layer.sortKey() + " AS sort_key, " + layer.geometry() + " AS geom,"
                + "\n       jsonb_build_object(" + props + ") AS props,"
                + "\n       " + (layer.datetime() == null ? "NULL::date" : layer.datetime().sql()) + " AS dt"
                + "\nFROM " + layer.from(Output.OGC)
                + (where == null ? "" : "\nWHERE " + where);
    }
}
