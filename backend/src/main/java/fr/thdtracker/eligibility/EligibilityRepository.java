package fr.thdtracker.eligibility;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import fr.thdtracker.common.AreaLevel;
import fr.thdtracker.common.Scope;

/** All the eligibility SQL: one premise on a date, aggregates on a date, what-if populations. */
@Repository
class EligibilityRepository {

    /** Which offer a premise has on :d — fibre if open, else its cabinet if in service, else its exchange. */
    private static final String CLASS_ON_DATE = """
            CASE WHEN thd_fibre_open(e.fibre_from, e.fibre_until, :d) THEN :ftthClass
                 WHEN o.commissioned_on <= :d THEN e.cabinet_class
                 ELSE e.exchange_class END
            """;
    private static final String FIBRE_ON_DATE = "thd_fibre_open(e.fibre_from, e.fibre_until, :d)";

    private static final String AREAS = """
            SELECT %s AS code, %s AS cls, coalesce(%s, false) AS fibre, count(*) AS n
            FROM eligibility e
            JOIN premise p ON p.id = e.premise_id
            LEFT JOIN upgrade_operation o ON o.id = e.cabinet_operation_id
            %s
            GROUP BY 1, 2, 3
            """;

    private static final String PREMISE = """
            SELECT p.id, p.code, p.street_number, p.street_suffix, p.street_name, p.complement, p.insee,
                   c.name AS commune, p.state AS current_state, p.commercial_opening_date,
                   ST_X(ST_Transform(p.geom, 4326)) AS lon, ST_Y(ST_Transform(p.geom, 4326)) AS lat,
                   t.code AS tranche, t.name AS tranche_name, ph.code AS phase, ph.name AS phase_name,
                   ph.target_end_date, pm.code AS pm_code, pm.pm_state, pm.planned_date, pm.made_available_date,
                   e.fibre_from, e.fibre_until, e.exchange_length_m, e.exchange_routed, e.exchange_attenuation_db,
                   e.exchange_technology, e.exchange_min_mbps, e.exchange_max_mbps, e.exchange_class,
                   e.cabinet_length_m, e.cabinet_routed, e.cabinet_attenuation_db, e.cabinet_technology,
                   e.cabinet_min_mbps, e.cabinet_max_mbps, e.cabinet_class, e.computed_at,
                   ex.code AS exchange_code, ex.name AS exchange_name, ex.type AS exchange_type,
                   o.code AS operation_code, o.status AS operation_status, o.commissioned_on,
                   cab.code AS cabinet_code, cab.name AS cabinet_name, cab.type AS cabinet_type,
                   (SELECT new_value FROM premise_event s WHERE s.premise_id = p.id AND s.field = 'state'
                      AND s.effective_on <= :d ORDER BY s.effective_on DESC, s.id DESC LIMIT 1) AS state_on_date
            FROM premise p
            JOIN commune c ON c.insee = p.insee
            LEFT JOIN eligibility e ON e.premise_id = p.id
            LEFT JOIN exchange ex ON ex.id = e.exchange_id
            LEFT JOIN upgrade_operation o ON o.id = e.cabinet_operation_id
            LEFT JOIN exchange cab ON cab.id = o.cabinet_id
            LEFT JOIN pm_zone pm ON pm.id = p.pm_zone_id
            LEFT JOIN deployment_zone z ON z.id = pm.zone_id
            LEFT JOIN tranche t ON t.id = z.tranche_id
            LEFT JOIN phase ph ON ph.id = t.phase_id
            WHERE p.id = :id
            """;

    private final JdbcClient jdbc;

    EligibilityRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<PremiseRow> premise(long id, LocalDate on) {
        return jdbc.sql(PREMISE).param("id", id).param("d", on).query(PremiseRowMapper::map).optional();
    }

    record Count(String code, SpeedClass speedClass, boolean fibre, long n) {
    }

    List<Count> counts(AreaLevel level, LocalDate on, int ftthClass) {
        String sql = AREAS.formatted(level.key, CLASS_ON_DATE, FIBRE_ON_DATE, level.joins);
        return jdbc.sql(sql).param("d", on).param("ftthClass", ftthClass)
                .query((rs, i) -> new Count(rs.getString("code"), SpeedClass.values()[rs.getInt("cls")],
                        rs.getBoolean("fibre"), rs.getLong("n")))
                .list();
    }

    Map<String, String> names(AreaLevel level) {
        Map<String, String> names = new HashMap<>();
        jdbc.sql(level.names).query(rs -> {
            names.put(rs.getString("code"), rs.getString("name"));
        });
        return names;
    }

    /** One premise's class without and with an upgrade. */
    record ClassChange(SpeedClass before, SpeedClass after) {
    }

    /** Premises behind an operation's sub-distributor: class without and with its cabinet on :d. */
    List<ClassChange> operationEffect(int operationId, LocalDate on, int ftthClass) {
        return jdbc.sql("""
                        SELECT CASE WHEN %1$s THEN :ftthClass ELSE e.exchange_class END AS before,
                               CASE WHEN %1$s THEN :ftthClass ELSE e.cabinet_class END AS after
                        FROM eligibility e WHERE e.cabinet_operation_id = :op
                        """.formatted(FIBRE_ON_DATE))
                .param("op", operationId).param("d", on).param("ftthClass", ftthClass)
                .query((rs, i) -> new ClassChange(SpeedClass.values()[rs.getInt(1)], SpeedClass.values()[rs.getInt(2)]))
                .list();
    }

    Optional<UpgradeOperation> operation(String code) {
        return jdbc.sql("""
                        SELECT o.id, o.code, o.kind, o.status, o.lot, o.commissioned_on, o.planned_on,
                               sr.code AS sr_code, cab.code AS cabinet_code
                        FROM upgrade_operation o JOIN sub_distributor sr ON sr.id = o.sub_distributor_id
                        JOIN exchange cab ON cab.id = o.cabinet_id WHERE o.code = :code
                        """).param("code", code)
                .query((rs, i) -> new UpgradeOperation(rs.getInt("id"), rs.getString("code"), rs.getString("kind"),
                        rs.getString("status"), rs.getObject("lot", Integer.class),
                        rs.getObject("commissioned_on", LocalDate.class), rs.getObject("planned_on", LocalDate.class),
                        rs.getString("sr_code"), rs.getString("cabinet_code")))
                .optional();
    }

    record SubDistributorPoint(int id, String code, double lon, double lat) {
    }

    /** A sub-distributor and, for a hypothetical cabinet there, its premises with their current class. */
    Optional<SubDistributorPoint> subDistributor(String code) {
        return jdbc.sql("""
                        SELECT sr.id, sr.code, ST_X(ST_Transform(sr.geom, 4326)) AS lon,
                               ST_Y(ST_Transform(sr.geom, 4326)) AS lat
                        FROM sub_distributor sr WHERE sr.code = :code
                        """).param("code", code)
                .query((rs, i) -> new SubDistributorPoint(rs.getInt("id"), rs.getString("code"), rs.getDouble("lon"),
                        rs.getDouble("lat")))
                .optional();
    }

    record SrPremise(long id, double lon, double lat, SpeedClass before, boolean fibre) {
    }

    List<SrPremise> premisesOfSubDistributor(int srId, LocalDate on, int ftthClass) {
        return jdbc.sql("""
                        SELECT p.id, ST_X(ST_Transform(p.geom, 4326)) AS lon, ST_Y(ST_Transform(p.geom, 4326)) AS lat,
                               %s AS cls, coalesce(%s, false) AS fibre
                        FROM premise p JOIN eligibility e ON e.premise_id = p.id
                        LEFT JOIN upgrade_operation o ON o.id = e.cabinet_operation_id
                        WHERE p.sub_distributor_id = :sr ORDER BY p.id
                        """.formatted(CLASS_ON_DATE, FIBRE_ON_DATE))
                .param("sr", srId).param("d", on).param("ftthClass", ftthClass)
                .query((rs, i) -> new SrPremise(rs.getLong("id"), rs.getDouble("lon"), rs.getDouble("lat"),
                        SpeedClass.values()[rs.getInt("cls")], rs.getBoolean("fibre")))
                .list();
    }

    private static final String PERIMETERS = """
            SELECT insee, kind, operator_code, thd_operator_name(operator_code) AS operator_name,
                   thd_perimeter_label(kind, operator_code) AS label
            FROM thd_commune_perimeter(:d)
            """;

    /** The commune's perimeter on :d (public when no row holds). */
    CommunePerimeter perimeter(String insee, LocalDate on) {
        return jdbc.sql(PERIMETERS + " WHERE insee = :insee").param("d", on).param("insee", insee)
                .query((rs, i) -> perimeterOf(rs)).optional()
                .orElse(new CommunePerimeter("PUBLIC", null, null, null, true));
    }

    /** Every commune's perimeter on :d, by INSEE code. */
    Map<String, CommunePerimeter> perimeters(LocalDate on) {
        Map<String, CommunePerimeter> out = new HashMap<>();
        jdbc.sql(PERIMETERS).param("d", on).query(rs -> {
            out.put(rs.getString("insee"), perimeterOf(rs));
        });
        return out;
    }

    private static CommunePerimeter perimeterOf(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new CommunePerimeter(rs.getString("kind"), rs.getString("operator_code"), rs.getString("operator_name"),
                rs.getString("label"), "PUBLIC".equals(rs.getString("kind")));
    }

    /** INSEE codes of the communes with premises in the scope. */
    Set<String> communesIn(Scope scope) {
        return new HashSet<>(jdbc.sql("SELECT DISTINCT p.insee FROM premise p WHERE " + scope.kind().predicate)
                .param("scope", scope.value()).query(String.class).list());
    }
}
