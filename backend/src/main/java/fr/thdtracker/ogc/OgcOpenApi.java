package fr.thdtracker.ogc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import fr.thdtracker.catalog.Layer;
import fr.thdtracker.catalog.LayerCatalog;
import fr.thdtracker.catalog.Output;

/**
 * The OpenAPI 3.0 document of /ogc, with the limits clients (QGIS) read from it. A free-form
 * document, so a Jackson tree built here rather than records for each OpenAPI object.
 */
final class OgcOpenApi {

    private OgcOpenApi() {
    }

    static ObjectNode document(ObjectMapper json, String base) {
        ObjectNode doc = json.createObjectNode();
        doc.put("openapi", "3.0.3");
        doc.putObject("info").put("title", "THD Tracker – OGC API Features").put("version", "1.0.0")
                .put("description", "Couches du réseau Bretagne Très Haut Débit (EPSG:4326 / CRS84, GeoJSON)");
        doc.putArray("servers").addObject().put("url", base);
        ObjectNode paths = doc.putObject("paths");
        get(paths, "/", "Page d'accueil", "getLandingPage", "application/json");
        get(paths, "/conformance", "Classes de conformité", "getConformanceDeclaration", "application/json");
        get(paths, "/api", "Ce document", "getApi", "application/vnd.oai.openapi+json;version=3.0");
        get(paths, "/collections", "Collections", "getCollections", "application/json");
        collectionId(get(paths, "/collections/{collectionId}", "Une collection", "describeCollection", "application/json"));

        ArrayNode items = get(paths, "/collections/{collectionId}/items", "Objets d'une collection", "getFeatures",
                "application/geo+json");
        collectionId(items);
        items.addObject().put("name", "limit").put("in", "query").put("required", false).put("style", "form")
                .put("explode", false).putObject("schema").put("type", "integer").put("minimum", 1)
                .put("maximum", OgcController.MAX_LIMIT).put("default", OgcController.DEFAULT_LIMIT);
        items.addObject().put("name", "offset").put("in", "query").put("required", false)
                .putObject("schema").put("type", "integer").put("minimum", 0).put("default", 0);
        ObjectNode bbox = items.addObject().put("name", "bbox").put("in", "query").put("required", false)
                .put("style", "form").put("explode", false).putObject("schema");
        bbox.put("type", "array").put("minItems", 4).put("maxItems", 4).putObject("items").put("type", "number");
        items.addObject().put("name", "datetime").put("in", "query").put("required", false).put("style", "form")
                .put("explode", false).putObject("schema").put("type", "string");

        ArrayNode item = get(paths, "/collections/{collectionId}/items/{featureId}", "Un objet", "getFeature",
                "application/geo+json");
        collectionId(item);
        item.addObject().put("name", "featureId").put("in", "path").put("required", true)
                .putObject("schema").put("type", "string");
        return doc;
    }

    /** The collection ids anyone may read (restricted ones are not advertised). */
    private static void collectionId(ArrayNode parameters) {
        ArrayNode ids = parameters.addObject().put("name", "collectionId").put("in", "path").put("required", true)
                .putObject("schema").put("type", "string").putArray("enum");
        LayerCatalog.servedBy(Output.OGC).stream().filter(Layer::isPublic).forEach(l -> ids.add(l.id()));
    }

    /** Adds a GET operation to the path and returns its parameter list. */
    private static ArrayNode get(ObjectNode paths, String path, String summary, String operationId, String mediaType) {
        ObjectNode op = paths.putObject(path).putObject("get");
        op.put("summary", summary).put("operationId", operationId);
        ArrayNode parameters = op.putArray("parameters");
        ObjectNode responses = op.putObject("responses");
        responses.putObject("200").put("description", "OK").putObject("content").putObject(mediaType)
                .putObject("schema").put("type", "object");
        responses.putObject("400").put("description", "Requête invalide");
        responses.putObject("404").put("description", "Introuvable");
        return parameters;
    }
}
