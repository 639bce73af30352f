package fr.thdtracker.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import fr.thdtracker.DemoDatabaseTest;
import fr.thdtracker.security.Role;

/** The Excel progress report opened with POI, its figures checked against SQL computed here. */
class ProgressReportTest extends DemoDatabaseTest {

    private XSSFWorkbook download(String query) throws Exception {
        ResponseEntity<byte[]> r = http(Role.VIEWER).get().uri("/api/reports/progress.xlsx?" + query).retrieve()
                .toEntity(byte[].class);
        assertThat(r.getHeaders().getContentType().toString())
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(r.getHeaders().getContentDisposition().getFilename()).endsWith(".xlsx");
        return new XSSFWorkbook(new ByteArrayInputStream(r.getBody()));
    }

    private static double valueNextTo(Sheet sheet, String label) {
        for (Row row : sheet) {
            if (row.getCell(0) != null && label.equals(row.getCell(0).getStringCellValue())) {
                return row.getCell(1).getNumericCellValue();
            }
        }
        throw new AssertionError("no row " + label);
    }

    private long builtOn(String date, String extraWhere) {
        return jdbc.sql("""
                WITH s AS (SELECT DISTINCT ON (building_id) building_id, new_value FROM building_event
                           WHERE field = 'state' AND effective_on <= CAST(:d AS date)
                           ORDER BY building_id, effective_on DESC, id DESC)
                SELECT count(*) FROM s JOIN building p ON p.id = s.building_id JOIN premise l ON l.building_id = p.id
                WHERE s.new_value IN ('DEPLOYE', 'RACCORDABLE_DEMANDE') AND p.pm_zone_id IS NOT NULL AND %s
                """.formatted(extraWhere)).param("d", date).query(Long.class).single();
    }

    @Test
    void theRegionReportHoldsTheFiguresOfTheDate() throws Exception {
        try (XSSFWorkbook wb = download("asOf=2021-01-01")) {
            List<String> names = new ArrayList<>();
            wb.forEach(sheet -> names.add(sheet.getSheetName()));
            assertThat(names).containsExactly("Synthèse", "Phases", "Tranches", "Départements", "EPCI", "Zones",
                    "Entreprises", "Communes", "Zones en retard");
            XSSFSheet summary = wb.getSheet("Synthèse");
            assertThat(valueNextTo(summary, "Construites")).isEqualTo(builtOn("2021-01-01", "true"));
            assertThat(valueNextTo(summary, "Abonnées")).isEqualTo(count(
                    "SELECT count(DISTINCT premise_id) FROM premise_event WHERE field = 'subscription' AND effective_on <= DATE '2021-01-01'"));
            // it says what it counts: the public programme, not the private towns
            String field = null;
            for (Row row : summary) {
                if (row.getCell(0) != null && "Champ".equals(row.getCell(0).getStringCellValue())) {
                    field = row.getCell(1).getStringCellValue();
                }
            }
            assertThat(field).startsWith("Programme public").contains("initiative privée");
            double takeUp = valueNextTo(summary, "Taux de pénétration");
            assertThat(takeUp).isBetween(0.39, 0.47);
            // a native chart on the summary sheet
            assertThat(summary.getDrawingPatriarch().getCharts()).hasSize(1);
            assertThat(summary.getDrawingPatriarch().getCharts().get(0).getChartSeries().get(0).getSeriesCount()).isEqualTo(3);

            // the communes sheet: frozen header, filter, a column per quarter of connectable premises
            XSSFSheet communes = wb.getSheet("Communes");
            assertThat(communes.getPaneInformation().isFreezePane()).isTrue();
            assertThat(communes.getCTWorksheet().isSetAutoFilter()).isTrue();
            Row header = communes.getRow(0);
            int q4of2020 = -1;
            for (int c = 0; c < header.getLastCellNum(); c++) {
                if ("Raccordables T4 2020".equals(header.getCell(c).getStringCellValue())) {
                    q4of2020 = c;
                }
            }
            assertThat(q4of2020).isPositive();
            // the programme's communes: a private town (no PM area) is not in the progress report
            assertThat(communes.getLastRowNum())
                    .isEqualTo((int) count("SELECT count(DISTINCT insee) FROM building WHERE pm_zone_id IS NOT NULL"));
            Row first = communes.getRow(1);
            String insee = first.getCell(0).getStringCellValue();
            assertThat((long) first.getCell(q4of2020).getNumericCellValue())
                    .isEqualTo(builtOn("2020-12-31", "p.insee = '" + insee.replaceAll("[^0-9AB]", "") + "'"));
            XSSFSheet late = wb.getSheet("Zones en retard");
            assertThat(late.getPaneInformation().isFreezePane()).isTrue();
            // one rule for the report and the API: the same zones, with the same forecasts
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> api = (List<Map<String, Object>>) http(Role.VIEWER).get()
                    .uri("/api/progress/late-zones?asOf=2021-01-01").retrieve().body(Map.class).get("zones");
            assertThat(api).isNotEmpty();
            List<String> sheetZones = new ArrayList<>();
            for (int r = 1; r <= late.getLastRowNum(); r++) {
                sheetZones.add(late.getRow(r).getCell(0).getStringCellValue());
            }
            assertThat(sheetZones).containsExactlyElementsOf(api.stream().map(z -> (String) z.get("code")).toList());
            assertThat(late.getRow(0).getCell(8).getStringCellValue()).isEqualTo("Achèvement prévu");
            assertThat(late.getRow(1).getCell(8).getLocalDateTimeCellValue().toLocalDate().toString())
                    .isEqualTo(api.get(0).get("forecastCompletion"));
        }
    }

    @Test
    void aDepartmentReportCoversOnlyItsPremises() throws Exception {
        String department = jdbc.sql("SELECT min(department_code) FROM commune").query(String.class).single();
        try (XSSFWorkbook wb = download("asOf=2024-01-01&scope=department:" + department)) {
            double built = valueNextTo(wb.getSheet("Synthèse"), "Construites");
            assertThat(built).isEqualTo(builtOn("2024-01-01",
                    "p.insee IN (SELECT insee FROM commune WHERE department_code = '" + department + "')"));
            Sheet departments = wb.getSheet("Départements");
            assertThat(departments.getLastRowNum()).isEqualTo(1);
            assertThat(departments.getRow(1).getCell(0).getStringCellValue()).isEqualTo(department);
        }
    }

    @Test
    void reportsAreForSignedInUsersAndRefuseABadScope() {
        assertThat(http().get().uri("/api/reports/progress.xlsx").retrieve().onStatus(s -> true, (req, res) -> { })
                .toBodilessEntity().getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        ResponseEntity<String> bad = http(Role.VIEWER).get().uri("/api/reports/progress.xlsx?scope=canton:12").retrieve()
                .onStatus(s -> true, (req, res) -> { }).toEntity(String.class);
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody()).contains("scope");
    }
}
