package fr.thdtracker.demo;

import java.io.IOException;
import java.util.List;

import org.apache.commons.csv.CSVPrinter;
import org.springframework.jdbc.core.simple.JdbcClient;

import fr.thdtracker.territory.CommuneShape;
import fr.thdtracker.common.BulkCopy;
import fr.thdtracker.common.GeometryCodec;

/** Writes the PM areas, the premises as of the data date and their dated histories (COPY). */
final class PremiseWriter {

    private final JdbcClient jdbc;

    PremiseWriter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void writePremises(BulkCopy bulk, PremiseTable p, List<CommuneShape> communes, RolloutPlan rollout,
                               CopperPlan copper, PremiseFates f, List<PremiseFates.Operator> operators,
                               DemoSettings s) {
        long d = s.dataDate().toEpochDay();
        bulk.copy("pm_zone", "id, code, zone_id, pm_state, planned_date, made_available_date, pm_point, geom", out -> {
            for (RolloutPlan.Pm pm : rollout.pms) {
                boolean done = !pm.madeAvailable.isAfter(s.dataDate());
                String state = done ? "DP" : pm.worksStart.isAfter(s.dataDate()) ? "PL" : "EC";
                out.printRecord(pm.id, pm.code, pm.zone.id, state, done ? pm.planned : pm.madeAvailable,
                        done ? pm.madeAvailable : null, DemoRows.point(pm.x, pm.y),
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
                // a premise of a private town has no PM area of ours (pm_zone_id NULL): outside the programme
                RolloutPlan.Pm pm = rollout.pmOf(i);
                boolean cabled = !f.isAbandoned(i) && f.connectable[i] <= d;
                String insee = communes.get(p.commune[i]).insee();
                out.printRecord(i + 1, String.format("IMB/%s/X/%07d", insee, i + 1), insee, pm == null ? null : pm.id,
                        copper.subDistributors.get(copper.premiseSr[i]).id,
                        p.number[i] > 0 ? p.number[i] : null,
                        p.suffix[i] == 1 ? "bis" : p.suffix[i] == 2 ? "ter" : null,
                        p.streetNames.get(p.street[i]),
                        p.unit[i] > 0 ? "Appt " + p.unit[i] : null,
                        p.immeuble[i] ? "IMMEUBLE" : "PAVILLON", p.dwellings[i], stateOn(f, i, d),
                        pm == null ? null : cabled ? pm.planned
                                : pm.madeAvailable.isAfter(s.dataDate()) ? pm.madeAvailable : pm.planned,
                        cabled ? DemoRows.day(f.connectable[i]) : null,
                        cabled ? DemoRows.day(f.opening[i]) : null,
                        f.isSubscribed(i) ? operators.get(f.operator[i]).id() : null,
                        f.isSubscribed(i) ? DemoRows.day(f.subscribed[i]) : null,
                        DemoRows.point(p.x[i], p.y[i]));
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

    long writeEvents(BulkCopy bulk, PremiseTable p, PremiseFates f, List<PremiseFates.Operator> operators,
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
                    event(out, id, "commercial_opening_date", null, DemoRows.day(f.opening[i]).toString(), f.connectable[i], d, batchId);
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
        out.printRecord(premiseId, field, oldValue, newValue, DemoRows.day(effectiveDay),
                DemoRows.day(recorded) + "T06:00:00Z", "DEMO", batchId);
    }
}
