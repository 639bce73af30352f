package fr.thdtracker.eligibility;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Set;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Component;

import fr.thdtracker.common.AreaLevel;
import fr.thdtracker.common.Scope;
import fr.thdtracker.common.WorkbookStyles;

/**
 * The eligibility report for elected officials: per commune of the scope, premises by speed
 * threshold (Arcep's cumulative ≥ 3 … ≥ 1000 Mbit/s) and by best technology, and the share open
 * to fibre, on a date; and the commune's perimeter, so that a private-initiative town (its fibre
 * built by a private operator, outside the public programme) is read as such.
 */
@Component
class EligibilityWorkbook {

    private static final String[] HEADERS = {"INSEE", "Commune", "Locaux", "≥ 3 Mbit/s", "≥ 8 Mbit/s",
            "≥ 30 Mbit/s", "≥ 100 Mbit/s", "≥ 1 Gbit/s", "Inéligibles", "Fibre (FTTH)", "Cuivre ≥ 30 Mbit/s",
            "Cuivre 8–30 Mbit/s", "Autres", "Part ouverte à la fibre", "Périmètre"};

    private final AreaAnswers areas;
    private final EligibilityRepository repository;

    EligibilityWorkbook(AreaAnswers areas, EligibilityRepository repository) {
        this.areas = areas;
        this.repository = repository;
    }

    byte[] build(LocalDate asOf, Scope scope) {
        EligibilityAreas answer = areas.areas(AreaLevel.COMMUNE, asOf);
        Set<String> inScope = scope.kind() == Scope.Kind.REGION ? null : repository.communesIn(scope);
        SXSSFWorkbook wb = new SXSSFWorkbook(100);
        try {
            Sheet sheet = wb.createSheet("Éligibilité par commune");
            WorkbookStyles styles = new WorkbookStyles(wb);
            CellStyle header = styles.header;
            CellStyle integer = styles.integer;
            CellStyle percent = styles.percent;
            Row title = sheet.createRow(0);
            title.createCell(0).setCellValue("Éligibilité au " + asOf + " — " + scope.label()
                    + " — données au " + answer.dataRefreshDate());
            Row h = sheet.createRow(1);
            for (int c = 0; c < HEADERS.length; c++) {
                h.createCell(c).setCellValue(HEADERS[c]);
                h.getCell(c).setCellStyle(header);
            }
            int r = 2;
            for (AreaFigures area : answer.areas()) {
                if (inScope != null && !inScope.contains(area.code())) {
                    continue;
                }
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(area.code());
                row.createCell(1).setCellValue(area.name());
                AreaFigures.Cumulative cumulative = area.cumulative();
                AreaFigures.BestTechnology best = area.bestTechnology();
                long[] values = {area.premises(), cumulative.atLeast3(), cumulative.atLeast8(), cumulative.atLeast30(),
                        cumulative.atLeast100(), cumulative.atLeast1000(), cumulative.ineligible(), best.ftth(),
                        best.copperAtLeast30(), best.copper8To30(), best.other()};
                for (int i = 0; i < values.length; i++) {
                    row.createCell(2 + i).setCellValue(values[i]);
                    row.getCell(2 + i).setCellStyle(integer);
                }
                row.createCell(13).setCellValue(area.fibreOpenShare());
                row.getCell(13).setCellStyle(percent);
                CommunePerimeter perimeter = area.perimeter();
                row.createCell(14).setCellValue(perimeter == null || perimeter.label() == null ? "" : perimeter.label()
                        + (perimeter.publicProgramme() ? "" : ", hors programme public"));
            }
            sheet.createFreezePane(2, 2);
            sheet.setAutoFilter(new CellRangeAddress(1, Math.max(1, r - 1), 0, HEADERS.length - 1));
            for (int c = 0; c < HEADERS.length; c++) {
                sheet.setColumnWidth(c, c == 1 ? 32 * 256 : 14 * 256);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            wb.dispose();
        }
    }
}
