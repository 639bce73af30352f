package fr.thdtracker.ogc;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.thdtracker.catalog.Layer;
import fr.thdtracker.catalog.LayerAccess;
import fr.thdtracker.catalog.LayerCatalog;
import fr.thdtracker.catalog.Output;
import fr.thdtracker.common.BadRequestException;
import fr.thdtracker.common.BoundingBox;
import fr.thdtracker.common.NotFoundException;
import fr.thdtracker.common.Problems;
import fr.thdtracker.ogc.OgcAnswers.Collection;
import fr.thdtracker.ogc.OgcAnswers.Collections;
import fr.thdtracker.ogc.OgcAnswers.Conformance;
import fr.thdtracker.ogc.OgcAnswers.Extent;
import fr.thdtracker.ogc.OgcAnswers.Feature;
import fr.thdtracker.ogc.OgcAnswers.FeatureCollection;
import fr.thdtracker.ogc.OgcAnswers.Landing;
import fr.thdtracker.ogc.OgcAnswers.Link;
import fr.thdtracker.ogc.OgcAnswers.SpatialExtent;

/**
 * OGC API – Features, Part 1 (core, GeoJSON, OpenAPI 3.0) under /ogc, so QGIS and GDAL can read
 * the layers: landing page, conformance, OpenAPI document, collections, paged items with bbox,
 * limit, offset and datetime, single items, for every OGC collection of the layer catalog.
 * See docs/qgis.md and docs/ogc-conformance.md.
 */
@RestController
class OgcController {

    static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");
    static final MediaType OPENAPI = MediaType.parseMediaType("application/vnd.oai.openapi+json;version=3.0");
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 10_000;
    /** Past the largest collection (the buildings of the whole region, 0.8 million at full scale): nothing to page to. */
    static final int MAX_OFFSET = 10_000_000;
    static final int MAX_FEATURE_ID = 100;
    static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
    static final List<String> CONFORMANCE = List.of(
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30");

    private final OgcRepository repository;
    private final LayerAccess access;
    private final ObjectMapper json;

    OgcController(OgcRepository repository, LayerAccess access, ObjectMapper json) {
        this.repository = repository;
        this.access = access;
        this.json = json;
    }

    private static String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path("/ogc").build().toUriString();
    }

    @GetMapping(value = {"/ogc", "/ogc/"}, produces = MediaType.APPLICATION_JSON_VALUE)
    Landing landing() {
        String base = base();
        return new Landing("THD Tracker – OGC API Features",
                "Réseau Bretagne Très Haut Débit : zones, communes, centraux, armoires, RUHD, locaux", List.of(
                new Link(base, "self", "application/json", "Cette page"),
                new Link(base + "/api", "service-desc", OPENAPI.toString(), "Définition OpenAPI 3.0"),
                new Link(base + "/conformance", "conformance", "application/json", "Classes de conformité"),
                new Link(base + "/collections", "data", "application/json", "Collections")));
    }

    @GetMapping(value = "/ogc/conformance", produces = MediaType.APPLICATION_JSON_VALUE)
    Conformance conformance() {
        return new Conformance(CONFORMANCE);
    }

    @GetMapping(value = "/ogc/api")
    ResponseEntity<JsonNode> api() {
        return ResponseEntity.ok().contentType(OPENAPI).body(OgcOpenApi.document(json, base()));
    }

    /** The collections this user may read: restricted layers are listed to signed-in users with the role only. */
    @GetMapping(value = "/ogc/collections", produces = MediaType.APPLICATION_JSON_VALUE)
    Collections collections() {
        double[] extent = repository.territoryExtent();
        List<Collection> list = LayerCatalog.servedBy(Output.OGC).stream().filter(access::allows)
                .map(c -> describe(c, extent)).toList();
        return new Collections(List.of(new Link(base() + "/collections", "self", "application/json", "Collections")), list);
    }

    @GetMapping(value = "/ogc/collections/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    Collection collection(@PathVariable String id) {
        return describe(find(id), repository.territoryExtent());
    }

    private static Collection describe(Layer c, double[] extent) {
        String self = base() + "/collections/" + c.id();
        return new Collection(c.id(), c.title(), c.describedWithDatetime(), "feature", List.of(CRS84),
                new Extent(new SpatialExtent(List.of(List.of(extent[0], extent[1], extent[2], extent[3])), CRS84)),
                List.of(new Link(self, "self", "application/json", c.title()),
                        new Link(self + "/items", "items", GEO_JSON.toString(), c.title() + " (GeoJSON)")));
    }

    /** The collection, if this user may read it (else 401 or 403, see {@link LayerAccess}). */
    private Layer find(String id) {
        Layer layer = access.readable(id, Output.OGC);
        return layer;
    }

    @GetMapping("/ogc/collections/{id}/items")
    ResponseEntity<FeatureCollection> items(@PathVariable String id,
                                            @RequestParam(required = false) String bbox,
                                            @RequestParam(required = false) String limit,
                                            @RequestParam(required = false) String offset,
                                            @RequestParam(required = false) String datetime) throws JsonProcessingException {
        Layer c = find(id);
        int lim = parseInt(limit, "limit", DEFAULT_LIMIT);
        if (lim < 1) {
            throw new BadRequestException("limit doit être ≥ 1");
        }
        lim = Math.min(lim, MAX_LIMIT);
        long off = parseInt(offset, "offset", 0);
        if (off < 0 || off > MAX_OFFSET) {
            throw new BadRequestException("offset doit être entre 0 et " + MAX_OFFSET);
        }
        LocalDate[] range = datetime == null ? new LocalDate[2] : OgcDatetime.parse(datetime);
        if (datetime != null && c.datetime() == null) {
            throw new BadRequestException("La collection " + c.id() + " n'a pas de date : le filtre datetime ne s'y applique pas");
        }
        OgcRepository.Filter filter = new OgcRepository.Filter(bbox == null ? null : BoundingBox.parse(bbox),
                range[0], range[1]);
        JsonNode features = json.readTree(repository.items(c, filter, lim, off));
        long matched = repository.count(c, filter);
        List<Link> links = new ArrayList<>();
        links.add(new Link(pageUrl(off), "self", GEO_JSON.toString(), "Cette page"));
        if (off + features.size() < matched) {
            links.add(new Link(pageUrl(off + lim), "next", GEO_JSON.toString(), "Page suivante"));
        }
        if (off > 0) {
            links.add(new Link(pageUrl(Math.max(0, off - lim)), "prev", GEO_JSON.toString(), "Page précédente"));
        }
        links.add(new Link(base() + "/collections/" + c.id(), "collection", "application/json", c.title()));
        return ResponseEntity.ok().contentType(GEO_JSON).body(new FeatureCollection("FeatureCollection", matched,
                features.size(), Instant.now().toString(), links, features));
    }

    @GetMapping("/ogc/collections/{id}/items/{featureId}")
    ResponseEntity<Feature> item(@PathVariable String id, @PathVariable String featureId) throws JsonProcessingException {
        Layer c = find(id);
        Problems.bounded("featureId", featureId, MAX_FEATURE_ID);
        JsonNode feature = json.readTree(repository.item(c, featureId)
                .orElseThrow(() -> new NotFoundException("Objet inconnu dans " + c.id() + " : " + Problems.quote(featureId))));
        String self = base() + "/collections/" + c.id() + "/items/" + featureId;
        return ResponseEntity.ok().contentType(GEO_JSON).body(new Feature(feature.get("type").asText(),
                feature.get("id").asText(), feature.get("geometry"), feature.get("properties"),
                List.of(new Link(self, "self", GEO_JSON.toString(), featureId),
                        new Link(base() + "/collections/" + c.id(), "collection", "application/json", c.title()))));
    }

    private static String pageUrl(long offset) {
        return ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("offset", offset).build().toUriString();
    }

    private static int parseInt(String value, String name, int otherwise) {
        if (value == null) {
            return otherwise;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new BadRequestException(name + " doit être un entier (reçu : " + Problems.quote(value) + ")");
        }
    }
}
