package fr.thdtracker.eligibility;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

/** Reads EligibilityRepository's building query into a {@link PremiseRow}. */
final class PremiseRowMapper {

    private PremiseRowMapper() {
    }

    static PremiseRow map(ResultSet rs, int rowNum) throws SQLException {
        return new PremiseRow(rs.getLong("id"), rs.getString("code"),
                new PremiseRow.Address(rs.getObject("street_number", Integer.class), rs.getString("street_suffix"),
                        rs.getString("street_name")),
                new PremiseEligibility.Building(rs.getString("building_type"), rs.getInt("lines"),
                        rs.getInt("dwellings"), rs.getInt("business_premises")),
                rs.getString("insee"), rs.getString("commune"), rs.getDouble("lon"), rs.getDouble("lat"),
                date(rs, "commercial_opening_date"), rs.getString("tranche"), rs.getString("tranche_name"),
                rs.getString("phase"), rs.getString("phase_name"), date(rs, "target_end_date"),
                rs.getString("pm_code"), date(rs, "planned_date"), date(rs, "made_available_date"),
                date(rs, "fibre_from"), date(rs, "fibre_until"), rs.getString("state_on_date"),
                line(rs, "exchange"), line(rs, "cabinet"), date(rs, "commissioned_on"),
                CommunePerimeter.of(rs.getString("perimeter_kind"), rs.getString("perimeter_operator"),
                        rs.getString("perimeter_operator_name"), rs.getString("perimeter_label")));
    }

    /** The exchange_* or cabinet_* columns; null when absent (no recompute yet, or no cabinet). */
    private static PremiseRow.CopperLine line(ResultSet rs, String prefix) throws SQLException {
        Integer cls = rs.getObject(prefix + "_class", Integer.class);
        if (cls == null) {
            return null;
        }
        return new PremiseRow.CopperLine(rs.getString(prefix + "_technology"), rs.getFloat(prefix + "_min_mbps"),
                rs.getFloat(prefix + "_max_mbps"), SpeedClass.values()[cls], rs.getFloat(prefix + "_length_m"),
                rs.getBoolean(prefix + "_routed"), rs.getFloat(prefix + "_attenuation_db"),
                rs.getString(prefix + "_code"), rs.getString(prefix + "_name"), rs.getString(prefix + "_type"));
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }
}
