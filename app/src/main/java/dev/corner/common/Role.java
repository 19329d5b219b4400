package dev.corner.common;

/** What an account is for; decides which endpoints it may call. */
public enum Role {
    HOUSEHOLD,
    MERCHANT,
    COURIER,
    MAKER,
    OPERATOR
}
