package fr.thdtracker.progress;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Sheet;

import fr.thdtracker.common.WorkbookStyles;

/**
 * The communes sheet: the figures of each commune, then the connectable (built) premises at the
 * end of each quarter since 2016, one column per quarter as in Arcep's observatory.
 */
final class CommunesSheet {

    private CommunesSheet() {
    }

    /** @param monthly the commune level's monthly counts up to {@code asOf} */
    static void write(Sheet sheet, WorkbookStyles s, LocalDate asOf, List<GroupProgress> communes,
                      List<ProgressRepository.Monthly> monthly) {
        List<LocalDate> quarters = quarterEnds(asOf);
        Map<String, long[]> builtByQuarter = new HashMap<>();
        for (ProgressRepository.Monthly m : monthly) {
            if (!m.kind().equals("built")) {
                continue;
            }
            LocalDate month = LocalDate.parse(m.month() + "-01");
            long[] counts = builtByQuarter.computeIfAbsent(m.code(), k -> new long[quarters.size()]);
            for (int i = 0; i < quarters.size(); i++) {
                if (!month.isAfter(quarters.get(i))) {
                    counts[i] += m.n();
                }
            }
        }
        List<String> headers = quarters.stream()
                .map(q -> "Raccordables T" + q.get(IsoFields.QUARTER_OF_YEAR) + " " + q.getYear()).toList();
        GroupSheet.write(sheet, s, communes, headers, (row, g) -> {
            long[] counts = builtByQuarter.getOrDefault(g.code(), new long[quarters.size()]);
            for (int i = 0; i < counts.length; i++) {
                ReportCells.number(row, GroupSheet.HEADERS.length + i, counts[i], s.integer);
            }
        });
    }

    /** The last day of each quarter from the first of 2016 to {@code asOf}. */
    private static List<LocalDate> quarterEnds(LocalDate asOf) {
        List<LocalDate> quarters = new ArrayList<>();
        for (LocalDate q = LocalDate.of(2016, 3, 31); !q.isAfter(asOf);
             q = q.plusMonths(3).withDayOfMonth(1).plusMonths(1).minusDays(1)) {
            quarters.add(q);
        }
        return quarters;
    }
}
