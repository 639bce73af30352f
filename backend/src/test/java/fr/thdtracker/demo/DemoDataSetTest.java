package fr.thdtracker.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

import fr.thdtracker.DemoDatabaseTest;

/**
 * The demo as loaded in PostGIS reproduces the programme on 1 January 2021, proportionally to its
 * scale, and is internally consistent (history, geometry, copper network).
 */
class DemoDataSetTest extends DemoDatabaseTest {

    /** Per tranche on 1 January 2021: built, open for sale, subscribed, started, lines (also RealPerimeterDemoTest). */
    static final String AS_OF_2021 = """
            WITH state AS (
                SELECT DISTINCT ON (building_id) building_id, new_value AS state
                FROM building_event WHERE field = 'state' AND effective_on <= DATE '2021-01-01'
                ORDER BY building_id, effective_on DESC, id DESC
            ), subscribed AS (
                SELECT DISTINCT premise_id FROM premise_event
                WHERE field = 'subscription' AND effective_on <= DATE '2021-01-01'
            )
            SELECT t.code,
                   count(*) FILTER (WHERE s.state IN ('DEPLOYE', 'RACCORDABLE_DEMANDE')) AS built,
                   count(*) FILTER (WHERE s.state IN ('DEPLOYE', 'RACCORDABLE_DEMANDE')
                                    AND p.commercial_opening_date <= DATE '2021-01-01') AS open,
                   count(sub.premise_id) AS subscribed,
                   count(*) FILTER (WHERE s.state IN ('EN_COURS', 'DEPLOYE', 'RACCORDABLE_DEMANDE')) AS started,
                   count(*) AS lines
            FROM premise l
            JOIN building p ON p.id = l.building_id
            JOIN pm_zone pm ON pm.id = p.pm_zone_id
            JOIN deployment_zone z ON z.id = pm.zone_id
            JOIN tranche t ON t.id = z.tranche_id
            LEFT JOIN state s ON s.building_id = p.id
            LEFT JOIN subscribed sub ON sub.premise_id = l.id
            GROUP BY t.code
            """;

    record TrancheFigures(long built, long open, long subscribed, long started, long lines) {
    }

    @Autowired
    DemoGenerator generator;

    private Map<String, TrancheFigures> figuresOn2021() {
        Map<String, TrancheFigures> m = new java.util.HashMap<>();
        jdbc.sql(AS_OF_2021).query(rs -> {
            m.put(rs.getString("code"), new TrancheFigures(rs.getLong("built"), rs.getLong("open"),
                    rs.getLong("subscribed"), rs.getLong("started"), rs.getLong("lines")));
        });
        return m;
    }

    @Test
    void linesAndTranchesMatchTheProgrammeAtScale() {
        double s = TEST_DEMO.scale();
        // the programme's lines (in a PM area); the private towns' premises come on top (PerimeterDemoTest)
        assertThat(count("SELECT sum(lines) FROM building WHERE pm_zone_id IS NOT NULL")).isEqualTo(TEST_DEMO.targetLines());
        Map<String, TrancheFigures> f = figuresOn2021();
        assertThat((double) f.get("P1T1").lines()).isCloseTo(70_000 * s, within(70_000 * s * 0.03));
        assertThat((double) f.get("P1T2").lines()).isCloseTo(170_000 * s, within(170_000 * s * 0.03));
        assertThat((double) f.get("P2").lines()).isCloseTo(400_000 * s, within(400_000 * s * 0.03));
        for (String tranche : new String[]{"P1T1", "P1T2", "P2", "P3"}) {
            long zones = jdbc.sql("SELECT count(*) FROM deployment_zone z JOIN tranche t ON t.id = z.tranche_id "
                    + "WHERE t.code = :c").param("c", tranche).query(Long.class).single();
            assertThat(zones).as("zones of %s", tranche).isBetween(90L, 100L);
        }
    }

    @Test
    void onFirstJanuary2021TheFiguresOfTheAnnualReportHold() {
        double s = TEST_DEMO.scale();
        Map<String, TrancheFigures> f = figuresOn2021();
        long open = f.values().stream().mapToLong(TrancheFigures::open).sum();
        long subscribed = f.values().stream().mapToLong(TrancheFigures::subscribed).sum();
        // tranche 1 built: about 70,000 lines
        assertThat((double) f.get("P1T1").built()).isCloseTo(70_000 * s, within(70_000 * s * 0.03));
        // 74,000 lines open for sale, nearly 43 % subscribed
        assertThat((double) open).isCloseTo(74_000 * s, within(74_000 * s * 0.04));
        assertThat((double) subscribed / open).isCloseTo(0.43, within(0.04));
        // tranche 2 in works, its first lines open; Phase 2 in works; Phase 3 not started
        assertThat((double) f.get("P1T2").started() / f.get("P1T2").lines()).isGreaterThan(0.9);
        assertThat(f.get("P1T2").open()).isPositive();
        assertThat(f.get("P2").started()).isPositive();
        assertThat(f.get("P2").built()).isZero();
        assertThat(f.get("P3").started()).isZero();
        // and the programme goes on after that date: Phase 2 built by the data date
        assertThat(count("""
                SELECT count(*) FROM premise l JOIN building p ON p.id = l.building_id JOIN pm_zone pm ON pm.id = p.pm_zone_id
                JOIN deployment_zone z ON z.id = pm.zone_id WHERE z.tranche_id = 3 AND p.state = 'DEPLOYE'
                """)).isGreaterThan(f.get("P2").lines() * 9 / 10);
    }

    @Test
    void aBuildingHoldsItsLines() {
        // its dwellings and business premises are its lines of each kind, the weight every figure counts
        assertThat(count("""
                SELECT count(*) FROM building b
                LEFT JOIN (SELECT building_id, count(*) FILTER (WHERE kind = 'DWELLING') AS d,
                                  count(*) FILTER (WHERE kind = 'BUSINESS') AS e
                           FROM premise GROUP BY building_id) l ON l.building_id = b.id
                WHERE b.dwellings IS DISTINCT FROM l.d OR b.business_premises IS DISTINCT FROM l.e
                """)).isZero();
        assertThat(count("SELECT sum(lines) FROM building")).isEqualTo(count("SELECT count(*) FROM premise"));
        // a house is one line, a block of flats several at one address
        assertThat(count("SELECT count(*) FROM building WHERE building_type = 'PAVILLON' AND lines <> 1")).isZero();
        assertThat(count("SELECT count(*) FROM building WHERE building_type = 'IMMEUBLE' AND lines < 2")).isZero();
        assertThat(count("SELECT count(*) FROM building")).isLessThan(count("SELECT count(*) FROM premise") * 3 / 4);
        // business premises: shops at the foot of town blocks, some houses; a few percent of the lines
        double business = (double) count("SELECT count(*) FROM premise WHERE kind = 'BUSINESS'") / count("SELECT count(*) FROM premise");
        assertThat(business).isBetween(0.03, 0.15);
        assertThat(count("SELECT count(*) FROM building WHERE building_type = 'IMMEUBLE' AND business_premises > 0")).isPositive();
        // the IPE identifier: one per building, IMB/<INSEE>/X/…, and its lines' codes derive from it
        assertThat(count("SELECT count(*) FROM building WHERE code NOT LIKE 'IMB/' || insee || '/X/%'")).isZero();
        assertThat(count("SELECT count(*) FROM premise p JOIN building b ON b.id = p.building_id WHERE p.code NOT LIKE b.code || '-%'"))
                .isZero();
        assertThatThrownBy(() -> owner.jdbc().sql("""
                INSERT INTO building (id, code, insee, street_name, building_type, dwellings, state, geom)
                SELECT -1, code, insee, street_name, building_type, 1, state, geom FROM building ORDER BY id LIMIT 1
                """).update()).isInstanceOf(DataAccessException.class).hasMessageContaining("building_code_key");
    }

    @Test
    void historyIsConsistentWithCurrentState() {
        assertThat(count("""
                SELECT count(*) FROM building p
                JOIN LATERAL (SELECT new_value FROM building_event e
                              WHERE e.building_id = p.id AND e.field = 'state'
                              ORDER BY effective_on DESC, id DESC LIMIT 1) last ON true
                WHERE last.new_value IS DISTINCT FROM p.state
                """)).isZero();
        assertThat(count("SELECT count(*) FROM building p WHERE NOT EXISTS "
                + "(SELECT 1 FROM building_event e WHERE e.building_id = p.id)")).isZero();
        assertThat(count("SELECT count(*) FROM building_event WHERE effective_on > DATE '2026-10-31'")).isZero();
        assertThat(count("SELECT count(*) FROM premise_event WHERE effective_on > DATE '2026-10-31'")).isZero();
        // subscriptions only with an operator already on the network, on a connectable building, once open
        assertThat(count("""
                SELECT count(*) FROM premise p JOIN operator o ON o.id = p.operator_id
                WHERE p.subscribed_on < o.arrived_on
                """)).isZero();
        assertThat(count("""
                SELECT count(*) FROM premise p JOIN building b ON b.id = p.building_id
                WHERE p.operator_id IS NOT NULL AND (NOT thd_connectable(b.state) OR p.subscribed_on < b.commercial_opening_date)
                """)).isZero();
    }

    @Test
    void geometryIsConsistent() {
        assertThat(count("SELECT count(*) FROM building p JOIN commune c USING (insee) WHERE NOT ST_Intersects(c.geom, p.geom)")).isZero();
        assertThat(count("SELECT count(*) FROM premise l JOIN building p ON p.id = l.building_id JOIN pm_zone pm ON pm.id = p.pm_zone_id WHERE NOT ST_Intersects(pm.geom, p.geom)")).isZero();
        assertThat(count("SELECT count(*) FROM deployment_zone WHERE geom IS NULL OR NOT ST_IsValid(geom)")).isZero();
        assertThat(count("SELECT count(DISTINCT ST_SRID(geom)) FROM building")).isEqualTo(1);
        assertThat(count("SELECT ST_SRID(geom) FROM building LIMIT 1")).isEqualTo(2154);
        // PM areas of the programme do not overlap
        assertThat(count("""
                SELECT count(*) FROM pm_zone a JOIN pm_zone b ON a.id < b.id AND a.geom && b.geom
                WHERE ST_Area(ST_Intersection(a.geom, b.geom)) > 1
                """)).isZero();
        // roads reach every commune
        assertThat(count("SELECT count(*) FROM commune c WHERE NOT EXISTS (SELECT 1 FROM road r WHERE r.insee = c.insee) "
                + "AND EXISTS (SELECT 1 FROM building p WHERE p.insee = c.insee AND p.street_number IS NOT NULL)")).isZero();
    }

    @Test
    void copperNetworkHasTheProgrammesCabinets() {
        assertThat(count("SELECT count(*) FROM upgrade_operation WHERE kind = 'MED' AND programme = 'EARLY'")).isEqualTo(174);
        assertThat(count("SELECT count(*) FROM upgrade_operation WHERE kind = 'MED' AND programme = 'CURRENT'")).isEqualTo(149);
        assertThat(count("SELECT count(DISTINCT lot) FROM upgrade_operation WHERE programme = 'CURRENT' AND kind = 'MED'")).isEqualTo(3);
        assertThat(count("SELECT count(*) FROM exchange WHERE type = 'NRA_ZO'")).isEqualTo(25);
        double lines = count("SELECT sum(lines_concerned) FROM upgrade_operation WHERE kind = 'MED' AND programme = 'CURRENT'");
        assertThat(lines).isCloseTo(23_000 * TEST_DEMO.scale(), within(23_000 * TEST_DEMO.scale() * 0.15));
        // each MED cabinet hangs from the exchange of the SR it sits beside
        assertThat(count("""
                SELECT count(*) FROM upgrade_operation o
                JOIN exchange cab ON cab.id = o.cabinet_id JOIN sub_distributor sr ON sr.id = o.sub_distributor_id
                WHERE o.kind = 'MED' AND cab.parent_exchange_id <> sr.exchange_id
                """)).isZero();
        assertThat(count("SELECT count(*) FROM building WHERE sub_distributor_id IS NULL")).isZero();
        assertThat(count("SELECT count(*) FROM exchange WHERE code !~ '^[0-9]{5}[A-Z0-9]{3}$'")).isZero();
    }

    /**
     * The programme's 25 NRA-ZO (Mégalis, annual report 2020): existing exchanges serving their SRs,
     * fed by copper from their NRA until a fibre backhaul commissioned in 2020, about 4,500 lines at
     * full scale; the ZO operation records that backhaul, on the same date.
     */
    @Test
    void theNraZoAreExistingExchangesGivenFibreIn2020() {
        assertThat(count("""
                SELECT count(*) FROM exchange x JOIN exchange parent ON parent.id = x.parent_exchange_id
                WHERE x.type = 'NRA_ZO' AND parent.type IN ('NRA', 'NRA_HD') AND x.backhaul = 'FIBRE'
                  AND x.fibre_backhaul_from BETWEEN DATE '2020-01-01' AND DATE '2020-12-31'
                """)).isEqualTo(25);
        assertThat(count("SELECT count(*) FROM exchange WHERE fibre_backhaul_from IS NOT NULL")).isEqualTo(25);
        // each serves an SR as its exchange, and its operation is that SR's and that date's
        assertThat(count("""
                SELECT count(*) FROM upgrade_operation o JOIN exchange x ON x.id = o.cabinet_id
                JOIN sub_distributor sr ON sr.id = o.sub_distributor_id
                WHERE o.kind = 'ZO' AND x.type = 'NRA_ZO' AND sr.exchange_id = x.id AND o.status = 'IN_SERVICE'
                  AND o.commissioned_on = x.fibre_backhaul_from
                """)).isEqualTo(25);
        double lines = count("""
                SELECT sum(p.lines) FROM building p JOIN sub_distributor sr ON sr.id = p.sub_distributor_id
                JOIN exchange x ON x.id = sr.exchange_id WHERE x.type = 'NRA_ZO'
                """);
        assertThat(lines).isCloseTo(4_500 * TEST_DEMO.scale(), within(4_500 * TEST_DEMO.scale() * 0.15));
        assertThat((double) count("SELECT sum(lines_concerned) FROM upgrade_operation WHERE kind = 'ZO'")).isEqualTo(lines);
        // no ZO behind a MED cabinet: the montées en débit are at other SRs
        assertThat(count("""
                SELECT count(*) FROM upgrade_operation o JOIN sub_distributor sr ON sr.id = o.sub_distributor_id
                JOIN exchange x ON x.id = sr.exchange_id WHERE o.kind = 'MED' AND x.type = 'NRA_ZO'
                """)).isZero();
    }

    /**
     * VDSL2 dated per equipment from Arcep's authorisations: every line from an NRA from autumn
     * 2014 (each NRA at its date until 2017), the PRM cabinets from 1 October 2013 or their
     * commissioning, the NRA-ZO with their fibre.
     */
    @Test
    void vdsl2OpensAtEachExchangeOnItsDate() {
        assertThat(count("SELECT count(*) FROM exchange WHERE vdsl2 AND type IN ('NRA', 'NRA_HD')"))
                .isEqualTo(count("""
                        SELECT count(*) FROM exchange WHERE type IN ('NRA', 'NRA_HD')
                          AND vdsl2_from BETWEEN DATE '2014-11-10' AND DATE '2017-12-31'
                        """)).isPositive();
        assertThat(count("SELECT count(DISTINCT extract(year FROM vdsl2_from)) FROM exchange WHERE type = 'NRA'"))
                .isEqualTo(4);
        assertThat(count("""
                SELECT count(*) FROM upgrade_operation o JOIN exchange x ON x.id = o.cabinet_id
                WHERE o.kind = 'MED' AND o.status = 'IN_SERVICE'
                  AND NOT (x.vdsl2_from >= o.commissioned_on AND x.vdsl2_from >= DATE '2013-10-01'
                           AND x.vdsl2_from <= greatest(o.commissioned_on, DATE '2014-07-01'))
                """)).isZero();
        assertThat(count("SELECT count(*) FROM exchange WHERE type = 'NRA_ZO' AND vdsl2_from <> fibre_backhaul_from"))
                .isZero();
    }

    @Test
    void backboneAndOperatorsArePresent() {
        assertThat(jdbc.sql("SELECT name FROM operator ORDER BY arrived_on").query(String.class).list())
                .startsWith("Orange").contains("Bouygues Telecom", "SFR", "Free", "Netensia", "IBloo", "Firstwan");
        assertThat(count("SELECT count(*) FROM ruhd_site WHERE name LIKE '%Lannion%' OR name LIKE '%Brest%'")).isGreaterThan(1);
        assertThat(count("SELECT count(*) FROM ruhd_link WHERE status = 'planned' AND code IN "
                + "(SELECT l.code FROM ruhd_link l JOIN ruhd_site s ON s.id IN (l.site_a_id, l.site_b_id) WHERE s.code LIKE 'RUHD-PON%')"))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM ruhd_lease")).isGreaterThan(4);
    }

    @Test
    void historyIsAppendOnly() {
        // even for the owner of the table, whom grants do not stop (the server's role: ApplicationRoleTest)
        JdbcClient asOwner = owner.jdbc();
        assertThatThrownBy(() -> asOwner.sql("UPDATE premise_event SET new_value = 'CIBLE' WHERE id = 1").update())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> asOwner.sql("DELETE FROM premise_event WHERE id = 1").update())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThat(count("SELECT count(*) FROM premise_event WHERE id = 1")).isEqualTo(1);
        assertThatThrownBy(() -> asOwner.sql("UPDATE building_event SET new_value = 'CIBLE' WHERE id = 1").update())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("building_event is append-only");
        assertThatThrownBy(() -> asOwner.sql("DELETE FROM building_event WHERE id = 1").update())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
    }

    @Test
    void aSecondLoadIsRefusedAndChangesNothing() {
        long before = count("SELECT count(*) FROM premise_event");
        assertThatThrownBy(() -> generator.generate(TEST_DEMO)).hasMessageContaining("déjà des locaux");
        assertThat(count("SELECT count(*) FROM premise_event")).isEqualTo(before);
        assertThat(count("SELECT count(*) FROM import_batch")).isEqualTo(1);
    }

    @Test
    void addressesAreTypable() {
        var addresses = jdbc.sql("""
                SELECT street_number, street_name, c.name FROM building p JOIN commune c USING (insee)
                WHERE street_number IS NOT NULL ORDER BY p.id LIMIT 200
                """).query((rs, i) -> rs.getInt(1) + " " + rs.getString(2) + ", " + rs.getString(3)).list();
        assertThat(addresses).allMatch(a -> a.matches("\\d+ (Rue|Avenue|Boulevard|Place|Impasse|Allée|Chemin|Route|Résidence|Lieu-dit) .+, .+"));
        // within a commune a street name is used by one street only, numbers are unique per side
        assertThat(count("""
                SELECT count(*) FROM (SELECT insee, street_name, street_number, street_suffix
                                      FROM building WHERE street_number IS NOT NULL
                                      GROUP BY 1, 2, 3, 4 HAVING count(*) > 1) d
                """)).isZero();
    }

    @Test
    void roadsFormOneConnectedNetworkOnTheMainland() {
        // vertices shared by two roads (to the centimetre) join them; count the connected components
        java.util.Map<Long, Integer> vertexIds = new java.util.HashMap<>();
        java.util.List<int[]> edges = new java.util.ArrayList<>();
        jdbc.sql("SELECT ST_AsBinary(geom) FROM road").query(rs -> {
            org.locationtech.jts.geom.Coordinate[] cs = fr.thdtracker.common.GeometryCodec.read(rs.getBytes(1)).getCoordinates();
            for (int i = 0; i + 1 < cs.length; i++) {
                edges.add(new int[]{vertex(vertexIds, cs[i]), vertex(vertexIds, cs[i + 1])});
            }
        });
        int[] parent = new int[vertexIds.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        for (int[] e : edges) {
            parent[find(parent, e[0])] = find(parent, e[1]);
        }
        java.util.Map<Integer, Integer> sizes = new java.util.HashMap<>();
        for (int i = 0; i < parent.length; i++) {
            sizes.merge(find(parent, i), 1, Integer::sum);
        }
        int largest = sizes.values().stream().max(Integer::compare).orElse(0);
        // islands (Ouessant, Bréhat, Belle-Île…) have their own networks
        assertThat((double) largest / parent.length).isGreaterThan(0.97);
    }

    private static int vertex(java.util.Map<Long, Integer> ids, org.locationtech.jts.geom.Coordinate c) {
        long key = Math.round(c.x * 100) * 1_000_000_000L + Math.round(c.y * 100) % 1_000_000_000L;
        return ids.computeIfAbsent(key, k -> ids.size());
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
