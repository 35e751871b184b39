package org.microblog.bench;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;
import java.util.function.IntFunction;
import org.microblog.service.schema.DatabaseMigrations;
import org.microblog.service.timeline.stored.StoredTimelineSettings;

/**
 * Some of {@link Benchmark}'s rows run alone (WhoToFollowBench, SearchBench): the database of {@code --jdbc-url}
 * migrated, its users sampled as Benchmark samples them, and a markdown row of median and p99 per operation, after
 * {@code --warmup} calls and over {@code --samples}. {@code --sql true} logs EclipseLink's SQL.
 */
final class Standalone {

    /** The rows a benchmark measures, each through {@code timed}. */
    @FunctionalInterface
    interface Rows {
        void measure(
                Database db,
                Services services,
                Benchmark.Samples sampled,
                BiConsumer<String, IntFunction<Object>> timed);
    }

    private Standalone() {}

    /** The options of a benchmark run by {@link #run}. */
    static final String USAGE = """
            [--jdbc-url URL --user U --password P] [--samples 2000] [--warmup 500] [--seed 7] [--sql true]""";

    /** Runs {@code rows} with the options of {@code argv}, which {@code usage} names. */
    static void run(String[] argv, String usage, Rows rows) throws Exception {
        Database.Args args = new Database.Args(argv, usage);
        Database db = Database.from(args);
        int samples = args.getInt("samples", 2000);
        int warmup = args.getInt("warmup", 500);
        DatabaseMigrations.configuration(db.dataSource()).load().migrate();
        Benchmark.Samples sampled;
        try (Connection c = db.connect()) {
            sampled = Benchmark.Samples.of(c, new SplittableRandom(args.getLong("seed", 7)));
        }
        Map<String, Object> properties = db.persistenceProperties();
        if (args.get("sql", "false").equals("true")) {
            properties.put("eclipselink.logging.level", "FINE");
            properties.put("eclipselink.logging.level.sql", "FINE");
            properties.put("eclipselink.logging.parameters", "true");
        }
        EntityManagerFactory emf = Persistence.createEntityManagerFactory("microblog", properties);
        try (Services services = new Services(emf, db.vendor(), StoredTimelineSettings.DEFAULTS)) {
            System.out.printf(
                    Locale.ROOT,
                    "%s, %,d users, load %s%n",
                    db.name(),
                    sampled.users(),
                    Files.readString(Path.of("/proc/loadavg")).strip());
            System.out.println("| Operation | samples | median (ms) | p99 (ms) |");
            System.out.println("|---|---:|---:|---:|");
            rows.measure(db, services, sampled, (name, op) -> {
                Benchmark.Row row = Benchmark.Row.timed(name, warmup, samples, op);
                System.out.printf(Locale.ROOT, "| %s | %d | %.3f | %.3f |%n", name, samples, row.median(), row.p99());
            });
        } finally {
            emf.close();
            db.shutdown();
        }
    }
}
