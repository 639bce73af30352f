package fr.thdtracker.catalog;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import fr.thdtracker.security.Role;

/**
 * One layer of the catalog, declared once: tiles, OGC collections and GeoJSON are all generated
 * from it. The source is a FROM clause whose main table has the alias {@code t}, with its
 * geometry in EPSG:2154 (so every output filters through the source's own spatial index).
 *
 * @param id            the name in every URL (/tiles/{id}, /ogc/collections/{id}, /api/layers/{id})
 * @param featureId     SQL of the OGC feature id (text)
 * @param sortKey       SQL of the stable order of features (OGC pages, tiles, GeoJSON)
 * @param datetime      what a {@code datetime} filter applies to, or null when no date means anything
 * @param minimumRole   null for a public layer; otherwise the role needed to see it in any output
 * @param zoom          tile rules (used when {@link Output#TILES} is served)
 * @param geoJson       GeoJSON rule (used when {@link Output#GEOJSON} is served)
 */
public record Layer(String id, String title, String titleEn, String description,
                    String from, String geometry, String featureId, String sortKey,
                    List<Attribute> attributes, List<RowFilter> filters, Datetime datetime,
                    Role minimumRole, ZoomRules zoom, GeoJsonRule geoJson, Set<Output> outputs) {

    public Layer {
        attributes = List.copyOf(attributes);
        filters = List.copyOf(filters);
        outputs = Set.copyOf(outputs);
        if (outputs.contains(Output.TILES) && zoom == null || outputs.contains(Output.GEOJSON) && geoJson == null) {
            throw new IllegalArgumentException(id + ": a tile layer needs zoom rules, a GeoJSON layer its rule");
        }
    }

    public boolean servedBy(Output output) {
        return outputs.contains(output);
    }

    public boolean isPublic() {
        return minimumRole == null;
    }

    /** The attributes an output carries, in declaration order (the tiles' column order, hence their bytes). */
    public List<Attribute> attributes(Output output) {
        return attributes.stream().filter(a -> a.outputs().contains(output)).toList();
    }

    /** The FROM clause for an output: the source, then the joins its attributes need, each once. */
    public String from(Output output) {
        StringBuilder sql = new StringBuilder(from);
        attributes(output).stream().map(Attribute::join).filter(j -> j != null).distinct()
                .forEach(j -> sql.append(' ').append(j));
        return sql.toString();
    }

    /** The row filters of an output joined with AND, or null when it has none. */
    public String where(Output output) {
        List<String> conditions = filters.stream().filter(f -> f.outputs().contains(output)).map(RowFilter::sql).toList();
        return conditions.isEmpty() ? null : String.join(" AND ", conditions);
    }

    /** The description with what datetime means, as the OGC collection shows it. */
    public String describedWithDatetime() {
        return description + (datetime == null ? "" : " — datetime : " + datetime.meaning());
    }

    public static Builder named(String id) {
        return new Builder(id);
    }

    /** Declarations read as sentences; the defaults are a public layer served by all three outputs. */
    public static final class Builder {
        private final String id;
        private String title;
        private String titleEn;
        private String description;
        private String from;
        private String geometry = "t.geom";
        private String featureId = "t.id::text";
        private String sortKey = "t.id";
        private final List<Attribute> attributes = new ArrayList<>();
        private final List<RowFilter> filters = new ArrayList<>();
        private Datetime datetime;
        private Role minimumRole;
        private ZoomRules zoom;
        private GeoJsonRule geoJson;
        private Set<Output> outputs = EnumSet.allOf(Output.class);

        private Builder(String id) {
            this.id = id;
        }

        public Builder titles(String fr, String en) {
            this.title = fr;
            this.titleEn = en;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder from(String from) {
            this.from = from;
            return this;
        }

        public Builder featureId(String featureId, String sortKey) {
            this.featureId = featureId;
            this.sortKey = sortKey;
            return this;
        }

        public Builder attributes(Attribute... attributes) {
            this.attributes.addAll(List.of(attributes));
            return this;
        }

        public Builder filter(RowFilter filter) {
            this.filters.add(filter);
            return this;
        }

        public Builder datetime(String sql, String meaning) {
            this.datetime = new Datetime(sql, meaning);
            return this;
        }

        public Builder restrictedTo(Role role) {
            this.minimumRole = role;
            return this;
        }

        public Builder tiles(ZoomRules zoom) {
            this.zoom = zoom;
            return this;
        }

        public Builder geoJson(GeoJsonRule rule) {
            this.geoJson = rule;
            return this;
        }

        /** Only these outputs (existing layers keep the outputs they had; a new layer gets all three). */
        public Builder only(Output first, Output... more) {
            this.outputs = EnumSet.of(first, more);
            return this;
        }

        public Layer build() {
            return new Layer(id, title, titleEn, description, from, geometry, featureId, sortKey, attributes, filters,
                    datetime, minimumRole, zoom, geoJson, outputs);
        }
    }
}
