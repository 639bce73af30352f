package fr.thdtracker.common;


/** A WGS84 longitude/latitude box, as OpenLayers and OGC APIs send it. */
public record BoundingBox(double minLon, double minLat, double maxLon, double maxLat) {

    public static BoundingBox parse(String text) {
        String[] parts = text.split(",");
        if (parts.length != 4) {
            throw new BadRequestException("bbox attend 4 nombres minLon,minLat,maxLon,maxLat : « " + text + " »");
        }
        double[] v = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new BadRequestException("bbox : « " + parts[i] + " » n'est pas un nombre");
            }
            if (!Double.isFinite(v[i])) {
                throw new BadRequestException("bbox : valeur non finie « " + parts[i] + " »");
            }
        }
        if (v[0] < -180 || v[2] > 180 || v[1] < -90 || v[3] > 90 || v[0] >= v[2] || v[1] >= v[3]) {
            throw new BadRequestException("bbox hors limites ou inversée : « " + text + " »");
        }
        return new BoundingBox(v[0], v[1], v[2], v[3]);
    }
}
