package dev.corner;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * The zero-setup default: with no datasource URL configured, Corner runs its own PostgreSQL with
 * its data under {@code $CORNER_DATA_DIR/postgres}, fsync on, on a free port, and stops it on
 * shutdown. A postmaster left behind by a killed JVM is shut down before the new one starts.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedPostgresConfiguration.NoDatasourceUrl.class)
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(
            @Value("${corner.data-dir}") Path dataDir,
            @Value("${corner.embedded-db.fsync:true}") boolean fsync,
            @Value("${corner.embedded-db.clean:false}") boolean clean)
            throws IOException {
        Path pgData = dataDir.toAbsolutePath().normalize().resolve("postgres");
        Files.createDirectories(pgData);
        stopLeftOverPostmaster(pgData);
        var builder = EmbeddedPostgres.builder()
                .setDataDirectory(pgData)
                .setCleanDataDirectory(clean)
                .setPort(freePort())
                .setPGStartupWait(Duration.ofSeconds(120))
                .setServerConfig("max_connections", "200");
        if (fsync) {
            // The library starts postgres with -F (fsync off); a later -c wins, so this turns it back on.
            builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
        }
        log.info("Starting embedded PostgreSQL in {} (fsync {})", pgData, fsync ? "on" : "off");
        return builder.start();
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgres postgres) {
        var dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setMaximumPoolSize(20);
        dataSource.setPoolName("corner-embedded");
        return dataSource;
    }

    /**
     * After {@code kill -9} of the JVM its postmaster keeps running and holds the data directory.
     * Ask it to shut down (SIGTERM, a smart shutdown: its clients died with the JVM) and wait; kill
     * it only if it will not go. PostgreSQL's own crash recovery covers the rest.
     */
    static void stopLeftOverPostmaster(Path pgData) throws IOException {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> postmaster = Files.readAllLines(pidFile).stream()
                .findFirst()
                .map(String::trim)
                .filter(line -> line.matches("\\d+"))
                .flatMap(pid -> ProcessHandle.of(Long.parseLong(pid)))
                .filter(ProcessHandle::isAlive)
                .filter(process -> process.info().command().orElse("").endsWith("postgres"));
        if (postmaster.isEmpty()) {
            return;
        }
        var process = postmaster.get();
        log.warn("A PostgreSQL server (pid {}) from an earlier run still holds {}; stopping it", process.pid(), pgData);
        process.destroy();
        try {
            process.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception notYet) {
            log.warn("PostgreSQL pid {} did not stop in 60 s; killing it", process.pid());
            process.destroyForcibly();
            process.onExit().join();
        }
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static class NoDatasourceUrl implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
        }
    }
}
