package fr.thdtracker.info;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** What every page shows: how fresh the data is and where it comes from; who is logged in. */
@RestController
class InfoController {

    private final JdbcClient jdbc;
    private final String basemapUrl;
    private final String basemapAttribution;

    InfoController(JdbcClient jdbc,
                   @org.springframework.beans.factory.annotation.Value("${thd.map.basemap-url:}") String basemapUrl,
                   @org.springframework.beans.factory.annotation.Value("${thd.map.basemap-attribution:}") String basemapAttribution) {
        this.jdbc = jdbc;
        this.basemapUrl = basemapUrl;
        this.basemapAttribution = basemapAttribution;
    }

    @GetMapping("/api/info")
    Map<String, Object> info() {
        Map<String, String> values = new LinkedHashMap<>();
        jdbc.sql("SELECT key, value FROM dataset_info").query(rs -> {
            values.put(rs.getString(1), rs.getString(2));
        });
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("refreshDate", values.get("data.refresh_date"));
        info.put("territorySource", values.get("territory.source"));
        info.put("demo", Optional.ofNullable(values.get("demo.seed"))
                .map(seed -> Map.of("seed", Long.parseLong(seed),
                        "scale", Double.parseDouble(values.getOrDefault("demo.scale", "0"))))
                .orElse(null));
        // an external basemap is optional configuration: the map works offline without it
        info.put("basemap", basemapUrl.isBlank() ? null : Map.of("url", basemapUrl, "attribution", basemapAttribution));
        return info;
    }

    /** 200 with the user's name and roles; anonymous callers get 401 from the security chain. */
    @GetMapping("/api/me")
    Map<String, Object> me(Authentication authentication) {
        return Map.of("username", authentication.getName(),
                "roles", authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                        .map(a -> a.replaceFirst("^ROLE_", "")).sorted().toList());
    }
}
