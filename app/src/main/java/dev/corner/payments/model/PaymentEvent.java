package dev.corner.payments.model;

import dev.corner.common.Money;

/**
 * What happened to an intent, as its history keeps it: the kind, the amount it moved if any, and a
 * short detail (a decline code, a refund id, the amount released by a partial capture).
 */
public record PaymentEvent(Kind kind, Money amount, String detail) {

    /** The kinds of history entries. */
    public enum Kind {
        CREATED,
        AUTHORIZED,
        DECLINED,
        CAPTURED,
        VOIDED,
        REFUNDED,
        GATEWAY_FAILED
    }
}
