package fr.thdtracker.catalog;

import java.util.EnumSet;
import java.util.Set;

/**
 * One property of a layer's features: its JSON (or tile) name, the SQL expression giving it over
 * the layer's source (alias {@code t}), the outputs that carry it and, when the expression reads
 * a table the source does not, the join clause it needs (added only where the attribute is used,
 * so a tile never pays for a count the map does not show).
 *
 * Two attributes may share a name for different outputs, each with its own expression.
 */
public record Attribute(String name, String sql, Set<Output> outputs, String join) {

    public Attribute {
        outputs = Set.copyOf(outputs);
    }

    /** Carried by every output. */
    public static Attribute everywhere(String name, String sql) {
        return new Attribute(name, sql, EnumSet.allOf(Output.class), null);
    }

    /** Carried by the given outputs only. */
    public static Attribute in(String name, String sql, Output first, Output... more) {
        return new Attribute(name, sql, EnumSet.of(first, more), null);
    }

    /** The same attribute, reading the table that {@code join} brings in. */
    public Attribute joining(String join) {
        return new Attribute(name, sql, outputs, join);
    }
}
