package fr.thdtracker.catalog;

/** The three ways a catalog layer reaches a client; every one of them is derived from the same declaration. */
public enum Output {
    /** Mapbox Vector Tiles, /tiles/{layer}/{z}/{x}/{y}.mvt: only what the map styles or shows. */
    TILES("Couche de tuiles inconnue", "couches"),
    /** OGC API – Features collections under /ogc, for QGIS and GDAL: the full attributes. */
    OGC("Collection inconnue", "collections"),
    /** GeoJSON under /api/layers/{layer}: a whole simplified layer, or the features in a box. */
    GEOJSON("Couche inconnue", "couches");

    /** How a 404 names what was not found, and what the public choices are called. */
    final String unknown;
    final String choices;

    Output(String unknown, String choices) {
        this.unknown = unknown;
        this.choices = choices;
    }
}
