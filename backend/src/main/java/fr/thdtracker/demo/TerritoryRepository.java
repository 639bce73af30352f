package fr.thdtracker.demo;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

import fr.thdtracker.common.GeometryCodec;

/** Reads the communes the demo spreads its premises over. */
final class TerritoryRepository {

    private final JdbcClient jdbc;

    TerritoryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean hasCommunes() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM commune)").query(Boolean.class).single();
    }

    List<CommuneShape> communes() {
        return jdbc.sql("""
                        SELECT insee, name, department_code, population, dwellings, ST_AsBinary(geom) AS wkb
                        FROM commune ORDER BY insee
                        """)
                .query((rs, i) -> CommuneShape.of(rs.getString("insee"), rs.getString("name"),
                        rs.getString("department_code"), rs.getInt("population"), rs.getInt("dwellings"),
                        GeometryCodec.read(rs.getBytes("wkb"))))
                .list();
    }
}
