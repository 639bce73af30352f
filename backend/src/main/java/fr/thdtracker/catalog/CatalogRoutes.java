package fr.thdtracker.catalog;

import java.util.List;

import org.springframework.stereotype.Component;

import fr.thdtracker.security.ProtectedRoutes;

/** Every URL of a restricted layer, in each output of the catalog, needs the layer's role. */
@Component
class CatalogRoutes implements ProtectedRoutes {

    @Override
    public List<Rule> rules() {
        return LayerCatalog.LAYERS.stream().filter(l -> !l.isPublic())
                .map(l -> new Rule(l.minimumRole(), List.of("/tiles/" + l.id() + "/**", "/api/layers/" + l.id(),
                        "/ogc/collections/" + l.id(), "/ogc/collections/" + l.id() + "/**")))
                .toList();
    }
}
