package nl.spiegel.shared.database;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded MariaDB server used when no external database is configured.
 *
 * @param dataDir  folder where the embedded server keeps its data; survives restarts
 * @param port     TCP port on 127.0.0.1; 0 picks a free port
 * @param database name of the schema Spiegel uses
 * @param deleteOnClose whether the whole data folder is deleted when the application stops: for throw-away servers
 *                 (each integration test context starts one of about half a gigabyte), never for real data
 */
@ConfigurationProperties("spiegel.embedded-db")
public record EmbeddedDatabaseProperties(@DefaultValue("data/mariadb") Path dataDir,
                                         @DefaultValue("0") int port,
                                         @DefaultValue("spiegel") String database,
                                         @DefaultValue("false") boolean deleteOnClose) {
}
