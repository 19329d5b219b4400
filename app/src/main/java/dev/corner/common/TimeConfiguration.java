package dev.corner.common;

import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Time comes from one injected clock, in UTC, so tests can move it. It ticks in microseconds, the
 * precision PostgreSQL keeps, so an instant reads back from the database as it was written.
 * Scheduled housekeeping (old nonces, old idempotency keys) runs on it too.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class TimeConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
