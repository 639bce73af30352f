package fr.thdtracker.routing;

/**
 * One road line in WGS84, whatever its source (the database's road table, GraceTHD cheminements):
 * {@code lonLat} alternates longitude and latitude; a major road is imported as primary, the rest as
 * residential streets.
 */
public record Road(double[] lonLat, boolean major) {
}
