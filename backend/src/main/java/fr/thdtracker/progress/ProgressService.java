package fr.thdtracker.progress;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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

    List<Map<String, Object>> groups(AreaLevel level, LocalDate d, Scope scope) {
        return describe(level, d, repository.figures(level, d, scope));
    }

    /** Every level at once, from one scan of the premises (for the report). */
    Map<AreaLevel, List<Map<String, Object>>> allLevels(LocalDate d, Scope scope) {
        Map<AreaLevel, List<Map<String, Object>>> all = new java.util.EnumMap<>(AreaLevel.class);
        repository.figuresOfAllLevels(d, scope).forEach((level, figures) -> all.put(level, describe(level, d, figures)));
        return all;
    }

    private List<Map<String, Object>> describe(AreaLevel level, LocalDate d, List<ProgressRepository.Figures> figures) {
        Map<String, String> names = repository.names(level);
        Map<String, LocalDate> targets = repository.targets(level);
        List<Map<String, Object>> groups = new ArrayList<>();
        for (ProgressRepository.Figures f : figures) {
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("code", f.code());
            g.put("name", names.getOrDefault(f.code(), f.code()));
            g.put("targeted", f.targeted());
            g.put("inStudy", f.inStudy());
            g.put("inWorks", f.inWorks());
            g.put("built", f.built());
            g.put("openForSale", f.open());
            g.put("subscribed", f.subscribed());
            g.put("abandoned", f.abandoned());
            g.put("takeUpRate", f.open() == 0 ? null : round(f.subscribed() / (double) f.open()));
            Map<String, Double> pace = new LinkedHashMap<>();
            pace.put("last3Months", round((f.built() - f.built3()) / 3.0));
            pace.put("last6Months", round((f.built() - f.built6()) / 6.0));
            pace.put("last12Months", round((f.built() - f.built12()) / 12.0));
            g.put("builtPerMonth", pace);
            long remaining = f.premises() - f.built() - f.abandoned();
            double monthly = (f.built() - f.built12()) / 12.0;
            LocalDate forecast = remaining <= 0 || monthly <= 0 ? null
                    : d.plusDays(Math.round(remaining / monthly * DAYS_PER_MONTH));
            g.put("remaining", remaining);
            g.put("completed", remaining <= 0);
            // at the last 12 months' pace; none when nothing was built in that year
            g.put("forecastCompletion", forecast);
            LocalDate target = targets.get(f.code());
            if (target != null) {
                g.put("targetDate", target);
                g.put("forecastDelayDays", forecast == null ? null : Math.max(0, ChronoUnit.DAYS.between(target, forecast)));
            }
            groups.add(g);
        }
        return groups;
    }

    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
