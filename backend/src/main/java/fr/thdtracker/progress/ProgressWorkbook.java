package fr.thdtracker.progress;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ComparisonOperator;
import org.apache.poi.ss.usermodel.ConditionalFormattingRule;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PatternFormatting;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetConditionalFormatting;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

import fr.thdtracker.common.AreaLevel;
import fr.thdtracker.common.DatasetInfo;
import fr.thdtracker.common.WorkbookStyles;
import fr.thdtracker.common.Scope;

/**
 * The Excel progress report (Apache POI): a summary sheet with the KPIs and a native chart, built
 * with XSSF (SXSSF cannot draw charts), then the detail sheets streamed with SXSSF (100 rows in
 * memory): phases, tranches, departments, EPCI, communes with one column per quarter of
 * connectable premises (as in Arcep's observatory), zones, contractors, late zones. Frozen headers,
 * filters, number and date formats, delays in red.
 */
@Component
class ProgressWorkbook {

    private static final int ROW_WINDOW = 100;
    private static final byte[][] SERIES_COLOURS = {{(byte) 0x31, (byte) 0xA3, (byte) 0x54},
            {(byte) 0x5A, (byte) 0xAE, (byte) 0x61}, {(byte) 0x99, (byte) 0x8E, (byte) 0xC3}};
    private static final String[] HEADERS = {"Code", "Nom", "Lignes ciblées", "En étude", "En travaux",
            "Construites", "Ouvertes à la vente", "Abonnées", "Abandonnées", "Taux de pénétration",
            "Construites / mois (3 mois)", "Construites / mois (12 mois)", "Restantes", "Achèvement prévu",
            "Objectif", "Retard prévu (jours)"};

    private final ProgressService service;
    private final ProgressRepository repository;
    private final DatasetInfo datasetInfo;

    ProgressWorkbook(ProgressService service, ProgressRepository repository, DatasetInfo datasetInfo) {
        this.service = service;
        this.repository = repository;
        this.datasetInfo = datasetInfo;
    }

    /** Steps of the report, for the progress shown while it is built. */
    interface Progress {
        void step(String what, int done, int total);
    }

    byte[] build(LocalDate asOf, Scope scope, Progress progress) {
        int steps = 11;
        progress.step("calcul des indicateurs", 0, steps);
        Map<AreaLevel, List<Map<String, Object>>> all = service.allLevels(asOf, scope);
        XSSFWorkbook xssf = new XSSFWorkbook();
        WorkbookStyles styles = new WorkbookStyles(xssf);
        progress.step("synthèse", 1, steps);
        summary(xssf, styles, asOf, scope, all);
        SXSSFWorkbook wb = new SXSSFWorkbook(xssf, ROW_WINDOW);
        try {
            WorkbookStyles streamed = new WorkbookStyles(wb);
            int step = 2;
            for (Object[] sheet : new Object[][]{{"Phases", AreaLevel.PHASE}, {"Tranches", AreaLevel.TRANCHE},
                    {"Départements", AreaLevel.DEPARTMENT}, {"EPCI", AreaLevel.EPCI}, {"Zones", AreaLevel.ZONE},
                    {"Entreprises", AreaLevel.CONTRACTOR}}) {
                progress.step((String) sheet[0], step++, steps);
                table(wb.createSheet((String) sheet[0]), streamed, all.getOrDefault((AreaLevel) sheet[1], List.of()), List.of(), null);
            }
            progress.step("communes", step++, steps);
            communes(wb, streamed, asOf, scope, all.getOrDefault(AreaLevel.COMMUNE, List.of()));
            progress.step("zones en retard", step++, steps);
            lateZones(wb.createSheet("Zones en retard"), streamed, asOf, scope);
            progress.step("écriture", step, steps);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            progress.step("terminé", steps, steps);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            wb.dispose();
            try {
                wb.close();
            } catch (IOException ignored) {
                // nothing left to release
            }
        }
    }

    private void summary(XSSFWorkbook wb, WorkbookStyles s, LocalDate asOf, Scope scope,
                         Map<AreaLevel, List<Map<String, Object>>> all) {
        XSSFSheet sheet = wb.createSheet("Synthèse");
        int r = 0;
        cell(sheet.createRow(r++), 0, "Avancement du déploiement — Bretagne Très Haut Débit", s.title);
        Row info = sheet.createRow(r++);
        cell(info, 0, "Situation au", s.header);
        date(info, 1, asOf, s.date);
        Row scopeRow = sheet.createRow(r++);
        cell(scopeRow, 0, "Périmètre", s.header);
        cell(scopeRow, 1, scope.label(), null);
        Row refresh = sheet.createRow(r++);
        cell(refresh, 0, "Données au", s.header);
        datasetInfo.refreshDate().ifPresent(d -> date(refresh, 1, d, s.date));
        r++;
        Map<String, Object> total = all.getOrDefault(AreaLevel.REGION, List.of()).stream().findFirst().orElse(Map.of());
        String[][] kpis = {{"Lignes ciblées", "targeted"}, {"En étude", "inStudy"}, {"En travaux", "inWorks"},
                {"Construites", "built"}, {"Ouvertes à la vente", "openForSale"}, {"Abonnées", "subscribed"}};
        Row kpiHeader = sheet.createRow(r++);
        cell(kpiHeader, 0, "Indicateur", s.header);
        cell(kpiHeader, 1, "Valeur", s.header);
        for (String[] k : kpis) {
            Row row = sheet.createRow(r++);
            cell(row, 0, k[0], null);
            number(row, 1, total.get(k[1]), s.integer);
        }
        Row take = sheet.createRow(r++);
        cell(take, 0, "Taux de pénétration", null);
        number(take, 1, total.get("takeUpRate"), s.percent);
        r++;
        int tableStart = r;
        List<Map<String, Object>> phases = all.getOrDefault(AreaLevel.PHASE, List.of());
        Row h = sheet.createRow(r++);
        String[] cols = {"Phase", "Lignes ciblées", "Construites", "Ouvertes à la vente", "Abonnées", "Objectif",
                "Achèvement prévu", "Retard prévu (jours)"};
        for (int c = 0; c < cols.length; c++) {
            cell(h, c, cols[c], s.header);
        }
        for (Map<String, Object> p : phases) {
            Row row = sheet.createRow(r++);
            cell(row, 0, (String) p.get("name"), null);
            number(row, 1, p.get("targeted"), s.integer);
            number(row, 2, p.get("built"), s.integer);
            number(row, 3, p.get("openForSale"), s.integer);
            number(row, 4, p.get("subscribed"), s.integer);
            date(row, 5, (LocalDate) p.get("targetDate"), s.date);
            date(row, 6, (LocalDate) p.get("forecastCompletion"), s.date);
            number(row, 7, p.get("forecastDelayDays"), s.integer);
        }
        if (!phases.isEmpty()) {
            delaysInRed(sheet, tableStart + 1, r - 1, 7);
            chart(sheet, tableStart + 1, r - 1, r + 1);
        }
        for (int c = 0; c < cols.length; c++) {
            sheet.setColumnWidth(c, c == 0 ? 34 * 256 : 18 * 256);
        }
    }

    /** A native bar chart of built, open and subscribed lines per phase. */
    private static void chart(XSSFSheet sheet, int firstRow, int lastRow, int anchorRow) {
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, 0, anchorRow, 8, anchorRow + 20);
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText("Lignes par phase");
        chart.setTitleOverlay(false);
        chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
        XDDFCategoryAxis phasesAxis = chart.createCategoryAxis(AxisPosition.BOTTOM);
        XDDFValueAxis lines = chart.createValueAxis(AxisPosition.LEFT);
        lines.setCrosses(AxisCrosses.AUTO_ZERO);
        XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, phasesAxis, lines);
        data.setBarDirection(BarDirection.COL);
        // references quoted by hand: the sheet name has an accent, which readers other than Excel
        // (LibreOffice) do not accept unquoted in a chart formula
        String quoted = "'" + sheet.getSheetName().replace("'", "''") + "'!";
        String[] names = new String[lastRow - firstRow + 1];
        for (int r = firstRow; r <= lastRow; r++) {
            names[r - firstRow] = sheet.getRow(r).getCell(0).getStringCellValue();
        }
        XDDFDataSource<String> categories = XDDFDataSourcesFactory.fromArray(names,
                quoted + new CellRangeAddress(firstRow, lastRow, 0, 0).formatAsString());
        String[] titles = {"Construites", "Ouvertes à la vente", "Abonnées"};
        for (int i = 0; i < titles.length; i++) {
            Double[] values = new Double[names.length];
            for (int r = firstRow; r <= lastRow; r++) {
                values[r - firstRow] = sheet.getRow(r).getCell(2 + i).getNumericCellValue();
            }
            XDDFNumericalDataSource<Double> series = XDDFDataSourcesFactory.fromArray(values,
                    quoted + new CellRangeAddress(firstRow, lastRow, 2 + i, 2 + i).formatAsString());
            XDDFBarChartData.Series bars = (XDDFBarChartData.Series) data.addSeries(categories, series);
            bars.setTitle(titles[i], null);
            // explicit fills: without them some readers draw the bars transparent
            bars.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(SERIES_COLOURS[i])));
        }
        data.setVaryColors(false);
        chart.plot(data);
    }

    private static void table(Sheet sheet, WorkbookStyles s, List<Map<String, Object>> groups, List<String> extraHeaders,
                              java.util.function.BiConsumer<Row, Map<String, Object>> extra) {
        Row h = sheet.createRow(0);
        int columns = HEADERS.length + extraHeaders.size();
        for (int c = 0; c < HEADERS.length; c++) {
            cell(h, c, HEADERS[c], s.header);
        }
        for (int c = 0; c < extraHeaders.size(); c++) {
            cell(h, HEADERS.length + c, extraHeaders.get(c), s.header);
        }
        int r = 1;
        for (Map<String, Object> g : groups) {
            Row row = sheet.createRow(r++);
            cell(row, 0, (String) g.get("code"), null);
            cell(row, 1, (String) g.get("name"), null);
            String[] keys = {"targeted", "inStudy", "inWorks", "built", "openForSale", "subscribed", "abandoned"};
            for (int k = 0; k < keys.length; k++) {
                number(row, 2 + k, g.get(keys[k]), s.integer);
            }
            number(row, 9, g.get("takeUpRate"), s.percent);
            @SuppressWarnings("unchecked")
            Map<String, Object> pace = (Map<String, Object>) g.get("builtPerMonth");
            number(row, 10, pace.get("last3Months"), s.decimal);
            number(row, 11, pace.get("last12Months"), s.decimal);
            number(row, 12, g.get("remaining"), s.integer);
            date(row, 13, (LocalDate) g.get("forecastCompletion"), s.date);
            date(row, 14, (LocalDate) g.get("targetDate"), s.date);
            number(row, 15, g.get("forecastDelayDays"), s.integer);
            if (extra != null) {
                extra.accept(row, g);
            }
        }
        sheet.createFreezePane(2, 1);
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, r - 1), 0, columns - 1));
        if (r > 1) {
            delaysInRed(sheet, 1, r - 1, 15);
        }
        for (int c = 0; c < columns; c++) {
            sheet.setColumnWidth(c, c == 1 ? 36 * 256 : 15 * 256);
        }
    }

    /** Communes, with the connectable (built) premises at the end of each quarter since 2016. */
    private void communes(SXSSFWorkbook wb, WorkbookStyles s, LocalDate asOf, Scope scope, List<Map<String, Object>> groups) {
        List<LocalDate> quarters = new ArrayList<>();
        for (LocalDate q = LocalDate.of(2016, 3, 31); !q.isAfter(asOf); q = q.plusMonths(3).withDayOfMonth(1)
                .plusMonths(1).minusDays(1)) {
            quarters.add(q);
        }
        Map<String, long[]> builtByQuarter = new HashMap<>();
        for (ProgressRepository.Monthly m : repository.monthly(AreaLevel.COMMUNE, asOf, scope)) {
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
        table(wb.createSheet("Communes"), s, groups, headers, (row, g) -> {
            long[] counts = builtByQuarter.getOrDefault((String) g.get("code"), new long[quarters.size()]);
            for (int i = 0; i < counts.length; i++) {
                number(row, HEADERS.length + i, counts[i], s.integer);
            }
        });
    }

    private void lateZones(Sheet sheet, WorkbookStyles s, LocalDate asOf, Scope scope) {
        String[] cols = {"Zone", "Nom", "Tranche", "Entreprise", "Fin prévue", "Lignes", "Construites", "Part construite"};
        Row h = sheet.createRow(0);
        for (int c = 0; c < cols.length; c++) {
            cell(h, c, cols[c], s.header);
        }
        int r = 1;
        for (Map<String, Object> z : repository.lateZones(asOf, scope)) {
            Row row = sheet.createRow(r++);
            cell(row, 0, (String) z.get("code"), null);
            cell(row, 1, (String) z.get("name"), null);
            cell(row, 2, (String) z.get("tranche"), null);
            cell(row, 3, (String) z.get("contractor"), null);
            Object planned = z.get("planned_end_date");
            date(row, 4, planned == null ? null : ((java.sql.Date) planned).toLocalDate(), s.date);
            long lines = ((Number) z.get("lines")).longValue();
            long built = ((Number) z.get("built")).longValue();
            number(row, 5, lines, s.integer);
            number(row, 6, built, s.integer);
            number(row, 7, lines == 0 ? 0 : (double) built / lines, s.percent);
        }
        sheet.createFreezePane(0, 1);
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, r - 1), 0, cols.length - 1));
        for (int c = 0; c < cols.length; c++) {
            sheet.setColumnWidth(c, c == 1 ? 36 * 256 : 16 * 256);
        }
    }

    private static void delaysInRed(Sheet sheet, int firstRow, int lastRow, int column) {
        SheetConditionalFormatting cf = sheet.getSheetConditionalFormatting();
        ConditionalFormattingRule late = cf.createConditionalFormattingRule(ComparisonOperator.GT, "0");
        PatternFormatting fill = late.createPatternFormatting();
        fill.setFillBackgroundColor(IndexedColors.ROSE.getIndex());
        fill.setFillPattern(PatternFormatting.SOLID_FOREGROUND);
        late.createFontFormatting().setFontColorIndex(IndexedColors.DARK_RED.getIndex());
        cf.addConditionalFormatting(new CellRangeAddress[]{new CellRangeAddress(firstRow, lastRow, column, column)}, late);
    }

    private static void cell(Row row, int c, String value, CellStyle style) {
        Cell cell = row.createCell(c);
        if (value != null) {
            cell.setCellValue(value.length() > SpreadsheetVersion.EXCEL2007.getMaxTextLength()
                    ? value.substring(0, SpreadsheetVersion.EXCEL2007.getMaxTextLength()) : value);
        }
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    private static void number(Row row, int c, Object value, CellStyle style) {
        Cell cell = row.createCell(c);
        if (value instanceof Number n) {
            cell.setCellValue(n.doubleValue());
        }
        cell.setCellStyle(style);
    }

    private static void date(Row row, int c, LocalDate value, CellStyle style) {
        Cell cell = row.createCell(c);
        if (value != null) {
            cell.setCellValue(value);
        }
        cell.setCellStyle(style);
    }
}
