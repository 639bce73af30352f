package fr.thdtracker.eligibility;

import java.time.LocalDate;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import fr.thdtracker.common.AreaLevel;
import fr.thdtracker.common.BadRequestException;
import fr.thdtracker.common.BoundingBox;
import fr.thdtracker.common.DateParam;
import fr.thdtracker.common.NotFoundException;
import fr.thdtracker.common.Problems;
import fr.thdtracker.common.Scope;
import fr.thdtracker.common.StatementTimeouts;
import fr.thdtracker.common.SpreadsheetResponse;
import fr.thdtracker.security.AuditLog;

@RestController
class EligibilityController {

    /** An address typed in the search box; longer is no address. */
    static final int MAX_QUERY = 200;
    /** An operation's or a sub-distributor's code. */
    static final int MAX_CODE = 50;

    private final PremiseAnswers premises;
    private final AddressLookup addresses;
    private final AreaAnswers areas;
    private final WhatIfService whatIfs;
    private final EligibilityRecompute recompute;
    private final EligibilityWorkbook workbook;
    private final AuditLog audit;
    private final StatementTimeouts timeouts;

    EligibilityController(PremiseAnswers premises, AddressLookup addresses, AreaAnswers areas, WhatIfService whatIfs,
                          EligibilityRecompute recompute, EligibilityWorkbook workbook, AuditLog audit,
                          StatementTimeouts timeouts) {
        this.premises = premises;
        this.addresses = addresses;
        this.areas = areas;
        this.whatIfs = whatIfs;
        this.recompute = recompute;
        this.workbook = workbook;
        this.audit = audit;
        this.timeouts = timeouts;
    }

    /** Public: what an address can get on a date, found by typed text or by a point. */
    @GetMapping("/api/eligibility/lookup")
    LookupAnswer lookup(@RequestParam(required = false) String q,
                        @RequestParam(required = false) Double lon,
                        @RequestParam(required = false) Double lat,
                        @RequestParam(required = false) String asOf) {
        LocalDate d = DateParam.parse("asOf", asOf);
        if (q != null) {
            return addresses.lookup(Problems.bounded("q", q, MAX_QUERY), d);
        }
        if (lon != null && lat != null) {
            BoundingBox.requireWgs84(lon, lat);
            // no premise off the territory: answered without asking PostGIS to project a far point
            if (!BoundingBox.TERRITORY.contains(lon, lat)) {
                throw new NotFoundException("Aucun local près de ce point : il est hors du territoire du programme");
            }
            return new LookupAnswer(premises.nearest(lon, lat, d), null);
        }
        throw new BadRequestException("Donnez une adresse (q=…) ou un point (lon=…&lat=…)");
    }

    /** Public: address suggestions while typing (streets, best first). */
    @GetMapping("/api/eligibility/suggest")
    List<AddressSuggestion> suggest(@RequestParam String q) {
        return addresses.suggest(Problems.bounded("q", q, MAX_QUERY));
    }

    /** Public: once a suggested street is chosen, its numbers (each opening its building). */
    @GetMapping("/api/eligibility/suggest/numbers")
    List<AddressSuggestion> numbers(@RequestParam String insee, @RequestParam String street) {
        return addresses.numbers(Problems.bounded("insee", insee, 5), Problems.bounded("street", street, MAX_QUERY));
    }

    /** Public: one building (the lines of one IMB identifier) on a date. */
    @GetMapping("/api/eligibility/buildings/{id}")
    PremiseEligibility building(@PathVariable long id,
                                @RequestParam(required = false) String asOf) {
        return premises.building(id, DateParam.parse("asOf", asOf));
    }

    @GetMapping("/api/eligibility/areas")
    EligibilityAreas areas(@RequestParam String level,
                           @RequestParam(required = false) String asOf) {
        AreaLevel l = AreaLevel.parse("level", level);
        LocalDate d = DateParam.parse("asOf", asOf);
        // every premise of the region over a date: a heavier answer than a lookup
        return timeouts.heavyAnswer(() -> areas.areas(l, d));
    }

    /** Engineers: before/after of a planned operation, or of a hypothetical cabinet at an SR. */
    @GetMapping("/api/eligibility/what-if")
    WhatIf whatIf(@RequestParam(required = false) String operation,
                  @RequestParam(required = false) String subDistributor,
                  @RequestParam(required = false) String asOf) {
        LocalDate d = DateParam.parse("asOf", asOf);
        if (operation != null) {
            String code = Problems.bounded("operation", operation, MAX_CODE);
            return timeouts.heavyAnswer(() -> whatIfs.operation(code, d));
        }
        if (subDistributor != null) {
            String code = Problems.bounded("subDistributor", subDistributor, MAX_CODE);
            return timeouts.heavyAnswer(() -> whatIfs.cabinet(code, d));
        }
        throw new BadRequestException("Donnez operation=<code> ou subDistributor=<code>");
    }

    /** For elected officials (signed in): premises per speed class and technology per commune. */
    @GetMapping("/api/reports/eligibility.xlsx")
    ResponseEntity<byte[]> report(@RequestParam(required = false) String asOf,
                                  @RequestParam(defaultValue = "region") String scope) {
        LocalDate d = DateParam.orToday("asOf", asOf);
        Scope s = Scope.parse(scope);
        byte[] bytes = timeouts.job(() -> workbook.build(d, s));
        return SpreadsheetResponse.attachment("eligibilite-" + scope.replace(':', '-') + "-" + d + ".xlsx", bytes);
    }

    @GetMapping("/api/eligibility/recompute")
    RecomputeStatus status() {
        return recompute.status();
    }

    @PostMapping("/api/eligibility/recompute")
    ResponseEntity<RecomputeStatus> start() {
        boolean started = recompute.startFull();
        if (started) {
            audit.record("eligibilite.recalcul", "eligibility", "recalcul complet lancé");
        }
        return ResponseEntity.status(started ? HttpStatus.ACCEPTED : HttpStatus.CONFLICT).body(recompute.status());
    }
}
