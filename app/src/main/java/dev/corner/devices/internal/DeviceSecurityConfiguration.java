package dev.corner.devices.internal;

import dev.corner.common.web.ProblemWriter;
import dev.corner.common.web.StatelessApi;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/** The device protocol's own chain: no sessions, no CSRF, every request signed by its device. */
@Configuration(proxyBeanMethods = false)
class DeviceSecurityConfiguration {

    @Bean
    @Order(5)
    SecurityFilterChain deviceChain(HttpSecurity http, DeviceAuthentication authentication, ProblemWriter problems)
            throws Exception {
        return StatelessApi.configure(http.securityMatcher("/device/**"))
                .addFilterBefore(new DeviceSignatureFilter(authentication, problems), AuthorizationFilter.class)
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .build();
    }

    /** Nonces older than the memory can go: their timestamps are out of the window anyway. */
    @Bean
    NonceJanitor nonceJanitor(
            DeviceRecords records, Clock clock, @Value("${corner.devices.nonce-memory}") Duration memory) {
        return new NonceJanitor(records, clock, memory);
    }

    static final class NonceJanitor {
        private final DeviceRecords records;
        private final Clock clock;
        private final Duration memory;

        NonceJanitor(DeviceRecords records, Clock clock, Duration memory) {
            this.records = records;
            this.clock = clock;
            this.memory = memory;
        }

        @Scheduled(fixedDelayString = "PT60S", initialDelayString = "PT60S")
        void forgetOldNonces() {
            records.forgetNoncesBefore(clock.instant().minus(memory));
        }
    }
}
