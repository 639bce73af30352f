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
 * dashboard and the Excel report: take-up, pace over 3, 6 and 12 months, forecast completion at
 * the 12-month pace against the target date.
 */
@Service
class ProgressService {

    private static final double DAYS_PER_MONTH = 30.44;

    private final ProgressRepository repository;

    ProgressService(ProgressRepository repository) {
        this.repository = repository;
    }

    List<GroupProgress> groups(AreaLevel level, LocalDate d, Scope scope) {
        return describe(level, d, repository.figures(level, d, scope));
    }

    /** Every level at once, from one scan of the premises (for the report). */
    ProgressByLevel allLevels(LocalDate d, Scope scope) {
        Map<AreaLevel, List<GroupProgress>> all = new EnumMap<>(AreaLevel.class);
        repository.figuresOfAllLevels(d, scope).forEach((level, figures) -> all.put(level, describe(level, d, figures)));
        return new ProgressByLevel(all);
    }

    private List<GroupProgress> describe(AreaLevel level, LocalDate d, List<ProgressRepository.Figures> figures) {
        Map<String, String> names = repository.names(level);
        Map<String, LocalDate> targets = repository.targets(level);
        return figures.stream().map(f -> describe(f, names.getOrDefault(f.code(), f.code()), targets.get(f.code()), d))
                .toList();
    }

    private static GroupProgress describe(ProgressRepository.Figures f, String name, LocalDate target, LocalDate d) {
        long remaining = f.premises() - f.built() - f.abandoned();
        double monthly = (f.built() - f.built12()) / 12.0;
        // at the last 12 months' pace; none when nothing was built in that year
        LocalDate forecast = remaining <= 0 || monthly <= 0 ? null
                : d.plusDays(Math.round(remaining / monthly * DAYS_PER_MONTH));
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
