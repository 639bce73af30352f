package fr.thdtracker.progress;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

import fr.thdtracker.common.AreaLevel;
import fr.thdtracker.common.DatasetInfo;
import fr.thdtracker.common.Scope;
import fr.thdtracker.common.WorkbookStyles;

/**
 * The Excel progress report (Apache POI): a summary sheet with the KPIs and a native chart, built
 * with XSSF (SXSSF cannot draw charts), then the detail sheets streamed with SXSSF (100 rows in
 * memory): phases, tranches, departments, EPCI, zones, contractors, communes with one column per
 * quarter of connectable premises, late zones. Every sheet is written from the same records as the
 * JSON API ({@link GroupProgress}, {@link LateZone}).
 */
@Component
class ProgressWorkbook {

    private static final int ROW_WINDOW = 100;
    private static final int STEPS = 11;

    /** A detail sheet of one level's groups. */
    private record LevelSheet(String name, AreaLevel level) {
    }

    private static final List<LevelSheet> LEVEL_SHEETS = List.of(new LevelSheet("Phases", AreaLevel.PHASE),
            new LevelSheet("Tranches", AreaLevel.TRANCHE), new LevelSheet("Départements", AreaLevel.DEPARTMENT),
            new LevelSheet("EPCI", AreaLevel.EPCI), new LevelSheet("Zones", AreaLevel.ZONE),
            new LevelSheet("Entreprises", AreaLevel.CONTRACTOR));

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
        progress.step("calcul des indicateurs", 0, STEPS);
        ProgressByLevel all = service.allLevels(asOf, scope);
        XSSFWorkbook xssf = new XSSFWorkbook();
        progress.step("synthèse", 1, STEPS);
        SummarySheet.write(xssf, new WorkbookStyles(xssf), asOf, scope, datasetInfo.refreshDate(), all);
        SXSSFWorkbook wb = new SXSSFWorkbook(xssf, ROW_WINDOW);
        try {
            WorkbookStyles streamed = new WorkbookStyles(wb);
            int step = 2;
            for (LevelSheet sheet : LEVEL_SHEETS) {
                progress.step(sheet.name(), step++, STEPS);
                GroupSheet.write(wb.createSheet(sheet.name()), streamed, all.of(sheet.level()));
            }
            progress.step("communes", step++, STEPS);
            CommunesSheet.write(wb.createSheet("Communes"), streamed, asOf, all.of(AreaLevel.COMMUNE),
                    repository.monthly(AreaLevel.COMMUNE, asOf, scope));
            progress.step("zones en retard", step++, STEPS);
            LateZonesSheet.write(wb.createSheet("Zones en retard"), streamed, all.lateZones());
            progress.step("écriture", step, STEPS);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            progress.step("terminé", STEPS, STEPS);
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
}
