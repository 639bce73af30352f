package fr.thdtracker.demo;

import java.time.LocalDate;
import java.util.List;

import org.apache.commons.csv.CSVRecord;
import org.springframework.jdbc.core.simple.JdbcClient;

import fr.thdtracker.common.BulkCopy;
import fr.thdtracker.common.GeometryCodec;

/** Writes the networks: copper exchanges, sub-distributors and upgrades, roads, the RUHD backbone. */
final class NetworkWriter {

    private final JdbcClient jdbc;

    NetworkWriter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void writeCopper(BulkCopy bulk, CopperPlan copper) {
        bulk.copy("exchange", "id, code, name, type, insee, vdsl2, vdsl2_from, backhaul, fibre_backhaul_from, "
                + "parent_exchange_id, geom", out -> {
            for (CopperPlan.Exchange e : copper.exchanges) {
                out.printRecord(e.id, e.code, e.name, e.type, e.insee, e.vdsl2, e.vdsl2From, e.backhaul,
                        e.fibreBackhaulFrom, e.parentId, DemoRows.point(e.x, e.y));
            }
        });
        bulk.copy("sub_distributor", "id, code, exchange_id, geom", out -> {
            for (CopperPlan.SubDistributor sr : copper.subDistributors) {
                out.printRecord(sr.id, sr.code, copper.exchanges.get(sr.exchangeIdx).id, DemoRows.point(sr.x, sr.y));
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

    void writeRoads(BulkCopy bulk, List<Road> roads) {
        bulk.copy("road", "class, name, insee, geom", out -> {
            for (Road r : roads) {
                out.printRecord(r.roadClass(), r.name(), r.insee(), GeometryCodec.toHexEwkb(r.geom()));
            }
        });
    }

    void writeBackbone() {
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
}
