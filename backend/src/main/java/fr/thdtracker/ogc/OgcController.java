package fr.thdtracker.ogc;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

import fr.thdtracker.common.BadRequestException;
import fr.thdtracker.common.BoundingBox;
import fr.thdtracker.common.NotFoundException;

/**
 * OGC API – Features, Part 1 (core, GeoJSON, OpenAPI 3.0) under /ogc, so QGIS and GDAL can read
 * the layers: landing page, conformance, OpenAPI document, collections, paged items with bbox,
 * limit, offset and datetime, single items. See docs/qgis.md and docs/ogc-conformance.md.
 */
@RestController
class OgcController {

    static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");
    static final MediaType OPENAPI = MediaType.parseMediaType("application/vnd.oai.openapi+json;version=3.0");
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 10_000;
    static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
    static final List<String> CONFORMANCE = List.of(
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30");

    private final OgcRepository repository;
    private final ObjectMapper json;

    OgcController(OgcRepository repository, ObjectMapper json) {
        this.repository = repository;
        this.json = json;
    }

    private static String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path("/ogc").build().toUriString();
    }

    private static Map<String, Object> link(String href, String rel, String type, String title) {
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("href", href);
        l.put("rel", rel);
        l.put("type", type);
        l.put("title", title);
        return l;
    }

    @GetMapping(value = {"/ogc", "/ogc/"}, produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> landing() {
        String base = base();
        Map<String, Object> landing = new LinkedHashMap<>();
        landing.put("title", "THD Tracker – OGC API Features");
        landing.put("description", "Réseau Bretagne Très Haut Débit : zones, communes, centraux, armoires, RUHD, locaux");
        landing.put("links", List.of(
                link(base, "self", "application/json", "Cette page"),
                link(base + "/api", "service-desc", OPENAPI.toString(), "Définition OpenAPI 3.0"),
                link(base + "/conformance", "conformance", "application/json", "Classes de conformité"),
                link(base + "/collections", "data", "application/json", "Collections")));
        return landing;
    }

    @GetMapping(value = "/ogc/conformance", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> conformance() {
        return Map.of("conformsTo", CONFORMANCE);
    }

    @GetMapping(value = "/ogc/api")
    ResponseEntity<Map<String, Object>> api() {
        return ResponseEntity.ok().contentType(OPENAPI).body(OgcOpenApi.document(base()));
    }

    @GetMapping(value = "/ogc/collections", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> collections() {
        double[] extent = repository.territoryExtent();
        List<Map<String, Object>> list = new ArrayList<>();
        for (OgcCollection c : OgcCollection.values()) {
            list.add(describe(c, extent));
        }
        return Map.of("links", List.of(link(base() + "/collections", "self", "application/json", "Collections")),
                "collections", list);
    }

    @GetMapping(value = "/ogc/collections/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> collection(@PathVariable String id) {
        return describe(find(id), repository.territoryExtent());
    }

    private Map<String, Object> describe(OgcCollection c, double[] extent) {
        String self = base() + "/collections/" + c.id;
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", c.id);
        d.put("title", c.title);
        d.put("description", c.description + (c.datetimeMeaning == null ? "" : " — datetime : " + c.datetimeMeaning));
        d.put("itemType", "feature");
        d.put("crs", List.of(CRS84));
        d.put("extent", Map.of("spatial", Map.of("bbox", List.of(List.of(extent[0], extent[1], extent[2], extent[3])),
                "crs", CRS84)));
        d.put("links", List.of(
                link(self, "self", "application/json", c.title),
                link(self + "/items", "items", GEO_JSON.toString(), c.title + " (GeoJSON)")));
        return d;
    }

    private static OgcCollection find(String id) {
        return OgcCollection.byId(id).orElseThrow(() -> new NotFoundException("Collection inconnue : " + id));
    }

    @GetMapping("/ogc/collections/{id}/items")
    ResponseEntity<JsonNode> items(@PathVariable String id,
                                   @RequestParam(required = false) String bbox,
                                   @RequestParam(required = false) String limit,
                                   @RequestParam(required = false) String offset,
                                   @RequestParam(required = false) String datetime) throws JsonProcessingException {
        OgcCollection c = find(id);
        int lim = parseInt(limit, "limit", DEFAULT_LIMIT);
        if (lim < 1) {
            throw new BadRequestException("limit doit être ≥ 1");
        }
        lim = Math.min(lim, MAX_LIMIT);
        long off = parseInt(offset, "offset", 0);
        if (off < 0) {
            throw new BadRequestException("offset doit être ≥ 0");
        }
        LocalDate[] range = datetime == null ? new LocalDate[2] : parseDatetime(datetime);
        if (datetime != null && c.datetimeMeaning == null) {
            throw new BadRequestException("La collection " + id + " n'a pas de date : le filtre datetime ne s'y applique pas");
        }
        OgcRepository.Filter filter = new OgcRepository.Filter(bbox == null ? null : BoundingBox.parse(bbox),
                range[0], range[1]);
        JsonNode features = json.readTree(repository.items(c, filter, lim, off));
        long matched = repository.count(c, filter);
        Map<String, Object> fc = new LinkedHashMap<>();
        fc.put("type", "FeatureCollection");
        fc.put("numberMatched", matched);
        fc.put("numberReturned", features.size());
        fc.put("timeStamp", java.time.Instant.now().toString());
        List<Map<String, Object>> links = new ArrayList<>();
        links.add(link(pageUrl(off), "self", GEO_JSON.toString(), "Cette page"));
        if (off + features.size() < matched) {
            links.add(link(pageUrl(off + lim), "next", GEO_JSON.toString(), "Page suivante"));
        }
        if (off > 0) {
            links.add(link(pageUrl(Math.max(0, off - lim)), "prev", GEO_JSON.toString(), "Page précédente"));
        }
        links.add(link(base() + "/collections/" + c.id, "collection", "application/json", c.title));
        fc.put("links", links);
        fc.put("features", features);
        return ResponseEntity.ok().contentType(GEO_JSON).body(json.valueToTree(fc));
    }

    @GetMapping("/ogc/collections/{id}/items/{featureId}")
    ResponseEntity<JsonNode> item(@PathVariable String id, @PathVariable String featureId) throws JsonProcessingException {
        OgcCollection c = find(id);
        String feature = repository.item(c, featureId)
                .orElseThrow(() -> new NotFoundException("Objet inconnu dans " + id + " : " + featureId));
        com.fasterxml.jackson.databind.node.ObjectNode node = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(feature);
        String self = base() + "/collections/" + c.id + "/items/" + featureId;
        node.set("links", json.valueToTree(List.of(link(self, "self", GEO_JSON.toString(), featureId),
                link(base() + "/collections/" + c.id, "collection", "application/json", c.title))));
        return ResponseEntity.ok().contentType(GEO_JSON).body(node);
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
            throw new BadRequestException(name + " doit être un entier (reçu : « " + value + " »)");
        }
    }

    /** RFC 3339 date, date-time or interval (".." for open ends); the date part is what counts here. */
    static LocalDate[] parseDatetime(String value) {
        String[] parts = value.split("/", -1);
        if (parts.length > 2) {
            throw new BadRequestException("datetime : une date ou un intervalle début/fin (reçu : « " + value + " »)");
        }
        LocalDate from = instant(parts[0], value);
        LocalDate to = parts.length == 2 ? instant(parts[1], value) : from;
        if (from != null && to != null && to.isBefore(from)) {
            throw new BadRequestException("datetime : la fin précède le début (« " + value + " »)");
        }
        return new LocalDate[]{from, to};
    }

    private static LocalDate instant(String part, String whole) {
        if (part.isEmpty() || part.equals("..")) {
            return null;
        }
        try {
            return LocalDate.parse(part.length() >= 10 ? part.substring(0, 10) : part);
        } catch (DateTimeParseException e) {
            throw new BadRequestException("datetime : « " + whole + " » n'est pas une date RFC 3339 (AAAA-MM-JJ)");
        }
    }
}
