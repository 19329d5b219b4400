package dev.corner.common;

/** What an account is for; decides which endpoints it may call. */
public enum Role {
    HOUSEHOLD,
    MERCHANT,
    /** Works at a merchant's stores: sells at the register, with the rights the owner gave. */
    STAFF,
    COURIER,
    MAKER,
    OPERATOR
}
