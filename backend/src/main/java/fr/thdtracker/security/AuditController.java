package fr.thdtracker.security;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import fr.thdtracker.common.BadRequestException;

/** The audit trail for administrators (the /api/admin/** rule of {@link SecurityConfig}). */
@RestController
class AuditController {

    static final int MAX_LIMIT = 500;

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/api/admin/audit")
    AuditPage audit(@RequestParam(defaultValue = "100") int limit, @RequestParam(required = false) Long before) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new BadRequestException("Paramètre « limit » : entre 1 et " + MAX_LIMIT + " (reçu " + limit + ")");
        }
        if (before != null && before < 1) {
            throw new BadRequestException("Paramètre « before » : l'identifiant d'un événement, au moins 1 (reçu "
                    + before + ")");
        }
        return audit.page(limit, before);
    }
}
