package fr.thdtracker.progress;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Service;

import fr.thdtracker.common.AreaLevel;
import fr.thdtracker.common.BadRequestException;
import fr.thdtracker.common.Scope;

/** The S-curves: cumulative counts per month of premises built, opened for sale and subscribed, per group. */
@Service
class ProgressCurves {

    /**
     * Groups × months one answer may hold (each with three counts): the whole programme window by
     * phase or department is far below; by commune it allows about seven years at once. Past it
     * an answer would be megabytes of JSON built in memory, so the caller narrows the range.
     */
    static final int MAX_GROUP_MONTHS = 100_000;

    private final ProgressRepository repository;

    ProgressCurves(ProgressRepository repository) {
        this.repository = repository;
    }

    /** From the month of {@code from} to the month of {@code to}, both included ({@code from} ≤ {@code to}). */
    ProgressSeries series(AreaLevel level, LocalDate from, LocalDate to) {
        List<String> months = new ArrayList<>();
        for (LocalDate m = from.withDayOfMonth(1); !m.isAfter(to); m = m.plusMonths(1)) {
            months.add(m.toString().substring(0, 7));
        }
        Map<String, String> names = repository.names(level);
        long cells = (long) months.size() * Math.max(1, names.size());
        if (cells > MAX_GROUP_MONTHS) {
            throw new BadRequestException("Série trop grande : " + names.size() + " groupes × " + months.size()
                    + " mois dépasse " + MAX_GROUP_MONTHS + " ; réduisez l'intervalle from–to (au plus "
                    + MAX_GROUP_MONTHS / Math.max(1, names.size()) + " mois par " + level.param + ")");
        }
        Map<String, Map<String, long[]>> byGroup = new TreeMap<>();
        String first = months.get(0);
        for (ProgressRepository.Monthly row : repository.monthly(level, to, Scope.REGION)) {
            long[] counts = byGroup.computeIfAbsent(row.code(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(row.kind(), k -> new long[months.size()]);
            // everything before the first month counts from the start: the curves are cumulative
            int i = row.month().compareTo(first) < 0 ? 0 : months.indexOf(row.month());
            if (i >= 0) {
                counts[i] += row.n();
            }
        }
        List<ProgressSeries.GroupSeries> series = new ArrayList<>();
        byGroup.forEach((code, kinds) -> series.add(new ProgressSeries.GroupSeries(code, names.getOrDefault(code, code),
                cumulative(kinds.get("built"), months.size()), cumulative(kinds.get("open"), months.size()),
                cumulative(kinds.get("subscribed"), months.size()))));
        return new ProgressSeries(level.param, months, series);
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
}
