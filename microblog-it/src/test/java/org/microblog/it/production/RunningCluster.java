package org.microblog.it.production;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One cluster for every test class that needs one: the first class to ask starts it on an empty database, and it is
 * stopped once, when the whole run ends. Starting three instances is most of what a cluster test costs; each test
 * puts back what it takes away (a killed or stopped instance, PostgreSQL, HAProxy's rotation), so the next class
 * finds every instance ready. Use it with {@code @ExtendWith(RunningCluster.class)}.
 */
final class RunningCluster implements BeforeAllCallback {

    /**
     * The cluster's classes hold this lock ({@code @ResourceLock}): they take turns with it, while the production
     * tests' other lane runs beside them.
     */
    static final String LOCK = "cluster";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RunningCluster.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(Started.class, key -> Started.fresh(), Started.class);
    }

    /** The started cluster, stopped when JUnit closes the run's store. */
    private record Started(Cluster cluster) implements AutoCloseable {

        static Started fresh() {
            Cluster cluster = new Cluster();
            try {
                cluster.startFresh();
            } catch (RuntimeException | AssertionError e) {
                cluster.stop(); // what did start must not outlive the run
                throw e;
            }
            return new Started(cluster);
        }

        @Override
        public void close() {
            cluster.stop();
        }
    }
}
