package fr.thdtracker.territory;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

import fr.thdtracker.common.GeometryCodec;

/** Reads the territory: the communes with their polygons (Lambert-93) and dwellings. */
public final class TerritoryRepository {

    private final JdbcClient jdbc;

    public TerritoryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean hasCommunes() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM commune)").query(Boolean.class).single();
    }

    public List<CommuneShape> communes() {
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
