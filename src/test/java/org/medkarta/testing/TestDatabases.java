package org.medkarta.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationStartingEvent;
import org.springframework.context.ApplicationListener;

/**
 * Gives each test run a database of its own and removes it afterwards, so runs never see each
 * other's data. {@code -Dmedkarta.test.database=postgres} (the Maven profile {@code postgres})
 * creates a randomly named PostgreSQL database next to {@code MEDKARTA_TEST_DB_URL} (default
 * {@code jdbc:postgresql://127.0.0.1:5432/postgres}); otherwise an H2 file database, in the same
 * mode as the embedded default, under {@code target/test-db/}. Every Spring context of the run
 * uses it through the {@code spring.datasource.*} system properties.
 */
public class TestDatabases implements LauncherSessionListener {

    private static final String H2_MODE = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    private Runnable drop = () -> {};

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String name =
                "medkarta_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        if ("postgres".equals(System.getProperty("medkarta.test.database", "h2").toLowerCase(Locale.ROOT))) {
            openPostgres(name);
        } else {
            openH2(name);
        }
    }

    /**
     * Spring test contexts stay open until the JVM exits, so where one was started the database is
     * removed by a Boot shutdown handler, which runs only after every application context has
     * closed; a run that started none (unit tests only) removes it at once.
     */
    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (SpringStarted.seen) {
            SpringApplication.getShutdownHandlers().add(drop);
        } else {
            drop.run();
        }
    }

    /** Notes that an application context was started in this JVM (see META-INF/spring.factories). */
    public static class SpringStarted implements ApplicationListener<ApplicationStartingEvent> {

        static volatile boolean seen;

        @Override
        public void onApplicationEvent(ApplicationStartingEvent event) {
            seen = true;
        }
    }

    private void openPostgres(String name) {
        String adminUrl = env("MEDKARTA_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
        String user = env("MEDKARTA_TEST_DB_USER", "postgres");
        String password = env("MEDKARTA_TEST_DB_PASSWORD", "");
        execute(adminUrl, user, password, "CREATE DATABASE " + name);
        use(siblingDatabase(adminUrl, name), user, password);
        drop = () -> execute(adminUrl, user, password, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private void openH2(String name) {
        Path directory = Path.of("target", "test-db", name).toAbsolutePath();
        use("jdbc:h2:file:" + directory.resolve("medkarta") + H2_MODE, "sa", "");
        drop = () -> deleteQuietly(directory);
    }

    /** The URL of another database on the same server: only the path after the host changes. */
    static String siblingDatabase(String url, String name) {
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        String parameters = query < 0 ? "" : url.substring(query);
        return base.substring(0, base.lastIndexOf('/') + 1) + name + parameters;
    }

    private static void use(String url, String user, String password) {
        System.setProperty("spring.datasource.url", url);
        System.setProperty("spring.datasource.username", user);
        System.setProperty("spring.datasource.password", password);
        // A run keeps a dozen application contexts open; small pools keep them all under
        // PostgreSQL's default limit of 100 connections, with room for a parallel run.
        System.setProperty("spring.datasource.hikari.maximum-pool-size", "4");
        System.setProperty("spring.datasource.hikari.minimum-idle", "1");
        // Tests expect the whole demo (the ICD-10 dictionary included) in place once their context
        // has started; the background seeding after readiness has its own test (DemoDataSeederIT).
        System.setProperty("medkarta.demo.background", "false");
    }

    private static void execute(String url, String user, String password, String statement) {
        try (var connection = DriverManager.getConnection(url, user, password);
                var sql = connection.createStatement()) {
            sql.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException("Test database: '" + statement + "' failed on " + url, e);
        }
    }

    private static void deleteQuietly(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // target/ is cleaned by the next `mvn clean`; a leftover file harms nothing.
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
