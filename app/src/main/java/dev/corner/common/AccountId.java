package dev.corner.common;

/** The id of an account (a household, merchant, courier, maker or operator). */
public record AccountId(String value) {
    public AccountId {
        Ids.requireValid(value, "accountId");
    }

    @Override
    public String toString() {
        return value;
    }
}
