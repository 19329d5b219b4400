package dev.corner.devices;

import dev.corner.common.Money;
import java.time.Instant;

/**
 * What a device is told after a press. {@code orderId}, {@code cancelUntil}, {@code product} and
 * {@code price} (per unit) and {@code total} are present when an order is placed, in progress or
 * awaiting confirmation. Awaiting confirmation, {@code quoteId} lets a device with a display confirm
 * until {@code quoteExpiresAt}, and {@code reason} says why it waits ({@code CONFIRM_EACH} or
 * {@code PRICE_GUARD}); refused, {@code reason} says which limit or why nothing fitted.
 */
public record PressAnswer(
        Result result,
        String orderId,
        Instant cancelUntil,
        ProductShown product,
        Money price,
        Money total,
        String quoteId,
        Instant quoteExpiresAt,
        String reason) {

    public enum Result {
        ORDER_PLACED,
        ORDER_IN_PROGRESS,
        AWAITING_CONFIRMATION,
        LIMIT_EXCEEDED,
        NOT_CONFIGURED,
        PAUSED,
        UNAVAILABLE,
        /** Not an answer a device sees: the press storm bound was hit, the device gets 429. */
        THROTTLED
    }

    /** The product as a device with a display shows it. */
    public record ProductShown(String productId, String name, String brand) {}

    public static PressAnswer of(Result result) {
        return new PressAnswer(result, null, null, null, null, null, null, null, null);
    }

    public static PressAnswer of(Result result, String reason) {
        return new PressAnswer(result, null, null, null, null, null, null, null, reason);
    }

    PressAnswer withReason(String why) {
        return new PressAnswer(result, orderId, cancelUntil, product, price, total, quoteId, quoteExpiresAt, why);
    }

    PressAnswer withQuote(String quoteId, Instant expiresAt, String reason) {
        return new PressAnswer(result, orderId, cancelUntil, product, price, total, quoteId, expiresAt, reason);
    }
}
