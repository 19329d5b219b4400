package dev.corner.devices.internal;

import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Slot readings older than the retention are deleted: the consumption model looks back 42 days,
 * the rest is kept only for a household's or a maker's questions.
 */
@Component
class ReadingJanitor {

    private final SlotReadings readings;
    private final Clock clock;
    private final Duration retention;

    ReadingJanitor(
            SlotReadings readings,
            Clock clock,
            @Value("${corner.devices.replenishment.reading-retention}") Duration retention) {
        this.readings = readings;
        this.clock = clock;
        this.retention = retention;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void forgetOldReadings() {
        readings.forgetBefore(clock.instant().minus(retention));
    }
}
