package fr.thdtracker.demo;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Connections as the schema's owner, the role Flyway migrates with (spring.flyway.user: thd_owner),
 * for the demo load: it rewrites the source-of-truth tables with COPY and drops and rebuilds their
 * indexes and foreign keys, which only their owner may do, while the server's own role (thd_app)
 * has no DDL. Unpooled, a connection per transaction: the load is rare and long. In a one-role
 * installation this is the datasource's role again.
 */
@Component
public class OwnerDatabase {

    private final DriverManagerDataSource dataSource;
    private final DataSourceTransactionManager transactions;

    OwnerDatabase(@Value("${spring.flyway.url:${spring.datasource.url}}") String url,
                  @Value("${spring.flyway.user}") String user,
                  @Value("${spring.flyway.password:}") String password) {
        this.dataSource = new DriverManagerDataSource(url, user, password);
        this.transactions = new DataSourceTransactionManager(dataSource);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public JdbcClient jdbc() {
        return JdbcClient.create(dataSource);
    }

    public PlatformTransactionManager transactions() {
        return transactions;
    }

    public String user() {
        return dataSource.getUsername();
    }
}
