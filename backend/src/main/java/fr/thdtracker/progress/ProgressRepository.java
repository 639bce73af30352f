package fr.thdtracker.progress;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import fr.thdtracker.common.AreaLevel;
import fr.thdtracker.common.Scope;

/** The progress SQL: rollout figures per group on a date, monthly counts for the curves, the zones' lines. */
@Repository
class ProgressRepository {

    /**
     * The figures of a group of lines on :d (and built on the three earlier dates of the pace): one
     * milestone row per line, whose building gives the group, the state's dates and the fibre window
     * (eligibility is per building) and whose own subscription gives the take-up.
     * Open for sale is the eligibility's fibre window (thd_fibre_open, V13), so the two features
     * never disagree.
     */
    private static final String COUNTS = """
                   count(*) FILTER (WHERE m.targeted_on <= :d) AS targeted,
                   count(*) FILTER (WHERE m.abandoned_on <= :d) AS abandoned,
                   count(*) FILTER (WHERE m.targeted_on <= :d AND (m.works_on IS NULL OR m.works_on > :d)
                                    AND (m.abandoned_on IS NULL OR m.abandoned_on > :d)) AS in_study,
                   count(*) FILTER (WHERE m.works_on <= :d AND (m.built_on IS NULL OR m.built_on > :d)
                                    AND (m.abandoned_on IS NULL OR m.abandoned_on > :d)) AS in_works,
                   count(*) FILTER (WHERE m.built_on <= :d) AS built,
                   count(*) FILTER (WHERE m.built_on <= :d3) AS built_3,
                   count(*) FILTER (WHERE m.built_on <= :d6) AS built_6,
                   count(*) FILTER (WHERE m.built_on <= :d12) AS built_12,
                   count(*) FILTER (WHERE thd_fibre_open(e.fibre_from, e.fibre_until, :d)) AS open,
                   count(*) FILTER (WHERE m.subscribed_on <= :d) AS subscribed,
                   count(*) AS premises
            """;

    /**
     * The programme's premises only: a premise without a PM area (a private operator's town) is
     * outside every programme figure, at every level.
     */
    private static final String FROM_PREMISES = """
            FROM premise_milestone m
            JOIN building b ON b.id = m.building_id
            LEFT JOIN eligibility e ON e.building_id = b.id
            """;

    /** Per group of one level. */
    private static final String FIGURES = "SELECT %s AS code,\n" + COUNTS + FROM_PREMISES + """
            %s
            WHERE b.pm_zone_id IS NOT NULL AND %s
            GROUP BY 1
            ORDER BY 1
            """;

    /** Per group and month, how many premises were first built, opened for sale, subscribed. */
    private static final String MONTHLY = """
            SELECT %s AS code, x.kind, to_char(x.day, 'YYYY-MM') AS month, count(*) AS n
            """ + FROM_PREMISES + """
            CROSS JOIN LATERAL (VALUES ('built', m.built_on), ('open', e.fibre_from), ('subscribed', m.subscribed_on))
                AS x(kind, day)
            %s
            WHERE x.day IS NOT NULL AND x.day <= :to AND b.pm_zone_id IS NOT NULL AND %s
            GROUP BY 1, 2, 3
            """;

    /** The levels of the report besides the region, each a grouping set of {@link #ALL_LEVELS}. */
    private static final List<AreaLevel> REPORT_LEVELS = List.of(AreaLevel.PHASE, AreaLevel.TRANCHE,
            AreaLevel.DEPARTMENT, AreaLevel.EPCI, AreaLevel.COMMUNE, AreaLevel.ZONE, AreaLevel.CONTRACTOR);

    /**
     * The same figures for every level at once: one scan with GROUPING SETS, for the report. Column
     * k_i is the key of REPORT_LEVELS[i] and g_i is 0 in the rows grouped by it; the keys are the
     * levels' own (AreaLevel), over the commune and the V13 programme view.
     */
    private static final String ALL_LEVELS = "SELECT "
            + IntStream.range(0, REPORT_LEVELS.size()).mapToObj(i -> REPORT_LEVELS.get(i).key + " AS k_" + i + ", GROUPING("
                    + REPORT_LEVELS.get(i).key + ") AS g_" + i).collect(Collectors.joining(",\n       ")) + ",\n"
            + COUNTS + FROM_PREMISES + """
            JOIN commune c ON c.insee = b.insee
            JOIN pm_zone_programme zp ON zp.pm_zone_id = b.pm_zone_id
            WHERE %s
            GROUP BY GROUPING SETS ((), """
            + REPORT_LEVELS.stream().map(l -> "(" + l.key + ")").collect(Collectors.joining(", ")) + ")\n";

    /**
     * Lines of each zone in each commune on :d, with every level's key (so that the zones holding a
     * group's remaining lines are known without another scan): lines not abandoned, built, built
     * since :since (the contractors' pace), and those left to build within the scope.
     */
    private static final String ZONE_SHARES = "SELECT "
            + Arrays.stream(AreaLevel.values()).map(l -> l.key + " AS k_" + l.param).collect(Collectors.joining(", ")) + ",\n"
            + """
                   count(*) FILTER (WHERE m.abandoned_on IS NULL OR m.abandoned_on > :d) AS lines,
                   count(*) FILTER (WHERE m.built_on <= :d AND (m.abandoned_on IS NULL OR m.abandoned_on > :d)) AS built,
                   count(*) FILTER (WHERE m.built_on > :since AND m.built_on <= :d) AS built_recently,
                   count(*) FILTER (WHERE (m.built_on IS NULL OR m.built_on > :d)
                                    AND (m.abandoned_on IS NULL OR m.abandoned_on > :d) AND %1$s) AS remaining_in_scope,
                   count(*) FILTER (WHERE %1$s) AS in_scope
            FROM premise_milestone m
            JOIN building b ON b.id = m.building_id
            JOIN commune c ON c.insee = b.insee
            JOIN pm_zone_programme zp ON zp.pm_zone_id = b.pm_zone_id
            """ + "GROUP BY " + IntStream.rangeClosed(1, AreaLevel.values().length).mapToObj(String::valueOf)
                    .collect(Collectors.joining(", ")) + "\n";

    /** What the zones are: name, place in the programme, planned end, a WGS 84 point inside. */
    private static final String ZONE_FACTS = """
            SELECT zp.zone_code, zp.zone_name, zp.tranche_code, zp.contractor, z.planned_end_date,
                   ST_X(ST_Transform(ST_PointOnSurface(z.geom), 4326)) AS lon,
                   ST_Y(ST_Transform(ST_PointOnSurface(z.geom), 4326)) AS lat
            FROM zone_programme zp
            JOIN deployment_zone z ON z.id = zp.zone_id
            """;

    /** Raw counts of one group; {@link ProgressService} turns them into a {@link GroupProgress}. */
    record Figures(String code, long targeted, long abandoned, long inStudy, long inWorks, long built, long built3,
                   long built6, long built12, long open, long subscribed, long premises) {
    }

    /** Premises of a group first built, opened for sale or subscribed in a month (YYYY-MM). */
    record Monthly(String code, String kind, String month, long n) {
    }

    /**
     * The lines of one zone in one commune on a date.
     *
     * @param keys the group this share belongs to at each level (its commune, department, zone, phase…)
     */
    record ZoneShare(Map<AreaLevel, String> keys, long lines, long built, long builtRecently, long remainingInScope,
                     long inScope) {

        String zone() {
            return keys.get(AreaLevel.ZONE);
        }
    }

    /** @param contractor null while no contract is awarded; lon and lat null without a geometry */
    record ZoneFacts(String code, String name, String tranche, String contractor, LocalDate plannedEnd,
                     Double lon, Double lat) {
    }

    private final JdbcClient jdbc;

    ProgressRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Figures> figures(AreaLevel level, LocalDate d, Scope scope) {
        return jdbc.sql(FIGURES.formatted(level.key, level.joins, scope.kind().predicate))
                .param("scope", scope.value()).param("d", d).param("d3", d.minusMonths(3))
                .param("d6", d.minusMonths(6)).param("d12", d.minusMonths(12))
                .query((rs, i) -> figures(rs, rs.getString("code")))
                .list();
    }

    /** Figures of every level in one pass (premises outside any PM area are left out, as in the zone levels). */
    Map<AreaLevel, List<Figures>> figuresOfAllLevels(LocalDate d, Scope scope) {
        Map<AreaLevel, List<Figures>> byLevel = new EnumMap<>(AreaLevel.class);
        jdbc.sql(ALL_LEVELS.formatted(scope.kind().predicate)).param("scope", scope.value())
                .param("d", d).param("d3", d.minusMonths(3)).param("d6", d.minusMonths(6)).param("d12", d.minusMonths(12))
                .query(rs -> {
                    AreaLevel level = AreaLevel.REGION;
                    String code = "region";
                    for (int i = 0; i < REPORT_LEVELS.size(); i++) {
                        if (rs.getInt("g_" + i) == 0) {
                            level = REPORT_LEVELS.get(i);
                            code = rs.getString("k_" + i);
                        }
                    }
                    byLevel.computeIfAbsent(level, l -> new ArrayList<>()).add(figures(rs, code));
                });
        byLevel.values().forEach(list -> list.sort(Comparator.comparing(f -> f.code() == null ? "" : f.code())));
        return byLevel;
    }

    private static Figures figures(java.sql.ResultSet rs, String code) throws java.sql.SQLException {
        return new Figures(code, rs.getLong("targeted"), rs.getLong("abandoned"), rs.getLong("in_study"),
                rs.getLong("in_works"), rs.getLong("built"), rs.getLong("built_3"), rs.getLong("built_6"),
                rs.getLong("built_12"), rs.getLong("open"), rs.getLong("subscribed"), rs.getLong("premises"));
    }

    Map<String, String> names(AreaLevel level) {
        Map<String, String> names = new HashMap<>();
        jdbc.sql(level.names).query(rs -> {
            names.put(rs.getString("code"), rs.getString("name"));
        });
        return names;
    }

    /** Target end dates of phases and tranches, by code; none for the other levels. */
    Map<String, LocalDate> targets(AreaLevel level) {
        Map<String, LocalDate> targets = new HashMap<>();
        String sql = switch (level) {
            case PHASE -> "SELECT code, target_end_date FROM phase";
            case TRANCHE -> "SELECT code, target_end_date FROM tranche";
            default -> null;
        };
        if (sql != null) {
            jdbc.sql(sql).query(rs -> {
                targets.put(rs.getString(1), rs.getDate(2).toLocalDate());
            });
        }
        return targets;
    }

    List<Monthly> monthly(AreaLevel level, LocalDate to, Scope scope) {
        return jdbc.sql(MONTHLY.formatted(level.key, level.joins, scope.kind().predicate)).param("to", to)
                .param("scope", scope.value())
                .query((rs, i) -> new Monthly(rs.getString("code"), rs.getString("kind"), rs.getString("month"),
                        rs.getLong("n")))
                .list();
    }

    List<ZoneShare> zoneShares(LocalDate d, LocalDate since, Scope scope) {
        return jdbc.sql(ZONE_SHARES.formatted(scope.kind().predicate)).param("d", d).param("since", since)
                .param("scope", scope.value())
                .query((rs, i) -> {
                    Map<AreaLevel, String> keys = new EnumMap<>(AreaLevel.class);
                    for (AreaLevel l : AreaLevel.values()) {
                        keys.put(l, rs.getString("k_" + l.param));
                    }
                    return new ZoneShare(keys, rs.getLong("lines"), rs.getLong("built"), rs.getLong("built_recently"),
                            rs.getLong("remaining_in_scope"), rs.getLong("in_scope"));
                })
                .list();
    }

    Map<String, ZoneFacts> zoneFacts() {
        Map<String, ZoneFacts> facts = new HashMap<>();
        jdbc.sql(ZONE_FACTS).query(rs -> {
            facts.put(rs.getString("zone_code"), new ZoneFacts(rs.getString("zone_code"), rs.getString("zone_name"),
                    rs.getString("tranche_code"), rs.getString("contractor"),
                    rs.getObject("planned_end_date", LocalDate.class), rs.getObject("lon", Double.class),
                    rs.getObject("lat", Double.class)));
        });
        return facts;
    }
}
