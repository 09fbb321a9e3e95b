package nl.spiegel;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A second Spiegel application (test profile, its own web port) on the database of the shared test context: another
 * node of a cluster, or the same app before or after a restart.
 */
public final class SecondApplication {

    private SecondApplication() {
    }

    public static ConfigurableApplicationContext onTheDatabaseOf(DataSource dataSource) {
        HikariDataSource shared = (HikariDataSource) dataSource;
        return new SpringApplicationBuilder(SpiegelApplication.class)
                .profiles("test")
                .properties("spring.datasource.url=" + shared.getJdbcUrl(),
                        "spring.datasource.username=" + shared.getUsername(),
                        "spring.datasource.password=" + shared.getPassword(),
                        "server.port=0")
                .run();
    }
}
