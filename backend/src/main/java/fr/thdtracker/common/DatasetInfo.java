package fr.thdtracker.common;

import java.time.LocalDate;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** How fresh the data is: the date every public answer and report carries. */
@Component
public class DatasetInfo {

    private final JdbcClient jdbc;

    DatasetInfo(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<LocalDate> refreshDate() {
        return jdbc.sql("SELECT value FROM dataset_info WHERE key = 'data.refresh_date'").query(String.class)
                .optional().map(LocalDate::parse);
    }
}
