package fr.thdtracker.progress;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import fr.thdtracker.common.AreaLevel;
import fr.thdtracker.common.Scope;

/**
 * Progress figures of each group on a date — the one computation behind the JSON API, the
 * dashboard and the Excel report: take-up, pace over 3, 6 and 12 months, forecast completion from
 * the zones' planned ends and their contractors' recent pace ({@link ProgrammeForecast}) against
 * the target date, and the late zones.
 */
@Service
class ProgressService {

    private final ProgressRepository repository;
    private final ProgressProperties rules;

    ProgressService(ProgressRepository repository, ProgressProperties rules) {
        this.repository = repository;
        this.rules = rules;
    }

    List<GroupProgress> groups(AreaLevel level, LocalDate d, Scope scope) {
        return describe(level, d, repository.figures(level, d, scope), programme(d, scope));
    }

    /** Every level at once, from one scan of the premises (for the report), with the late zones. */
    ProgressByLevel allLevels(LocalDate d, Scope scope) {
        ProgrammeForecast programme = programme(d, scope);
        Map<AreaLevel, List<GroupProgress>> all = new EnumMap<>(AreaLevel.class);
        repository.figuresOfAllLevels(d, scope)
                .forEach((level, figures) -> all.put(level, describe(level, d, figures, programme)));
        return new ProgressByLevel(all, programme.lateZones());
    }

    /** Zones past their planned end with fewer than the configured share of their lines built. */
    LateZone.Answer lateZones(LocalDate d, Scope scope) {
        return new LateZone.Answer(d, rules.lateBuiltShare(), programme(d, scope).lateZones());
    }

    private ProgrammeForecast programme(LocalDate d, Scope scope) {
        return new ProgrammeForecast(repository.zoneShares(d, d.minusMonths(rules.paceWindowMonths()), scope),
                repository.zoneFacts(), rules, d);
    }

    private List<GroupProgress> describe(AreaLevel level, LocalDate d, List<ProgressRepository.Figures> figures,
                                         ProgrammeForecast programme) {
        Map<String, String> names = repository.names(level);
        Map<String, LocalDate> targets = repository.targets(level);
        return figures.stream().map(f -> describe(f, names.getOrDefault(f.code(), f.code()), targets.get(f.code()),
                programme.of(level, f.code()))).toList();
    }

    private static GroupProgress describe(ProgressRepository.Figures f, String name, LocalDate target,
                                          LocalDate zonesForecast) {
        long remaining = f.premises() - f.built() - f.abandoned();
        LocalDate forecast = remaining <= 0 ? null : zonesForecast;
        GroupProgress.Target against = target == null ? null : new GroupProgress.Target(target,
                forecast == null ? null : Math.max(0, ChronoUnit.DAYS.between(target, forecast)));
        return new GroupProgress(f.code(), name, f.targeted(), f.inStudy(), f.inWorks(), f.built(), f.open(),
                f.subscribed(), f.abandoned(), f.open() == 0 ? null : round(f.subscribed() / (double) f.open()),
                new GroupProgress.BuiltPerMonth(round((f.built() - f.built3()) / 3.0),
                        round((f.built() - f.built6()) / 6.0), round((f.built() - f.built12()) / 12.0)),
                remaining, remaining <= 0, forecast, against);
    }

    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
