package dev.corner.payments;

import dev.corner.common.Money;

/** A payment intent as its owner sees it. {@code declineCode} is set only when it was declined. */
public record PaymentIntentView(
        PaymentIntentId paymentIntentId,
        PaymentMethodId paymentMethodId,
        PaymentStatus status,
        Money amount,
        Money captured,
        Money refunded,
        String declineCode,
        String reference) {}
