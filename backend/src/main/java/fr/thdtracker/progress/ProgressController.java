package fr.thdtracker.progress;

import java.time.LocalDate;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import fr.thdtracker.common.AreaLevel;
import fr.thdtracker.common.BadRequestException;
import fr.thdtracker.common.DateParam;
import fr.thdtracker.common.Scope;
import fr.thdtracker.common.StatementTimeouts;

/**
 * Where the rollout stands on a date, per phase, tranche, department, EPCI, commune, zone or
 * contractor: lines targeted, in study, in works, built, open for sale, subscribed; take-up; pace
 * over 3, 6 and 12 months; forecast completion from the zones' planned ends and their contractors'
 * recent pace, against the target date.
 */
@RestController
class ProgressController {

    private final ProgressService service;
    private final ProgressCurves curves;
    private final StatementTimeouts timeouts;

    ProgressController(ProgressService service, ProgressCurves curves, StatementTimeouts timeouts) {
        this.service = service;
        this.curves = curves;
        this.timeouts = timeouts;
    }

    @GetMapping("/api/progress")
    ProgressAnswer progress(@RequestParam(required = false) String asOf,
                            @RequestParam(defaultValue = "phase") String by,
                            @RequestParam(defaultValue = "region") String scope) {
        LocalDate d = DateParam.orToday("asOf", asOf);
        AreaLevel level = AreaLevel.parse("by", by);
        Scope s = Scope.parse(scope);
        // whole-region aggregates over a date: a heavier answer than a tile or a lookup
        return new ProgressAnswer(d, level.param, scope, timeouts.heavyAnswer(() -> service.groups(level, d, s)));
    }

    /**
     * Cumulative counts per month (the S-curves): premises built, opened for sale and subscribed,
     * per group, from {@code from} to {@code to}.
     */
    @GetMapping("/api/progress/series")
    ProgressSeries series(@RequestParam(defaultValue = "phase") String by,
                          @RequestParam(defaultValue = "2016-01-01") String from,
                          @RequestParam(required = false) String to) {
        LocalDate start = DateParam.parse("from", from, LocalDate.of(2016, 1, 1));
        LocalDate end = DateParam.orToday("to", to);
        if (start.isAfter(end)) {
            throw new BadRequestException("from doit précéder to");
        }
        AreaLevel level = AreaLevel.parse("by", by);
        return timeouts.heavyAnswer(() -> curves.series(level, start, end));
    }

    /** Zones whose planned end of works has passed with fewer than the configured share of their lines built. */
    @GetMapping("/api/progress/late-zones")
    LateZone.Answer lateZones(@RequestParam(required = false) String asOf) {
        LocalDate d = DateParam.orToday("asOf", asOf);
        return timeouts.heavyAnswer(() -> service.lateZones(d, Scope.REGION));
    }
}
