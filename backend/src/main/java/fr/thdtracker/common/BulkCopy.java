package fr.thdtracker.common;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Streams rows into PostgreSQL with COPY (CSV), on the connection of the current transaction, and
 * drops a table's secondary indexes and foreign keys around a bulk load: rebuilding them once is
 * much faster than maintaining them row by row.
 */
public final class BulkCopy {

    public interface Rows {
        void write(CSVPrinter out) throws IOException;
    }

    private final Connection connection;
    private final JdbcClient jdbc;

    public BulkCopy(Connection connection, JdbcClient jdbc) {
        this.connection = connection;
        this.jdbc = jdbc;
    }

    public long copy(String table, String columns, Rows rows) {
        String sql = "COPY " + table + " (" + columns + ") FROM STDIN (FORMAT csv)";
        try {
            PGCopyOutputStream stream = new PGCopyOutputStream(connection.unwrap(PGConnection.class), sql, 1 << 20);
            CSVPrinter printer = new CSVPrinter(
                    new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16),
                    CSVFormat.POSTGRESQL_CSV);
            try {
                rows.write(printer);
                printer.flush();
                return stream.endCopy();
            } finally {
                if (stream.isActive()) {
                    stream.cancelCopy();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("COPY " + table + " : " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("COPY " + table + " : " + e.getMessage(), e);
        }
    }

    /**
     * DDL to restore afterwards: secondary (non-unique) indexes and foreign keys of the tables. For
     * the schema's owner only (the demo load): re-creating an index needs CREATE on the schema, which
     * the server's role does not have.
     */
    public List<String> dropIndexesAndForeignKeys(String... tables) {
        List<String> restore = dropForeignKeys(tables);
        for (String table : tables) {
            List<String[]> indexes = jdbc.sql("""
                            SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) FROM pg_index i
                            WHERE i.indrelid = CAST(:t AS regclass) AND NOT i.indisprimary AND NOT i.indisunique
                            ORDER BY 1
                            """).param("t", table)
                    .query((rs, i) -> new String[]{rs.getString(1), rs.getString(2)}).list();
            for (String[] index : indexes) {
                jdbc.sql("DROP INDEX " + index[0]).update();
                restore.add(0, index[1]);
            }
        }
        return restore;
    }

    /**
     * DDL to restore afterwards: the foreign keys of the tables, which their owner may drop and add
     * back (with REFERENCES on the referenced tables), as the server's role does for the derived
     * tables it owns; checked once when added back rather than row by row during the COPY.
     */
    public List<String> dropForeignKeys(String... tables) {
        List<String> restore = new ArrayList<>();
        for (String table : tables) {
            List<String[]> fks = jdbc.sql("""
                            SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint
                            WHERE conrelid = CAST(:t AS regclass) AND contype = 'f' ORDER BY conname
                            """).param("t", table)
                    .query((rs, i) -> new String[]{rs.getString(1), rs.getString(2)}).list();
            for (String[] fk : fks) {
                jdbc.sql("ALTER TABLE " + table + " DROP CONSTRAINT " + fk[0]).update();
                restore.add("ALTER TABLE " + table + " ADD CONSTRAINT " + fk[0] + " " + fk[1]);
            }
        }
        return restore;
    }

    public void execute(List<String> ddl) {
        for (String statement : ddl) {
            jdbc.sql(statement).update();
        }
    }
}
