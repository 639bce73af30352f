package fr.thdtracker.catalog;

/** The three ways a catalog layer reaches a client; every one of them is derived from the same declaration. */
public enum Output {
    /** Mapbox Vector Tiles, /tiles/{layer}/{z}/{x}/{y}.mvt: only what the map styles or shows. */
    TILES,
    /** OGC API – Features collections under /ogc, for QGIS and GDAL: the full attributes. */
    OGC,
    /** GeoJSON under /api/layers/{layer}: a whole simplified layer, or the features in a box. */
    GEOJSON
}
