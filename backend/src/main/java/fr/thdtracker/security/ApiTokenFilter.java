package fr.thdtracker.security;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.web.filter.OncePerRequestFilter;

import fr.thdtracker.common.ProblemWriter;

/**
 * {@code Authorization: Bearer thd_…} authenticates the request as the token's owner, with the
 * owner's current roles. Stateless: nothing is kept in a session. A token that is unknown or
 * revoked gets 401 and counts as a failed sign-in of the client address.
 */
class ApiTokenFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final ApiTokens tokens;
    private final UserDetailsService users;
    private final AuthenticationAudit audit;
    private final ProblemWriter problems;

    ApiTokenFilter(ApiTokens tokens, UserDetailsService users, AuthenticationAudit audit, ProblemWriter problems) {
        this.tokens = tokens;
        this.users = users;
        this.audit = audit;
        this.problems = problems;
    }

    static boolean isBearer(String authorizationHeader) {
        return authorizationHeader != null && authorizationHeader.regionMatches(true, 0, BEARER, 0, BEARER.length());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (!isBearer(header)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<String> owner = tokens.owner(header.substring(BEARER.length()).strip());
        if (owner.isEmpty()) {
            audit.failed(null, "jeton", "jeton inconnu ou révoqué");
            problems.write(response, HttpStatus.UNAUTHORIZED, "Jeton d’API inconnu ou révoqué");
            return;
        }
        UserDetails user = users.loadUserByUsername(owner.get());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user.getUsername(), null,
                user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        audit.succeeded(user.getUsername(), "jeton");
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
