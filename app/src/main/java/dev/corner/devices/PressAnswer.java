package dev.corner.devices;

import dev.corner.common.Money;
import java.time.Instant;

/**
 * What a device is told after a press. {@code orderId}, {@code cancelUntil}, {@code product} and
 * {@code price} (per unit) and {@code total} are present when an order is placed or in progress.
 */
public record PressAnswer(
        Result result, String orderId, Instant cancelUntil, ProductShown product, Money price, Money total) {

    public enum Result {
        ORDER_PLACED,
        ORDER_IN_PROGRESS,
        AWAITING_CONFIRMATION,
        LIMIT_EXCEEDED,
        NOT_CONFIGURED,
        PAUSED,
        UNAVAILABLE
    }

    /** The product as a device with a display shows it. */
    public record ProductShown(String productId, String name, String brand) {}

    public static PressAnswer of(Result result) {
        return new PressAnswer(result, null, null, null, null, null);
    }
}
