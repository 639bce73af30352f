package fr.thdtracker.catalog;

/**
 * How /api/layers serves a layer: whole, simplified to {@code toleranceMetres} (Lambert-93) for a
 * region-wide overview, or, too big for that, only the features in a required bbox (capped, and
 * saying so), unsimplified.
 */
public record GeoJsonRule(Double toleranceMetres) {

    public static GeoJsonRule whole(double toleranceMetres) {
        return new GeoJsonRule(toleranceMetres);
    }

    public static GeoJsonRule inBox() {
        return new GeoJsonRule(null);
    }

    public boolean boxRequired() {
        return toleranceMetres == null;
    }
}
