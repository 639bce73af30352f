package fr.thdtracker.demo;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.apache.commons.csv.CSVRecord;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Writes the programme: operators, phases, tranches, deployment zones and their final geometries. */
final class ProgrammeWriter {

    private final JdbcClient jdbc;

    ProgrammeWriter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void writeOperators(List<PremiseFates.Operator> operators) {
        for (CSVRecord r : DemoResources.csv("operators.csv")) {
            jdbc.sql("INSERT INTO operator (name, arcep_code, kind, arrived_on) VALUES (:n, :c, :k, :a)")
                    .param("n", r.get("name")).param("c", r.get("arcep_code")).param("k", r.get("kind"))
                    .param("a", LocalDate.parse(r.get("arrived_on"))).update();
        }
    }

    void writeProgramme(RolloutPlan rollout, DemoSettings s) {
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

    /**
     * Clips the PM cells to the public perimeter (the territory less the private towns on the data
     * date: no PM area of ours covers them) and dissolves them into deployment zones.
     */
    void finishGeometries(LocalDate dataDate) {
        boolean privateTowns = jdbc.sql("SELECT EXISTS (SELECT 1 FROM thd_commune_perimeter(:d) WHERE kind <> 'PUBLIC')")
                .param("d", dataDate).query(Boolean.class).single();
        if (privateTowns) {
            jdbc.sql("""
                    CREATE TEMP TABLE region_part ON COMMIT DROP AS
                    SELECT ST_Subdivide(c.geom, 256) AS geom
                    FROM commune c JOIN thd_commune_perimeter(:d) per ON per.insee = c.insee
                    WHERE per.kind = 'PUBLIC'
                    """).param("d", dataDate).update();
        } else {
            jdbc.sql("""
                    CREATE TEMP TABLE region_part ON COMMIT DROP AS
                    SELECT ST_Subdivide(geom, 256) AS geom FROM department
                    """).update();
        }
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
}
