package fr.thdtracker.eligibility;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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
 * to fibre, on a date.
 */
@Component
class EligibilityWorkbook {

    private static final String[] HEADERS = {"INSEE", "Commune", "Locaux", "≥ 3 Mbit/s", "≥ 8 Mbit/s",
            "≥ 30 Mbit/s", "≥ 100 Mbit/s", "≥ 1 Gbit/s", "Inéligibles", "Fibre (FTTH)", "Cuivre ≥ 30 Mbit/s",
            "Cuivre 8–30 Mbit/s", "Autres", "Part ouverte à la fibre"};

    private final EligibilityService service;
    private final EligibilityRepository repository;

    EligibilityWorkbook(EligibilityService service, EligibilityRepository repository) {
        this.service = service;
        this.repository = repository;
    }

    @SuppressWarnings("unchecked")
    byte[] build(LocalDate asOf, Scope scope) {
        Map<String, Object> answer = service.areas(AreaLevel.COMMUNE, asOf);
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
                    + " — données au " + answer.get("dataRefreshDate"));
            Row h = sheet.createRow(1);
            for (int c = 0; c < HEADERS.length; c++) {
                h.createCell(c).setCellValue(HEADERS[c]);
                h.getCell(c).setCellStyle(header);
            }
            int r = 2;
            for (Map<String, Object> area : (List<Map<String, Object>>) answer.get("areas")) {
                if (inScope != null && !inScope.contains((String) area.get("code"))) {
                    continue;
                }
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue((String) area.get("code"));
                row.createCell(1).setCellValue((String) area.get("name"));
                Map<String, Number> cumulative = (Map<String, Number>) area.get("cumulative");
                Map<String, Number> best = (Map<String, Number>) area.get("bestTechnology");
                Number[] values = {(Number) area.get("premises"), cumulative.get("atLeast3"), cumulative.get("atLeast8"),
                        cumulative.get("atLeast30"), cumulative.get("atLeast100"), cumulative.get("atLeast1000"),
                        cumulative.get("ineligible"), best.get("ftth"), best.get("copperAtLeast30"), best.get("copper8To30"),
                        best.get("other")};
                for (int i = 0; i < values.length; i++) {
                    row.createCell(2 + i).setCellValue(values[i].doubleValue());
                    row.getCell(2 + i).setCellStyle(integer);
                }
                row.createCell(13).setCellValue(((Number) area.get("fibreOpenShare")).doubleValue());
                row.getCell(13).setCellStyle(percent);
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
