package fr.thdtracker.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import fr.thdtracker.DemoDatabaseTest;
import fr.thdtracker.security.Role;

/** The eligibility report per commune, opened with POI and checked against SQL. */
class EligibilityReportTest extends DemoDatabaseTest {

    @Test
    void aDepartmentReportGivesEachCommuneItsFigures() throws Exception {
        String department = jdbc.sql("SELECT max(department_code) FROM commune").query(String.class).single();
        byte[] bytes = http(Role.VIEWER).get()
                .uri("/api/reports/eligibility.xlsx?asOf=2021-01-01&scope=department:" + department)
                .retrieve().body(byte[].class);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet sheet = wb.getSheet("Éligibilité par commune");
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            long communes = count("SELECT count(DISTINCT p.insee) FROM building p JOIN commune c USING (insee) "
                    + "WHERE c.department_code = '" + department + "'");
            assertThat(sheet.getLastRowNum() - 1).isEqualTo((int) communes);
            for (int r = 2; r <= Math.min(sheet.getLastRowNum(), 12); r++) {
                Row row = sheet.getRow(r);
                String insee = row.getCell(0).getStringCellValue();
                assertThat(insee).startsWith(department);
                long premises = count("SELECT count(*) FROM premise l JOIN building b ON b.id = l.building_id WHERE b.insee = '" + insee + "'");
                long fibre = count("""
                        SELECT count(*) FROM eligibility e JOIN building p ON p.id = e.building_id JOIN premise l ON l.building_id = p.id
                        WHERE p.insee = '%s' AND e.fibre_from <= DATE '2021-01-01'
                          AND (e.fibre_until IS NULL OR e.fibre_until > DATE '2021-01-01')
                        """.formatted(insee));
                assertThat((long) row.getCell(2).getNumericCellValue()).isEqualTo(premises);
                assertThat((long) row.getCell(7).getNumericCellValue()).as("≥ 1 Gbit/s").isEqualTo(fibre);
                assertThat((long) row.getCell(9).getNumericCellValue()).as("FTTH").isEqualTo(fibre);
                double sumBest = 0;
                for (int c = 9; c <= 12; c++) {
                    sumBest += row.getCell(c).getNumericCellValue();
                }
                assertThat((long) sumBest).isEqualTo(premises);
                // the commune's perimeter, as the demo marked it (its own private towns)
                String kind = jdbc.sql("SELECT kind FROM thd_commune_perimeter(DATE '2021-01-01') WHERE insee = :i")
                        .param("i", insee).query(String.class).single();
                assertThat(row.getCell(14).getStringCellValue())
                        .satisfies(p -> assertThat(p.endsWith("hors programme public")).isEqualTo(!"PUBLIC".equals(kind)));
            }
            // the private towns are there, and say so
            long privateRows = 0;
            for (int r = 2; r <= sheet.getLastRowNum(); r++) {
                privateRows += sheet.getRow(r).getCell(14).getStringCellValue().endsWith("hors programme public") ? 1 : 0;
            }
            assertThat(privateRows).isEqualTo(count("""
                    SELECT count(DISTINCT b.insee) FROM building b JOIN commune c USING (insee)
                    JOIN thd_commune_perimeter(DATE '2021-01-01') per ON per.insee = b.insee
                    WHERE c.department_code = '%s' AND per.kind <> 'PUBLIC'""".formatted(department)));
        }
    }
}
