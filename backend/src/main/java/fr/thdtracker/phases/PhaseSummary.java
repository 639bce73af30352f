package fr.thdtracker.phases;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

record PhaseSummary(int id, String code, String name, LocalDate targetEndDate, long lines,
                    Map<String, Long> byState, List<TrancheSummary> tranches) {

    record TrancheSummary(String code, String name, LocalDate startDate, LocalDate targetEndDate,
                          int zones, long lines, Map<String, Long> byState) {
    }
}
