package fr.thdtracker.progress;

import static fr.thdtracker.progress.ReportCells.date;
import static fr.thdtracker.progress.ReportCells.number;
import static fr.thdtracker.progress.ReportCells.text;

import java.util.List;
import java.util.function.BiConsumer;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

import fr.thdtracker.common.WorkbookStyles;

/**
 * A detail sheet of the report: one row per group with every figure of {@link GroupProgress},
 * frozen header and names, a filter, delays in red; optionally extra columns after the figures.
 */
final class GroupSheet {

    static final String[] HEADERS = {"Code", "Nom", "Lignes ciblées", "En étude", "En travaux",
            "Construites", "Ouvertes à la vente", "Abonnées", "Abandonnées", "Taux de pénétration",
            "Construites / mois (3 mois)", "Construites / mois (12 mois)", "Restantes", "Achèvement prévu",
            "Objectif", "Retard prévu (jours)"};
    private static final int DELAY_COLUMN = 15;

    private GroupSheet() {
    }

    static void write(Sheet sheet, WorkbookStyles s, List<GroupProgress> groups) {
        write(sheet, s, groups, List.of(), (row, g) -> { });
    }

    /** @param extra writes the cells of {@code extraHeaders} from column {@code HEADERS.length} on */
    static void write(Sheet sheet, WorkbookStyles s, List<GroupProgress> groups, List<String> extraHeaders,
                      BiConsumer<Row, GroupProgress> extra) {
        Row h = sheet.createRow(0);
        ReportCells.headers(h, HEADERS, s.header);
        for (int c = 0; c < extraHeaders.size(); c++) {
            text(h, HEADERS.length + c, extraHeaders.get(c), s.header);
        }
        int r = 1;
        for (GroupProgress g : groups) {
            Row row = sheet.createRow(r++);
            figures(row, s, g);
            extra.accept(row, g);
        }
        int columns = HEADERS.length + extraHeaders.size();
        sheet.createFreezePane(2, 1);
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, r - 1), 0, columns - 1));
        if (r > 1) {
            ReportCells.delaysInRed(sheet, 1, r - 1, DELAY_COLUMN);
        }
        for (int c = 0; c < columns; c++) {
            sheet.setColumnWidth(c, c == 1 ? 36 * 256 : 15 * 256);
        }
    }

    private static void figures(Row row, WorkbookStyles s, GroupProgress g) {
        text(row, 0, g.code(), null);
        text(row, 1, g.name(), null);
        long[] counts = {g.targeted(), g.inStudy(), g.inWorks(), g.built(), g.openForSale(), g.subscribed(), g.abandoned()};
        for (int k = 0; k < counts.length; k++) {
            number(row, 2 + k, counts[k], s.integer);
        }
        number(row, 9, g.takeUpRate(), s.percent);
        number(row, 10, g.builtPerMonth().last3Months(), s.decimal);
        number(row, 11, g.builtPerMonth().last12Months(), s.decimal);
        number(row, 12, g.remaining(), s.integer);
        date(row, 13, g.forecastCompletion(), s.date);
        date(row, 14, g.targetDate(), s.date);
        number(row, DELAY_COLUMN, g.forecastDelayDays(), s.integer);
    }
}
