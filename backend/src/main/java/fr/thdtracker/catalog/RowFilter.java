package fr.thdtracker.catalog;

import java.util.EnumSet;
import java.util.Set;

/** A condition on the source's rows that applies to some outputs only (e.g. OGC lists copper exchanges, tiles every exchange). */
public record RowFilter(String sql, Set<Output> outputs) {

    public RowFilter {
        outputs = Set.copyOf(outputs);
    }

    public static RowFilter in(String sql, Output first, Output... more) {
        return new RowFilter(sql, EnumSet.of(first, more));
    }
}
