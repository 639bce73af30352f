package fr.thdtracker.eligibility;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

import fr.thdtracker.common.BulkCopy;

/**
 * Writes a measured batch to the eligibility table (attenuation, technology, speed and class from
 * the speed model, for each injection point as equipped, before VDSL2 and while fed by copper) and
 * the address index the lookup searches; by COPY, inside the caller's transaction.
 */
@Component
class EligibilityTableWriter {

    private static final String COLUMNS = "building_id, fibre_from, fibre_until, exchange_id, exchange_length_m, "
            + "exchange_routed, exchange_attenuation_db, exchange_technology, exchange_min_mbps, exchange_max_mbps, "
            + "exchange_class, cabinet_operation_id, cabinet_length_m, cabinet_routed, cabinet_attenuation_db, "
            + "cabinet_technology, cabinet_min_mbps, cabinet_max_mbps, cabinet_class, "
            + "exchange_adsl_min_mbps, exchange_adsl_max_mbps, exchange_adsl_class, "
            + "exchange_copper_fed_min_mbps, exchange_copper_fed_max_mbps, exchange_copper_fed_class, "
            + "cabinet_adsl_min_mbps, cabinet_adsl_max_mbps, cabinet_adsl_class, "
            + "cabinet_copper_fed_min_mbps, cabinet_copper_fed_max_mbps, cabinet_copper_fed_class";
    /** The earlier offers of both points: before VDSL2 and while fed by copper, 3 columns each. */
    private static final int EARLIER_COLUMNS = 12;

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    EligibilityTableWriter(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /** A bulk copier on the transaction's connection (COPY must run where the DELETE or TRUNCATE ran). */
    BulkCopy bulk() {
        return new BulkCopy(DataSourceUtils.getConnection(dataSource), jdbc);
    }

    void write(PremiseBatch b, SpeedModel model) {
        bulk().copy("eligibility", COLUMNS, out -> {
            List<Object> earlier = new ArrayList<>(EARLIER_COLUMNS);
            for (int i = 0; i < b.size; i++) {
                PremiseBatch.Injection inj = b.injection(i);
                earlier.clear();
                double exAtt = model.attenuationDb(b.exLength[i]);
                SpeedModel.DatedOffers exOffers = model.copperOverTime(exAtt, inj.exchange());
                SpeedModel.Offer ex = exOffers.asEquipped();
                List<Object> row = new ArrayList<>(Arrays.asList(b.id[i], b.fibreFrom[i], b.fibreUntil[i],
                        inj.exchangeId(), b.exLength[i], b.exRouted[i], round(exAtt), ex.technology().name(),
                        ex.minMbps(), ex.maxMbps(), ex.speedClass().ordinal()));
                addEarlier(earlier, exOffers);
                if (inj.operationId() != null) {
                    double cabAtt = model.attenuationDb(b.cabLength[i]);
                    SpeedModel.DatedOffers cabOffers = model.copperOverTime(cabAtt, inj.cabinet());
                    SpeedModel.Offer cab = cabOffers.asEquipped();
                    row.addAll(List.of(inj.operationId(), b.cabLength[i], b.cabRouted[i], round(cabAtt),
                            cab.technology().name(), cab.minMbps(), cab.maxMbps(), cab.speedClass().ordinal()));
                    addEarlier(earlier, cabOffers);
                } else {
                    row.addAll(Collections.nCopies(8, null));
                    earlier.addAll(Collections.nCopies(6, null));
                }
                row.addAll(earlier);
                out.printRecord(row);
            }
        });
    }

    /** Before VDSL2, then while fed by copper: min, max, class each, or nulls where there is none. */
    private static void addEarlier(List<Object> columns, SpeedModel.DatedOffers offers) {
        for (SpeedModel.Offer o : new SpeedModel.Offer[]{offers.beforeVdsl2(), offers.whileCopperFed()}) {
            if (o == null) {
                columns.addAll(Collections.nCopies(3, null));
            } else {
                columns.addAll(List.of(o.minMbps(), o.maxMbps(), o.speedClass().ordinal()));
            }
        }
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    /** Distinct streets of each commune with their normalised search keys. */
    void rebuildAddressIndex() {
        jdbc.sql("TRUNCATE address_index").update();
        List<String[]> streets = jdbc.sql("""
                        SELECT DISTINCT b.insee, b.street_name, c.name FROM building b JOIN commune c USING (insee)
                        """)
                .query((rs, i) -> new String[]{rs.getString(1), rs.getString(2), rs.getString(3)}).list();
        bulk().copy("address_index", "insee, street_name, search_key, street_key", out -> {
            for (String[] s : streets) {
                out.printRecord(s[0], s[1], AddressNormalizer.normalize(s[1] + " " + s[2]), AddressNormalizer.normalize(s[1]));
            }
        });
    }
}
