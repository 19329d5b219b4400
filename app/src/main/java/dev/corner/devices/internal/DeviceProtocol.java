package dev.corner.devices.internal;

import dev.corner.common.CornerException;
import dev.corner.common.Money;
import dev.corner.devices.DeviceId;
import dev.corner.devices.PressAnswer;
import dev.corner.devices.Pressing;
import dev.corner.devices.Pressing.PressRequest;
import dev.corner.devices.Replenishing;
import dev.corner.devices.Replenishing.StatusReport;
import dev.corner.devices.model.ReplenishmentPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Device protocol v1, the requests of an authenticated device, whichever transport brought them:
 * the HTTP controllers and the MQTT transport both call these, so a device gets the same answer
 * either way.
 */
@Component
public class DeviceProtocol {

    private static final Pattern PRESS_PATH = Pattern.compile("/device/v1/slots/[^/?]+/press(\\?.*)?");

    private final Pressing pressing;
    private final PressLine line;
    private final Replenishing replenishing;
    private final DeviceRecords records;
    private final DeviceAuthentication authentication;
    private final Clock clock;
    private final Duration leadTime;

    DeviceProtocol(
            Pressing pressing,
            PressLine line,
            Replenishing replenishing,
            DeviceRecords records,
            DeviceAuthentication authentication,
            Clock clock,
            @Value("${corner.devices.replenishment.lead-time}") Duration leadTime) {
        this.pressing = pressing;
        this.line = line;
        this.replenishing = replenishing;
        this.records = records;
        this.authentication = authentication;
        this.clock = clock;
        this.leadTime = leadTime;
    }

    /**
     * Whether the request is a press, whose nonce the transports leave to {@link #press(NonceClaim,
     * String, Press)} to remember in the press's own transaction.
     */
    public static boolean isPress(String method, String pathWithQuery) {
        return "POST".equals(method)
                && pathWithQuery != null
                && PRESS_PATH.matcher(pathWithQuery).matches();
    }

    public record Press(String pressId, Integer quantity) {}

    public record Confirm(String pressId, String quoteId, String language) {}

    public record Heartbeat(String firmware, Integer battery) {}

    public record Ok(String result) {}

    public record SlotNow(String slotId, boolean configured, String productId, String storeId, Money price) {}

    public record Config(String deviceId, boolean paused, List<SlotNow> slots) {}

    public record Status(Double remaining, Double capacity, String unit, Instant measuredAt) {}

    /** {@code expectedDepletion} and {@code ratePerDay} are null until the history tells. */
    public record StatusAnswer(String result, Instant expectedDepletion, Double ratePerDay, PressAnswer order) {}

    /**
     * A press whose nonce, if still open, is remembered in the press's own transaction, so that an
     * accepted press commits once. A nonce used before refuses the press ({@code 401 NONCE_REUSED})
     * with nothing done, also when the two requests run at once. A press that fails does nothing, and
     * its nonce is used up all the same, as for any request refused after authentication.
     */
    public PressAnswer press(NonceClaim nonce, String slotId, Press press) {
        if (nonce.refusal() != null) {
            throw nonce.refusal().exception();
        }
        if (!nonce.isOpen()) {
            return press(nonce.device(), slotId, press);
        }
        Pressing.Outcome outcome;
        try {
            outcome = line.press(new PressRequest(nonce.device(), nonce, slotId, press.pressId(), press.quantity()));
        } catch (RuntimeException e) {
            throw settled(nonce).orElse(e);
        }
        if (outcome.failure() instanceof NonceClaim.Reused) {
            nonce.settle(NonceClaim.State.REUSED);
            throw nonceReused();
        }
        if (outcome.nonceRemembered()) {
            nonce.settle(NonceClaim.State.REMEMBERED);
        } else {
            var refused = settled(nonce);
            if (refused.isPresent()) {
                throw refused.get();
            }
        }
        return unlessThrottled(outcome.answerOrThrow());
    }

    /** Settles a press's claim that its batch did not: why the press is refused after all, if it is. */
    private Optional<RuntimeException> settled(NonceClaim nonce) {
        return authentication.settle(nonce).map(DeviceAuthentication.Refused::exception);
    }

    /** A press of a device whose nonce has been remembered already. */
    public PressAnswer press(DeviceId device, String slotId, Press press) {
        return unlessThrottled(pressOnce(device, slotId, press.pressId(), press.quantity()));
    }

    private PressAnswer pressOnce(DeviceId device, String slotId, String pressId, Integer quantity) {
        return line.press(new PressRequest(device, null, slotId, pressId, quantity))
                .answerOrThrow();
    }

    private static PressAnswer unlessThrottled(PressAnswer answer) {
        if (answer.result() == PressAnswer.Result.THROTTLED) {
            // The pause is committed; the device hears 429 until its household resumes it.
            throw new CornerException(
                    CornerException.Kind.TOO_MANY_REQUESTS,
                    "TOO_MANY_PRESSES",
                    "this device pressed faster than its household allows and is paused");
        }
        return answer;
    }

    private static CornerException nonceReused() {
        return DeviceAuthentication.nonceReused().exception();
    }

    /** A device with a display confirms the quote it showed after a press that needs a yes. */
    public PressAnswer confirm(DeviceId device, String slotId, Confirm confirm) {
        return pressing.confirm(device, slotId, confirm.pressId(), confirm.quoteId(), confirm.language());
    }

    public Ok heartbeat(DeviceId device, Heartbeat heartbeat) {
        var firmware = heartbeat.firmware() == null
                ? null
                : heartbeat
                        .firmware()
                        .substring(0, Math.min(64, heartbeat.firmware().length()));
        var battery = heartbeat.battery() == null ? null : Math.max(0, Math.min(100, heartbeat.battery()));
        records.heartbeat(device, firmware, battery, clock.instant());
        return new Ok("OK");
    }

    public Config config(DeviceId device) {
        var found = records.device(device).orElseThrow();
        var paused = found.paused();
        return new Config(
                device.value(),
                paused,
                records.slots(device).stream()
                        .map(slot -> slot.policy() == null
                                ? new SlotNow(slot.slotId(), false, null, null, null)
                                : pressing.wouldOrder(slot.policy(), found.household())
                                        .map(c -> new SlotNow(
                                                slot.slotId(),
                                                true,
                                                c.productId().value(),
                                                c.storeId().value(),
                                                c.price()))
                                        .orElse(new SlotNow(slot.slotId(), true, null, null, null)))
                        .toList());
    }

    /** A slot reports how much is left; the answer says when it will run out. */
    public StatusAnswer status(DeviceId device, String slotId, Status status) {
        var estimate = replenishing.report(
                device,
                slotId,
                new StatusReport(status.remaining(), status.capacity(), status.unit(), status.measuredAt()));
        var rate = estimate.ratePerDay();
        var order = reorderIfDue(device, slotId, status.measuredAt());
        return new StatusAnswer(
                order == null ? "OK" : order.result().name(),
                estimate.expectedDepletion()
                        .map(at -> at.truncatedTo(ChronoUnit.SECONDS))
                        .orElse(null),
                rate.isPresent() ? Math.round(rate.getAsDouble() * 1000) / 1000.0 : null,
                order);
    }

    /**
     * When the slot would run empty within the lead time plus the safety margin, it orders like a
     * press: the same choice, consent and limits, and an open order dedupes. Reports within one
     * quarter hour share one press id, so a chatty device orders, and counts as pressing, once.
     */
    private PressAnswer reorderIfDue(DeviceId device, String slotId, Instant measuredAt) {
        if (replenishing.assess(device, slotId, leadTime).outcome() != ReplenishmentPolicy.Outcome.ORDER_NOW) {
            return null;
        }
        var at = measuredAt == null ? clock.instant() : measuredAt;
        var answer = pressOnce(device, slotId, "auto-" + at.getEpochSecond() / 900, 1);
        return switch (answer.result()) {
            case NOT_CONFIGURED, THROTTLED -> null;
            default -> answer;
        };
    }
}
