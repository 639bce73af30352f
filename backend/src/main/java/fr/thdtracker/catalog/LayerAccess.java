package fr.thdtracker.catalog;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import fr.thdtracker.common.NotFoundException;
import fr.thdtracker.common.Problems;

/**
 * Who may see a restricted layer, checked in every output's controller. The security filter chain
 * already refuses restricted layers' URLs to anonymous visitors (see security/SecurityConfig);
 * this second check hides them from listings and protects a URL the chain would miss.
 */
@Component
public class LayerAccess {

    private final RoleHierarchy roles;

    LayerAccess(RoleHierarchy roles) {
        this.roles = roles;
    }

    public boolean allows(Layer layer) {
        if (layer.isPublic()) {
            return true;
        }
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (user == null || user instanceof AnonymousAuthenticationToken || !user.isAuthenticated()) {
            return false;
        }
        String needed = "ROLE_" + layer.minimumRole().name();
        return roles.getReachableGrantedAuthorities(user.getAuthorities()).stream()
                .anyMatch(a -> needed.equals(a.getAuthority()));
    }

    /**
     * The layer an output serves under this id, if this user may read it: else 404 naming the public
     * layers of that output (a restricted layer's name is never offered), 401 or 403.
     */
    public Layer readable(String id, Output output) {
        Layer layer = LayerCatalog.find(id, output).orElseThrow(() -> new NotFoundException(output.unknown + " : "
                + Problems.cut(id) + " (" + output.choices + " : " + LayerCatalog.publicIds(output) + ")"));
        require(layer);
        return layer;
    }

    /** Lets the request go on, or refuses it (401 to a visitor, 403 to a user without the role). */
    public void require(Layer layer) {
        if (allows(layer)) {
            return;
        }
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (user == null) {
            throw new AuthenticationCredentialsNotFoundException("Couche réservée : " + layer.id());
        }
        throw new AccessDeniedException("Couche réservée : " + layer.id());
    }
}
