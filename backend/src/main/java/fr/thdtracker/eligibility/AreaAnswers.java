package fr.thdtracker.eligibility;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import fr.thdtracker.common.AreaLevel;
import fr.thdtracker.common.DatasetInfo;

/** Eligibility of the areas of a level (communes … region) on a date; the report reads the same figures. */
@Service
class AreaAnswers {

    /** Arcep's cumulative thresholds, the columns of AreaFigures.Cumulative. */
    private static final List<Integer> THRESHOLDS_MBPS = List.of(3, 8, 30, 100, 1000);

    private final EligibilityRepository repository;
    private final DatasetInfo datasetInfo;
    private final SpeedModel model;

    AreaAnswers(EligibilityRepository repository, EligibilityRecompute recompute, DatasetInfo datasetInfo) {
        this.repository = repository;
        this.datasetInfo = datasetInfo;
        this.model = recompute.model();
    }

    EligibilityAreas areas(AreaLevel level, LocalDate asOf) {
        LocalDate d = AsOf.orToday(asOf);
        List<EligibilityRepository.Count> counts = repository.counts(level, d, model.ftth().speedClass().ordinal());
        Map<String, String> names = repository.names(level);
        Map<String, CommunePerimeter> perimeters = level == AreaLevel.COMMUNE ? repository.perimeters(d) : Map.of();
        Map<String, AreaTally> byCode = new LinkedHashMap<>();
        for (EligibilityRepository.Count c : counts) {
            byCode.computeIfAbsent(c.code(), AreaTally::new).add(c);
        }
        List<AreaFigures> areas = byCode.values().stream()
                .sorted(Comparator.comparing(AreaTally::code))
                .map(a -> a.figures(names.get(a.code()), perimeters.get(a.code()))).toList();
        return new EligibilityAreas(level.param, d, datasetInfo.refreshDate().orElse(null), THRESHOLDS_MBPS, areas);
    }
}
