package dev.corner.payments;

import dev.corner.common.Ids;

/** The id of a saved payment method ({@code pm_…}); stands for a gateway token, never a card. */
public record PaymentMethodId(String value) {
    public PaymentMethodId {
        Ids.requireValid(value, "paymentMethodId");
    }

    @Override
    public String toString() {
        return value;
    }
}
