package fr.thdtracker.progress;

import static fr.thdtracker.progress.ReportCells.date;
import static fr.thdtracker.progress.ReportCells.number;
import static fr.thdtracker.progress.ReportCells.text;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import fr.thdtracker.common.AreaLevel;
import fr.thdtracker.common.Scope;
import fr.thdtracker.common.WorkbookStyles;

/**
 * The report's first sheet: date, scope and data date, the KPIs of the whole scope, then the
 * phases against their targets with a bar chart of them ({@link PhaseChart}). Written with XSSF:
 * the streaming workbook cannot draw charts.
 */
final class SummarySheet {

    private record Kpi(String label, Function<GroupProgress, Number> value) {
    }

    private static final List<Kpi> KPIS = List.of(new Kpi("Lignes ciblées", GroupProgress::targeted),
            new Kpi("En étude", GroupProgress::inStudy), new Kpi("En travaux", GroupProgress::inWorks),
            new Kpi("Construites", GroupProgress::built), new Kpi("Ouvertes à la vente", GroupProgress::openForSale),
            new Kpi("Abonnées", GroupProgress::subscribed));
    private static final String[] PHASE_HEADERS = {"Phase", "Lignes ciblées", "Construites", "Ouvertes à la vente",
            "Abonnées", "Objectif", "Achèvement prévu", "Retard prévu (jours)"};
    private static final int DELAY_COLUMN = 7;

    private SummarySheet() {
    }

    /** What the figures count, said where they are read (issue 8): the private towns are not the programme's. */
    static final String PUBLIC_PROGRAMME_ONLY = "Programme public (réseau d'initiative publique) : les communes "
            + "d'initiative privée (AMII, L. 33-13) et la zone très dense ne sont pas comptées";

    /** @param dataDate the date of the last data refresh, when known */
    static void write(XSSFWorkbook wb, WorkbookStyles s, LocalDate asOf, Scope scope, Optional<LocalDate> dataDate,
                      ProgressByLevel all) {
        XSSFSheet sheet = wb.createSheet("Synthèse");
        int r = 0;
        text(sheet.createRow(r++), 0, "Avancement du déploiement — Bretagne Très Haut Débit", s.title);
        Row info = sheet.createRow(r++);
        text(info, 0, "Situation au", s.header);
        date(info, 1, asOf, s.date);
        Row scopeRow = sheet.createRow(r++);
        text(scopeRow, 0, "Périmètre", s.header);
        text(scopeRow, 1, scope.label(), null);
        Row programme = sheet.createRow(r++);
        text(programme, 0, "Champ", s.header);
        text(programme, 1, PUBLIC_PROGRAMME_ONLY, null);
        Row refresh = sheet.createRow(r++);
        text(refresh, 0, "Données au", s.header);
        dataDate.ifPresent(d -> date(refresh, 1, d, s.date));
        r++;
        r = kpis(sheet, s, r, all.total());
        r++;
        phases(sheet, s, r, all.of(AreaLevel.PHASE));
    }

    /** The KPIs of the whole scope (empty values when it holds no premises); returns the next free row. */
    private static int kpis(XSSFSheet sheet, WorkbookStyles s, int r, Optional<GroupProgress> total) {
        Row kpiHeader = sheet.createRow(r++);
        text(kpiHeader, 0, "Indicateur", s.header);
        text(kpiHeader, 1, "Valeur", s.header);
        for (Kpi k : KPIS) {
            Row row = sheet.createRow(r++);
            text(row, 0, k.label(), null);
            number(row, 1, total.map(k.value()).orElse(null), s.integer);
        }
        Row take = sheet.createRow(r++);
        text(take, 0, "Taux de pénétration", null);
        number(take, 1, total.map(GroupProgress::takeUpRate).orElse(null), s.percent);
        return r;
    }

    private static void phases(XSSFSheet sheet, WorkbookStyles s, int tableStart, List<GroupProgress> phases) {
        int r = tableStart;
        ReportCells.headers(sheet.createRow(r++), PHASE_HEADERS, s.header);
        for (GroupProgress p : phases) {
            Row row = sheet.createRow(r++);
            text(row, 0, p.name(), null);
            number(row, 1, p.targeted(), s.integer);
            number(row, 2, p.built(), s.integer);
            number(row, 3, p.openForSale(), s.integer);
            number(row, 4, p.subscribed(), s.integer);
            date(row, 5, p.targetDate(), s.date);
            date(row, 6, p.forecastCompletion(), s.date);
            number(row, DELAY_COLUMN, p.forecastDelayDays(), s.integer);
        }
        if (!phases.isEmpty()) {
            ReportCells.delaysInRed(sheet, tableStart + 1, r - 1, DELAY_COLUMN);
            PhaseChart.draw(sheet, tableStart + 1, r - 1, r + 1);
        }
        for (int c = 0; c < PHASE_HEADERS.length; c++) {
            sheet.setColumnWidth(c, c == 0 ? 34 * 256 : 18 * 256);
        }
    }
}
