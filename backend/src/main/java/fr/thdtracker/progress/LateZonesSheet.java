package fr.thdtracker.progress;

import static fr.thdtracker.progress.ReportCells.date;
import static fr.thdtracker.progress.ReportCells.number;
import static fr.thdtracker.progress.ReportCells.text;

import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

import fr.thdtracker.common.WorkbookStyles;

/** The late zones sheet: the same zones as {@code /api/progress/late-zones}, those with lines in the report's scope. */
final class LateZonesSheet {

    private static final String[] HEADERS = {"Zone", "Nom", "Tranche", "Entreprise", "Fin prévue", "Lignes",
            "Construites", "Part construite", "Achèvement prévu"};

    private LateZonesSheet() {
    }

    static void write(Sheet sheet, WorkbookStyles s, List<LateZone> zones) {
        ReportCells.headers(sheet.createRow(0), HEADERS, s.header);
        int r = 1;
        for (LateZone z : zones) {
            Row row = sheet.createRow(r++);
            text(row, 0, z.code(), null);
            text(row, 1, z.name(), null);
            text(row, 2, z.tranche(), null);
            text(row, 3, z.contractor(), null);
            date(row, 4, z.plannedEndDate(), s.date);
            number(row, 5, z.lines(), s.integer);
            number(row, 6, z.built(), s.integer);
            number(row, 7, z.builtShare(), s.percent);
            date(row, 8, z.forecastCompletion(), s.date);
        }
        sheet.createFreezePane(0, 1);
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, r - 1), 0, HEADERS.length - 1));
        for (int c = 0; c < HEADERS.length; c++) {
            sheet.setColumnWidth(c, c == 1 ? 36 * 256 : 16 * 256);
        }
    }
}
