package org.microblog.service.schema;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the database schema up to date when the application starts, with the Flyway migrations in
 * {@code db/migration}, written in the SQL that Derby and PostgreSQL share, and those in {@code
 * db/vendor/derby} or {@code db/vendor/postgresql}, for the database in use, where the SQL must differ (a
 * version lives in one place or the other, never in both). A restart never drops a user's data.
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
        maxPoolSize = DatabaseMigrations.MAX_CONNECTIONS,
        properties = {
            // Every connection is checked (Connection.isValid, one round trip) before the pool hands it out, and
            // one that fails empties the whole pool: after a database restart the next request reconnects
            // instead of failing on a dead connection, and no instance needs a restart.
            "fish.payara.is-connection-validation-required=true",
            "fish.payara.connection-validation-method=custom-validation",
            "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation",
            "fish.payara.fail-all-connections=true",
            // A request waits at most 10 s for a free connection, not Payara's 60 s.
            "fish.payara.max-wait-time-in-millis=10000"
        })
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class DatabaseMigrations {

    public static final String DATA_SOURCE = "java:app/jdbc/microblog";

    /**
     * Connections per instance. 20 serve a 2-core instance (more wait on the CPU, not on the database), and
     * keep four instances inside PostgreSQL's default {@code max_connections} of 100.
     */
    public static final int MAX_CONNECTIONS = 20;

    private static final Logger LOG = Logger.getLogger(DatabaseMigrations.class.getName());

    @Resource(lookup = DATA_SOURCE)
    DataSource dataSource;

    /** How long a start waits between attempts while the database cannot be reached. */
    private static final long RETRY_MILLIS = 5_000;

    @Resource
    TimerService timers;

    @Inject
    Event<SchemaReady> schemaReady;

    private volatile String schemaVersion;

    /**
     * Three instances starting at once against one PostgreSQL database apply each migration once: Flyway holds
     * an advisory lock while it migrates, and the others find the work done.
     *
     * <p>A start while the database is down does not fail: the application comes up, answers 503 and reports
     * not ready (DatabaseReadiness) while it tries again every few seconds, and migrates as soon as it can.
     */
    @PostConstruct
    void start() {
        if (!tryToMigrate()) {
            timers.createIntervalTimer(RETRY_MILLIS, RETRY_MILLIS, new TimerConfig("migrations", false));
        }
    }

    @Timeout
    void retry(Timer timer) {
        if (tryToMigrate()) {
            timer.cancel();
        }
    }

    private boolean tryToMigrate() {
        try {
            Flyway flyway = configuration(dataSource).load();
            MigrateResult result = flyway.migrate();
            schemaVersion = flyway.info().current().getVersion().getVersion();
            LOG.info(() -> "Database schema at version " + schemaVersion + " (" + result.migrationsExecuted
                    + " migrations applied now)");
        } catch (RuntimeException failure) {
            LOG.warning(() -> "Database not migrated yet, trying again in " + RETRY_MILLIS / 1000 + " s: "
                    + rootMessage(failure));
            return false;
        }
        schemaReady.fire(new SchemaReady(schemaVersion));
        return true;
    }

    /** Whether the schema is up to date: until then no request reads the database. */
    @Lock(LockType.READ)
    public boolean isReady() {
        return schemaVersion != null;
    }

    /** The schema version the migrations brought the database to; empty until they ran. */
    @Lock(LockType.READ)
    public Optional<String> schemaVersion() {
        return Optional.ofNullable(schemaVersion);
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    /**
     * The Flyway set-up the application uses, for any data source (tests and tools use it too). Flyway itself
     * has no placeholder for the database in a location (Spring Boot's {@code {vendor}} is Spring's), so the
     * database's own folder is chosen here. It is not below {@code db/migration}, which Flyway scans with
     * every folder in it.
     */
    public static FluentConfiguration configuration(DataSource dataSource) {
        DatabaseVendor vendor = DatabaseVendor.of(dataSource);
        return Flyway.configure(DatabaseMigrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration", "classpath:db/vendor/" + vendor.folder())
                .javaMigrations(javaMigrations(vendor))
                .failOnMissingLocations(true);
    }

    /** The migrations written in Java, named here rather than scanned for: one database's, like its folder. */
    private static JavaMigration[] javaMigrations(DatabaseVendor vendor) {
        return vendor == DatabaseVendor.DERBY
                ? new JavaMigration[] {new DerbySearchWordsOfExistingPosts()}
                : new JavaMigration[0];
    }
}
