package fr.thdtracker.demo;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

import fr.thdtracker.territory.CommuneShape;

/**
 * Reads what the demo apportions its lines by: each commune's perimeter on the data date (V16's
 * thd_commune_perimeter: public unless a row says otherwise) and its Arcep logements and
 * établissements, summed over its COG-2018 rows, when the observatory is imported.
 */
final class CommunePerimeters {

    private static final String WEIGHTS = """
            SELECT c.insee, per.kind = 'PUBLIC' AS in_programme, c.dwellings, a.logements, a.etablissements
            FROM commune c
            JOIN thd_commune_perimeter(:day) per ON per.insee = c.insee
            LEFT JOIN (SELECT insee, sum(logements) AS logements, sum(etablissements) AS etablissements
                       FROM arcep_commune GROUP BY insee) a ON a.insee = c.insee
            """;

    private CommunePerimeters() {
    }

    static boolean arcepImported(JdbcClient jdbc) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM arcep_commune)").query(Boolean.class).single();
    }

    /**
     * One weight per commune, in the order of {@code communes}. With the Arcep figures, a commune
     * weighs its logements + établissements (a commune the observatory lacks falls back on its
     * dwellings); without them, its dwellings, split by Brittany's share of business premises.
     */
    static List<LineApportionment.Weight> weights(JdbcClient jdbc, List<CommuneShape> communes, LocalDate day) {
        boolean arcep = arcepImported(jdbc);
        Map<String, LineApportionment.Weight> byInsee = new HashMap<>();
        jdbc.sql(WEIGHTS).param("day", day).query(rs -> {
            boolean inProgramme = rs.getBoolean("in_programme");
            long logements = rs.getLong("logements");
            boolean hasArcep = arcep && !rs.wasNull();
            double dwellings = rs.getInt("dwellings");
            byInsee.put(rs.getString("insee"), hasArcep
                    ? new LineApportionment.Weight(logements, rs.getLong("etablissements"), inProgramme)
                    : new LineApportionment.Weight(dwellings * (1 - LineApportionment.BUSINESS_SHARE_WITHOUT_ARCEP),
                    dwellings * LineApportionment.BUSINESS_SHARE_WITHOUT_ARCEP, inProgramme));
        });
        return communes.stream().map(c -> byInsee.get(c.insee())).toList();
    }
}
