package fr.thdtracker.common;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * The cell styles of every report (title, headers, integers, decimals, percentages, dates). Styles
 * belong to one workbook: create a set per workbook (an XSSF summary and its SXSSF wrapper count
 * as two).
 */
public final class WorkbookStyles {

    public final CellStyle title;
    public final CellStyle header;
    public final CellStyle integer;
    public final CellStyle decimal;
    public final CellStyle percent;
    public final CellStyle date;

    public WorkbookStyles(Workbook wb) {
        Font bold = wb.createFont();
        bold.setBold(true);
        Font big = wb.createFont();
        big.setBold(true);
        big.setFontHeightInPoints((short) 14);
        title = wb.createCellStyle();
        title.setFont(big);
        header = wb.createCellStyle();
        header.setFont(bold);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        header.setWrapText(true);
        var format = wb.createDataFormat();
        integer = wb.createCellStyle();
        integer.setDataFormat(format.getFormat("#,##0"));
        decimal = wb.createCellStyle();
        decimal.setDataFormat(format.getFormat("#,##0.0"));
        percent = wb.createCellStyle();
        percent.setDataFormat(format.getFormat("0.0%"));
        date = wb.createCellStyle();
        date.setDataFormat(format.getFormat("dd/mm/yyyy"));
    }
}
