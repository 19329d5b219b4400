package dev.corner.devices.internal;

import dev.corner.devices.DeviceEvents;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A claimed device that sent no heartbeat for {@code corner.devices.silence-after} (48 h) may be
 * broken, unplugged or gone: its household is told once, and again after the next silence.
 */
@Component
class HeartbeatWatch {

    private final DeviceRecords records;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration silenceAfter;

    HeartbeatWatch(
            DeviceRecords records,
            ApplicationEventPublisher events,
            Clock clock,
            @Value("${corner.devices.silence-after}") Duration silenceAfter) {
        this.records = records;
        this.events = events;
        this.clock = clock;
        this.silenceAfter = silenceAfter;
    }

    @Scheduled(fixedDelayString = "${corner.devices.heartbeat-check}")
    @Transactional
    void tellHouseholdsOfSilentDevices() {
        var now = clock.instant();
        for (var silent : records.takeSilentSince(now.minus(silenceAfter), now, 100)) {
            events.publishEvent(
                    new DeviceEvents.DeviceSilent(silent.deviceId(), silent.household(), silent.lastSeenAt()));
        }
    }
}
