package fr.thdtracker.tiles;

import fr.thdtracker.catalog.Attribute;
import fr.thdtracker.catalog.Layer;
import fr.thdtracker.catalog.Output;

/**
 * The SELECT of one tile layer, generated from its catalog declaration. It filters with the
 * spatial index through the tile envelope transformed to the source's CRS (b.box, never
 * ST_Transform on the indexed column in the WHERE clause) and keeps a fixed order, so the same
 * data always gives the same bytes (and the same ETag). Columns come in the catalog's order: the
 * MVT keys, hence the bytes, depend on it.
 */
final class TileSql {

    private TileSql() {
    }

    /** The features of the layer, {@code geom} being the ST_AsMVTGeom expression for this zoom. */
    static String select(TileLayer tileLayer, String geom, int z) {
        if (tileLayer.aggregatesAt(z)) {
            return TileLayer.PREMISE_CELLS.replace("{geom}", geom);
        }
        Layer layer = tileLayer.layer();
        StringBuilder sql = new StringBuilder("SELECT ").append(geom).append(" AS geom");
        for (Attribute a : layer.attributes(Output.TILES)) {
            sql.append(", ").append(a.sql()).append(" AS \"").append(a.name()).append('"');
        }
        sql.append("\nFROM ").append(layer.from(Output.TILES)).append(", b")
                .append("\nWHERE ").append(layer.geometry()).append(" && b.box");
        String where = layer.where(Output.TILES);
        if (where != null) {
            sql.append(" AND (").append(where).append(')');
        }
        sql.append("\nORDER BY ").append(layer.sortKey());
        return sql.toString();
    }

    /** Where the source's geometry sits in the tile: simplified to the pixel first for polygons. */
    static String geometry(TileLayer tileLayer, int z, int extent, int buffer) {
        Layer layer = tileLayer.layer();
        String source = tileLayer.aggregatesAt(z) ? "t.geom"
                : layer.zoom().simplifyPolygons()
                ? "ST_Transform(ST_SimplifyPreserveTopology(" + layer.geometry() + ", :tolerance), 3857)"
                : "ST_Transform(" + layer.geometry() + ", 3857)";
        return "ST_AsMVTGeom(%s, b.env, %d, %d, true)".formatted(source, extent, buffer);
    }
}
