package fr.thdtracker.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

import fr.thdtracker.DemoDatabaseTest;

/**
 * Without a browser: the communes tiles carry the perimeter in force today where it is not public
 * (kind and operator), which the map's choropleth and popup read, and a public commune carries
 * none; changing a commune's perimeter changes the tile and its ETag.
 */
class CommunePerimeterTileTest extends DemoDatabaseTest {

    private ResponseEntity<byte[]> tile(String path) {
        return http().get().uri(path).retrieve().onStatus(s -> true, (req, res) -> { }).toEntity(byte[].class);
    }

    @Test
    void theCommunesTilesCarryThePerimeterWhereItIsNotPublic() throws Exception {
        Map<String, Object> c = jdbc.sql("""
                SELECT insee, ST_X(ST_Transform(ST_PointOnSurface(geom), 4326)) AS lon,
                       ST_Y(ST_Transform(ST_PointOnSurface(geom), 4326)) AS lat
                FROM commune c
                -- a public commune (the demo marks its own private towns)
                WHERE NOT EXISTS (SELECT 1 FROM commune_perimeter cp WHERE cp.insee = c.insee)
                ORDER BY insee LIMIT 1""").query().singleRow();
        String insee = (String) c.get("insee");
        int[] xy = TileApiTest.tileOf(((Number) c.get("lon")).doubleValue(), ((Number) c.get("lat")).doubleValue(), 10);
        String path = "/tiles/communes/10/" + xy[0] + "/" + xy[1] + ".mvt";

        ResponseEntity<byte[]> before = tile(path);
        assertThat(before.getStatusCode().value()).isEqualTo(200);
        String publicTile = DecodedTile.of(before.getBody()).text();
        assertThat(publicTile).contains("insee=string:" + insee);
        assertThat(feature(publicTile, insee)).doesNotContain("perimeter");
        long marked = publicTile.lines().filter(l -> l.startsWith("feature") && l.contains("perimeter=")).count();

        owner.jdbc().sql("INSERT INTO commune_perimeter (insee, kind, operator_code, valid_from, source)"
                + " VALUES (:insee, 'PRIVATE_L3313', 'SFR0', '2011-01-31', 'ARCEP')").param("insee", insee).update();
        try {
            ResponseEntity<byte[]> after = tile(path);
            String privateTile = DecodedTile.of(after.getBody()).text();
            assertThat(feature(privateTile, insee)).contains("perimeter=string:PRIVATE_L3313").contains("perimeterOperator=string:SFR");
            assertThat(privateTile.lines().filter(l -> l.startsWith("feature") && l.contains("perimeter=")).count())
                    .isEqualTo(marked + 1);
            assertThat(after.getHeaders().getETag()).isNotEqualTo(before.getHeaders().getETag());
        } finally {
            owner.jdbc().sql("DELETE FROM commune_perimeter WHERE insee = :insee").param("insee", insee).update();
        }
    }

    private static String feature(String tile, String insee) {
        return tile.lines().filter(l -> l.contains("insee=string:" + insee + ",")).findFirst().orElseThrow();
    }
}
