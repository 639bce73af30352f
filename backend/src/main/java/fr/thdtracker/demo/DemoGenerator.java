package fr.thdtracker.demo;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import javax.sql.DataSource;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.triangulate.DelaunayTriangulationBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import fr.thdtracker.territory.CommuneShape;
import fr.thdtracker.territory.TerritoryRepository;
import fr.thdtracker.common.BulkCopy;
import fr.thdtracker.common.GeometryCodec;

/**
 * Generates the whole demo network, deterministically from a seed, and loads it in one
 * transaction: a failure leaves the database as it was. Runs on the owner's connection
 * ({@link OwnerDatabase}), never on the server's pool.
 */
@Service
public class DemoGenerator {

    private static final Logger log = LoggerFactory.getLogger(DemoGenerator.class);
    private static final double MAJOR_ROAD_MAX_M = 25_000;

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    /** As the schema's owner: the load drops and rebuilds indexes and foreign keys, sets sequences. */
    DemoGenerator(OwnerDatabase owner) {
        this.dataSource = owner.dataSource();
        this.jdbc = owner.jdbc();
        this.tx = new TransactionTemplate(owner.transactions());
        this.tx.setTimeout(-1);
    }

    public boolean databaseHasPremises() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM building)").query(Boolean.class).single();
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
        CommuneLines[] lines = LineApportionment.apportion(
                CommunePerimeters.weights(jdbc, communes, s.dataDate()), s.targetLines());

        step("Rues et locaux de " + communes.size() + " communes");
        List<Road> roads = new ArrayList<>();
        PremiseTable premises = layOutPremises(communes, lines, s, roads);
        roads.addAll(majorRoads(communes));

        step("Zones PM, tranches et zones de déploiement");
        RolloutPlan rollout = new RolloutPlanner().plan(premises, communes, lines, s);
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
        ProgrammeWriter programme = new ProgrammeWriter(jdbc);
        NetworkWriter network = new NetworkWriter(jdbc);
        PremiseWriter premiseWriter = new PremiseWriter(jdbc);
        programme.writeOperators(operators);
        programme.writeProgramme(rollout, s);
        network.writeCopper(bulk, copper);
        List<String> restore = bulk.dropIndexesAndForeignKeys("building_event", "premise_event", "premise", "building");
        step("COPY de " + premises.size + " locaux");
        long buildings = premiseWriter.writePremises(bulk, premises, communes, lines, rollout, copper, fates, operators, s);
        step("COPY de l'historique");
        long events = premiseWriter.writeEvents(bulk, premises, fates, operators, s, batchId);
        step("Index et clés étrangères");
        bulk.execute(restore);
        network.writeRoads(bulk, roads);
        network.writeBackbone();
        step("Géométries des zones");
        programme.finishGeometries(s.dataDate());
        jdbc.sql("UPDATE import_batch SET finished_at = now(), status = 'DONE' WHERE id = :id").param("id", batchId).update();
        putInfo("data.refresh_date", s.dataDate().toString());
        putInfo("demo.seed", Long.toString(s.seed()));
        putInfo("demo.scale", Double.toString(s.scale()));
        jdbc.sql("ANALYZE").update();
        double seconds = (System.nanoTime() - t0) / 1e9;
        log.info("Démo chargée : {} locaux dans {} immeubles, {} événements, {} zones, {} s", premises.size, buildings, events,
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

    /**
     * Streets and premises of every commune, public and private alike (each commune from its own
     * random stream, so one commune's layout does not depend on the others').
     */
    static PremiseTable layOutPremises(List<CommuneShape> communes, CommuneLines[] lines, DemoSettings s,
                                       List<Road> roads) {
        long total = java.util.Arrays.stream(lines).mapToLong(CommuneLines::total).sum();
        PremiseTable premises = new PremiseTable((int) total);
        StreetPlanner streets = new StreetPlanner();
        for (int c = 0; c < communes.size(); c++) {
            SplittableRandom rnd = new SplittableRandom(s.seed() * 31 + communes.get(c).insee().hashCode());
            streets.plan(communes.get(c), c, lines[c], s.scale(), rnd, premises, roads);
        }
        return premises;
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

    private void putInfo(String key, String value) {
        jdbc.sql("INSERT INTO dataset_info (key, value) VALUES (:k, :v) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value")
                .param("k", key).param("v", value).update();
    }
}
