package fr.thdtracker.demo;

import java.io.IOException;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import javax.sql.DataSource;

import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.triangulate.DelaunayTriangulationBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import fr.thdtracker.common.BulkCopy;
import fr.thdtracker.common.GeometryCodec;

/**
 * Generates the whole demo network, deterministically from a seed, and loads it in one
 * transaction: a failure leaves the database as it was.
 */
@Service
public class DemoGenerator {

    private static final Logger log = LoggerFactory.getLogger(DemoGenerator.class);
    private static final double MAJOR_ROAD_MAX_M = 25_000;

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    DemoGenerator(DataSource dataSource, JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setTimeout(-1);
    }

    public boolean databaseHasPremises() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM premise)").query(Boolean.class).single();
    }

    /** Loads the demo; refuses when premises already exist (nothing is ever overwritten). */
    public DemoSummary generate(DemoSettings settings) {
        return tx.execute(status -> {
            jdbc.sql("SET LOCAL statement_timeout = 0").update();
            if (databaseHasPremises()) {
                throw new IllegalStateException("La base contient déjà des locaux : la démo n'est chargée que dans une base vide");
            }
            return load(settings, DataSourceUtils.getConnection(dataSource));
        });
    }

    private DemoSummary load(DemoSettings s, Connection connection) {
        long t0 = System.nanoTime();
        TerritoryRepository territory = new TerritoryRepository(jdbc);
        if (!territory.hasCommunes()) {
            step("Territoire synthétique (aucune commune importée)");
            new SyntheticTerritory(jdbc).create(s.seed());
        }
        List<CommuneShape> communes = territory.communes();
        int[] lines = apportion(communes, s.targetLines());

        step("Rues et locaux de " + communes.size() + " communes");
        PremiseTable premises = new PremiseTable((int) s.targetLines());
        List<Road> roads = new ArrayList<>();
        StreetPlanner streets = new StreetPlanner();
        for (int c = 0; c < communes.size(); c++) {
            SplittableRandom rnd = new SplittableRandom(s.seed() * 31 + communes.get(c).insee().hashCode());
            streets.plan(communes.get(c), c, lines[c], s.scale(), rnd, premises, roads);
        }
        roads.addAll(majorRoads(communes));

        step("Zones PM, tranches et zones de déploiement");
        RolloutPlan rollout = new RolloutPlanner().plan(premises, communes, s);
        step("Réseau cuivre : NRA, sous-répartiteurs, montées en débit, NRA-ZO");
        CopperPlan copper = new CopperPlanner().plan(premises, communes, lines, s);
        List<PremiseFates.Operator> operators = PremiseFates.operatorsFromResources();
        step("Historique des locaux");
        PremiseFates fates = new PremiseFates(premises, rollout, s, operators);

        BulkCopy bulk = new BulkCopy(connection, jdbc);
        long batchId = jdbc.sql("""
                        INSERT INTO import_batch (kind, source_name, row_count, status)
                        VALUES ('DEMO', :name, :rows, 'RUNNING') RETURNING id
                        """)
                .param("name", "démo seed=" + s.seed() + " échelle=" + s.scale()).param("rows", premises.size)
                .query(Long.class).single();
        writeOperators(operators);
        writeProgramme(rollout, s);
        writeCopper(bulk, copper);
        List<String> restore = bulk.dropIndexesAndForeignKeys("premise_event", "premise");
        step("COPY de " + premises.size + " locaux");
        writePremises(bulk, premises, communes, rollout, copper, fates, operators, s);
        step("COPY de l'historique");
        long events = writeEvents(bulk, premises, fates, operators, s, batchId);
        step("Index et clés étrangères");
        bulk.execute(restore);
        writeRoads(bulk, roads);
        writeBackbone();
        step("Géométries des zones");
        finishGeometries();
        jdbc.sql("UPDATE import_batch SET finished_at = now(), status = 'DONE' WHERE id = :id").param("id", batchId).update();
        putInfo("data.refresh_date", s.dataDate().toString());
        putInfo("demo.seed", Long.toString(s.seed()));
        putInfo("demo.scale", Double.toString(s.scale()));
        jdbc.sql("ANALYZE").update();
        double seconds = (System.nanoTime() - t0) / 1e9;
        log.info("Démo chargée : {} locaux, {} événements, {} zones, {} s", premises.size, events,
                rollout.zones.size(), String.format("%.1f", seconds));
        return new DemoSummary(premises.size, events, rollout.zones.size(), rollout.pms.size(),
                copper.exchanges.size(), copper.operations.size(), seconds);
    }

    public record DemoSummary(int premises, long events, int zones, int pmAreas, int exchanges, int operations,
                              double seconds) {
    }

    private static void step(String what) {
        log.info("Démo : {}…", what);
    }

    /** Lines per commune in proportion to its dwellings (largest remainders, so the total is exact). */
    static int[] apportion(List<CommuneShape> communes, long total) {
        double sum = communes.stream().mapToDouble(CommuneShape::dwellings).sum();
        int[] lines = new int[communes.size()];
        double[] remainder = new double[communes.size()];
        long given = 0;
        for (int i = 0; i < lines.length; i++) {
            double exact = sum == 0 ? (double) total / lines.length : total * communes.get(i).dwellings() / sum;
            lines[i] = (int) Math.floor(exact);
            remainder[i] = exact - lines[i];
            given += lines[i];
        }
        Integer[] order = new Integer[lines.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(remainder[b], remainder[a]));
        for (int k = 0; given < total; k = (k + 1) % order.length, given++) {
            lines[order[k]]++;
        }
        return lines;
    }

    /** Roads between neighbouring commune centres (Delaunay edges), so the network is connected. */
    private static List<Road> majorRoads(List<CommuneShape> communes) {
        List<Coordinate> centres = communes.stream().map(c -> c.centre().getCoordinate()).toList();
        DelaunayTriangulationBuilder delaunay = new DelaunayTriangulationBuilder();
        delaunay.setSites(centres);
        Geometry edges = delaunay.getEdges(GeometryCodec.FACTORY);
        List<Road> roads = new ArrayList<>();
        for (int i = 0; i < edges.getNumGeometries(); i++) {
            LineString edge = (LineString) edges.getGeometryN(i);
            if (edge.getLength() <= MAJOR_ROAD_MAX_M) {
                roads.add(new Road("MAJOR", "Route départementale", null, edge));
            }
        }
        return roads;
    }

    private void writeOperators(List<PremiseFates.Operator> operators) {
        for (CSVRecord r : DemoResources.csv("operators.csv")) {
            jdbc.sql("INSERT INTO operator (name, arcep_code, kind, arrived_on) VALUES (:n, :c, :k, :a)")
                    .param("n", r.get("name")).param("c", r.get("arcep_code")).param("k", r.get("kind"))
                    .param("a", LocalDate.parse(r.get("arrived_on"))).update();
        }
    }

    private void writeProgramme(RolloutPlan rollout, DemoSettings s) {
        jdbc.sql("""
                INSERT INTO phase (id, code, name, target_end_date) VALUES
                  (1, 'P1', 'Phase 1', DATE '2020-12-31'),
                  (2, 'P2', 'Phase 2', DATE '2022-12-31'),
                  (3, 'P3', 'Phase 3', DATE '2026-12-31')
                """).update();
        for (TrancheSpec t : TrancheSpec.values()) {
            jdbc.sql("""
                            INSERT INTO tranche (id, phase_id, code, name, start_date, target_end_date)
                            VALUES (:id, :phase, :code, :name, :start, :end)
                            """)
                    .param("id", t.id).param("phase", t.phaseId).param("code", t.name()).param("name", t.label)
                    .param("start", t.start).param("end", t.targetEnd).update();
        }
        ContractBook contracts = new ContractBook(jdbc);
        LocalDate d = s.dataDate();
        for (RolloutPlan.Zone z : rollout.zones) {
            z.contractId = contracts.contractFor(z.tranche, z.department);
            LocalDate plannedStart = z.pms.stream().map(p -> p.worksStart).min(LocalDate::compareTo).orElseThrow();
            LocalDate plannedEnd = z.pms.stream().map(p -> p.planned).max(LocalDate::compareTo).orElseThrow();
            LocalDate actualStart = plannedStart.isAfter(d) ? null : plannedStart;
            LocalDate lastDelivery = z.pms.stream().map(p -> p.madeAvailable).max(LocalDate::compareTo).orElseThrow();
            LocalDate actualEnd = lastDelivery.isAfter(d) ? null : lastDelivery;
            jdbc.sql("""
                            INSERT INTO deployment_zone (id, code, name, tranche_id, contract_id, nro_code, study_status,
                                planned_start_date, planned_end_date, actual_start_date, actual_end_date)
                            VALUES (:id, :code, :name, :tranche, :contract, :nro, :status, :ps, :pe, :as, :ae)
                            """)
                    .param("id", z.id).param("code", z.code).param("name", z.name).param("tranche", z.tranche.id)
                    .param("contract", z.contractId).param("nro", z.nroCode)
                    .param("status", studyStatus(plannedStart, actualStart, actualEnd, d))
                    .param("ps", plannedStart).param("pe", plannedEnd).param("as", actualStart).param("ae", actualEnd)
                    .update();
        }
        jdbc.sql("SELECT setval(pg_get_serial_sequence('deployment_zone', 'id'), (SELECT max(id) FROM deployment_zone))")
                .query(Long.class).single();
    }

    /** GraceTHD l_statut of a zone on the data date, from its works dates. */
    static String studyStatus(LocalDate worksStart, LocalDate actualStart, LocalDate actualEnd, LocalDate on) {
        if (actualEnd != null) {
            return ChronoUnit.DAYS.between(actualEnd, on) > 180 ? "MCO" : "REC";
        }
        if (actualStart != null) {
            return "TVX";
        }
        long days = ChronoUnit.DAYS.between(on, worksStart);
        return days > 900 ? "PRE" : days > 600 ? "AVP" : days > 360 ? "PRO" : days > 180 ? "ACT" : "EXE";
    }

    private void writeCopper(BulkCopy bulk, CopperPlan copper) {
        bulk.copy("exchange", "id, code, name, type, insee, vdsl2, backhaul, parent_exchange_id, geom", out -> {
            for (CopperPlan.Exchange e : copper.exchanges) {
                out.printRecord(e.id, e.code, e.name, e.type, e.insee, e.vdsl2, e.backhaul, e.parentId,
                        point(e.x, e.y));
            }
        });
        bulk.copy("sub_distributor", "id, code, exchange_id, geom", out -> {
            for (CopperPlan.SubDistributor sr : copper.subDistributors) {
                out.printRecord(sr.id, sr.code, copper.exchanges.get(sr.exchangeIdx).id, point(sr.x, sr.y));
            }
        });
        bulk.copy("upgrade_operation", "id, code, kind, programme, lot, sub_distributor_id, cabinet_id, status, "
                + "planned_on, commissioned_on, lines_concerned", out -> {
            for (CopperPlan.Operation op : copper.operations) {
                out.printRecord(op.id, op.code, op.kind, op.programme, op.lot, op.sr.id, op.cabinet.id, op.status,
                        op.plannedOn, op.commissionedOn, op.sr.lines);
            }
        });
        for (String table : List.of("exchange", "sub_distributor", "upgrade_operation")) {
            jdbc.sql("SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), (SELECT max(id) FROM " + table + "))")
                    .query(Long.class).single();
        }
    }

    private void writePremises(BulkCopy bulk, PremiseTable p, List<CommuneShape> communes, RolloutPlan rollout,
                               CopperPlan copper, PremiseFates f, List<PremiseFates.Operator> operators,
                               DemoSettings s) {
        long d = s.dataDate().toEpochDay();
        bulk.copy("pm_zone", "id, code, zone_id, pm_state, planned_date, made_available_date, pm_point, geom", out -> {
            for (RolloutPlan.Pm pm : rollout.pms) {
                boolean done = !pm.madeAvailable.isAfter(s.dataDate());
                String state = done ? "DP" : pm.worksStart.isAfter(s.dataDate()) ? "PL" : "EC";
                out.printRecord(pm.id, pm.code, pm.zone.id, state, done ? pm.planned : pm.madeAvailable,
                        done ? pm.madeAvailable : null, point(pm.x, pm.y),
                        GeometryCodec.toHexEwkb(GeometryCodec.FACTORY.createMultiPolygon(
                                new org.locationtech.jts.geom.Polygon[]{(org.locationtech.jts.geom.Polygon) pm.cell})));
            }
        });
        jdbc.sql("SELECT setval(pg_get_serial_sequence('pm_zone', 'id'), (SELECT max(id) FROM pm_zone))")
                .query(Long.class).single();
        bulk.copy("premise", "id, code, insee, pm_zone_id, sub_distributor_id, street_number, street_suffix, "
                + "street_name, complement, building_type, dwellings, state, planned_cabling_date, cabling_date, "
                + "commercial_opening_date, operator_id, subscribed_on, geom", out -> {
            for (int i = 0; i < p.size; i++) {
                RolloutPlan.Pm pm = rollout.pms.get(rollout.premisePm[i]);
                boolean cabled = !f.isAbandoned(i) && f.connectable[i] <= d;
                String insee = communes.get(p.commune[i]).insee();
                out.printRecord(i + 1, String.format("IMB/%s/X/%07d", insee, i + 1), insee, pm.id,
                        copper.subDistributors.get(copper.premiseSr[i]).id,
                        p.number[i] > 0 ? p.number[i] : null,
                        p.suffix[i] == 1 ? "bis" : p.suffix[i] == 2 ? "ter" : null,
                        p.streetNames.get(p.street[i]),
                        p.unit[i] > 0 ? "Appt " + p.unit[i] : null,
                        p.immeuble[i] ? "IMMEUBLE" : "PAVILLON", p.dwellings[i], stateOn(f, i, d),
                        cabled ? pm.planned : pm.madeAvailable.isAfter(s.dataDate()) ? pm.madeAvailable : pm.planned,
                        cabled ? day(f.connectable[i]) : null,
                        cabled ? day(f.opening[i]) : null,
                        f.isSubscribed(i) ? operators.get(f.operator[i]).id() : null,
                        f.isSubscribed(i) ? day(f.subscribed[i]) : null,
                        point(p.x[i], p.y[i]));
            }
        });
    }

    /** IPE state of premise i on the given day. */
    static String stateOn(PremiseFates f, int i, long day) {
        if (f.isAbandoned(i) && f.abandoned[i] <= day) {
            return "ABANDONNE";
        }
        if (!f.isAbandoned(i) && f.connectable[i] <= day) {
            return f.onDemand[i] ? "RACCORDABLE_DEMANDE" : "DEPLOYE";
        }
        if (f.works[i] <= day) {
            return "EN_COURS";
        }
        if (f.hasSigne(i) && f.signe[i] <= day) {
            return "SIGNE";
        }
        return "CIBLE";
    }

    private long writeEvents(BulkCopy bulk, PremiseTable p, PremiseFates f, List<PremiseFates.Operator> operators,
                             DemoSettings s, long batchId) {
        long d = s.dataDate().toEpochDay();
        return bulk.copy("premise_event", "premise_id, field, old_value, new_value, effective_on, recorded_at, source, batch_id", out -> {
            for (int i = 0; i < p.size; i++) {
                long id = i + 1;
                int[] days = {f.cible[i], f.hasSigne(i) ? f.signe[i] : Integer.MAX_VALUE, f.works[i],
                        f.isAbandoned(i) ? f.abandoned[i] : f.connectable[i]};
                String previous = null;
                int lastDay = Integer.MIN_VALUE;
                for (int day : days) {
                    if (day == Integer.MAX_VALUE || day > d || day < lastDay) {
                        continue;
                    }
                    String state = stateOn(f, i, day);
                    if (!state.equals(previous)) {
                        event(out, id, "state", previous, state, day, d, batchId);
                        previous = state;
                        lastDay = day;
                    }
                    if (state.equals("ABANDONNE")) {
                        break;
                    }
                }
                if (!f.isAbandoned(i) && f.connectable[i] <= d) {
                    event(out, id, "commercial_opening_date", null, day(f.opening[i]).toString(), f.connectable[i], d, batchId);
                }
                if (f.isSubscribed(i)) {
                    event(out, id, "subscription", null, operators.get(f.operator[i]).code(), f.subscribed[i], d, batchId);
                }
            }
        });
    }

    private static void event(CSVPrinter out, long premiseId, String field, String oldValue, String newValue,
                              long effectiveDay, long dataDay, long batchId) throws IOException {
        // the IPE file arrives every two weeks: recorded a few days after the fact, never after the data date
        long recorded = Math.min(effectiveDay + 1 + premiseId % 14, dataDay);
        out.printRecord(premiseId, field, oldValue, newValue, day(effectiveDay),
                day(recorded) + "T06:00:00Z", "DEMO", batchId);
    }

    private void writeRoads(BulkCopy bulk, List<Road> roads) {
        bulk.copy("road", "class, name, insee, geom", out -> {
            for (Road r : roads) {
                out.printRecord(r.roadClass(), r.name(), r.insee(), GeometryCodec.toHexEwkb(r.geom()));
            }
        });
    }

    private void writeBackbone() {
        for (CSVRecord r : DemoResources.csv("ruhd-sites.csv")) {
            jdbc.sql("""
                            INSERT INTO ruhd_site (code, name, kind, geom)
                            VALUES (:code, :name, :kind, ST_Transform(ST_SetSRID(ST_MakePoint(:lon, :lat), 4326), 2154))
                            """)
                    .param("code", r.get("code")).param("name", r.get("name")).param("kind", r.get("kind"))
                    .param("lon", Double.parseDouble(r.get("lon"))).param("lat", Double.parseDouble(r.get("lat")))
                    .update();
        }
        jdbc.sql("""
                UPDATE ruhd_site s SET insee = c.insee FROM commune c WHERE ST_Contains(c.geom, s.geom)
                """).update();
        for (CSVRecord r : DemoResources.csv("ruhd-links.csv")) {
            String commissioned = r.get("commissioned_on");
            jdbc.sql("""
                            INSERT INTO ruhd_link (code, site_a_id, site_b_id, capacity_gbps, status, contract_type,
                                                   commissioned_on, geom)
                            SELECT :code, a.id, b.id, :cap, :status, :contract, :commissioned,
                                   ST_Segmentize(ST_MakeLine(a.geom, b.geom), 1000)
                            FROM ruhd_site a, ruhd_site b WHERE a.code = :a AND b.code = :b
                            """)
                    .param("code", r.get("code")).param("a", r.get("site_a")).param("b", r.get("site_b"))
                    .param("cap", Integer.parseInt(r.get("capacity_gbps"))).param("status", r.get("status"))
                    .param("contract", r.get("contract_type"))
                    .param("commissioned", commissioned.isEmpty() ? null : LocalDate.parse(commissioned))
                    .update();
        }
        for (CSVRecord r : DemoResources.csv("ruhd-leases.csv")) {
            jdbc.sql("""
                            INSERT INTO ruhd_lease (link_id, lessee, operator_id, start_on, end_on, capacity_gbps, yearly_price_eur)
                            SELECT l.id, :lessee, (SELECT id FROM operator WHERE arcep_code = :op), :start, :end, :cap, :price
                            FROM ruhd_link l WHERE l.code = :link
                            """)
                    .param("link", r.get("link")).param("lessee", r.get("lessee"))
                    .param("op", r.get("operator_arcep_code")).param("start", LocalDate.parse(r.get("start_on")))
                    .param("end", LocalDate.parse(r.get("end_on"))).param("cap", Integer.parseInt(r.get("capacity_gbps")))
                    .param("price", new java.math.BigDecimal(r.get("yearly_price_eur"))).update();
        }
    }

    /** Clips the PM cells to the territory and dissolves them into deployment zones. */
    private void finishGeometries() {
        jdbc.sql("""
                CREATE TEMP TABLE region_part ON COMMIT DROP AS
                SELECT ST_Subdivide(geom, 256) AS geom FROM department
                """).update();
        jdbc.sql("CREATE INDEX ON region_part USING gist (geom)").update();
        jdbc.sql("""
                UPDATE pm_zone p SET geom = (
                    SELECT ST_Multi(ST_CollectionExtract(ST_Union(ST_Intersection(p.geom, r.geom)), 3))
                    FROM region_part r WHERE r.geom && p.geom)
                """).update();
        jdbc.sql("""
                UPDATE deployment_zone z SET geom = u.geom
                FROM (SELECT zone_id, ST_Multi(ST_CollectionExtract(ST_UnaryUnion(ST_Collect(geom)), 3)) AS geom
                      FROM pm_zone GROUP BY zone_id) u
                WHERE u.zone_id = z.id
                """).update();
    }

    private void putInfo(String key, String value) {
        jdbc.sql("INSERT INTO dataset_info (key, value) VALUES (:k, :v) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value")
                .param("k", key).param("v", value).update();
    }

    private static String point(double x, double y) {
        return GeometryCodec.toHexEwkb(GeometryCodec.FACTORY.createPoint(new Coordinate(x, y)));
    }

    private static LocalDate day(long epochDay) {
        return LocalDate.ofEpochDay(epochDay);
    }
}
