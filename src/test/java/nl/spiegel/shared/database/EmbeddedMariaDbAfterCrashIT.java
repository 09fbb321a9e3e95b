package nl.spiegel.shared.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After the application was killed its embedded database server keeps running on its own and holds the data
 * folder's locks; the next start of the application must still get a working database with the data of before.
 * Here the first server is left running without being stopped (as after kill -9 of the JVM) and a second one is
 * started on the same folder, as the restarted application does.
 */
class EmbeddedMariaDbAfterCrashIT {

    @Test
    void aStartAfterACrashStopsTheLeftoverServerAndKeepsTheData(@TempDir Path folder) throws Exception {
        EmbeddedDatabaseProperties properties = new EmbeddedDatabaseProperties(folder.resolve("mariadb"), 0, "spiegel",
                false);
        EmbeddedMariaDb first = EmbeddedMariaDb.start(properties);
        try (Connection connection = connect(first); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE answers (id INT PRIMARY KEY, text VARCHAR(40))");
            statement.execute("INSERT INTO answers VALUES (1, 'stored before the crash')");
        }
        List<Long> leftover = pids(folder.resolve("mariadb/data"));
        assertThat(leftover).hasSize(1);
        assertThat(ProcessHandle.of(leftover.getFirst()).map(ProcessHandle::isAlive)).contains(true);

        // the "crashed" application never stops `first`: its server is still running when the next one starts
        EmbeddedMariaDb second = EmbeddedMariaDb.start(properties);
        try (Connection connection = connect(second); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT text FROM answers WHERE id = 1")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("stored before the crash");
            assertThat(ProcessHandle.of(leftover.getFirst()).filter(ProcessHandle::isAlive)).isEmpty();
        } finally {
            second.close();
        }
    }

    @Test
    void aThrowAwayServerLeavesNoFilesBehindAndARealOneKeepsThem(@TempDir Path folder) throws Exception {
        Path throwAway = folder.resolve("throw-away");
        EmbeddedMariaDb test = EmbeddedMariaDb.start(new EmbeddedDatabaseProperties(throwAway, 0, "spiegel", true));
        try (Connection connection = connect(test); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE answers (id INT PRIMARY KEY)");
        }
        assertThat(throwAway.resolve("data")).isDirectory();
        test.close();
        assertThat(throwAway).doesNotExist();

        Path kept = folder.resolve("kept");
        EmbeddedMariaDb real = EmbeddedMariaDb.start(new EmbeddedDatabaseProperties(kept, 0, "spiegel", false));
        real.close();
        assertThat(kept.resolve("data")).isDirectory();
    }

    @Test
    void onlyAMariaDbServerOnThisVeryFolderCounts(@TempDir Path folder) throws Exception {
        ProcessHandle.Info self = ProcessHandle.current().info();
        assertThat(EmbeddedMariaDb.isServerOf(self, folder)).as("the test JVM itself is no database server").isFalse();
        // a stale pid file naming a process that is no database server (a reused pid) is left alone
        Files.writeString(folder.resolve("host.pid"), ProcessHandle.current().pid() + "\n");
        EmbeddedMariaDb.stopLeftoverServer(folder);
        assertThat(ProcessHandle.current().isAlive()).isTrue();
    }

    private static Connection connect(EmbeddedMariaDb db) throws Exception {
        return DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
    }

    private static List<Long> pids(Path dataFolder) throws Exception {
        try (var files = Files.list(dataFolder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".pid"))
                    .map(file -> {
                        try {
                            return Long.parseLong(Files.readString(file).strip());
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }).toList();
        }
    }
}
