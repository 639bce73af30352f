package fr.thdtracker.tiles;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import fr.thdtracker.catalog.LayerAccess;
import fr.thdtracker.catalog.Output;
import fr.thdtracker.catalog.ZoomRules;
import fr.thdtracker.common.BadRequestException;

/**
 * GET /tiles/{layer}/{z}/{x}/{y}.mvt for every tile layer of the catalog, with ETag revalidation
 * and a header when a tile is capped. Public layers' tiles skip the security filter chain
 * (security/SecurityConfig); restricted ones go through it and are checked again here.
 */
@RestController
class TileController {

    static final MediaType MVT = MediaType.parseMediaType("application/vnd.mapbox-vector-tile");

    private final TileRepository tiles;
    private final LayerAccess access;

    TileController(TileRepository tiles, LayerAccess access) {
        this.tiles = tiles;
        this.access = access;
    }

    @GetMapping("/tiles/{layer}/{z}/{x}/{y}.mvt")
    ResponseEntity<byte[]> tile(@PathVariable String layer, @PathVariable int z, @PathVariable int x, @PathVariable int y,
                                @RequestHeader(value = "If-None-Match", required = false) String ifNoneMatch) {
        TileLayer l = new TileLayer(access.readable(layer, Output.TILES));
        ZoomRules zoom = l.layer().zoom();
        if (z < zoom.minZoom() || z > zoom.maxZoom()) {
            throw new BadRequestException("Niveau de zoom hors limites : " + z + " (" + zoom.minZoom() + " à " + zoom.maxZoom() + ")");
        }
        long n = 1L << z;
        if (x < 0 || y < 0 || x >= n || y >= n) {
            throw new BadRequestException("Tuile hors limites au zoom " + z + " : x et y vont de 0 à " + (n - 1));
        }
        TileRepository.Tile tile = tiles.tile(l, z, x, y);
        String etag = "\"" + md5(tile.mvt()) + "\"";
        ResponseEntity.BodyBuilder response = ResponseEntity.status(etag.equals(ifNoneMatch) ? HttpStatus.NOT_MODIFIED : HttpStatus.OK)
                .eTag(etag)
                // a restricted layer's tiles must not sit in a shared cache
                .cacheControl(l.layer().isPublic() ? CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic()
                        : CacheControl.maxAge(Duration.ofMinutes(5)).cachePrivate())
                .header("X-Tile-Features", Long.toString(tile.features()));
        if (tile.truncated()) {
            response.header("X-Tile-Truncated", "true");
        }
        if (etag.equals(ifNoneMatch)) {
            return response.build();
        }
        return response.contentType(MVT).body(tile.mvt());
    }

    private static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
