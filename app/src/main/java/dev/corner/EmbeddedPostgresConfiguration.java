package dev.corner;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.FileSystemUtils;
import org.springframework.util.StringUtils;

/**
 * The zero-setup default: with no datasource URL configured, Corner runs its own PostgreSQL with
 * its data under {@code $CORNER_DATA_DIR/postgres}, fsync on. The server is a bean the data source
 * depends on, so Spring stops it last, after everything that writes to it has shut down.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedPostgresConfiguration.NoDatasourceUrl.class)
class EmbeddedPostgresConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(
            @Value("${corner.data-dir}") Path dataDir,
            @Value("${corner.embedded-db.fsync:true}") boolean fsync,
            @Value("${corner.embedded-db.clean:false}") boolean clean)
            throws IOException {
        Path pgData = dataDir.toAbsolutePath().normalize().resolve("postgres");
        if (clean) {
            EmbeddedPostgres.stopLeftOverPostmaster(pgData);
            FileSystemUtils.deleteRecursively(pgData);
            Files.deleteIfExists(pgData.resolveSibling("postgres.password"));
        }
        return EmbeddedPostgres.start(pgData, fsync);
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgres postgres) {
        var dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.jdbcUrl());
        dataSource.setUsername("postgres");
        dataSource.setPassword(postgres.password());
        dataSource.setMaximumPoolSize(20);
        dataSource.setPoolName("corner-embedded");
        return dataSource;
    }

    static class NoDatasourceUrl implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
        }
    }
}
