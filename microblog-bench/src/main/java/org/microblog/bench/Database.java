package org.microblog.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.microblog.service.schema.DatabaseVendor;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The database the generator loads and the benchmark reads: the application's embedded Derby database by
 * default (the folder {@code data/microblog}, user {@code microblog}, as in microprofile-config.properties),
 * or PostgreSQL when a {@code jdbc:postgresql:} URL is given.
 */
record Database(String jdbcUrl, String user, String password) {

    static final String DEFAULT_DERBY = "data/microblog";

    /** From {@code --jdbc-url URL}, {@code --user U}, {@code --password P}; Derby in data/microblog without them. */
    static Database from(Args args) {
        String url = args.get("jdbc-url", "jdbc:derby:" + DEFAULT_DERBY + ";create=true");
        return new Database(
                url, args.get("user", isPostgres(url) ? "postgres" : "microblog"), args.get("password", "microblog"));
    }

    private static boolean isPostgres(String url) {
        return url.startsWith("jdbc:postgresql:");
    }

    boolean isPostgres() {
        return isPostgres(jdbcUrl);
    }

    DatabaseVendor vendor() {
        return isPostgres() ? DatabaseVendor.POSTGRESQL : DatabaseVendor.DERBY;
    }

    String name() {
        return isPostgres() ? "PostgreSQL" : "Derby (embedded)";
    }

    DataSource dataSource() {
        if (isPostgres()) {
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setURL(jdbcUrl);
            ds.setUser(user);
            ds.setPassword(password);
            return ds;
        }
        if (!jdbcUrl.startsWith("jdbc:derby:")) {
            throw new IllegalArgumentException("Only jdbc:derby: and jdbc:postgresql: URLs are supported: " + jdbcUrl);
        }
        EmbeddedDataSource ds = new EmbeddedDataSource();
        String rest = jdbcUrl.substring("jdbc:derby:".length());
        int semicolon = rest.indexOf(';');
        ds.setDatabaseName(semicolon < 0 ? rest : rest.substring(0, semicolon));
        if (rest.contains("create=true")) {
            ds.setCreateDatabase("create");
        }
        ds.setUser(user);
        ds.setPassword(password);
        return ds;
    }

    Connection connect() throws SQLException {
        return dataSource().getConnection();
    }

    /** Properties that turn the application's JTA persistence unit into a Java SE one on this database. */
    Map<String, Object> persistenceProperties() {
        Map<String, Object> p = new HashMap<>();
        p.put("jakarta.persistence.transactionType", "RESOURCE_LOCAL");
        p.put("jakarta.persistence.jtaDataSource", "");
        p.put("jakarta.persistence.nonJtaDataSource", "");
        p.put("jakarta.persistence.jdbc.url", jdbcUrl);
        p.put("jakarta.persistence.jdbc.user", user);
        p.put("jakarta.persistence.jdbc.password", password);
        p.put(
                "jakarta.persistence.jdbc.driver",
                isPostgres() ? "org.postgresql.Driver" : "org.apache.derby.iapi.jdbc.AutoloadedDriver");
        p.put("jakarta.persistence.validation.mode", "NONE");
        p.put("eclipselink.target-server", "None");
        p.put("eclipselink.connection-pool.default.initial", "2");
        p.put("eclipselink.connection-pool.default.min", "2");
        p.put("eclipselink.connection-pool.default.max", "8");
        p.put("eclipselink.logging.level", "WARNING");
        return p;
    }

    /** Shuts an embedded Derby database down cleanly, so that the next process opens it without recovery. */
    void shutdown() {
        if (isPostgres()) {
            return;
        }
        try {
            java.sql.DriverManager.getConnection("jdbc:derby:;shutdown=true");
        } catch (SQLException expected) {
            // Derby reports a clean shutdown as an exception (XJ015)
        }
    }

    /**
     * A tool's {@code --name value} options, checked against its usage text: {@code --help} prints that text, and an
     * option it does not name is refused with it, before anything is written (a misspelt option would otherwise be
     * ignored, and a generator would fill {@code data/microblog} with the default data set).
     */
    static final class Args {
        private static final Pattern OPTION = Pattern.compile("--([a-z][a-z-]*)");

        private final Map<String, String> values = new HashMap<>();

        Args(String[] argv, String usage) {
            for (int i = 0; i < argv.length; i++) {
                String a = argv[i];
                if (!a.startsWith("--")) {
                    refuse("Unexpected argument: " + a, usage);
                }
                int eq = a.indexOf('=');
                if (eq > 0) {
                    values.put(a.substring(2, eq), a.substring(eq + 1));
                } else if (i + 1 < argv.length && !argv[i + 1].startsWith("--")) {
                    values.put(a.substring(2), argv[++i]);
                } else {
                    values.put(a.substring(2), "true");
                }
            }
            if (values.containsKey("help")) {
                System.out.println("Usage:\n" + usage);
                System.exit(0);
            }
            Set<String> known = OPTION.matcher(usage)
                    .results()
                    .map(option -> option.group(1))
                    .collect(Collectors.toSet());
            values.keySet().stream()
                    .filter(name -> !known.contains(name))
                    .findFirst()
                    .ifPresent(name -> refuse("Unknown option --" + name, usage));
        }

        private static void refuse(String problem, String usage) {
            System.err.println(problem + "\nUsage:\n" + usage);
            System.exit(2);
        }

        String get(String name, String fallback) {
            return values.getOrDefault(name, fallback);
        }

        int getInt(String name, int fallback) {
            return Integer.parseInt(
                    get(name, Integer.toString(fallback)).replace("_", "").replace(",", ""));
        }

        long getLong(String name, long fallback) {
            return Long.parseLong(
                    get(name, Long.toString(fallback)).replace("_", "").replace(",", ""));
        }

        boolean has(String name) {
            return values.containsKey(name);
        }
    }
}
