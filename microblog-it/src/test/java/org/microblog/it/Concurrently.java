package org.microblog.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** The one helper for concurrent bursts: calls that start at the same moment, each on a thread of its own. */
public final class Concurrently {

    private Concurrently() {}

    /**
     * Runs every call on its own thread, all released at once by a shared barrier, and returns their results
     * in order; the first exception any call threw is rethrown (wrapped in an ExecutionException).
     */
    public static <T> List<T> runAtOnce(List<Callable<T>> calls) throws Exception {
        CyclicBarrier start = new CyclicBarrier(calls.size());
        List<Callable<T>> released = new ArrayList<>();
        for (Callable<T> call : calls) {
            released.add(() -> {
                start.await(10, TimeUnit.SECONDS);
                return call.call();
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        List<T> results = new ArrayList<>();
        try {
            for (Future<T> result :
                    pool.invokeAll(released, Duration.ofMinutes(1).toSeconds(), TimeUnit.SECONDS)) {
                results.add(result.get());
            }
        } finally {
            pool.shutdownNow();
        }
        return results;
    }

    /** {@code count} times the same call, all at once; their results in order. */
    public static <T> List<T> runAtOnce(int count, Callable<T> call) throws Exception {
        List<Callable<T>> calls = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            calls.add(call);
        }
        return runAtOnce(calls);
    }
}
