package fr.thdtracker.common;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * Rate limits of the public routes: a token bucket (Bucket4j) per client address and route family
 * ({@code thd.rate-limit.families}: tiles, OGC, layers, lookup…), each family with its own burst and
 * refill rate. The address is the one the servlet container reports, which the trusted-proxy
 * configuration makes the real client's. Buckets live in a Caffeine cache bounded in size and
 * forgotten after a while idle, so a flood of addresses cannot exhaust memory.
 *
 * Runs before the security chain: a flood is refused before any password is checked, and signed-in
 * users share their address's bucket like anyone (the limits are sized for a person, not a script).
 */
@Component
public class RateLimitFilter extends OncePerRequestFilter implements Ordered {

    /** Just before Spring Security's chain. */
    static final int ORDER = SecurityProperties.DEFAULT_FILTER_ORDER - 10;

    /** One route family's limit: {@code burst} requests at once, refilled at {@code perSecond}. */
    public record Family(List<String> paths, long burst, double perSecond) {
    }

    /**
     * {@code burst} and {@code perSecond}, when set, are a floor under every family's limits: the
     * test suite raises them to lift every limit at once.
     */
    public record Settings(Long burst, Double perSecond, Integer maxClients, Duration forgetAfter,
                           Map<String, Family> families) {
    }

    private record Key(String family, String client) {
    }

    private record Limited(String name, RequestMatcher paths, Bandwidth bandwidth) {
    }

    private final List<Limited> families;
    private final Cache<Key, Bucket> buckets;
    private final ProblemWriter problems;

    @Autowired
    RateLimitFilter(Environment environment, ProblemWriter problems) {
        this(Binder.get(environment).bind("thd.rate-limit", Settings.class)
                .orElse(new Settings(null, null, null, null, Map.of())), problems);
    }

    RateLimitFilter(Settings settings, ProblemWriter problems) {
        this.problems = problems;
        long floorBurst = settings.burst() == null ? 0 : settings.burst();
        double floorRate = settings.perSecond() == null ? 0 : settings.perSecond();
        Map<String, Family> configured = settings.families() == null ? Map.of() : new LinkedHashMap<>(settings.families());
        this.families = configured.entrySet().stream().map(e -> {
            Family f = e.getValue();
            long burst = Math.max(1, Math.max(f.burst(), floorBurst));
            double perSecond = Math.max(f.perSecond(), floorRate);
            if (perSecond <= 0) {
                throw new IllegalArgumentException("thd.rate-limit.families." + e.getKey() + ".per-second doit être positif");
            }
            // refill the whole burst over burst/perSecond seconds, token by token ("greedy"): allows fractional rates
            Bandwidth bandwidth = Bandwidth.builder().capacity(burst)
                    .refillGreedy(burst, Duration.ofNanos(Math.max(1, (long) (burst * 1e9 / perSecond))))
                    .build();
            return new Limited(e.getKey(), anyOf(f.paths()), bandwidth);
        }).toList();
        this.buckets = Caffeine.newBuilder()
                .maximumSize(settings.maxClients() == null ? 100_000 : settings.maxClients())
                .expireAfterAccess(settings.forgetAfter() == null ? Duration.ofMinutes(10) : settings.forgetAfter())
                .build();
    }

    static RequestMatcher anyOf(List<String> patterns) {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        List<RequestMatcher> matchers = patterns == null ? List.of()
                : patterns.stream().filter(p -> !p.isBlank()).map(p -> (RequestMatcher) paths.matcher(p)).toList();
        return matchers.isEmpty() ? request -> false : new OrRequestMatcher(matchers);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        for (Limited family : families) {
            if (!family.paths().matches(request)) {
                continue;
            }
            Bucket bucket = buckets.get(new Key(family.name(), request.getRemoteAddr()),
                    k -> Bucket.builder().addLimit(family.bandwidth()).build());
            ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
            if (!probe.isConsumed()) {
                long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
                problems.write(response, ProblemWriter.problem(HttpStatus.TOO_MANY_REQUESTS,
                        "urn:thd-tracker:trop-de-requetes", "Trop de requêtes",
                        "Trop de requêtes depuis cette adresse : réessayez dans " + seconds + " s"), seconds);
                return;
            }
            break; // one family per request: the first that matches
        }
        chain.doFilter(request, response);
    }
}
