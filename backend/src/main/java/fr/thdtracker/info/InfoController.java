package fr.thdtracker.info;

import java.util.HashMap;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
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
                   @Value("${thd.map.basemap-url:}") String basemapUrl,
                   @Value("${thd.map.basemap-attribution:}") String basemapAttribution) {
        this.jdbc = jdbc;
        this.basemapUrl = basemapUrl;
        this.basemapAttribution = basemapAttribution;
    }

    @GetMapping("/api/info")
    SiteInfo info() {
        Map<String, String> values = new HashMap<>();
        jdbc.sql("SELECT key, value FROM dataset_info").query(rs -> {
            values.put(rs.getString(1), rs.getString(2));
        });
        String seed = values.get("demo.seed");
        SiteInfo.Demo demo = seed == null ? null
                : new SiteInfo.Demo(Long.parseLong(seed), Double.parseDouble(values.getOrDefault("demo.scale", "0")));
        // an external basemap is optional configuration: the map works offline without it
        SiteInfo.Basemap basemap = basemapUrl.isBlank() ? null : new SiteInfo.Basemap(basemapUrl, basemapAttribution);
        return new SiteInfo(values.get("data.refresh_date"), values.get("territory.source"), values.get("arcep.source"),
                demo, basemap);
    }

    /** 200 with the user's name and roles; anonymous callers get 401 from the security chain. */
    @GetMapping("/api/me")
    CurrentUser me(Authentication authentication) {
        return new CurrentUser(authentication.getName(), authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).map(a -> a.replaceFirst("^ROLE_", "")).sorted().toList());
    }
}
