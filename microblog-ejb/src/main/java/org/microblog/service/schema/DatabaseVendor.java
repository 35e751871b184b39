package org.microblog.service.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import javax.sql.DataSource;

/**
 * The databases Microblog runs on, told apart by the product name their JDBC driver reports. Each has a
 * folder of its own for the migrations whose SQL cannot be shared ({@code db/vendor/<folder>}).
 */
public enum DatabaseVendor {
    DERBY("Apache Derby", "derby"),
    POSTGRESQL("PostgreSQL", "postgresql");

    private final String productName;
    private final String folder;

    DatabaseVendor(String productName, String folder) {
        this.productName = productName;
        this.folder = folder;
    }

    /** The folder of this database's own migrations, below {@code db/vendor}. */
    public String folder() {
        return folder;
    }

    /**
     * The database behind {@code dataSource} (one connection, for its metadata).
     *
     * @throws IllegalStateException for a database Microblog does not run on, or one it cannot reach
     */
    public static DatabaseVendor of(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return of(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot tell which database this is", e);
        }
    }

    /** @throws IllegalStateException for a database Microblog does not run on */
    public static DatabaseVendor of(String productName) {
        return Arrays.stream(values())
                .filter(vendor -> vendor.productName.equals(productName))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "Microblog runs on Apache Derby or PostgreSQL, not on " + productName));
    }
}
