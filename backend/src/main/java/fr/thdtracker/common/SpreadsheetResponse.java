package fr.thdtracker.common;

import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The one way an Excel workbook leaves the server: its media type, as a named attachment. */
public final class SpreadsheetResponse {

    public static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private SpreadsheetResponse() {
    }

    public static ResponseEntity<byte[]> attachment(String fileName, byte[] workbook) {
        return ResponseEntity.ok().contentType(XLSX)
                .header("Content-Disposition", ContentDisposition.attachment().filename(fileName).build().toString())
                .body(workbook);
    }
}
