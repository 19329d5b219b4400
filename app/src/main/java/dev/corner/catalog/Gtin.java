package dev.corner.catalog;

import dev.corner.common.CornerException;

/** A GS1 Global Trade Item Number (GTIN-8, -12, -13 or -14) with a valid check digit. */
public record Gtin(String value) {

    public Gtin {
        if (value == null || !value.matches("\\d{8}|\\d{12,14}")) {
            throw CornerException.invalid("INVALID_GTIN", "a GTIN has 8, 12, 13 or 14 digits");
        }
        if (checkDigit(value.substring(0, value.length() - 1)) != value.charAt(value.length() - 1) - '0') {
            throw CornerException.invalid("INVALID_GTIN", "the GTIN's check digit is wrong");
        }
    }

    /** GS1 mod-10: from the right, digits are weighted 3, 1, 3, 1 … */
    static int checkDigit(String body) {
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            int digit = body.charAt(body.length() - 1 - i) - '0';
            sum += digit * (i % 2 == 0 ? 3 : 1);
        }
        return (10 - sum % 10) % 10;
    }

    /** Completes a GTIN body (all digits but the last) with its check digit; for tests and demos. */
    public static Gtin withCheckDigit(String body) {
        return new Gtin(body + checkDigit(body));
    }

    @Override
    public String toString() {
        return value;
    }
}
