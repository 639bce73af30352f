package fr.thdtracker.common;


/** A WGS84 longitude/latitude box, as OpenLayers and OGC APIs send it. */
public record BoundingBox(double minLon, double minLat, double maxLon, double maxLat) {

    /**
     * Metropolitan France and its coastal waters, generously: every feature of the programme lies
     * inside, and Lambert-93 (EPSG:2154), where the data are, is defined over it. A box is cut to
     * it before it reaches PostGIS, which cannot project a box reaching a pole.
     */
    public static final BoundingBox TERRITORY = new BoundingBox(-10, 38, 15, 54);

    public static BoundingBox parse(String text) {
        String[] parts = text.split(",", -1);
        if (parts.length != 4) {
            throw new BadRequestException("bbox attend 4 nombres minLon,minLat,maxLon,maxLat (reçu : "
                    + Problems.quote(text) + ")");
        }
        double[] v = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new BadRequestException("bbox : " + Problems.quote(parts[i]) + " n'est pas un nombre");
            }
            if (!Double.isFinite(v[i])) {
                throw new BadRequestException("bbox : valeur non finie " + Problems.quote(parts[i]));
            }
        }
        if (v[0] < -180 || v[2] > 180 || v[1] < -90 || v[3] > 90 || v[0] >= v[2] || v[1] >= v[3]) {
            throw new BadRequestException("bbox hors limites ou inversée (longitudes de -180 à 180, latitudes de -90 à 90, "
                    + "min < max) : " + Problems.quote(text));
        }
        BoundingBox asked = new BoundingBox(v[0], v[1], v[2], v[3]);
        if (!asked.intersects(TERRITORY)) {
            throw new BadRequestException("bbox en dehors du territoire (" + TERRITORY.text() + ") : " + Problems.quote(text));
        }
        return asked.cutTo(TERRITORY);
    }

    /** A point on the territory, where a nearest-premise search makes sense. */
    public boolean contains(double lon, double lat) {
        return lon >= minLon && lon <= maxLon && lat >= minLat && lat <= maxLat;
    }

    /** Refuses what is not a WGS84 longitude/latitude at all (NaN, infinities, past the poles). */
    public static void requireWgs84(double lon, double lat) {
        if (!Double.isFinite(lon) || !Double.isFinite(lat) || lon < -180 || lon > 180 || lat < -90 || lat > 90) {
            throw new BadRequestException("lon doit être entre -180 et 180 et lat entre -90 et 90 (reçu : " + lon + ", "
                    + lat + ")");
        }
    }

    private boolean intersects(BoundingBox o) {
        return minLon < o.maxLon && maxLon > o.minLon && minLat < o.maxLat && maxLat > o.minLat;
    }

    private BoundingBox cutTo(BoundingBox o) {
        return new BoundingBox(Math.max(minLon, o.minLon), Math.max(minLat, o.minLat), Math.min(maxLon, o.maxLon),
                Math.min(maxLat, o.maxLat));
    }

    private String text() {
        return minLon + "," + minLat + "," + maxLon + "," + maxLat;
    }
}
