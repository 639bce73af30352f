package fr.thdtracker.progress;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.thdtracker.common.AreaLevel;

/**
 * The zones of the programme on a date: which are late (the one rule of {@link ProgressProperties}),
 * when each should be built ({@link ZoneForecasts}), and so when each group should be: the latest
 * forecast of the zones holding its remaining lines within the scope — unknown when one of them
 * cannot be forecast.
 */
final class ProgrammeForecast {

    /** One zone's lines summed over its communes. */
    private static final class Totals {
        long lines;
        long built;
        long builtRecently;
        long inScope;
    }

    private final ZoneForecasts zones;
    private final Map<AreaLevel, Map<String, Optional<LocalDate>>> byGroup = new EnumMap<>(AreaLevel.class);
    private final List<LateZone> late = new ArrayList<>();

    ProgrammeForecast(List<ProgressRepository.ZoneShare> shares, Map<String, ProgressRepository.ZoneFacts> facts,
                      ProgressProperties rules, LocalDate d) {
        Map<String, Totals> totals = new LinkedHashMap<>();
        for (ProgressRepository.ZoneShare s : shares) {
            Totals t = totals.computeIfAbsent(s.zone(), z -> new Totals());
            t.lines += s.lines();
            t.built += s.built();
            t.builtRecently += s.builtRecently();
            t.inScope += s.inScope();
        }
        List<ZoneForecasts.Zone> work = new ArrayList<>();
        totals.forEach((code, t) -> {
            ProgressRepository.ZoneFacts f = facts.get(code);
            work.add(new ZoneForecasts.Zone(code, f == null ? null : f.contractor(), f == null ? null : f.plannedEnd(),
                    t.lines - t.built, t.builtRecently));
        });
        zones = new ZoneForecasts(work, d, rules.paceWindowMonths());
        for (ProgressRepository.ZoneShare s : shares) {
            if (s.remainingInScope() > 0) {
                Optional<LocalDate> zone = zones.of(s.zone());
                s.keys().forEach((level, code) -> byGroup.computeIfAbsent(level, l -> new HashMap<>())
                        .merge(code == null ? "" : code, zone, ProgrammeForecast::latest));
            }
        }
        totals.forEach((code, t) -> {
            ProgressRepository.ZoneFacts f = facts.get(code);
            if (f != null && t.inScope > 0 && rules.late(f.plannedEnd(), t.lines, t.built, d)) {
                late.add(new LateZone(code, f.name(), f.tranche(), f.contractor(), f.plannedEnd(), t.lines, t.built,
                        zones.of(code).orElse(null), f.lon(), f.lat()));
            }
        });
        late.sort(Comparator.comparing(LateZone::plannedEndDate).thenComparing(LateZone::code));
    }

    /** The later of two forecasts; unknown (empty) wins, since the group's end is then unknown too. */
    private static Optional<LocalDate> latest(Optional<LocalDate> a, Optional<LocalDate> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return Optional.empty();
        }
        return a.get().isAfter(b.get()) ? a : b;
    }

    /**
     * When the group's remaining lines in the scope should all be built; null when none of them lies
     * in a zone, or one of their zones cannot be forecast.
     */
    LocalDate of(AreaLevel level, String code) {
        Optional<LocalDate> f = byGroup.getOrDefault(level, Map.of()).get(code == null ? "" : code);
        return f == null ? null : f.orElse(null);
    }

    /** The late zones that have lines in the scope, by planned end then code. */
    List<LateZone> lateZones() {
        return List.copyOf(late);
    }
}
