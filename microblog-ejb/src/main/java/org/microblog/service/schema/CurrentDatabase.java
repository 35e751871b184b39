package org.microblog.service.schema;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import javax.sql.DataSource;

/**
 * Which database the application runs on, asked once for the whole application: every piece of code that
 * must know (a query stated in one database's own SQL) asks here rather than reading the connection's
 * metadata itself. The telling apart is {@link DatabaseVendor}'s.
 */
@ApplicationScoped
public class CurrentDatabase {

    @Resource(lookup = DatabaseMigrations.DATA_SOURCE)
    DataSource dataSource;

    private volatile DatabaseVendor vendor;

    protected CurrentDatabase() {
        // for CDI
    }

    /** For tools outside the server (the benchmark), which know their database already. */
    public CurrentDatabase(DatabaseVendor vendor) {
        this.vendor = vendor;
    }

    /** The database behind the application's data source (one connection the first time, for its metadata). */
    public DatabaseVendor vendor() {
        DatabaseVendor known = vendor;
        if (known == null) {
            known = DatabaseVendor.of(dataSource);
            vendor = known;
        }
        return known;
    }

    public boolean is(DatabaseVendor database) {
        return vendor() == database;
    }
}
