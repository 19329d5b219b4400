package dev.corner.payments;

/** Where a payment intent stands; see docs/payments.md for the transitions. */
public enum PaymentStatus {
    REQUIRES_AUTHORIZATION,
    AUTHORIZED,
    DECLINED,
    CAPTURED,
    PARTIALLY_REFUNDED,
    REFUNDED,
    VOIDED
}
