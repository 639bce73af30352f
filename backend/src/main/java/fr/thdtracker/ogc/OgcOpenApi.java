package fr.thdtracker.ogc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The OpenAPI 3.0 document of /ogc, with the limits clients (QGIS) read from it. */
final class OgcOpenApi {

    private OgcOpenApi() {
    }

    static Map<String, Object> document(String base) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.0.3");
        doc.put("info", Map.of("title", "THD Tracker – OGC API Features", "version", "1.0.0",
                "description", "Couches du réseau Bretagne Très Haut Débit (EPSG:4326 / CRS84, GeoJSON)"));
        doc.put("servers", List.of(Map.of("url", base)));
        Map<String, Object> paths = new LinkedHashMap<>();
        paths.put("/", get("Page d'accueil", "getLandingPage", List.of(), "application/json"));
        paths.put("/conformance", get("Classes de conformité", "getConformanceDeclaration", List.of(), "application/json"));
        paths.put("/api", get("Ce document", "getApi", List.of(), "application/vnd.oai.openapi+json;version=3.0"));
        paths.put("/collections", get("Collections", "getCollections", List.of(), "application/json"));
        paths.put("/collections/{collectionId}", get("Une collection", "describeCollection",
                List.of(collectionId()), "application/json"));
        paths.put("/collections/{collectionId}/items", get("Objets d'une collection", "getFeatures", List.of(
                collectionId(),
                Map.of("name", "limit", "in", "query", "required", false, "style", "form", "explode", false,
                        "schema", Map.of("type", "integer", "minimum", 1, "maximum", OgcController.MAX_LIMIT,
                                "default", OgcController.DEFAULT_LIMIT)),
                Map.of("name", "offset", "in", "query", "required", false,
                        "schema", Map.of("type", "integer", "minimum", 0, "default", 0)),
                Map.of("name", "bbox", "in", "query", "required", false, "style", "form", "explode", false,
                        "schema", Map.of("type", "array", "minItems", 4, "maxItems", 4, "items", Map.of("type", "number"))),
                Map.of("name", "datetime", "in", "query", "required", false, "style", "form", "explode", false,
                        "schema", Map.of("type", "string"))), "application/geo+json"));
        paths.put("/collections/{collectionId}/items/{featureId}", get("Un objet", "getFeature", List.of(collectionId(),
                Map.of("name", "featureId", "in", "path", "required", true, "schema", Map.of("type", "string"))),
                "application/geo+json"));
        doc.put("paths", paths);
        return doc;
    }

    private static Map<String, Object> collectionId() {
        return Map.of("name", "collectionId", "in", "path", "required", true,
                "schema", Map.of("type", "string", "enum",
                        java.util.Arrays.stream(OgcCollection.values()).map(c -> c.id).toList()));
    }

    private static Map<String, Object> get(String summary, String operationId, List<Map<String, Object>> parameters,
                                           String mediaType) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("summary", summary);
        op.put("operationId", operationId);
        op.put("parameters", parameters);
        op.put("responses", Map.of(
                "200", Map.of("description", "OK", "content", Map.of(mediaType, Map.of("schema", Map.of("type", "object")))),
                "400", Map.of("description", "Requête invalide"),
                "404", Map.of("description", "Introuvable")));
        return Map.of("get", op);
    }
}
