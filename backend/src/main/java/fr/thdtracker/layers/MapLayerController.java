package fr.thdtracker.layers;

import java.time.Duration;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import fr.thdtracker.catalog.Layer;
import fr.thdtracker.catalog.LayerAccess;
import fr.thdtracker.catalog.Output;
import fr.thdtracker.common.BadRequestException;
import fr.thdtracker.common.BoundingBox;

/** GeoJSON (EPSG:4326) of the catalog's layers: whole and simplified, or the features in a box. */
@RestController
class MapLayerController {

    static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");

    private final MapLayerRepository layers;
    private final LayerAccess access;

    MapLayerController(MapLayerRepository layers, LayerAccess access) {
        this.layers = layers;
        this.access = access;
    }

    @GetMapping("/api/layers/{layer}")
    ResponseEntity<String> layer(@PathVariable String layer,
                                 @RequestParam(required = false) String bbox,
                                 @RequestParam(required = false) Integer limit) {
        Layer l = access.readable(layer, Output.GEOJSON);
        if (limit != null && limit < 1) {
            throw new BadRequestException("limit doit être ≥ 1 (reçu : " + limit + ")");
        }
        if (l.geoJson().boxRequired()) {
            if (bbox == null) {
                throw new BadRequestException("Le paramètre bbox=minLon,minLat,maxLon,maxLat est obligatoire pour la couche "
                        + l.id() + " (" + l.title() + ")");
            }
            return respond(l, layers.inBox(l, BoundingBox.parse(bbox), limit), Duration.ofMinutes(1));
        }
        return respond(l, layers.whole(l), Duration.ofMinutes(10));
    }

    private static ResponseEntity<String> respond(Layer layer, String geoJson, Duration maxAge) {
        CacheControl cache = CacheControl.maxAge(maxAge);
        return ResponseEntity.ok()
                .contentType(GEO_JSON)
                // a restricted layer must not sit in a shared cache
                .cacheControl(layer.isPublic() ? cache.cachePublic() : cache.cachePrivate())
                .body(geoJson);
    }
}
