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

/** All the eligibility SQL (per building, lines counted by weight): one building on a date, aggregates on a date, what-if populations. */
@Repository
class EligibilityRepository {

    /**
     * The class of a building's copper lines on :d from its exchange (ex) or its cabinet (cab): as
     * equipped, before VDSL2 opened there, or while fed by copper (V18).
     */
    private static final String EXCHANGE_CLASS_ON_DATE = classOnDate("exchange", "ex");
    private static final String CABINET_CLASS_ON_DATE = classOnDate("cabinet", "cab");

    /** Which offer a building's lines have on :d — fibre if open, else its cabinet if in service, else its exchange. */
    private static final String CLASS_ON_DATE = """
            CASE WHEN thd_fibre_open(e.fibre_from, e.fibre_until, :d) THEN :ftthClass
                 WHEN o.commissioned_on <= :d THEN %s
                 ELSE %s END
            """.formatted(CABINET_CLASS_ON_DATE, EXCHANGE_CLASS_ON_DATE);
    private static final String FIBRE_ON_DATE = "thd_fibre_open(e.fibre_from, e.fibre_until, :d)";
    /** The equipment a line's dates come from: its exchange (ex), its cabinet's operation (o) and cabinet (cab). */
    private static final String EQUIPMENT = """
            JOIN exchange ex ON ex.id = e.exchange_id
            LEFT JOIN upgrade_operation o ON o.id = e.cabinet_operation_id
            LEFT JOIN exchange cab ON cab.id = o.cabinet_id
            """;

    private static final String AREAS = """
            SELECT %s AS code, %s AS cls, coalesce(%s, false) AS fibre, sum(b.lines) AS n
            FROM eligibility e
            JOIN building b ON b.id = e.building_id
            """ + EQUIPMENT + """
            %s
            GROUP BY 1, 2, 3
            """;

    /** A building with its lines counted, its programme, PM area and eligibility, and its state on :d. */
    private static final String BUILDING = """
            SELECT b.id, b.code, b.street_number, b.street_suffix, b.street_name, b.insee,
                   c.name AS commune, b.state AS current_state, b.commercial_opening_date,
                   b.building_type, b.dwellings, b.business_premises, b.lines,
                   ST_X(ST_Transform(b.geom, 4326)) AS lon, ST_Y(ST_Transform(b.geom, 4326)) AS lat,
                   t.code AS tranche, t.name AS tranche_name, ph.code AS phase, ph.name AS phase_name,
                   ph.target_end_date, pm.code AS pm_code, pm.pm_state, pm.planned_date, pm.made_available_date,
                   e.fibre_from, e.fibre_until, e.exchange_length_m, e.exchange_routed, e.exchange_attenuation_db,
                   %s,
                   e.cabinet_length_m, e.cabinet_routed, e.cabinet_attenuation_db,
                   %s, e.computed_at,
                   ex.code AS exchange_code, ex.name AS exchange_name, ex.type AS exchange_type,
                   o.code AS operation_code, o.status AS operation_status, o.commissioned_on,
                   cab.code AS cabinet_code, cab.name AS cabinet_name, cab.type AS cabinet_type,
                   (SELECT new_value FROM building_event s WHERE s.building_id = b.id AND s.field = 'state'
                      AND s.effective_on <= :d ORDER BY s.effective_on DESC, s.id DESC LIMIT 1) AS state_on_date,
                   per.kind AS perimeter_kind, per.operator_code AS perimeter_operator,
                   thd_operator_name(per.operator_code) AS perimeter_operator_name,
                   thd_perimeter_label(per.kind, per.operator_code) AS perimeter_label
            FROM building b
            JOIN commune c ON c.insee = b.insee
            JOIN thd_commune_perimeter(:d) per ON per.insee = b.insee
            LEFT JOIN eligibility e ON e.building_id = b.id
            LEFT JOIN exchange ex ON ex.id = e.exchange_id
            LEFT JOIN upgrade_operation o ON o.id = e.cabinet_operation_id
            LEFT JOIN exchange cab ON cab.id = o.cabinet_id
            LEFT JOIN pm_zone pm ON pm.id = b.pm_zone_id
            LEFT JOIN deployment_zone z ON z.id = pm.zone_id
            LEFT JOIN tranche t ON t.id = z.tranche_id
            LEFT JOIN phase ph ON ph.id = t.phase_id
            WHERE b.id = :id
            """.formatted(offerOnDate("exchange", "ex"), offerOnDate("cabinet", "cab"));

    private static String classOnDate(String point, String equipment) {
        return ("thd_copper_offer_on(%2$s.fibre_backhaul_from, %2$s.vdsl2_from, :d, e.%1$s_copper_fed_class, "
                + "e.%1$s_adsl_class, e.%1$s_class)").formatted(point, equipment);
    }

    /**
     * Technology, range and class of one point's line on :d, under the columns' own names. The
     * earlier offers are ADSL2+ ones wherever they are stored (V18).
     */
    private static String offerOnDate(String point, String equipment) {
        String dates = "thd_copper_offer_on(%s.fibre_backhaul_from, %s.vdsl2_from, :d, ".formatted(equipment, equipment);
        return String.join(",\n", List.of(
                dates + "CASE WHEN e.%1$s_copper_fed_class IS NOT NULL THEN 'ADSL2PLUS' END, "
                        + "CASE WHEN e.%1$s_adsl_class IS NOT NULL THEN 'ADSL2PLUS' END, e.%1$s_technology) AS %1$s_technology",
                dates + "e.%1$s_copper_fed_min_mbps, e.%1$s_adsl_min_mbps, e.%1$s_min_mbps) AS %1$s_min_mbps",
                dates + "e.%1$s_copper_fed_max_mbps, e.%1$s_adsl_max_mbps, e.%1$s_max_mbps) AS %1$s_max_mbps",
                dates + "e.%1$s_copper_fed_class, e.%1$s_adsl_class, e.%1$s_class) AS %1$s_class"))
                .formatted(point);
    }

    private final JdbcClient jdbc;

    EligibilityRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<PremiseRow> building(long id, LocalDate on) {
        return jdbc.sql(BUILDING).param("id", id).param("d", on).query(PremiseRowMapper::map).optional();
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

    /** One building's class without and with an upgrade, and the lines it weighs. */
    record ClassChange(SpeedClass before, SpeedClass after, long lines) {
    }

    /**
     * The premises an operation improves, their class on :d without and with it: behind a MED
     * operation's SR, without and with its cabinet; served by a ZO operation's NRA-ZO, fed by
     * copper and fed by fibre.
     */
    List<ClassChange> operationEffect(UpgradeOperation op, LocalDate on, int ftthClass) {
        String sql = "ZO".equals(op.kind()) ? """
                SELECT CASE WHEN %1$s THEN :ftthClass
                            ELSE coalesce(e.exchange_copper_fed_class, e.exchange_adsl_class, e.exchange_class) END AS before,
                       CASE WHEN %1$s THEN :ftthClass
                            ELSE thd_copper_offer_on(NULL, ex.vdsl2_from, :d, NULL, e.exchange_adsl_class, e.exchange_class)
                       END AS after, b.lines
                FROM eligibility e JOIN building b ON b.id = e.building_id JOIN exchange ex ON ex.id = e.exchange_id
                WHERE e.exchange_id = (SELECT cabinet_id FROM upgrade_operation WHERE id = :op)
                """.formatted(FIBRE_ON_DATE) : """
                SELECT CASE WHEN %1$s THEN :ftthClass ELSE %2$s END AS before,
                       CASE WHEN %1$s THEN :ftthClass ELSE %3$s END AS after, b.lines
                FROM eligibility e JOIN building b ON b.id = e.building_id %4$s WHERE e.cabinet_operation_id = :op
                """.formatted(FIBRE_ON_DATE, EXCHANGE_CLASS_ON_DATE, CABINET_CLASS_ON_DATE, EQUIPMENT);
        return jdbc.sql(sql).param("op", op.id()).param("d", on).param("ftthClass", ftthClass)
                .query((rs, i) -> new ClassChange(SpeedClass.values()[rs.getInt(1)], SpeedClass.values()[rs.getInt(2)],
                        rs.getLong(3)))
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

    /** A building behind a sub-distributor, with its lines. */
    record SrPremise(long id, double lon, double lat, SpeedClass before, boolean fibre, long lines) {
    }

    List<SrPremise> premisesOfSubDistributor(int srId, LocalDate on, int ftthClass) {
        return jdbc.sql("""
                        SELECT b.id, ST_X(ST_Transform(b.geom, 4326)) AS lon, ST_Y(ST_Transform(b.geom, 4326)) AS lat,
                               %s AS cls, coalesce(%s, false) AS fibre, b.lines
                        FROM building b JOIN eligibility e ON e.building_id = b.id
                        %s
                        WHERE b.sub_distributor_id = :sr ORDER BY b.id
                        """.formatted(CLASS_ON_DATE, FIBRE_ON_DATE, EQUIPMENT))
                .param("sr", srId).param("d", on).param("ftthClass", ftthClass)
                .query((rs, i) -> new SrPremise(rs.getLong("id"), rs.getDouble("lon"), rs.getDouble("lat"),
                        SpeedClass.values()[rs.getInt("cls")], rs.getBoolean("fibre"), rs.getLong("lines")))
                .list();
    }

    private static final String PERIMETERS = """
            SELECT insee, kind, operator_code, thd_operator_name(operator_code) AS operator_name,
                   thd_perimeter_label(kind, operator_code) AS label
            FROM thd_commune_perimeter(:d)
            """;

    /** Every commune's perimeter on :d, by INSEE code. */
    Map<String, CommunePerimeter> perimeters(LocalDate on) {
        Map<String, CommunePerimeter> out = new HashMap<>();
        jdbc.sql(PERIMETERS).param("d", on).query(rs -> {
            out.put(rs.getString("insee"), perimeterOf(rs));
        });
        return out;
    }

    private static CommunePerimeter perimeterOf(java.sql.ResultSet rs) throws java.sql.SQLException {
        return CommunePerimeter.of(rs.getString("kind"), rs.getString("operator_code"), rs.getString("operator_name"),
                rs.getString("label"));
    }

    /** INSEE codes of the communes with premises in the scope. */
    Set<String> communesIn(Scope scope) {
        return new HashSet<>(jdbc.sql("SELECT DISTINCT b.insee FROM building b WHERE " + scope.kind().predicate)
                .param("scope", scope.value()).query(String.class).list());
    }
}
