package fr.thdtracker.perimeter;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.thdtracker.common.BadRequestException;
import fr.thdtracker.common.DateParam;
import fr.thdtracker.common.NotFoundException;
import fr.thdtracker.common.Problems;
import fr.thdtracker.security.AuditLog;

/**
 * The figures per commune, EPCI and department, and an administrator's dated change of a
 * commune's perimeter: the period in force is closed at the change's date and a new one opened
 * (source ADMIN), audited in the same transaction, so that nothing is half-written.
 */
@Service
class PerimeterService {

    static final Set<String> KINDS = Set.of("PUBLIC", "PRIVATE_L3313", "PRIVATE_INTENTION", "VERY_DENSE");
    static final int MAX_REASON = 500;

    private static final String NOT_IMPORTED = "L'observatoire Arcep n'est pas importé dans cette base"
            + " (import-scripts/import-arcep.sh) : seul le périmètre est connu.";

    private final PerimeterRepository perimeters;
    private final ObservatoryRepository observatory;
    private final AuditLog audit;

    PerimeterService(PerimeterRepository perimeters, ObservatoryRepository observatory, AuditLog audit) {
        this.perimeters = perimeters;
        this.observatory = observatory;
        this.audit = audit;
    }

    CommuneFigures commune(String insee, LocalDate asOf) {
        PerimeterRepository.Commune c = perimeters.commune(insee)
                .orElseThrow(() -> new NotFoundException("Commune inconnue : " + insee));
        PerimeterPeriod perimeter = perimeters.onDay(insee, asOf).publicView();
        List<PerimeterPeriod> history = perimeters.history(insee).stream().map(PerimeterPeriod::publicView).toList();
        CommuneFigures.Observatory figures = observatory.commune(insee).orElse(null);
        String notice = figures != null ? null : observatory.imported()
                ? "Aucune ligne de l'observatoire Arcep pour cette commune." : NOT_IMPORTED;
        return new CommuneFigures(c.insee(), c.name(), c.department(), c.epci(), asOf, perimeter,
                perimeter.isPublicProgramme(), history, figures, notice, observatory.credit().orElse(null));
    }

    GroupFigures group(ObservatoryRepository.Group group, String code, LocalDate asOf) {
        String name = observatory.groupName(group, code).orElseThrow(() -> new NotFoundException(
                (group == ObservatoryRepository.Group.EPCI ? "EPCI inconnu : " : "Département inconnu : ") + code));
        GroupFigures.Totals summed = observatory.summed(group, code).orElse(null);
        GroupFigures.Totals published = observatory.published(group, code).orElse(null);
        String notice = summed != null || published != null ? null : observatory.imported()
                ? "Aucune ligne de l'observatoire Arcep pour ce territoire." : NOT_IMPORTED;
        return new GroupFigures(group.level, code, name, asOf, observatory.perimeters(group, code, asOf), summed,
                published, notice, observatory.credit().orElse(null));
    }

    PerimeterHistory history(String insee) {
        PerimeterRepository.Commune c = perimeters.commune(insee)
                .orElseThrow(() -> new NotFoundException("Commune inconnue : " + insee));
        return new PerimeterHistory(c.insee(), c.name(), perimeters.history(insee));
    }

    /** Checks the change, then closes the period in force and opens the new one; 409 on any overlap. */
    @Transactional
    public PerimeterHistory change(String insee, PerimeterEdit edit) {
        Checked e = check(edit);
        if (!perimeters.lockCommune(insee)) {
            throw new NotFoundException("Commune inconnue : " + insee);
        }
        List<PerimeterPeriod> periods = perimeters.history(insee);
        PerimeterPeriod last = periods.isEmpty() ? null : periods.get(periods.size() - 1);
        if (last != null && !e.from().isAfter(last.validFrom())) {
            throw new PerimeterConflict("Le périmètre de " + insee + " a déjà une période qui commence le "
                    + last.validFrom() + " : une modification doit être datée après (reçu : " + e.from() + ")");
        }
        boolean overlaps = last != null && (last.validTo() == null || last.validTo().isAfter(e.from()));
        if (overlaps && last.kind().equals(e.kind()) && Objects.equals(last.operatorCode(), e.operator())) {
            throw new PerimeterConflict("Le périmètre de " + insee + " est déjà « " + last.label()
                    + " » depuis le " + last.validFrom() + " : rien à changer");
        }
        if (overlaps) {
            perimeters.close(insee, last.validFrom(), e.from());
        }
        String username = SecurityContextHolder.getContext().getAuthentication().getName();
        try {
            perimeters.insertAdmin(insee, e.kind(), e.operator(), e.from(), username);
        } catch (DataIntegrityViolationException overlap) {
            // another change of the same commune committed between our read and our write
            throw new PerimeterConflict("Le périmètre de " + insee + " vient d'être modifié par ailleurs : rechargez"
                    + " son historique et recommencez");
        }
        audit.record("perimetre.modification", insee, e.kind() + (e.operator() == null ? "" : " " + e.operator())
                + " depuis le " + e.from() + (last == null ? "" : " (avant : " + last.kind()
                + (last.operatorCode() == null ? "" : " " + last.operatorCode()) + ")")
                + (e.reason() == null ? "" : " — " + e.reason()));
        return new PerimeterHistory(insee, perimeters.commune(insee).map(PerimeterRepository.Commune::name).orElse(insee),
                perimeters.history(insee));
    }

    private record Checked(String kind, String operator, LocalDate from, String reason) {
    }

    private static Checked check(PerimeterEdit edit) {
        if (edit == null) {
            throw new BadRequestException("Corps attendu : {\"kind\": …, \"operatorCode\": …, \"validFrom\": \"AAAA-MM-JJ\"}");
        }
        String kind = edit.kind();
        if (kind == null || !KINDS.contains(kind)) {
            throw new BadRequestException("kind doit valoir PUBLIC, PRIVATE_L3313, PRIVATE_INTENTION ou VERY_DENSE (reçu : "
                    + Problems.quote(kind) + ")");
        }
        String operator = edit.operatorCode() == null || edit.operatorCode().isBlank() ? null : edit.operatorCode();
        if (operator != null && !Codes.OPERATORS.matcher(operator).matches()) {
            throw new BadRequestException("operatorCode : code(s) opérateur Arcep attendus, 4 caractères en majuscules"
                    + " joints par « - » (FRTE, SFR0, FREE-FRTE-SFR0) (reçu : " + Problems.quote(operator) + ")");
        }
        if ("PUBLIC".equals(kind) && operator != null) {
            throw new BadRequestException("operatorCode : un périmètre PUBLIC n'a pas d'opérateur privé");
        }
        if ("PRIVATE_L3313".equals(kind) && operator == null) {
            throw new BadRequestException("operatorCode : l'opérateur de l'engagement L. 33-13 est obligatoire (FRTE, SFR0…)");
        }
        if (edit.validFrom() == null || edit.validFrom().isEmpty()) {
            throw new BadRequestException("validFrom : la date d'effet (AAAA-MM-JJ) est obligatoire");
        }
        LocalDate from = DateParam.parse("validFrom", edit.validFrom());
        String reason = edit.reason() == null || edit.reason().isBlank() ? null
                : Problems.bounded("reason", edit.reason(), MAX_REASON).strip();
        return new Checked(kind, operator, from, reason);
    }
}
