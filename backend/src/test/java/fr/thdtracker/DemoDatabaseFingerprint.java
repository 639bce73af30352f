package fr.thdtracker;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Row count and content hash of every table of the demo database, so that a test class that
 * leaves a change behind (an appended history row, an updated state, a rebuilt derived table that
 * came out different) is caught where it happens instead of breaking a later test by surprise.
 * The hash sums a hash of each row's text, so it does not depend on the rows' physical order.
 */
public record DemoDatabaseFingerprint(Map<String, String> tables) {

    /**
     * Not demo data: Flyway's own bookkeeping, PostGIS's reference table, and the audit log — an
     * append-only record of who did what (the tests' own sign-ins included), which no one can
     * remove rows from by design.
     */
    private static final List<String> NOT_DEMO = List.of("flyway_schema_history", "spatial_ref_sys", "audit_event");
    /**
     * When a derived row was written, not what it says: a full recompute rewrites the same figures
     * at a new time (eligibility.computed_at), which is no change to what the tests read.
     */
    private static final List<String> WRITE_TIMES = List.of("computed_at");

    public static DemoDatabaseFingerprint of(JdbcClient jdbc) {
        Map<String, String> tables = new TreeMap<>();
        Map<String, List<String>> columns = new TreeMap<>();
        jdbc.sql("""
                SELECT c.table_name, c.column_name FROM information_schema.columns c
                JOIN information_schema.tables t USING (table_schema, table_name)
                WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE' ORDER BY c.table_name, c.ordinal_position
                """).query((rs, i) -> columns.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2)))
                .list();
        columns.forEach((table, names) -> {
            if (NOT_DEMO.contains(table)) {
                return;
            }
            String row = names.stream().filter(c -> !WRITE_TIMES.contains(c)).map(c -> "t.\"" + c + "\"")
                    .collect(Collectors.joining(", ", "ROW(", ")"));
            tables.put(table, jdbc.sql("SELECT count(*) || ' rows, hash ' || coalesce(sum(hashtextextended(" + row
                    + "::text, 0)::numeric), 0) FROM \"" + table + "\" t").query(String.class).single());
        });
        return new DemoDatabaseFingerprint(tables);
    }

    /** The tables whose count or content differ, each with both fingerprints; empty when none. */
    public List<String> differencesFrom(DemoDatabaseFingerprint before) {
        List<String> out = new ArrayList<>();
        for (String table : before.tables.keySet()) {
            String now = tables.get(table);
            if (!before.tables.get(table).equals(now)) {
                out.add(table + ": " + before.tables.get(table) + " -> " + (now == null ? "dropped" : now));
            }
        }
        tables.keySet().stream().filter(t -> !before.tables.containsKey(t)).forEach(t -> out.add(t + ": new table"));
        return out;
    }
}
