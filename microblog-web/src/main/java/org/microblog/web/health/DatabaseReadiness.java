package org.microblog.web.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.microblog.service.schema.DatabaseMigrations;
import org.microblog.web.errors.DatabaseOutages;

/**
 * Ready to serve ({@code /health/ready}): the migrations have run and the database answers now. The balancer
 * sends requests only to an instance whose readiness is UP, and looks for this check's name in the answer, so
 * that an instance whose application failed to deploy (no checks at all, hence UP) gets nothing either.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    static final String NAME = "microblog-database";
    private static final int TIMEOUT_SECONDS = 2;

    @Resource(lookup = DatabaseMigrations.DATA_SOURCE)
    DataSource dataSource;

    @Inject
    DatabaseMigrations migrations;

    /** Told what this check finds, so that an outage is logged even when no request meets it (see its log). */
    @Inject
    DatabaseOutages outages;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named(NAME)
                .withData("schema", migrations.schemaVersion().orElse("pending"));
        if (!migrations.isReady()) {
            return response.down().build();
        }
        try (Connection connection = dataSource.getConnection()) {
            boolean valid = connection.isValid(TIMEOUT_SECONDS);
            if (valid) {
                outages.answered();
            }
            return response.status(valid).build();
        } catch (SQLException unreachable) {
            outages.unreachable(unreachable);
            return response.down().withData("error", unreachable.getMessage()).build();
        }
    }
}
