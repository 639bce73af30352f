package fr.thdtracker.progress;

import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
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
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * The summary's native bar chart of built, open and subscribed lines per phase, drawn from the
 * phase table's cells (names in column 0, the three counts in columns 2 to 4).
 */
final class PhaseChart {

    private static final String[] TITLES = {"Construites", "Ouvertes à la vente", "Abonnées"};
    private static final byte[][] SERIES_COLOURS = {{(byte) 0x31, (byte) 0xA3, (byte) 0x54},
            {(byte) 0x5A, (byte) 0xAE, (byte) 0x61}, {(byte) 0x99, (byte) 0x8E, (byte) 0xC3}};
    private static final int FIRST_SERIES_COLUMN = 2;

    private PhaseChart() {
    }

    static void draw(XSSFSheet sheet, int firstRow, int lastRow, int anchorRow) {
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
        for (int i = 0; i < TITLES.length; i++) {
            int column = FIRST_SERIES_COLUMN + i;
            Double[] values = new Double[names.length];
            for (int r = firstRow; r <= lastRow; r++) {
                values[r - firstRow] = sheet.getRow(r).getCell(column).getNumericCellValue();
            }
            XDDFNumericalDataSource<Double> series = XDDFDataSourcesFactory.fromArray(values,
                    quoted + new CellRangeAddress(firstRow, lastRow, column, column).formatAsString());
            XDDFBarChartData.Series bars = (XDDFBarChartData.Series) data.addSeries(categories, series);
            bars.setTitle(TITLES[i], null);
            // explicit fills: without them some readers draw the bars transparent
            bars.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(SERIES_COLOURS[i])));
        }
        data.setVaryColors(false);
        chart.plot(data);
    }
}
