package fr.thdtracker.progress;

import java.time.LocalDate;

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

/** Writing the cells of the progress report's sheets; a missing value leaves a styled empty cell. */
final class ReportCells {

    private ReportCells() {
    }

    /** Text, cut to what Excel accepts in a cell. */
    static void text(Row row, int c, String value, CellStyle style) {
        Cell cell = row.createCell(c);
        if (value != null) {
            int max = SpreadsheetVersion.EXCEL2007.getMaxTextLength();
            cell.setCellValue(value.length() > max ? value.substring(0, max) : value);
        }
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    static void number(Row row, int c, Number value, CellStyle style) {
        Cell cell = row.createCell(c);
        if (value != null) {
            cell.setCellValue(value.doubleValue());
        }
        cell.setCellStyle(style);
    }

    static void date(Row row, int c, LocalDate value, CellStyle style) {
        Cell cell = row.createCell(c);
        if (value != null) {
            cell.setCellValue(value);
        }
        cell.setCellStyle(style);
    }

    static void headers(Row row, String[] titles, CellStyle style) {
        for (int c = 0; c < titles.length; c++) {
            text(row, c, titles[c], style);
        }
    }

    /** Positive forecast delays in dark red on rose, so late groups stand out. */
    static void delaysInRed(Sheet sheet, int firstRow, int lastRow, int column) {
        SheetConditionalFormatting cf = sheet.getSheetConditionalFormatting();
        ConditionalFormattingRule late = cf.createConditionalFormattingRule(ComparisonOperator.GT, "0");
        PatternFormatting fill = late.createPatternFormatting();
        fill.setFillBackgroundColor(IndexedColors.ROSE.getIndex());
        fill.setFillPattern(PatternFormatting.SOLID_FOREGROUND);
        late.createFontFormatting().setFontColorIndex(IndexedColors.DARK_RED.getIndex());
        cf.addConditionalFormatting(new CellRangeAddress[]{new CellRangeAddress(firstRow, lastRow, column, column)}, late);
    }
}
