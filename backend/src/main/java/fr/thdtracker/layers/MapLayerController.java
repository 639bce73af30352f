package fr.thdtracker.layers;

import java.time.Duration;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import fr.thdtracker.common.BadRequestException;
import fr.thdtracker.common.BoundingBox;
import fr.thdtracker.common.NotFoundException;

/** GeoJSON (EPSG:4326) layers of the first map page. */
@RestController
class MapLayerController {

    static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");

    private final MapLayerRepository layers;

    MapLayerController(MapLayerRepository layers) {
        this.layers = layers;
    }

    @GetMapping("/api/layers/{layer}")
    ResponseEntity<String> layer(@PathVariable String layer,
                                 @RequestParam(required = false) String bbox,
                                 @RequestParam(required = false) Integer limit) {
        if (layer.equals("premises")) {
            if (bbox == null) {
                throw new BadRequestException(
                        "Le paramètre bbox=minLon,minLat,maxLon,maxLat est obligatoire pour les locaux");
            }
            return respond(layers.premises(BoundingBox.parse(bbox), limit), Duration.ofMinutes(1));
        }
        AreaLayer area = AreaLayer.byName(layer)
                .orElseThrow(() -> new NotFoundException("Couche inconnue : " + layer
                        + " (couches : departments, communes, zones, premises)"));
        return respond(layers.areas(area), Duration.ofMinutes(10));
    }

    private static ResponseEntity<String> respond(String geoJson, Duration maxAge) {
        return ResponseEntity.ok()
                .contentType(GEO_JSON)
                .cacheControl(CacheControl.maxAge(maxAge).cachePublic())
                .body(geoJson);
    }
}
