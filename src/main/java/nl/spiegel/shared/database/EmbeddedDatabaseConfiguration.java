package nl.spiegel.shared.database;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import nl.spiegel.shared.HeadStarts;

/**
 * Starts the embedded MariaDB server when no external database is configured. Never used in the {@code prod}
 * profile: there a missing datasource is an error, not a silent fallback.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoExternalDatabaseCondition.class)
class EmbeddedDatabaseConfiguration {

    /** The server started early ({@link HeadStarts}, see {@link EmbeddedMariaDb#headStart}) when there is one. */
    @Bean(destroyMethod = "close")
    EmbeddedMariaDb embeddedMariaDb(EmbeddedDatabaseProperties properties, ObjectProvider<HeadStarts> headStarts) {
        HeadStarts early = headStarts.getIfAvailable();
        return (early == null ? java.util.Optional.<EmbeddedMariaDb>empty() : early.take(EmbeddedMariaDb.class))
                .orElseGet(() -> EmbeddedMariaDb.start(properties));
    }

    /** Bound to {@code spring.datasource.hikari.*} like Spring Boot's own pool, so the same settings apply to both. */
    @Bean(destroyMethod = "close")
    @ConfigurationProperties("spring.datasource.hikari")
    DataSource dataSource(EmbeddedMariaDb server) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(server.jdbcUrl());
        dataSource.setUsername(server.username());
        dataSource.setPassword(server.password());
        dataSource.setPoolName("spiegel-embedded");
        dataSource.setMaximumPoolSize(10);
        return dataSource;
    }
}
