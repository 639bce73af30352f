package fr.thdtracker.eligibility;

import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads what a recompute needs: every building (or some) with its fibre window, and the injection
 * points. Eligibility is stored per building: its lines share its point, SR and fibre window.
 */
@Component
class PremiseBatchReader {

    /**
     * Buildings with their point in WGS84 and their fibre window: open from the start of their last
     * period of being connectable (or the commercial opening date, if later) until they left it.
     * Dates travel as epoch days: reading 1.3 million java.sql.Date objects costs seconds.
     */
    private static final String PREMISES = """
            WITH windows AS (
                SELECT building_id,
                       min(effective_on) FILTER (WHERE thd_connectable(new_value)) AS first_in,
                       max(effective_on) FILTER (WHERE thd_connectable(new_value)) AS last_in,
                       max(effective_on) FILTER (WHERE thd_connectable(old_value)
                                                 AND NOT thd_connectable(new_value)) AS last_out
                FROM building_event
                WHERE field = 'state' AND (thd_connectable(new_value) OR thd_connectable(old_value)) %s
                GROUP BY building_id
            ), open AS (
                SELECT p.id, p.geom, p.sub_distributor_id,
                       CASE WHEN p.commercial_opening_date IS NOT NULL AND w.first_in IS NOT NULL
                            THEN greatest(CASE WHEN w.last_out IS NULL THEN w.first_in ELSE w.last_in END,
                                          p.commercial_opening_date) END AS fibre_from,
                       CASE WHEN w.last_out > w.last_in THEN w.last_out END AS fibre_until
                FROM building p LEFT JOIN windows w ON w.building_id = p.id
                %s
            )
            SELECT id, ST_X(g) AS lon, ST_Y(g) AS lat, sub_distributor_id,
                   CASE WHEN fibre_until IS NULL OR fibre_until > fibre_from THEN fibre_from - DATE '1970-01-01' END AS fibre_from,
                   CASE WHEN fibre_until > fibre_from THEN fibre_until - DATE '1970-01-01' END AS fibre_until
            FROM open CROSS JOIN LATERAL ST_Transform(geom, 4326) AS g
            """;

    /**
     * Every SR with its point, its exchange and its cabinet: the latest montée-en-débit operation
     * not abandoned. A ZO operation is no cabinet: it brought fibre to an existing NRA-ZO, which
     * serves its SRs as their exchange (its date is the exchange's fibre_backhaul_from).
     */
    private static final String INJECTION_POINTS = """
            SELECT sr.id AS sr_id, ST_X(ST_Transform(sr.geom, 4326)) AS sr_lon, ST_Y(ST_Transform(sr.geom, 4326)) AS sr_lat,
                   ex.id AS exchange_id, ex.vdsl2, ex.backhaul, ex.fibre_backhaul_from IS NOT NULL AS ex_copper_fed_before,
                   ST_X(ST_Transform(ex.geom, 4326)) AS ex_lon, ST_Y(ST_Transform(ex.geom, 4326)) AS ex_lat,
                   op.id AS op_id, cab.vdsl2 AS cab_vdsl2, cab.backhaul AS cab_backhaul,
                   cab.fibre_backhaul_from IS NOT NULL AS cab_copper_fed_before,
                   ST_X(ST_Transform(cab.geom, 4326)) AS cab_lon, ST_Y(ST_Transform(cab.geom, 4326)) AS cab_lat
            FROM sub_distributor sr
            JOIN exchange ex ON ex.id = sr.exchange_id
            LEFT JOIN LATERAL (
                SELECT o.id, o.cabinet_id FROM upgrade_operation o
                WHERE o.sub_distributor_id = sr.id AND o.kind = 'MED' AND o.status <> 'ABANDONED'
                ORDER BY (o.status = 'IN_SERVICE') DESC, o.id DESC LIMIT 1) op ON true
            LEFT JOIN exchange cab ON cab.id = op.cabinet_id
            """;

    private final JdbcClient jdbc;

    PremiseBatchReader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @param ids a PostgreSQL array literal of building ids, or null for every building */
    PremiseBatch read(String ids) {
        int capacity = ids == null ? jdbc.sql("SELECT count(*) FROM building").query(Integer.class).single()
                : ids.split(",").length;
        PremiseBatch b = new PremiseBatch(capacity);
        readInjectionPoints(b);
        String sql = ids == null ? PREMISES.formatted("", "")
                : PREMISES.formatted("AND building_id = ANY(CAST(:ids AS bigint[]))",
                "WHERE p.id = ANY(CAST(:ids AS bigint[]))");
        var query = jdbc.sql(sql);
        if (ids != null) {
            query = query.param("ids", ids);
        }
        query.query(rs -> {
            int i = b.size++;
            b.id[i] = rs.getLong(1);
            b.lon[i] = rs.getDouble(2);
            b.lat[i] = rs.getDouble(3);
            b.sr[i] = rs.getInt(4);
            int from = rs.getInt(5);
            if (!rs.wasNull()) {
                b.fibreFrom[i] = LocalDate.ofEpochDay(from);
                int until = rs.getInt(6);
                b.fibreUntil[i] = rs.wasNull() ? null : LocalDate.ofEpochDay(until);
            }
        });
        return b;
    }

    private void readInjectionPoints(PremiseBatch b) {
        jdbc.sql(INJECTION_POINTS).query(rs -> {
            Integer op = (Integer) rs.getObject("op_id");
            b.bySr.put(rs.getInt("sr_id"), new PremiseBatch.Injection(rs.getDouble("sr_lon"), rs.getDouble("sr_lat"),
                    rs.getInt("exchange_id"),
                    new SpeedModel.Equipment(rs.getBoolean("vdsl2"), "COPPER".equals(rs.getString("backhaul")),
                            rs.getBoolean("ex_copper_fed_before")),
                    rs.getDouble("ex_lon"), rs.getDouble("ex_lat"), op,
                    op == null ? null : new SpeedModel.Equipment(rs.getBoolean("cab_vdsl2"),
                            "COPPER".equals(rs.getString("cab_backhaul")), rs.getBoolean("cab_copper_fed_before")),
                    rs.getDouble("cab_lon"), rs.getDouble("cab_lat")));
        });
    }
}
