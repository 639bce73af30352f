package fr.thdtracker.demo;

import java.io.IOException;
import java.util.List;

import org.apache.commons.csv.CSVPrinter;
import org.springframework.jdbc.core.simple.JdbcClient;

import fr.thdtracker.territory.CommuneShape;
import fr.thdtracker.common.BulkCopy;
import fr.thdtracker.common.GeometryCodec;

/** Writes the PM areas, the buildings and their lines as of the data date and their dated histories (COPY). */
final class PremiseWriter {

    private final JdbcClient jdbc;

    PremiseWriter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The PM areas, then the buildings and their lines; answers the number of buildings. */
    long writePremises(BulkCopy bulk, PremiseTable p, List<CommuneShape> communes, CommuneLines[] lines, RolloutPlan rollout,
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
        boolean[] business = BusinessPremises.mark(p, lines, s.seed());
        int[] buildingOf = new int[p.size];
        int[] dwellings = new int[p.size];
        int[] businessCount = new int[p.size];
        long buildings = 0;
        for (int i = 0; i < p.size; i++) {
            if (p.startsBuilding(i)) {
                buildings++;
            }
            buildingOf[i] = p.startsBuilding(i) ? i : buildingOf[i - 1];
            if (business[i]) {
                businessCount[buildingOf[i]]++;
            } else {
                dwellings[buildingOf[i]]++;
            }
        }
        // a building's id is its first line's (ids stay those of the lines, buildings are a subset)
        bulk.copy("building", "id, code, insee, pm_zone_id, sub_distributor_id, street_number, street_suffix, "
                + "street_name, building_type, dwellings, business_premises, state, planned_cabling_date, cabling_date, "
                + "commercial_opening_date, geom", out -> {
            for (int i = 0; i < p.size; i++) {
                if (!p.startsBuilding(i)) {
                    continue;
                }
                // a building of a private town has no PM area of ours (pm_zone_id NULL): outside the programme
                RolloutPlan.Pm pm = rollout.pmOf(i);
                boolean cabled = !f.isAbandoned(i) && f.connectable[i] <= d;
                String insee = communes.get(p.commune[i]).insee();
                out.printRecord(i + 1, buildingCode(insee, i), insee, pm == null ? null : pm.id,
                        copper.subDistributors.get(copper.premiseSr[i]).id,
                        p.number[i] > 0 ? p.number[i] : null,
                        p.suffix[i] == 1 ? "bis" : p.suffix[i] == 2 ? "ter" : null,
                        p.streetNames.get(p.street[i]),
                        p.immeuble[i] ? "IMMEUBLE" : "PAVILLON", dwellings[i], businessCount[i], stateOn(f, i, d),
                        pm == null ? null : cabled ? pm.planned
                                : pm.madeAvailable.isAfter(s.dataDate()) ? pm.madeAvailable : pm.planned,
                        cabled ? DemoRows.day(f.connectable[i]) : null,
                        cabled ? DemoRows.day(f.opening[i]) : null,
                        DemoRows.point(p.x[i], p.y[i]));
            }
        });
        bulk.copy("premise", "id, code, building_id, kind, complement, operator_id, subscribed_on", out -> {
            for (int i = 0; i < p.size; i++) {
                int first = buildingOf[i];
                String insee = communes.get(p.commune[first]).insee();
                out.printRecord(i + 1, buildingCode(insee, first) + "-" + String.format("%02d", i - first + 1), first + 1,
                        business[i] ? "BUSINESS" : "DWELLING",
                        p.unit[i] > 0 ? (business[i] ? "Local commercial " : "Appt ") + p.unit[i] : null,
                        f.isSubscribed(i) ? operators.get(f.operator[i]).id() : null,
                        f.isSubscribed(i) ? DemoRows.day(f.subscribed[i]) : null);
            }
        });
        return buildings;
    }

    /** IPE IdentifiantImmeuble of the building whose first line is line i. */
    private static String buildingCode(String insee, int firstLine) {
        return String.format("IMB/%s/X/%07d", insee, firstLine + 1);
    }

    /** IPE state of the building whose first line is i, on the given day. */
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

    /** Building-level events per building (its first line's fate), subscriptions per line. */
    long writeEvents(BulkCopy bulk, PremiseTable p, PremiseFates f, List<PremiseFates.Operator> operators,
                             DemoSettings s, long batchId) {
        long d = s.dataDate().toEpochDay();
        long buildingEvents = bulk.copy("building_event", "building_id, field, old_value, new_value, effective_on, recorded_at, source, batch_id", out -> {
            for (int i = 0; i < p.size; i++) {
                if (!p.startsBuilding(i)) {
                    continue;
                }
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
            }
        });
        long lineEvents = bulk.copy("premise_event", "premise_id, field, old_value, new_value, effective_on, recorded_at, source, batch_id", out -> {
            for (int i = 0; i < p.size; i++) {
                if (f.isSubscribed(i)) {
                    event(out, i + 1, "subscription", null, operators.get(f.operator[i]).code(), f.subscribed[i], d, batchId);
                }
            }
        });
        return buildingEvents + lineEvents;
    }

    private static void event(CSVPrinter out, long rowId, String field, String oldValue, String newValue,
                              long effectiveDay, long dataDay, long batchId) throws IOException {
        // the IPE file arrives every two weeks: recorded a few days after the fact, never after the data date
        long recorded = Math.min(effectiveDay + 1 + rowId % 14, dataDay);
        out.printRecord(rowId, field, oldValue, newValue, DemoRows.day(effectiveDay),
                DemoRows.day(recorded) + "T06:00:00Z", "DEMO", batchId);
    }
}
