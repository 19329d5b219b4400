package dev.corner.payments;

/** A saved card as anyone may see it: brand, last four digits and expiry, never more. */
public record PaymentMethodView(
        PaymentMethodId paymentMethodId, String brand, String last4, int expMonth, int expYear) {}
