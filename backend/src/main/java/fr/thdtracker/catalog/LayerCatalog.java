package fr.thdtracker.catalog;

import java.util.List;
import java.util.Optional;

/**
 * The single catalog between HTTP and the database (as pg_featureserv's): every layer, in the
 * order the OGC collections list and the error messages show them.
 */
public final class LayerCatalog {

    private LayerCatalog() {
    }

    public static final List<Layer> LAYERS = List.of(
            TerritoryLayers.DEPARTMENTS,
            TerritoryLayers.ZONES,
            TerritoryLayers.PM_AREAS,
            TerritoryLayers.COMMUNES,
            NetworkLayers.EXCHANGES,
            NetworkLayers.CABINETS,
            NetworkLayers.RUHD,
            NetworkLayers.RUHD_SITES,
            NetworkLayers.RUHD_LINKS,
            BuildingLayer.BUILDINGS);

    /** A layer served by the output, whoever asks (access is checked by {@link LayerAccess}). */
    public static Optional<Layer> find(String id, Output output) {
        return LAYERS.stream().filter(l -> l.id().equals(id) && l.servedBy(output)).findFirst();
    }

    public static List<Layer> servedBy(Output output) {
        return LAYERS.stream().filter(l -> l.servedBy(output)).toList();
    }

    /** The ids of the public layers an output serves, for its error messages. */
    public static String publicIds(Output output) {
        return String.join(", ", servedBy(output).stream().filter(Layer::isPublic).map(Layer::id).toList());
    }
}
