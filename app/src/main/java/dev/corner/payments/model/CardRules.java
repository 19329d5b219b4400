package dev.corner.payments.model;

import dev.corner.common.CornerException;
import java.time.YearMonth;
import java.util.regex.Pattern;

/**
 * What Corner checks of a card before it goes to the gateway: the number's shape and Luhn digit, the
 * expiry against today, the security code's length for the brand. Refusals never repeat the number
 * or the code, so neither can reach a log or a client's error report.
 */
public final class CardRules {

    private static final Pattern DIGITS = Pattern.compile("[0-9]{12,19}");
    private static final Pattern CVC = Pattern.compile("[0-9]{3,4}");
    // A run of digits in free text long enough to be a card number; checked with Luhn below.
    private static final Pattern DIGIT_RUN = Pattern.compile("[0-9]{12,19}");

    private CardRules() {}

    /** True if {@code digits} (digits only) passes the Luhn check. */
    public static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }

    /** The number as given if it is 12 to 19 digits (no spaces) with a valid Luhn check digit. */
    public static String requireNumber(String number) {
        if (number == null || !DIGITS.matcher(number).matches() || !luhn(number)) {
            throw CornerException.invalid(
                    "INVALID_CARD_NUMBER", "the card number must be 12 to 19 digits with a valid check digit");
        }
        return number;
    }

    /** The card's brand, read from its leading digits. */
    public static CardBrand brandOf(String number) {
        if (number.startsWith("4")) {
            return CardBrand.VISA;
        }
        if (number.startsWith("34") || number.startsWith("37")) {
            return CardBrand.AMEX;
        }
        int two = Integer.parseInt(number.substring(0, 2));
        int four = Integer.parseInt(number.substring(0, 4));
        if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) {
            return CardBrand.MASTERCARD;
        }
        if (number.startsWith("6011") || number.startsWith("65")) {
            return CardBrand.DISCOVER;
        }
        return CardBrand.UNKNOWN;
    }

    /**
     * The expiry as a month, refused if the month or year is out of range or the card expired before
     * {@code today}'s month. A card is good through the last day of its expiry month. Two-digit years
     * are read as 20xx.
     */
    public static YearMonth requireExpiry(Integer month, Integer year, YearMonth today) {
        if (month == null || year == null || month < 1 || month > 12) {
            throw CornerException.invalid("INVALID_EXPIRY", "expMonth must be 1 to 12 and expYear a year");
        }
        int fullYear = year < 100 ? 2000 + year : year;
        if (year < 0 || fullYear < 2000 || fullYear > 2099) {
            throw CornerException.invalid("INVALID_EXPIRY", "expYear must be a year from 2000 to 2099");
        }
        var expiry = YearMonth.of(fullYear, month);
        if (expiry.isBefore(today)) {
            throw expired();
        }
        return expiry;
    }

    /** A stored card's expiry checked again at the time of use. */
    public static void requireNotExpired(YearMonth expiry, YearMonth today) {
        if (expiry.isBefore(today)) {
            throw expired();
        }
    }

    /** Three digits, or four for American Express. */
    public static String requireCvc(String cvc, CardBrand brand) {
        int length = brand == CardBrand.AMEX ? 4 : 3;
        if (cvc == null || !CVC.matcher(cvc).matches() || cvc.length() != length) {
            throw CornerException.invalid(
                    "INVALID_CVC", "the security code must be " + length + " digits for this card");
        }
        return cvc;
    }

    /**
     * True if free text holds something that could be a card number, so that a payment reference
     * cannot smuggle one into storage.
     */
    public static boolean mayHoldCardNumber(String text) {
        if (text == null) {
            return false;
        }
        var runs = DIGIT_RUN.matcher(text.replaceAll("[ -]", ""));
        while (runs.find()) {
            if (luhn(runs.group())) {
                return true;
            }
        }
        return false;
    }

    private static CornerException expired() {
        return CornerException.invalid("CARD_EXPIRED", "the card has expired");
    }
}
