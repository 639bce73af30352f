package fr.thdtracker.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import fr.thdtracker.DemoDatabaseTest;

/**
 * Tiles over real HTTP, decoded in Java ({@link DecodedTile}) into readable text and compared with
 * golden files (as Martin's end-to-end tests do), with the response headers that matter. A missing
 * or changed golden fails. After a deliberate change, regenerate with
 * {@code ./test.sh -Dtest=TileApiTest -Dthd.golden.update=true}: that run writes the files and
 * still fails, so that only a second, plain run that reads them can pass; review the diff first.
 */
class TileApiTest extends DemoDatabaseTest {

    static final String UPDATE = "thd.golden.update";
    static final Path GOLDENS = Path.of("src/test/resources/golden-tiles");

    @Autowired
    DataSource dataSource;

    static int[] tileOf(double lon, double lat, int z) {
        double n = 1 << z;
        int x = (int) Math.floor((lon + 180) / 360 * n);
        double latRad = Math.toRadians(lat);
        int y = (int) Math.floor((1 - Math.log(Math.tan(latRad) + 1 / Math.cos(latRad)) / Math.PI) / 2 * n);
        return new int[]{x, y};
    }

    private ResponseEntity<byte[]> get(String path, String etag) {
        return http().get().uri(path).headers(h -> {
            if (etag != null) {
                h.setIfNoneMatch(etag);
            }
        }).retrieve().onStatus(s -> true, (req, res) -> { }).toEntity(byte[].class);
    }

    /** The headers a client or a cache acts on, "(none)" when absent so that a new one shows in the diff. */
    private static String headers(String path, ResponseEntity<byte[]> r) {
        HttpHeaders h = r.getHeaders();
        StringBuilder out = new StringBuilder("GET ").append(path).append(" -> ").append(r.getStatusCode().value()).append('\n');
        for (String name : List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.CONTENT_ENCODING, HttpHeaders.CACHE_CONTROL,
                HttpHeaders.ETAG, "X-Tile-Features", "X-Tile-Truncated")) {
            List<String> values = h.getOrEmpty(name);
            out.append(name.toLowerCase()).append(": ").append(values.isEmpty() ? "(none)" : String.join(", ", values)).append('\n');
        }
        return out.append("bytes: ").append(r.getBody() == null ? 0 : r.getBody().length).append('\n').toString();
    }

    @ParameterizedTest(name = "{0} at z{1}")
    @CsvSource({
            // layer, zoom, longitude, latitude (tiles over the synthetic demo territory)
            "communes,    8, -3.0,    48.1",
            "departments, 6, -3.0,    48.1",
            "zones,      10, -1.6778, 48.1173",
            "buildings,   8, -3.0,    48.1",
            "buildings,  12, -1.6778, 48.1173",
            "buildings,  14, -1.6778, 48.1173",
            "buildings,  16, -1.6778, 48.1173",
            "exchanges,   9, -3.0,    48.1",
            "ruhd,        7, -3.0,    48.1"})
    void tilesMatchTheirGoldenDecoding(String layer, int z, double lon, double lat) throws Exception {
        int[] xy = tileOf(lon, lat, z);
        String path = "/tiles/" + layer + "/" + z + "/" + xy[0] + "/" + xy[1] + ".mvt";
        ResponseEntity<byte[]> response = get(path, null);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType().toString()).isEqualTo("application/vnd.mapbox-vector-tile");
        assertThat(response.getHeaders().getCacheControl()).contains("max-age=300");
        assertThat(response.getBody()).isNotEmpty();
        // the same data gives the same bytes, hence the same ETag, request after request
        ResponseEntity<byte[]> again = get(path, null);
        assertThat(response.getHeaders().getETag()).isNotBlank().isEqualTo(again.getHeaders().getETag());
        assertThat(again.getBody()).isEqualTo(response.getBody());

        DecodedTile tile = DecodedTile.of(response.getBody());
        assertThat(tile.featuresPerLayer()).containsOnlyKeys(layer);
        assertThat(response.getHeaders().getFirst("X-Tile-Features")).isEqualTo(tile.featuresPerLayer().get(layer).toString());
        if (layer.equals("buildings")) {
            assertThat(tile.text()).contains(z < TileLayer.PREMISE_POINTS_MIN_ZOOM ? "aggregated=" : "buildingType=");
        }
        String decoded = headers(path, response) + tile.text();
        Path golden = GOLDENS.resolve(layer + "-z" + z + ".txt");
        if (Boolean.getBoolean(UPDATE)) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, decoded);
            fail("-D" + UPDATE + "=true wrote " + golden + ": review its diff, then run again without it");
        }
        assertThat(golden).as("golden file %s is missing: write it deliberately with "
                + "./test.sh -Dtest=TileApiTest -D%s=true, review it, and commit it", golden, UPDATE).isRegularFile();
        String expected = Files.readString(golden);
        if (!decoded.equals(expected)) {
            // kept for review: diff src/test/resources/golden-tiles/X target/golden-actual/X
            Path actual = Path.of("target/golden-actual", golden.getFileName().toString());
            Files.createDirectories(actual.getParent());
            Files.writeString(actual, decoded);
        }
        assertThat(decoded).as("decoded %s against %s (actual kept in target/golden-actual)", path, golden)
                .isEqualTo(expected);
    }

    @Test
    void aTileIsRevalidatedWithItsETag() {
        int[] xy = tileOf(-3.0, 48.1, 8);
        String path = "/tiles/communes/8/" + xy[0] + "/" + xy[1] + ".mvt";
        ResponseEntity<byte[]> first = get(path, null);
        String etag = first.getHeaders().getETag();
        assertThat(etag).startsWith("\"").endsWith("\"");
        ResponseEntity<byte[]> again = get(path, etag);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.NOT_MODIFIED);
        assertThat(again.getBody()).isNull();
    }

    @Test
    void badTileRequestsGetAClearMessage() {
        ResponseEntity<byte[]> unknown = get("/tiles/cables/1/0/0.mvt", null);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(new String(unknown.getBody(), StandardCharsets.UTF_8)).contains("Couche de tuiles inconnue : cables");
        for (String bad : List.of("/tiles/communes/3/8/0.mvt", "/tiles/communes/3/0/-1.mvt", "/tiles/communes/23/0/0.mvt")) {
            ResponseEntity<byte[]> r = get(bad, null);
            assertThat(r.getStatusCode()).as(bad).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(new String(r.getBody(), StandardCharsets.UTF_8)).contains("hors limites");
        }
    }

    @Test
    void aCappedTileSaysSoInsteadOfDroppingSilently() {
        int[] xy = tileOf(-1.6778, 48.1173, 12);
        TileRepository.Tile capped = new TileRepository(dataSource, 5, 10).tile(TileLayer.BUILDINGS, 12, xy[0], xy[1]);
        assertThat(capped.truncated()).isTrue();
        assertThat(capped.features()).isEqualTo(5);
        TileRepository.Tile full = new TileRepository(dataSource, 100_000, 10).tile(TileLayer.BUILDINGS, 12, xy[0], xy[1]);
        assertThat(full.truncated()).isFalse();
        assertThat(full.features()).isGreaterThan(5);
    }

    @Test
    void aggregatesCountEveryPremise() {
        // the coarsest cells hold every premise exactly once, and so does every level
        for (int level = 0; level < TileLayer.CELL_SIZES.length; level++) {
            assertThat(count("SELECT sum(count) FROM premise_cell WHERE level = " + level))
                    .isEqualTo(count("SELECT count(*) FROM premise"));
            assertThat(count("SELECT sum(deploye) FROM premise_cell WHERE level = " + level))
                    .isEqualTo(count("SELECT count(*) FROM premise p JOIN building b ON b.id = p.building_id WHERE b.state = 'DEPLOYE'"));
        }
    }
}
