package dev.corner.payments;

import dev.corner.common.Ids;

/** The id of a payment intent ({@code pi_…}). */
public record PaymentIntentId(String value) {
    public PaymentIntentId {
        Ids.requireValid(value, "paymentIntentId");
    }

    @Override
    public String toString() {
        return value;
    }
}
