package fr.thdtracker.common;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Holds a {@link HeavyWork} permit for the whole of a heavy request (paths
 * {@code thd.heavy-requests.paths}), or answers 503 at once when none is free. Runs after the
 * security chain, so that refused visitors never take a permit from signed-in users.
 */
@Component
class HeavyRequestFilter extends OncePerRequestFilter {

    private final HeavyWork heavy;
    private final ProblemWriter problems;
    private final RequestMatcher paths;

    HeavyRequestFilter(HeavyWork heavy, ProblemWriter problems, Environment environment) {
        this.heavy = heavy;
        this.problems = problems;
        this.paths = RateLimitFilter.anyOf(Binder.get(environment)
                .bind("thd.heavy-requests.paths", Bindable.listOf(String.class)).orElse(List.of()));
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !paths.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<HeavyWork.Permit> permit = heavy.tryStart();
        if (permit.isEmpty()) {
            problems.write(response, HeavyWork.busy().getBody(), HeavyWork.RETRY_AFTER_SECONDS);
            return;
        }
        try (HeavyWork.Permit held = permit.get()) {
            chain.doFilter(request, response);
        }
    }
}
