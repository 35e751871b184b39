package org.microblog.web.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive ({@code /health/live}) while the heap that survives a full collection stays under 90 % of its
 * maximum. Above it the instance spends its time collecting garbage and answers slowly or not at all: a
 * supervisor should restart it. (The database is not part of liveness: a restart does not bring it back.)
 */
@Liveness
@ApplicationScoped
public class HeapLiveness implements HealthCheck {

    private static final double MAX_RETAINED_SHARE = 0.9;

    @Override
    public HealthCheckResponse call() {
        long retained = 0;
        long max = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage afterCollection = pool.getCollectionUsage();
            if (pool.getType() == MemoryType.HEAP && afterCollection != null && afterCollection.getMax() > 0) {
                retained += afterCollection.getUsed();
                max += afterCollection.getMax();
            }
        }
        double share = max == 0 ? 0 : (double) retained / max;
        return HealthCheckResponse.named("microblog-heap")
                .status(share < MAX_RETAINED_SHARE)
                .withData("retainedAfterCollectionPercent", Math.round(share * 100))
                .build();
    }
}
