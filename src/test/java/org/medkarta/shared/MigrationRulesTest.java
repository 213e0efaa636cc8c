package org.medkarta.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Rules every migration keeps so that it works on both engines for as long as the app runs.
 *
 * <p>H2 2.4 compares an {@code IN} list of constants with the session that parsed it: a check
 * constraint {@code CHECK (state IN ('A', 'B'))} made by a migration fails every insert ("Check
 * constraint invalid", the database "closed") once the connection pool retires the migration's
 * connection, half an hour into a run of the embedded database; H2 rewrites {@code OR}-ed
 * equalities of one column into the same list. Such checks belong in {@code db/vendor/postgresql}.
 */
class MigrationRulesTest {

    private static final Pattern CHECK_WITH_IN_LIST =
            Pattern.compile("CHECK\\s*\\([^;]*?(\\bIN\\s*\\(|\\bOR\\b)", Pattern.CASE_INSENSITIVE);

    @Test
    void noCheckConstraintUsesAnInListOfConstants() throws IOException {
        List<String> offending;
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/db"))) {
            offending = files.filter(file -> file.toString().endsWith(".sql"))
                    .filter(file -> !file.startsWith(Path.of("src/main/resources/db/vendor/postgresql")))
                    .filter(file -> read(file)
                            .lines()
                            .filter(line -> !line.strip().startsWith("--"))
                            .anyMatch(line -> CHECK_WITH_IN_LIST.matcher(line).find()))
                    .map(Path::toString)
                    .toList();
        }
        assertThat(offending)
                .as("migrations that H2 runs with CHECK (… IN (…)) or OR-ed equalities; check on PostgreSQL only")
                .isEmpty();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }
}
