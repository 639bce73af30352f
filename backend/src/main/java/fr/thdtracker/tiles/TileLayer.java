package fr.thdtracker.tiles;

import java.util.Optional;

import fr.thdtracker.catalog.Layer;
import fr.thdtracker.catalog.LayerCatalog;
import fr.thdtracker.catalog.Output;
import fr.thdtracker.catalog.ZoomRules;

/**
 * A catalog layer as a vector tile layer, with the buildings' aggregate cells (lines counted). The SQL is generated
 * from the catalog by {@link TileSql}.
 */
record TileLayer(Layer layer) {

    static final TileLayer BUILDINGS = byName("buildings").orElseThrow();
    /** From this zoom up, buildings are points; below, aggregates of their lines in of {@link #CELL_SIZES} cells. */
    static final int PREMISE_POINTS_MIN_ZOOM = BUILDINGS.layer.zoom().buildingPointsFromZoom();
    /** Cell sizes (EPSG:3857 metres) of the premise aggregates: 1/64 of the tile at z 7, 9, 11, 13 (used to z14). */
    static final double[] CELL_SIZES = {4891.969809375, 1222.99245234375, 305.748113085938, 76.4370282714844};
    static final int MAX_ZOOM = ZoomRules.MAX_ZOOM;

    /** The aggregates' cells, already in EPSG:3857 (premise_cell, see {@link PremiseCells}). */
    static final String PREMISE_CELLS = """
            SELECT {geom} AS geom, true AS aggregated, t.count, t.cible, t.signe, t.en_cours, t.deploye,
                   t.raccordable_demande, t.abandonne
            FROM premise_cell t, b WHERE t.level = :level AND t.geom && b.box3857 ORDER BY t.geom
            """;

    static Optional<TileLayer> byName(String name) {
        return LayerCatalog.find(name, Output.TILES).map(TileLayer::new);
    }

    String name() {
        return layer.id();
    }

    boolean aggregatesAt(int z) {
        return layer.zoom().aggregatesAt(z);
    }

    static int cellLevel(int z) {
        return z <= 7 ? 0 : z <= 9 ? 1 : z <= 11 ? 2 : 3;
    }
}
