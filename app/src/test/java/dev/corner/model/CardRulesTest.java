package dev.corner.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corner.common.CornerException;
import dev.corner.payments.model.CardBrand;
import dev.corner.payments.model.CardRules;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class CardRulesTest {

    static final YearMonth NOV_2026 = YearMonth.of(2026, 11);

    static String codeOf(Runnable action) {
        try {
            action.run();
        } catch (CornerException e) {
            return e.code();
        }
        throw new AssertionError("expected a refusal");
    }

    @Test
    void luhnAcceptsPublicTestCardsAndRefusesOneWrongDigit() {
        assertThat(CardRules.luhn("4242424242424242")).isTrue();
        assertThat(CardRules.luhn("5555555555554444")).isTrue();
        assertThat(CardRules.luhn("378282246310005")).isTrue();
        assertThat(CardRules.luhn("79927398713")).isTrue();
        assertThat(CardRules.luhn("4242424242424241")).isFalse();
        assertThat(CardRules.luhn("79927398710")).isFalse();
    }

    @Test
    void aNumberMustBeTwelveToNineteenDigitsWithAValidCheckDigit() {
        assertThat(CardRules.requireNumber("4242424242424242")).isEqualTo("4242424242424242");
        assertThat(codeOf(() -> CardRules.requireNumber("4242424242424241"))).isEqualTo("INVALID_CARD_NUMBER");
        assertThat(codeOf(() -> CardRules.requireNumber("4242 4242 4242 4242"))).isEqualTo("INVALID_CARD_NUMBER");
        assertThat(codeOf(() -> CardRules.requireNumber("42424242426"))).isEqualTo("INVALID_CARD_NUMBER");
        assertThat(codeOf(() -> CardRules.requireNumber("42424242424242424242")))
                .isEqualTo("INVALID_CARD_NUMBER");
        assertThat(codeOf(() -> CardRules.requireNumber("4242x24242424242"))).isEqualTo("INVALID_CARD_NUMBER");
        assertThat(codeOf(() -> CardRules.requireNumber(null))).isEqualTo("INVALID_CARD_NUMBER");
    }

    @Test
    void aRefusalNeverRepeatsTheNumber() {
        try {
            CardRules.requireNumber("4242424242424241");
        } catch (CornerException e) {
            assertThat(e.getMessage()).doesNotContain("4242424242424241").doesNotContain("424242");
            return;
        }
        throw new AssertionError("expected a refusal");
    }

    @Test
    void aCardIsGoodThroughItsExpiryMonth() {
        assertThat(CardRules.requireExpiry(11, 2026, NOV_2026)).isEqualTo(NOV_2026);
        assertThat(CardRules.requireExpiry(1, 27, NOV_2026)).isEqualTo(YearMonth.of(2027, 1));
        assertThat(codeOf(() -> CardRules.requireExpiry(10, 2026, NOV_2026))).isEqualTo("CARD_EXPIRED");
        assertThat(codeOf(() -> CardRules.requireExpiry(12, 2025, NOV_2026))).isEqualTo("CARD_EXPIRED");
        assertThat(codeOf(() -> CardRules.requireNotExpired(NOV_2026, NOV_2026.plusMonths(1))))
                .isEqualTo("CARD_EXPIRED");
    }

    @Test
    void anExpiryOutOfRangeIsRefused() {
        assertThat(codeOf(() -> CardRules.requireExpiry(13, 2027, NOV_2026))).isEqualTo("INVALID_EXPIRY");
        assertThat(codeOf(() -> CardRules.requireExpiry(0, 2027, NOV_2026))).isEqualTo("INVALID_EXPIRY");
        assertThat(codeOf(() -> CardRules.requireExpiry(null, 2027, NOV_2026))).isEqualTo("INVALID_EXPIRY");
        assertThat(codeOf(() -> CardRules.requireExpiry(1, 2100, NOV_2026))).isEqualTo("INVALID_EXPIRY");
        assertThat(codeOf(() -> CardRules.requireExpiry(1, -1, NOV_2026))).isEqualTo("INVALID_EXPIRY");
    }

    @Test
    void theSecurityCodeHasThreeDigitsOrFourForAmex() {
        assertThat(CardRules.requireCvc("123", CardBrand.VISA)).isEqualTo("123");
        assertThat(CardRules.requireCvc("1234", CardBrand.AMEX)).isEqualTo("1234");
        assertThat(codeOf(() -> CardRules.requireCvc("1234", CardBrand.VISA))).isEqualTo("INVALID_CVC");
        assertThat(codeOf(() -> CardRules.requireCvc("123", CardBrand.AMEX))).isEqualTo("INVALID_CVC");
        assertThat(codeOf(() -> CardRules.requireCvc("12a", CardBrand.VISA))).isEqualTo("INVALID_CVC");
        assertThat(codeOf(() -> CardRules.requireCvc(null, CardBrand.MASTERCARD)))
                .isEqualTo("INVALID_CVC");
    }

    @Test
    void theBrandComesFromTheLeadingDigits() {
        assertThat(CardRules.brandOf("4242424242424242")).isEqualTo(CardBrand.VISA);
        assertThat(CardRules.brandOf("5555555555554444")).isEqualTo(CardBrand.MASTERCARD);
        assertThat(CardRules.brandOf("2223003122003222")).isEqualTo(CardBrand.MASTERCARD);
        assertThat(CardRules.brandOf("378282246310005")).isEqualTo(CardBrand.AMEX);
        assertThat(CardRules.brandOf("6011111111111117")).isEqualTo(CardBrand.DISCOVER);
        assertThat(CardRules.brandOf("3056930009020004")).isEqualTo(CardBrand.UNKNOWN);
    }

    @Test
    void freeTextThatMayHoldACardNumberIsSpotted() {
        assertThat(CardRules.mayHoldCardNumber("card 4242 4242 4242 4242 thanks"))
                .isTrue();
        assertThat(CardRules.mayHoldCardNumber("order 4242-4242-4242-4242")).isTrue();
        assertThat(CardRules.mayHoldCardNumber("basket 4242424242424241")).isFalse();
        assertThat(CardRules.mayHoldCardNumber("basket 17, GTIN 4006381333931")).isFalse();
        assertThat(CardRules.mayHoldCardNumber(null)).isFalse();
    }
}
