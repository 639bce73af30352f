package fr.thdtracker.security;

import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The Content-Security-Policy of every answer: only the application's own scripts, styles, images,
 * fonts and connections (the pages have no inline script or style; SecurityCspBrowserTest checks
 * the map and the dashboard raise no violation). The only configurable openings, each the
 * narrowest that works: the origin of the external basemap when one is configured
 * (thd.map.basemap-url, img-src), and the sites allowed to embed the public map
 * (thd.security.frame-ancestors); every other page may be framed by no one.
 */
final class ContentSecurityPolicy {

    private static final Pattern TEMPLATE_LABEL = Pattern.compile("^\\{[^}]*\\}\\.");
    /** 'self' or an http(s) origin, possibly with a leading "*." : nothing that could end the directive. */
    private static final Pattern ANCESTOR = Pattern.compile("'self'|https?://(\\*\\.)?[A-Za-z0-9.-]+(:[0-9]{1,5})?");

    private ContentSecurityPolicy() {
    }

    static String of(String basemapUrl, List<String> frameAncestors) {
        String basemap = basemapOrigin(basemapUrl);
        for (String ancestor : frameAncestors) {
            if (!ANCESTOR.matcher(ancestor).matches()) {
                throw new IllegalStateException("thd.security.frame-ancestors : origine invalide « " + ancestor
                        + " » (attendu https://site.example ou 'self')");
            }
        }
        String ancestors = frameAncestors.isEmpty() ? "'none'" : String.join(" ", frameAncestors);
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'" + basemap
                + "; font-src 'self'; connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'"
                + "; form-action 'self'; frame-ancestors " + ancestors;
    }

    /** " https://*.tile.example.org" for "https://{a-c}.tile.example.org/{z}/{x}/{y}.png", "" when none. */
    static String basemapOrigin(String url) {
        if (url == null || url.isBlank()) {
            return "";
        }
        int schemeEnd = url.indexOf("://");
        if (schemeEnd < 0) {
            throw new IllegalStateException("thd.map.basemap-url doit être une URL absolue : " + url);
        }
        int hostEnd = url.indexOf('/', schemeEnd + 3);
        String host = url.substring(schemeEnd + 3, hostEnd < 0 ? url.length() : hostEnd);
        host = TEMPLATE_LABEL.matcher(host).replaceFirst("*.");
        String origin = url.substring(0, schemeEnd + 3) + host;
        URI.create(origin.replace("*.", "x.")); // refuses a malformed origin at start-up
        if (origin.matches(".*[\\s;,'].*")) {
            throw new IllegalStateException("thd.map.basemap-url invalide : " + url);
        }
        return " " + origin;
    }
}
