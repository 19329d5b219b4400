package dev.corner.notifications.internal;

import dev.corner.common.Ids;
import dev.corner.devices.DeviceEvents.DevicePausedForStorm;
import dev.corner.devices.DeviceEvents.DeviceSilent;
import dev.corner.devices.DeviceEvents.PressRefused;
import dev.corner.notifications.Notification;
import dev.corner.orders.OrderEvents.OrderAwaitingConfirmation;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * What a household must hear of its devices: an order waiting for its yes, a press that ordered
 * nothing and why, a device paused for pressing too fast.
 */
@Component
class HouseholdNotices {

    private final InboxRecords inbox;
    private final Clock clock;

    HouseholdNotices(InboxRecords inbox, Clock clock) {
        this.inbox = inbox;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(OrderAwaitingConfirmation order) {
        notify(
                order.householdId(),
                Notification.CONFIRMATION_NEEDED,
                "An order waits for your confirmation",
                "Order " + order.orderId().value() + " for " + order.total().display()
                        + " is held for you until " + minutes(order.confirmBy()) + ". Confirm it with "
                        + "\"Order with obligation to pay\", or let it lapse.",
                order.storeId().value(),
                "awaiting:" + order.orderId().value(),
                Map.of(
                        "orderId", order.orderId().value(),
                        "amount", Long.toString(order.total().amount()),
                        "currency", order.total().currency(),
                        "confirmBy", order.confirmBy().toString()));
    }

    @ApplicationModuleListener
    void on(PressRefused refused) {
        if (refused.householdId() == null) {
            return;
        }
        var why = switch (refused.reason() == null ? "" : refused.reason()) {
            case "PER_ORDER" -> "the order would be above your limit per order";
            case "PER_DEVICE_PER_DAY" -> "the device's limit for today would be passed";
            case "PER_DEVICE_PER_MONTH" -> "the device's limit for this month would be passed";
            case "PER_HOUSEHOLD_PER_MONTH" -> "your household's limit for this month would be passed";
            case "NOT_OFFERED" -> "none of the stores you allowed sells any of the products you chose";
            case "ABOVE_PRICE_CAP" -> "every offer is above your price cap";
            case "OUT_OF_STOCK" -> "the offers within your price cap are out of stock";
            default -> "no allowed store has an acceptable product at or under your price cap in stock";
        };
        notify(
                refused.householdId(),
                Notification.PRESS_REFUSED,
                ("LIMIT_EXCEEDED".equals(refused.result()) ? "Limit reached: " : "Nothing ordered: ") + "slot "
                        + refused.slotId(),
                "A press of device " + refused.deviceId().value() + " ordered nothing: " + why + ".",
                null,
                "refused:" + Ids.next("ev"),
                Map.of(
                        "deviceId", refused.deviceId().value(),
                        "slotId", refused.slotId(),
                        "result", refused.result(),
                        "reason", refused.reason() == null ? "" : refused.reason()));
    }

    @ApplicationModuleListener
    void on(DevicePausedForStorm paused) {
        if (paused.householdId() == null) {
            return;
        }
        notify(
                paused.householdId(),
                Notification.DEVICE_PAUSED,
                "A device was paused",
                "Device " + paused.deviceId().value() + " was pressed faster than you allow, so it is paused."
                        + " Resume it when it is safe.",
                null,
                "storm:" + Ids.next("ev"),
                Map.of("deviceId", paused.deviceId().value()));
    }

    @ApplicationModuleListener
    void on(DeviceSilent silent) {
        notify(
                silent.householdId(),
                Notification.DEVICE_SILENT,
                "A device has gone quiet",
                "Device " + silent.deviceId().value() + " has sent no heartbeat since "
                        + (silent.lastSeenAt() == null ? "it was claimed" : minutes(silent.lastSeenAt()))
                        + ". Check its battery and its connection.",
                null,
                "silent:" + Ids.next("ev"),
                silent.lastSeenAt() == null
                        ? Map.of("deviceId", silent.deviceId().value())
                        : Map.of(
                                "deviceId",
                                silent.deviceId().value(),
                                "lastSeenAt",
                                silent.lastSeenAt().toString()));
    }

    /** A time as the English text writes it: {@code 2026-12-08 13:30 UTC}. */
    private static String minutes(Instant at) {
        return MINUTES.format(at);
    }

    private static final DateTimeFormatter MINUTES =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private void notify(
            dev.corner.common.AccountId household,
            String kind,
            String title,
            String text,
            String storeId,
            String source,
            Map<String, String> params) {
        inbox.insert(
                household,
                Ids.next("ntf"),
                new Notification(null, kind, title, text, storeId, null, clock.instant(), null, params),
                source);
    }
}
