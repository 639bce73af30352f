package fr.thdtracker.info;

/**
 * What every page shows in its footer: the data refresh date, where the territory comes from, the
 * Arcep observatory's credit when it is imported (null otherwise), the demo's seed and scale when
 * the data is the demo's, and the external basemap when one is set.
 */
record SiteInfo(String refreshDate, String territorySource, String arcepSource, Demo demo, Basemap basemap) {

    record Demo(long seed, double scale) {
    }

    record Basemap(String url, String attribution) {
    }
}
