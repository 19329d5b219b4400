package dev.corner.payments.model;

/** The card scheme, as told by the leading digits of the number. */
public enum CardBrand {
    VISA,
    MASTERCARD,
    AMEX,
    DISCOVER,
    UNKNOWN
}
