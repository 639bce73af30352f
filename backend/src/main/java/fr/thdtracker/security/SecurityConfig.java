package fr.thdtracker.security;

import java.util.List;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.jdbc.JdbcDaoImpl;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import fr.thdtracker.common.ProblemWriter;

/**
 * Who may do what, enforced on the server for every endpoint. Anonymous visitors get the public
 * map and its public API; everything else needs a role. Browser sessions carry a CSRF token
 * (cookie XSRF-TOKEN, echoed in the X-XSRF-TOKEN header by the page's scripts); scripts may use
 * an API token instead ({@link ApiTokenFilter}), which needs no CSRF token since no browser sends
 * it on its own. Sign-ins are throttled ({@link LoginThrottleFilter}) and every answer carries the
 * headers of {@link #securityFilterChain}. See docs/security.md.
 */
@Configuration
@ConditionalOnWebApplication
class SecurityConfig {

    /** Public pages and read-only public API: the eligibility map is for everyone. */
    static final String[] PUBLIC_GET = {
            "/", "/index.html", "/favicon.svg", "/css/**", "/js/**", "/img/**", "/webjars/**",
            "/api/info", "/api/phases", "/api/layers/**", "/actuator/health", "/actuator/health/**",
            "/api/eligibility/lookup", "/api/eligibility/suggest", "/api/eligibility/suggest/numbers",
            "/api/eligibility/buildings/*", "/api/eligibility/areas",
            "/api/perimeter/**",
            "/ogc", "/ogc/**",
            "/error"
    };

    /** The public map page, the only page other sites may frame (thd.security.frame-ancestors). */
    private static final RequestMatcher MAP_PAGE = new OrRequestMatcher(
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/"),
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/index.html"));

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, List<ProtectedRoutes> features,
                                            LoginThrottle throttle, ApiTokens tokens,
                                            UserDetailsService users, AuthenticationAudit audit, ProblemWriter problems,
                                            @Value("${thd.map.basemap-url:}") String basemapUrl,
                                            @Value("${thd.security.frame-ancestors:}") List<String> frameAncestors)
            throws Exception {
        CsrfTokenRequestAttributeHandler csrfHandler = new CsrfTokenRequestAttributeHandler();
        csrfHandler.setCsrfRequestAttributeName(null); // load the token on every request so the cookie is always set
        CookieCsrfTokenRepository csrfCookies = CookieCsrfTokenRepository.withHttpOnlyFalse();
        csrfCookies.setCookieCustomizer(cookie -> cookie.sameSite("Lax")); // Secure follows the request's TLS
        List<String> embedders = frameAncestors.stream().map(String::strip).filter(a -> !a.isEmpty()).toList();
        http
                .authorizeHttpRequests(auth -> {
                    // the features' restricted routes first: their URLs may sit under the public prefixes
                    for (ProtectedRoutes.Rule rule : rules(features)) {
                        auth.requestMatchers(rule.patterns().toArray(String[]::new)).hasRole(rule.role().name());
                    }
                    auth
                        .requestMatchers(HttpMethod.GET, PUBLIC_GET).permitAll()
                        .requestMatchers("/login", "/logout").permitAll()
                        // the error page answers whatever request failed, in the one problem format
                        .requestMatchers("/error").permitAll()
                        .requestMatchers("/api/admin/**").hasRole("ADMIN")
                        .requestMatchers("/api/eligibility/what-if", "/api/eligibility/recompute").hasRole("ENGINEER")
                        .anyRequest().hasRole("VIEWER");
                })
                .csrf(csrf -> csrf
                        .csrfTokenRepository(csrfCookies)
                        .csrfTokenRequestHandler(csrfHandler)
                        .ignoringRequestMatchers(request -> ApiTokenFilter.isBearer(request.getHeader("Authorization"))))
                .addFilterBefore(new LoginThrottleFilter(throttle, problems), UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(new ApiTokenFilter(tokens, users, audit, problems), BasicAuthenticationFilter.class)
                .formLogin(form -> form.defaultSuccessUrl("/", false))
                .httpBasic(Customizer.withDefaults())
                .logout(logout -> logout.logoutSuccessUrl("/"))
                .headers(headers -> headers
                        // HSTS is only ever written on requests that came over TLS (Spring's default matcher)
                        .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000))
                        .contentTypeOptions(Customizer.withDefaults())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        // frame-ancestors replaces X-Frame-Options; the map page keeps DENY only when no site may embed it
                        .frameOptions(frame -> frame.disable())
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(MAP_PAGE,
                                new ContentSecurityPolicyHeaderWriter(ContentSecurityPolicy.of(basemapUrl, embedders))))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(MAP_PAGE),
                                new ContentSecurityPolicyHeaderWriter(ContentSecurityPolicy.of(basemapUrl, List.of()))))
                        .addHeaderWriter((request, response) -> {
                            if (embedders.isEmpty() || !MAP_PAGE.matches(request)) {
                                response.setHeader("X-Frame-Options", "DENY");
                            }
                        }))
                // an API, tile or OGC client gets 401, not a redirect to the login form
                .exceptionHandling(ex -> ex.defaultAuthenticationEntryPointFor(
                        new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), new OrRequestMatcher(
                                PathPatternRequestMatcher.withDefaults().matcher("/api/**"),
                                PathPatternRequestMatcher.withDefaults().matcher("/tiles/**"),
                                PathPatternRequestMatcher.withDefaults().matcher("/ogc/**"))));
        return http.build();
    }

    private static List<ProtectedRoutes.Rule> rules(List<ProtectedRoutes> features) {
        return features.stream().flatMap(f -> f.rules().stream()).toList();
    }

    /**
     * Public vector tiles are read-only, stateless binary responses requested by the hundred per
     * map move: they skip the security filter chain (no session, no CSRF token to issue), which
     * is most of the per-request overhead on small tiles. A restricted layer's tiles go through
     * the chain, which authenticates them.
     */
    @Bean
    WebSecurityCustomizer publicTilesBypassTheFilterChain(List<ProtectedRoutes> features) {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        List<RequestMatcher> restricted = rules(features).stream().flatMap(r -> r.patterns().stream())
                .filter(p -> p.startsWith("/tiles/")).map(p -> (RequestMatcher) paths.matcher(p)).toList();
        RequestMatcher publicTiles = restricted.isEmpty() ? paths.matcher(HttpMethod.GET, "/tiles/**")
                : new AndRequestMatcher(paths.matcher(HttpMethod.GET, "/tiles/**"),
                new NegatedRequestMatcher(new OrRequestMatcher(restricted)));
        return web -> web.ignoring().requestMatchers(publicTiles);
    }

    @Bean
    UserDetailsService userDetailsService(DataSource dataSource) {
        JdbcDaoImpl users = new JdbcDaoImpl();
        users.setDataSource(dataSource);
        users.setUsersByUsernameQuery(
                "SELECT username, password_hash, enabled FROM app_user WHERE username = ?");
        users.setAuthoritiesByUsernameQuery(
                "SELECT username, 'ROLE_' || role FROM app_user_role WHERE username = ?");
        return users;
    }
}
