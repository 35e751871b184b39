package org.microblog.service.schema;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the database schema up to date when the application starts, with the Flyway migrations in
 * {@code db/migration}. Migrations only ever add: a restart never drops a user's data.
 *
 * <p>The data source is declared here and configured through MicroProfile Config (see
 * {@code microprofile-config.properties} in the web module): the embedded Derby database by default,
 * PostgreSQL in production.
 */
@DataSourceDefinition(
        name = DatabaseMigrations.DATA_SOURCE,
        className = "${MPCONFIG=microblog.datasource.class}",
        databaseName = "${MPCONFIG=microblog.datasource.database}",
        url = "${MPCONFIG=microblog.datasource.url}",
        user = "${MPCONFIG=microblog.datasource.user}",
        password = "${MPCONFIG=microblog.datasource.password}",
        minPoolSize = 2,
        maxPoolSize = 32)
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class DatabaseMigrations {

    public static final String DATA_SOURCE = "java:app/jdbc/microblog";
    private static final Logger LOG = Logger.getLogger(DatabaseMigrations.class.getName());

    @Resource(lookup = DATA_SOURCE)
    DataSource dataSource;

    @PostConstruct
    void migrate() {
        MigrateResult result = configuration(dataSource).load().migrate();
        LOG.info(() -> "Database schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted
                + " migrations applied now)");
    }

    /** The Flyway set-up the application uses, for any data source (tests and tools use it too). */
    public static FluentConfiguration configuration(DataSource dataSource) {
        return Flyway.configure(DatabaseMigrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true);
    }
}
