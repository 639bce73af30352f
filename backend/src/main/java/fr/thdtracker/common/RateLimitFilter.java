package fr.thdtracker.common;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Rate limit of the public eligibility API for anonymous callers: a token bucket per client
 * address. Signed-in users are not limited. Answers 429 in the API's error format.
 */
@Component
public class RateLimitFilter extends OncePerRequestFilter {

    private static final int MAX_CLIENTS = 100_000;

    private final double capacity;
    private final double perSecond;
    private final Map<String, double[]> buckets = new ConcurrentHashMap<>();

    RateLimitFilter(@Value("${thd.rate-limit.burst:60}") double capacity,
                    @Value("${thd.rate-limit.per-second:10}") double perSecond) {
        this.capacity = capacity;
        this.perSecond = perSecond;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/eligibility/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        boolean anonymous = auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated();
        if (anonymous && !take(request.getRemoteAddr())) {
            response.setStatus(429);
            response.setHeader("Retry-After", "1");
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429,"
                    + "\"detail\":\"Trop de requêtes depuis cette adresse : réessayez dans une seconde\"}");
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean take(String client) {
        if (buckets.size() > MAX_CLIENTS) {
            buckets.clear(); // bounded memory: forget everyone rather than grow without limit
        }
        double[] bucket = buckets.computeIfAbsent(client, k -> new double[]{capacity, System.nanoTime()});
        synchronized (bucket) {
            double now = System.nanoTime();
            bucket[0] = Math.min(capacity, bucket[0] + (now - bucket[1]) / 1e9 * perSecond);
            bucket[1] = now;
            if (bucket[0] >= 1) {
                bucket[0] -= 1;
                return true;
            }
            return false;
        }
    }
}
