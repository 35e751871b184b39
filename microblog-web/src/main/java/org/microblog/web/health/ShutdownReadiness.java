package org.microblog.web.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready ({@code /health/ready}) until the instance is told to stop: then DOWN, so that the balancer sends it
 * nothing new while it finishes what it has (see {@link GracefulShutdown}). The balancer takes an instance out of
 * rotation when the whole readiness answer is DOWN, whichever check says so.
 */
@Readiness
@ApplicationScoped
public class ShutdownReadiness implements HealthCheck {

    static final String NAME = "microblog-serving";

    @Inject
    Shutdown shutdown;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named(NAME).status(!shutdown.isUnderway()).build();
    }
}
