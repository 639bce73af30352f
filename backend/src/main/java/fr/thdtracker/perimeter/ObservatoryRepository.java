package fr.thdtracker.perimeter;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The Arcep observatory as imported (arcep_commune, arcep_epci, arcep_deployment; V19's views and
 * coverage rule), per commune and per EPCI or department.
 */
@Repository
class ObservatoryRepository {

    /** An EPCI or a department: how its commune rows, its current communes and its published rows are found. */
    enum Group {
        EPCI("EPCI", "a.epci_siren", "c.epci_siren", "SELECT name FROM epci WHERE siren = :code"),
        DEPARTMENT("DEPARTMENT", "a.department_code", "c.department_code", "SELECT name FROM department WHERE code = :code");

        final String level;
        /** Column of arcep_commune a (the observatory's own grouping, that of its published figures). */
        final String arcepKey;
        /** Column of commune c (the current communes). */
        final String communeKey;
        final String name;

        Group(String level, String arcepKey, String communeKey, String name) {
            this.level = level;
            this.arcepKey = arcepKey;
            this.communeKey = communeKey;
            this.name = name;
        }
    }

    private final JdbcClient jdbc;

    ObservatoryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean imported() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM arcep_commune)").query(Boolean.class).single();
    }

    /** What to credit: dataset_info('arcep.source') as the import wrote it. */
    Optional<String> credit() {
        return jdbc.sql("SELECT value FROM dataset_info WHERE key = 'arcep.source'").query(String.class).optional();
    }

    /** The commune's figures summed over its rows, or empty when it has none. */
    Optional<CommuneFigures.Observatory> commune(String insee) {
        record Head(String vintage, int logements, int etablissements) {
        }
        Optional<Head> head = jdbc.sql("SELECT vintage, logements, etablissements FROM arcep_commune_figures WHERE insee = :insee")
                .param("insee", insee)
                .query((rs, i) -> new Head(rs.getString(1), rs.getInt(2), rs.getInt(3))).optional();
        if (head.isEmpty()) {
            return Optional.empty();
        }
        List<CommuneFigures.Quarter> quarters = jdbc.sql("""
                        SELECT quarter, connectable, coverage_class, coverage_class_published
                        FROM arcep_commune_quarter WHERE insee = :insee ORDER BY quarter""")
                .param("insee", insee)
                .query((rs, i) -> new CommuneFigures.Quarter(rs.getString(1), rs.getLong(2),
                        rs.getObject(3, Integer.class), rs.getBoolean(4)))
                .list();
        Map<String, List<CommuneFigures.Quarter>> partQuarters = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT d.code, d.quarter, d.connectable, d.coverage_class
                        FROM arcep_commune a JOIN arcep_deployment d ON d.level = 'COMMUNE' AND d.code = a.arcep_code
                        WHERE a.insee = :insee ORDER BY d.code, d.quarter""")
                .param("insee", insee)
                .query(rs -> {
                    partQuarters.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new CommuneFigures.Quarter(
                            rs.getString(2), rs.getLong(3), rs.getObject(4, Integer.class), true));
                });
        List<CommuneFigures.Part> parts = jdbc.sql("""
                        SELECT arcep_code, name, logements, etablissements, very_dense, l3313_operator,
                               private_intention IS NOT NULL AS private_intention, rural, mountain, building_operator
                        FROM arcep_commune WHERE insee = :insee ORDER BY arcep_code""")
                .param("insee", insee)
                .query((rs, i) -> new CommuneFigures.Part(rs.getString("arcep_code"), rs.getString("name"),
                        rs.getInt("logements"), rs.getInt("etablissements"), rs.getBoolean("very_dense"),
                        rs.getString("l3313_operator"), rs.getBoolean("private_intention"), rs.getBoolean("rural"),
                        rs.getBoolean("mountain"), rs.getString("building_operator"),
                        partQuarters.getOrDefault(rs.getString("arcep_code"), List.of())))
                .list();
        Head h = head.get();
        CommuneFigures.Quarter latest = quarters.isEmpty() ? null : quarters.get(quarters.size() - 1);
        return Optional.of(new CommuneFigures.Observatory(h.vintage(), h.logements(), h.etablissements(), latest,
                quarters, parts));
    }

    Optional<String> groupName(Group group, String code) {
        return jdbc.sql(group.name).param("code", code).query(String.class).optional();
    }

    /** The group's current communes per perimeter kind on a day, with their observatory premises. */
    List<GroupFigures.PerimeterShare> perimeters(Group group, String code, LocalDate day) {
        return jdbc.sql("""
                        SELECT p.kind, thd_perimeter_label(p.kind, NULL) AS label, count(*) AS communes,
                               sum(f.logements + f.etablissements) AS premises
                        FROM commune c
                        JOIN thd_commune_perimeter(:day) p ON p.insee = c.insee
                        LEFT JOIN arcep_commune_figures f ON f.insee = c.insee
                        WHERE %s = :code
                        GROUP BY p.kind ORDER BY p.kind""".formatted(group.communeKey))
                .param("code", code).param("day", day)
                .query((rs, i) -> new GroupFigures.PerimeterShare(rs.getString(1), rs.getString(2), rs.getLong(3),
                        rs.getObject(4, Long.class)))
                .list();
    }

    /** The observatory's commune rows of the group summed; empty when it has none. */
    Optional<GroupFigures.Totals> summed(Group group, String code) {
        record Sums(long logements, long etablissements) {
        }
        Optional<Sums> sums = jdbc.sql("""
                        SELECT sum(logements), sum(etablissements) FROM arcep_commune a WHERE %s = :code
                        HAVING count(*) > 0""".formatted(group.arcepKey))
                .param("code", code).query((rs, i) -> new Sums(rs.getLong(1), rs.getLong(2))).optional();
        if (sums.isEmpty()) {
            return Optional.empty();
        }
        List<GroupFigures.Quarter> quarters = jdbc.sql("""
                        SELECT d.quarter, sum(d.connectable) AS connectable,
                               thd_arcep_coverage_class(sum(d.connectable), sum(a.logements + a.etablissements)) AS cls
                        FROM arcep_commune a JOIN arcep_deployment d ON d.level = 'COMMUNE' AND d.code = a.arcep_code
                        WHERE %s = :code GROUP BY d.quarter ORDER BY d.quarter""".formatted(group.arcepKey))
                .param("code", code)
                .query((rs, i) -> new GroupFigures.Quarter(rs.getString(1), rs.getLong(2), rs.getObject(3, Integer.class)))
                .list();
        return Optional.of(new GroupFigures.Totals(sums.get().logements(), sums.get().etablissements(), quarters));
    }

    /** What Arcep publishes for the group (its EPCI file gives logements, the department file none); empty when nothing. */
    Optional<GroupFigures.Totals> published(Group group, String code) {
        List<GroupFigures.Quarter> quarters = jdbc.sql("""
                        SELECT quarter, connectable, coverage_class FROM arcep_deployment
                        WHERE level = :level AND code = :code ORDER BY quarter""")
                .param("level", group.level).param("code", code)
                .query((rs, i) -> new GroupFigures.Quarter(rs.getString(1), rs.getLong(2), rs.getObject(3, Integer.class)))
                .list();
        record Info(long logements, long etablissements) {
        }
        Optional<Info> info = group != Group.EPCI ? Optional.empty()
                : jdbc.sql("SELECT logements, etablissements FROM arcep_epci WHERE siren = :code").param("code", code)
                        .query((rs, i) -> new Info(rs.getLong(1), rs.getLong(2))).optional();
        if (quarters.isEmpty() && info.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new GroupFigures.Totals(info.map(Info::logements).orElse(null),
                info.map(Info::etablissements).orElse(null), quarters));
    }
}
