package fr.thdtracker.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import fr.thdtracker.DemoDatabaseTest;

/**
 * Tiles over real HTTP, decoded by GDAL's MVT driver into readable text and compared with golden
 * files (as Martin's end-to-end tests do). Regenerate after a deliberate change with
 * {@code ./test.sh -Dtest=TileApiTest -Dgolden.update=true} and review the diff.
 */
class TileApiTest extends DemoDatabaseTest {

    @TempDir
    Path dir;

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

    /** The tile decoded by ogrinfo, georeferenced from its z/x/y path, minus the temporary paths. */
    private String decode(byte[] mvt, int z, int x, int y) throws Exception {
        Path file = dir.resolve(z + "/" + x + "/" + y + ".pbf");
        Files.createDirectories(file.getParent());
        Files.write(file, mvt);
        Process p = new ProcessBuilder("ogrinfo", "-ro", "-al", "-geom=SUMMARY", "-nocount", file.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out.lines().filter(l -> !l.contains(dir.toString())).collect(Collectors.joining("\n")) + "\n";
    }

    @ParameterizedTest(name = "{0} at z{1}")
    @CsvSource({
            // layer, zoom, longitude, latitude (tiles over the synthetic demo territory)
            "communes,    8, -3.0,    48.1",
            "departments, 6, -3.0,    48.1",
            "zones,      10, -1.6778, 48.1173",
            "premises,    8, -3.0,    48.1",
            "premises,   12, -1.6778, 48.1173",
            "premises,   14, -1.6778, 48.1173",
            "premises,   16, -1.6778, 48.1173",
            "exchanges,   9, -3.0,    48.1",
            "ruhd,        7, -3.0,    48.1"})
    void tilesMatchTheirGoldenDecoding(String layer, int z, double lon, double lat) throws Exception {
        int[] xy = tileOf(lon, lat, z);
        ResponseEntity<byte[]> response = get("/tiles/" + layer + "/" + z + "/" + xy[0] + "/" + xy[1] + ".mvt", null);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType().toString()).isEqualTo("application/vnd.mapbox-vector-tile");
        assertThat(response.getHeaders().getCacheControl()).contains("max-age=300");
        assertThat(response.getBody()).isNotEmpty();
        String decoded = decode(response.getBody(), z, xy[0], xy[1]);
        assertThat(decoded).contains("Layer name: " + layer);
        if (layer.equals("premises")) {
            assertThat(decoded).contains(z < TileLayer.PREMISE_POINTS_MIN_ZOOM ? "aggregated" : "buildingType");
        }
        Path golden = Path.of("src/test/resources/golden-tiles", layer + "-z" + z + ".txt");
        if (Boolean.getBoolean("golden.update") || !Files.exists(golden)) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, decoded);
        }
        String expected = Files.readString(golden);
        if (!decoded.equals(expected)) {
            // kept for review: diff src/test/resources/golden-tiles/X target/golden-actual/X
            Path actual = Path.of("target/golden-actual", golden.getFileName().toString());
            Files.createDirectories(actual.getParent());
            Files.writeString(actual, decoded);
        }
        assertThat(decoded).isEqualTo(expected);
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
        TileRepository.Tile capped = new TileRepository(dataSource, 5, 10).tile(TileLayer.PREMISES, 12, xy[0], xy[1]);
        assertThat(capped.truncated()).isTrue();
        assertThat(capped.features()).isEqualTo(5);
        TileRepository.Tile full = new TileRepository(dataSource, 100_000, 10).tile(TileLayer.PREMISES, 12, xy[0], xy[1]);
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
                    .isEqualTo(count("SELECT count(*) FROM premise WHERE state = 'DEPLOYE'"));
        }
    }
}
