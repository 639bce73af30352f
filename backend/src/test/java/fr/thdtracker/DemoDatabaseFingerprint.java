package fr.thdtracker;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Row count and content hash of every table of the demo database, so that a test class that
 * leaves a change behind (an appended history row, an updated state, a rebuilt derived table that
 * came out different) is caught where it happens instead of breaking a later test by surprise.
 * The hash sums a hash of each row's text, so it does not depend on the rows' physical order.
 */
public record DemoDatabaseFingerprint(Map<String, String> tables) {

    /** Flyway's own bookkeeping and PostGIS's reference table are not demo data. */
    private static final List<String> NOT_DEMO = List.of("flyway_schema_history", "spatial_ref_sys");

    public static DemoDatabaseFingerprint of(JdbcClient jdbc) {
        Map<String, String> tables = new TreeMap<>();
        for (String table : jdbc.sql("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")
                .query(String.class).list()) {
            if (NOT_DEMO.contains(table)) {
                continue;
            }
            tables.put(table, jdbc.sql("SELECT count(*) || ' rows, hash ' || coalesce(sum(hashtextextended(t::text, 0)::numeric), 0)"
                    + " FROM " + table + " t").query(String.class).single());
        }
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
