package fr.thdtracker.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

import fr.thdtracker.DemoDatabaseTest;

/**
 * Over HTTP, a tile cut at the feature cap says so in its headers (the golden tiles, under the
 * default cap, show the header absent). Its own application context, for its own cap.
 */
@TestPropertySource(properties = "thd.tiles.max-features=5")
class CappedTileHeadersTest extends DemoDatabaseTest {

    @Test
    void aCappedTileCarriesTheTruncatedHeaderAndItsFeatureCount() throws Exception {
        int[] xy = TileApiTest.tileOf(-1.6778, 48.1173, 12);
        String path = "/tiles/buildings/12/" + xy[0] + "/" + xy[1] + ".mvt";
        ResponseEntity<byte[]> capped = http().get().uri(path).retrieve().toEntity(byte[].class);
        assertThat(capped.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(capped.getHeaders().getFirst("X-Tile-Truncated")).isEqualTo("true");
        assertThat(capped.getHeaders().getFirst("X-Tile-Features")).isEqualTo("5");
        assertThat(DecodedTile.of(capped.getBody()).featuresPerLayer()).containsEntry("buildings", 5);
        // the same capped tile is the same bytes each time, so caches can revalidate it too
        ResponseEntity<byte[]> again = http().get().uri(path).retrieve().toEntity(byte[].class);
        assertThat(again.getHeaders().getETag()).isNotBlank().isEqualTo(capped.getHeaders().getETag());
    }
}
