package fr.thdtracker.catalog;

/**
 * How a layer is drawn in tiles. Polygons are simplified to the tile's pixel at each zoom. With
 * {@code buildingPointsFromZoom} set (the buildings), tiles below that zoom are cell aggregates
 * of their lines (tiles' premise_cell) and from that zoom one point per building row.
 */
public record ZoomRules(int minZoom, int maxZoom, boolean simplifyPolygons, Integer buildingPointsFromZoom) {

    public static final int MAX_ZOOM = 22;

    /** Points or lines at every zoom. */
    public static ZoomRules points() {
        return new ZoomRules(0, MAX_ZOOM, false, null);
    }

    /** Polygons at every zoom, simplified to the pixel. */
    public static ZoomRules polygons() {
        return new ZoomRules(0, MAX_ZOOM, true, null);
    }

    /**
     * Buildings: measured on the full demo, the z14 tile over the densest town holds 18,000
     * buildings (≈ 470 kB), the z15 one 9,000 (≈ 240 kB), so points start at z15.
     */
    public static ZoomRules cellsThenBuildings(int pointsFromZoom) {
        return new ZoomRules(0, MAX_ZOOM, false, pointsFromZoom);
    }

    public boolean aggregatesAt(int z) {
        return buildingPointsFromZoom != null && z < buildingPointsFromZoom;
    }
}
