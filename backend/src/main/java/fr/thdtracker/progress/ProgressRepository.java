package fr.thdtracker.progress;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import fr.thdtracker.common.AreaLevel;
import fr.thdtracker.common.Scope;

/** The progress SQL: rollout figures per group on a date, and late zones. */
@Repository
class ProgressRepository {

    /** The figures of a group of premises on :d (and built on the three earlier dates of the pace). */
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
                   count(*) FILTER (WHERE e.fibre_from <= :d AND (e.fibre_until IS NULL OR e.fibre_until > :d)) AS open,
                   count(*) FILTER (WHERE m.subscribed_on <= :d) AS subscribed,
                   count(*) AS premises
            """;

    /**
     * Per group, on :d and on the three earlier dates the pace is measured from. Open for sale uses
     * the same fibre window as eligibility, so the two features never disagree.
     */
    private static final String FIGURES = """
            SELECT %s AS code,
            """ + COUNTS + """
            FROM premise p
            JOIN premise_milestone m ON m.premise_id = p.id
            LEFT JOIN eligibility e ON e.premise_id = p.id
            %s
            WHERE %s
            GROUP BY 1
            ORDER BY 1
            """;

    /** Per group and month, how many premises were first built, opened for sale, subscribed. */
    private static final String MONTHLY = """
            SELECT %s AS code, x.kind, to_char(x.day, 'YYYY-MM') AS month, count(*) AS n
            FROM premise p
            JOIN premise_milestone m ON m.premise_id = p.id
            LEFT JOIN eligibility e ON e.premise_id = p.id
            CROSS JOIN LATERAL (VALUES ('built', m.built_on), ('open', e.fibre_from), ('subscribed', m.subscribed_on))
                AS x(kind, day)
            %s
            WHERE x.day IS NOT NULL AND x.day <= :to AND %s
            GROUP BY 1, 2, 3
            """;

    /** The same figures for every level at once: one scan with GROUPING SETS, for the report. */
    private static final String ALL_LEVELS = """
            SELECT ph.code AS k_phase, t.code AS k_tranche, c.department_code AS k_department, c.epci_siren AS k_epci,
                   p.insee AS k_commune, z.code AS k_zone, coalesce(ct.name, 'non attribué') AS k_contractor,
                   GROUPING(ph.code) AS g_phase, GROUPING(t.code) AS g_tranche, GROUPING(c.department_code) AS g_department,
                   GROUPING(c.epci_siren) AS g_epci, GROUPING(p.insee) AS g_commune, GROUPING(z.code) AS g_zone,
                   GROUPING(coalesce(ct.name, 'non attribué')) AS g_contractor,
            """ + COUNTS + """
            FROM premise p
            JOIN premise_milestone m ON m.premise_id = p.id
            LEFT JOIN eligibility e ON e.premise_id = p.id
            JOIN commune c ON c.insee = p.insee
            JOIN pm_zone pm ON pm.id = p.pm_zone_id JOIN deployment_zone z ON z.id = pm.zone_id
            JOIN tranche t ON t.id = z.tranche_id JOIN phase ph ON ph.id = t.phase_id
            LEFT JOIN contract k ON k.id = z.contract_id LEFT JOIN contractor ct ON ct.id = k.contractor_id
            WHERE %s
            GROUP BY GROUPING SETS ((), (ph.code), (t.code), (c.department_code), (c.epci_siren), (p.insee), (z.code),
                                    (coalesce(ct.name, 'non attribué')))
            """;

    private static final String LATE_ZONES = """
            SELECT z.code, z.name, t.code AS tranche, ct.name AS contractor, z.planned_end_date,
                   count(*) AS lines, count(*) FILTER (WHERE m.built_on <= :d) AS built,
                   ST_X(ST_Transform(ST_PointOnSurface(z.geom), 4326)) AS lon,
                   ST_Y(ST_Transform(ST_PointOnSurface(z.geom), 4326)) AS lat
            FROM deployment_zone z
            JOIN tranche t ON t.id = z.tranche_id
            LEFT JOIN contract k ON k.id = z.contract_id LEFT JOIN contractor ct ON ct.id = k.contractor_id
            JOIN pm_zone pm ON pm.zone_id = z.id
            JOIN premise p ON p.pm_zone_id = pm.id
            JOIN premise_milestone m ON m.premise_id = p.id
            WHERE z.planned_end_date < :d AND (m.abandoned_on IS NULL OR m.abandoned_on > :d) AND %s
            GROUP BY z.id, t.code, ct.name
            HAVING count(*) FILTER (WHERE m.built_on <= :d) < count(*)
            ORDER BY z.planned_end_date, z.code
            """;

    record Figures(String code, long targeted, long abandoned, long inStudy, long inWorks, long built, long built3,
                   long built6, long built12, long open, long subscribed, long premises) {
    }

    private final JdbcClient jdbc;

    ProgressRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Figures> figures(AreaLevel level, LocalDate d) {
        return figures(level, d, Scope.REGION);
    }

    List<Figures> figures(AreaLevel level, LocalDate d, Scope scope) {
        return jdbc.sql(FIGURES.formatted(level.key, level.joins, scope.kind().predicate))
                .param("scope", scope.value()).param("d", d).param("d3", d.minusMonths(3)).param("d6", d.minusMonths(6)).param("d12", d.minusMonths(12))
                .query((rs, i) -> new Figures(rs.getString("code"), rs.getLong("targeted"), rs.getLong("abandoned"),
                        rs.getLong("in_study"), rs.getLong("in_works"), rs.getLong("built"), rs.getLong("built_3"),
                        rs.getLong("built_6"), rs.getLong("built_12"), rs.getLong("open"), rs.getLong("subscribed"),
                        rs.getLong("premises")))
                .list();
    }

    /** Figures of every level in one pass (premises outside any PM area are left out, as in the zone levels). */
    Map<AreaLevel, List<Figures>> figuresOfAllLevels(LocalDate d, Scope scope) {
        String[][] columns = {{"phase", "PHASE"}, {"tranche", "TRANCHE"}, {"department", "DEPARTMENT"}, {"epci", "EPCI"},
                {"commune", "COMMUNE"}, {"zone", "ZONE"}, {"contractor", "CONTRACTOR"}};
        Map<AreaLevel, List<Figures>> byLevel = new java.util.EnumMap<>(AreaLevel.class);
        jdbc.sql(ALL_LEVELS.formatted(scope.kind().predicate)).param("scope", scope.value())
                .param("d", d).param("d3", d.minusMonths(3)).param("d6", d.minusMonths(6)).param("d12", d.minusMonths(12))
                .query(rs -> {
                    AreaLevel level = AreaLevel.REGION;
                    String code = "region";
                    for (String[] c : columns) {
                        if (rs.getInt("g_" + c[0]) == 0) {
                            level = AreaLevel.valueOf(c[1]);
                            code = rs.getString("k_" + c[0]);
                        }
                    }
                    byLevel.computeIfAbsent(level, l -> new java.util.ArrayList<>()).add(new Figures(code,
                            rs.getLong("targeted"), rs.getLong("abandoned"), rs.getLong("in_study"), rs.getLong("in_works"),
                            rs.getLong("built"), rs.getLong("built_3"), rs.getLong("built_6"), rs.getLong("built_12"),
                            rs.getLong("open"), rs.getLong("subscribed"), rs.getLong("premises")));
                });
        byLevel.values().forEach(list -> list.sort(java.util.Comparator.comparing(f -> f.code() == null ? "" : f.code())));
        return byLevel;
    }

    Map<String, String> names(AreaLevel level) {
        Map<String, String> names = new HashMap<>();
        jdbc.sql(level.names).query(rs -> {
            names.put(rs.getString("code"), rs.getString("name"));
        });
        return names;
    }

    /** Target end dates of phases and tranches, by code. */
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

    record Monthly(String code, String kind, String month, long n) {
    }

    List<Monthly> monthly(AreaLevel level, LocalDate to) {
        return monthly(level, to, Scope.REGION);
    }

    List<Monthly> monthly(AreaLevel level, LocalDate to, Scope scope) {
        return jdbc.sql(MONTHLY.formatted(level.key, level.joins, scope.kind().predicate)).param("to", to)
                .param("scope", scope.value())
                .query((rs, i) -> new Monthly(rs.getString("code"), rs.getString("kind"), rs.getString("month"),
                        rs.getLong("n")))
                .list();
    }

    List<Map<String, Object>> lateZones(LocalDate d) {
        return lateZones(d, Scope.REGION);
    }

    List<Map<String, Object>> lateZones(LocalDate d, Scope scope) {
        return jdbc.sql(LATE_ZONES.formatted(scope.kind().predicate)).param("d", d).param("scope", scope.value())
                .query().listOfRows();
    }
}
