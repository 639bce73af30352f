package fr.thdtracker.progress;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import fr.thdtracker.common.AreaLevel;
import fr.thdtracker.common.Scope;

/**
 * Where the rollout stands on a date, per phase, tranche, department, EPCI, commune, zone or
 * contractor: lines targeted, in study, in works, built, open for sale, subscribed; take-up; pace
 * over 3, 6 and 12 months; forecast completion at the 12-month pace against the target date.
 */
@RestController
class ProgressController {

    private final ProgressRepository repository;
    private final ProgressService service;

    ProgressController(ProgressRepository repository, ProgressService service) {
        this.repository = repository;
        this.service = service;
    }

    @GetMapping("/api/progress")
    Map<String, Object> progress(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                 @RequestParam(defaultValue = "phase") String by,
                                 @RequestParam(defaultValue = "region") String scope) {
        LocalDate d = asOf != null ? asOf : LocalDate.now();
        AreaLevel level = AreaLevel.parse("by", by);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("asOf", d);
        answer.put("by", level.param);
        answer.put("scope", scope);
        answer.put("groups", service.groups(level, d, Scope.parse(scope)));
        return answer;
    }

    /**
     * Cumulative counts per month (the S-curves): premises built, opened for sale and subscribed,
     * per group, from {@code from} to {@code to}.
     */
    @GetMapping("/api/progress/series")
    Map<String, Object> series(@RequestParam(defaultValue = "phase") String by,
                               @RequestParam(defaultValue = "2016-01-01") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        LocalDate end = to != null ? to : LocalDate.now();
        if (from.isAfter(end)) {
            throw new fr.thdtracker.common.BadRequestException("from doit précéder to");
        }
        AreaLevel level = AreaLevel.parse("by", by);
        List<String> months = new ArrayList<>();
        for (LocalDate m = from.withDayOfMonth(1); !m.isAfter(end); m = m.plusMonths(1)) {
            months.add(m.toString().substring(0, 7));
        }
        Map<String, Map<String, long[]>> byGroup = new java.util.TreeMap<>();
        String first = months.get(0);
        for (ProgressRepository.Monthly row : repository.monthly(level, end)) {
            long[] counts = byGroup.computeIfAbsent(row.code(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(row.kind(), k -> new long[months.size()]);
            // everything before the first month counts from the start: the curves are cumulative
            int i = row.month().compareTo(first) < 0 ? 0 : months.indexOf(row.month());
            if (i >= 0) {
                counts[i] += row.n();
            }
        }
        Map<String, String> names = repository.names(level);
        List<Map<String, Object>> series = new ArrayList<>();
        for (Map.Entry<String, Map<String, long[]>> g : byGroup.entrySet()) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("code", g.getKey());
            s.put("name", names.getOrDefault(g.getKey(), g.getKey()));
            s.put("built", cumulative(g.getValue().get("built"), months.size()));
            s.put("openForSale", cumulative(g.getValue().get("open"), months.size()));
            s.put("subscribed", cumulative(g.getValue().get("subscribed"), months.size()));
            series.add(s);
        }
        return Map.of("by", level.param, "months", months, "series", series);
    }

    private static long[] cumulative(long[] perMonth, int size) {
        long[] out = new long[size];
        long acc = 0;
        for (int i = 0; i < size; i++) {
            acc += perMonth == null ? 0 : perMonth[i];
            out[i] = acc;
        }
        return out;
    }

    /** Zones whose planned end of works has passed and whose lines are not all built. */
    @GetMapping("/api/progress/late-zones")
    Map<String, Object> lateZones(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        LocalDate d = asOf != null ? asOf : LocalDate.now();
        return Map.of("asOf", d, "zones", repository.lateZones(d));
    }

}
