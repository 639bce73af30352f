package fr.thdtracker.perimeter;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The perimeter's rows (commune_perimeter) and the communes they belong to. The perimeter on a day
 * is V16's thd_commune_perimeter (public when no row holds); its labels are V19's functions.
 */
@Repository
class PerimeterRepository {

    /** A commune as the answers name it. */
    record Commune(String insee, String name, String department, String epci) {
    }

    private static final String PERIOD_COLUMNS = """
            kind, operator_code, thd_operator_name(operator_code) AS operator_name,
            thd_perimeter_label(kind, operator_code) AS label, valid_from""";

    private final JdbcClient jdbc;

    PerimeterRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Commune> commune(String insee) {
        return jdbc.sql("SELECT insee, name, department_code, epci_siren FROM commune WHERE insee = :insee")
                .param("insee", insee)
                .query((rs, i) -> new Commune(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional();
    }

    /** The commune's row locked until the transaction ends: one change of its perimeter at a time. */
    boolean lockCommune(String insee) {
        return !jdbc.sql("SELECT insee FROM commune WHERE insee = :insee FOR NO KEY UPDATE").param("insee", insee)
                .query(String.class).list().isEmpty();
    }

    /** The perimeter in force on {@code day}: the row that holds then, or the public default. */
    PerimeterPeriod onDay(String insee, LocalDate day) {
        return jdbc.sql("SELECT " + PERIOD_COLUMNS + """
                        , (SELECT r.valid_to FROM commune_perimeter r WHERE r.insee = p.insee AND r.valid_from = p.valid_from)
                          AS valid_to, source, NULL AS username, NULL::timestamptz AS recorded_at
                        FROM thd_commune_perimeter(:day) p WHERE p.insee = :insee""")
                .param("insee", insee).param("day", day)
                .query(PerimeterRepository::period).single();
    }

    /** Every row of the commune, oldest first. */
    List<PerimeterPeriod> history(String insee) {
        return jdbc.sql("SELECT " + PERIOD_COLUMNS + ", valid_to, source, username, recorded_at"
                        + " FROM commune_perimeter WHERE insee = :insee ORDER BY valid_from")
                .param("insee", insee).query(PerimeterRepository::period).list();
    }

    /** Closes the row that starts on {@code from} at {@code to}. */
    void close(String insee, LocalDate from, LocalDate to) {
        jdbc.sql("UPDATE commune_perimeter SET valid_to = :to WHERE insee = :insee AND valid_from = :from")
                .param("insee", insee).param("from", from).param("to", to).update();
    }

    void insertAdmin(String insee, String kind, String operatorCode, LocalDate from, String username) {
        jdbc.sql("""
                        INSERT INTO commune_perimeter (insee, kind, operator_code, valid_from, source, username)
                        VALUES (:insee, :kind, :operator, :from, 'ADMIN', :username)""")
                .param("insee", insee).param("kind", kind).param("operator", operatorCode).param("from", from)
                .param("username", username).update();
    }

    private static PerimeterPeriod period(ResultSet rs, int i) throws SQLException {
        return new PerimeterPeriod(rs.getString("kind"), rs.getString("operator_code"), rs.getString("operator_name"),
                rs.getString("label"), rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_to", LocalDate.class), rs.getString("source"), rs.getString("username"),
                rs.getObject("recorded_at", OffsetDateTime.class));
    }
}
