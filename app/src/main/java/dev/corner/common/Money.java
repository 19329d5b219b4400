package dev.corner.common;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Currency;
import java.util.Objects;

/** An amount of money in integer minor units of an ISO-4217 currency; never floating point. */
public record Money(long amount, String currency) {

    public Money {
        if (currency == null || currency.isBlank()) {
            throw CornerException.invalid("INVALID_MONEY", "currency is required");
        }
        try {
            Currency.getInstance(currency);
        } catch (IllegalArgumentException e) {
            throw CornerException.invalid("INVALID_CURRENCY", "unknown ISO-4217 currency: " + currency);
        }
    }

    public static Money of(long amount, String currency) {
        return new Money(amount, currency);
    }

    public static Money zero(String currency) {
        return new Money(0, currency);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(amount, other.amount), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.subtractExact(amount, other.amount), currency);
    }

    public Money times(long factor) {
        return new Money(Math.multiplyExact(amount, factor), currency);
    }

    public boolean belowZero() {
        return amount < 0;
    }

    public boolean exceeds(Money other) {
        requireSameCurrency(other);
        return amount > other.amount;
    }

    /** The amount as people read it: {@code 4.99 EUR}, {@code -0.50 EUR}, {@code 500 JPY}. */
    public String display() {
        int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        return new BigDecimal(BigInteger.valueOf(amount), digits).toPlainString() + " " + currency;
    }

    public void requireSameCurrency(Money other) {
        if (!currency.equals(Objects.requireNonNull(other).currency)) {
            throw CornerException.invalid(
                    "CURRENCY_MISMATCH", "expected an amount in " + currency + " but got " + other.currency);
        }
    }
}
