package dev.corner.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corner.common.AccountId;
import dev.corner.common.CornerException;
import dev.corner.common.Money;
import dev.corner.payments.PaymentIntentId;
import dev.corner.payments.PaymentMethodId;
import dev.corner.payments.PaymentStatus;
import dev.corner.payments.model.PaymentEvent;
import dev.corner.payments.model.PaymentIntent;
import org.junit.jupiter.api.Test;

class PaymentIntentTest {

    static Money eur(long cents) {
        return Money.of(cents, "EUR");
    }

    static PaymentIntent newIntentFor(long cents) {
        return PaymentIntent.create(
                new PaymentIntentId("pi_1"),
                new AccountId("acc_h"),
                new PaymentMethodId("pm_1"),
                eur(cents),
                "basket 7");
    }

    static PaymentIntent authorizedFor(long cents) {
        var intent = newIntentFor(cents);
        intent.authorize("auth_1");
        return intent;
    }

    static String codeOf(Runnable action) {
        try {
            action.run();
        } catch (CornerException e) {
            return e.code();
        }
        throw new AssertionError("expected a refusal");
    }

    static CornerException.Kind kindOf(Runnable action) {
        try {
            action.run();
        } catch (CornerException e) {
            return e.kind();
        }
        throw new AssertionError("expected a refusal");
    }

    @Test
    void aNewIntentAwaitsAuthorizationWithNothingCaptured() {
        var intent = newIntentFor(1000);
        assertThat(intent.status()).isEqualTo(PaymentStatus.REQUIRES_AUTHORIZATION);
        assertThat(intent.captured()).isEqualTo(eur(0));
        assertThat(intent.refunded()).isEqualTo(eur(0));
    }

    @Test
    void anIntentForNothingIsRefused() {
        assertThat(codeOf(() -> newIntentFor(0))).isEqualTo("INVALID_AMOUNT");
        assertThat(codeOf(() -> newIntentFor(-5))).isEqualTo("INVALID_AMOUNT");
    }

    @Test
    void anAuthorizedIntentCanBeCapturedInFull() {
        var intent = authorizedFor(1000);
        var event = intent.capture(null);
        assertThat(intent.status()).isEqualTo(PaymentStatus.CAPTURED);
        assertThat(intent.captured()).isEqualTo(eur(1000));
        assertThat(event.kind()).isEqualTo(PaymentEvent.Kind.CAPTURED);
        assertThat(event.detail()).isEqualTo("released 0");
    }

    @Test
    void aPartialCaptureReleasesTheRest() {
        var intent = authorizedFor(1000);
        var event = intent.capture(eur(600));
        assertThat(intent.captured()).isEqualTo(eur(600));
        assertThat(event.amount()).isEqualTo(eur(600));
        assertThat(event.detail()).isEqualTo("released 400");
    }

    @Test
    void anIntentIsCapturedOnlyOnce() {
        var intent = authorizedFor(1000);
        intent.capture(eur(600));
        assertThat(intent.capturedAs(eur(600))).isTrue();
        assertThat(intent.capturedAs(eur(400))).isFalse();
        assertThat(intent.capturedAs(null)).isFalse();
        assertThat(codeOf(() -> intent.capture(eur(400)))).isEqualTo("ALREADY_CAPTURED");
        assertThat(intent.captured()).isEqualTo(eur(600));
    }

    @Test
    void captureCannotExceedTheAuthorization() {
        var intent = authorizedFor(1000);
        assertThat(codeOf(() -> intent.capture(eur(1001)))).isEqualTo("CAPTURE_EXCEEDS_AUTHORIZED");
        assertThat(codeOf(() -> intent.capture(eur(0)))).isEqualTo("INVALID_AMOUNT");
        assertThat(codeOf(() -> intent.capture(Money.of(500, "USD")))).isEqualTo("CURRENCY_MISMATCH");
        assertThat(intent.status()).isEqualTo(PaymentStatus.AUTHORIZED);
    }

    @Test
    void anUnauthorizedIntentCannotBeCapturedOrVoided() {
        var intent = newIntentFor(1000);
        assertThat(codeOf(() -> intent.capture(null))).isEqualTo("NOT_AUTHORIZED");
        assertThat(codeOf(intent::voidIntent)).isEqualTo("NOT_AUTHORIZED");
        assertThat(kindOf(intent::voidIntent)).isEqualTo(CornerException.Kind.CONFLICT);
        assertThat(intent.status()).isEqualTo(PaymentStatus.REQUIRES_AUTHORIZATION);
    }

    @Test
    void aDeclinedIntentIsFinished() {
        var intent = newIntentFor(1000);
        intent.decline("card_declined");
        assertThat(intent.status()).isEqualTo(PaymentStatus.DECLINED);
        assertThat(intent.declineCode()).isEqualTo("card_declined");
        assertThat(codeOf(() -> intent.authorize("auth_2"))).isEqualTo("ALREADY_AUTHORIZED");
        assertThat(codeOf(() -> intent.capture(null))).isEqualTo("NOT_AUTHORIZED");
        assertThat(codeOf(intent::voidIntent)).isEqualTo("NOT_AUTHORIZED");
        assertThat(codeOf(() -> intent.refund(eur(1), "r1"))).isEqualTo("NOT_CAPTURED");
    }

    @Test
    void anAuthorizedIntentCanBeVoidedAndThenNothingElse() {
        var intent = authorizedFor(1000);
        intent.voidIntent();
        assertThat(intent.status()).isEqualTo(PaymentStatus.VOIDED);
        assertThat(intent.isVoided()).isTrue();
        assertThat(codeOf(() -> intent.capture(null))).isEqualTo("NOT_AUTHORIZED");
        assertThat(codeOf(intent::voidIntent)).isEqualTo("NOT_AUTHORIZED");
        assertThat(codeOf(() -> intent.refund(eur(1), "r1"))).isEqualTo("NOT_CAPTURED");
    }

    @Test
    void aCapturedIntentCannotBeVoided() {
        var intent = authorizedFor(1000);
        intent.capture(null);
        assertThat(codeOf(intent::voidIntent)).isEqualTo("NOT_AUTHORIZED");
        assertThat(intent.status()).isEqualTo(PaymentStatus.CAPTURED);
    }

    @Test
    void anIntentIsAuthorizedOnlyOnce() {
        var intent = authorizedFor(1000);
        assertThat(codeOf(() -> intent.authorize("auth_2"))).isEqualTo("ALREADY_AUTHORIZED");
        assertThat(codeOf(() -> intent.decline("card_declined"))).isEqualTo("ALREADY_AUTHORIZED");
        assertThat(intent.authorization()).isEqualTo("auth_1");
    }

    @Test
    void refundsArePartialAndRepeatedUpToTheCapturedAmount() {
        var intent = authorizedFor(1000);
        intent.capture(eur(600));
        intent.refund(eur(200), "r1");
        assertThat(intent.status()).isEqualTo(PaymentStatus.PARTIALLY_REFUNDED);
        assertThat(intent.refunded()).isEqualTo(eur(200));
        intent.refund(eur(300), "r2");
        assertThat(intent.refunded()).isEqualTo(eur(500));
        assertThat(codeOf(() -> intent.refund(eur(101), "r3"))).isEqualTo("REFUND_EXCEEDS_CAPTURED");
        assertThat(intent.refunded()).isEqualTo(eur(500));
        intent.refund(eur(100), "r4");
        assertThat(intent.status()).isEqualTo(PaymentStatus.REFUNDED);
        assertThat(codeOf(() -> intent.refund(eur(1), "r5"))).isEqualTo("REFUND_EXCEEDS_CAPTURED");
    }

    @Test
    void aRefundBeforeCaptureOrOfNothingIsRefused() {
        var intent = authorizedFor(1000);
        assertThat(codeOf(() -> intent.refund(eur(100), "r1"))).isEqualTo("NOT_CAPTURED");
        intent.capture(null);
        assertThat(codeOf(() -> intent.refund(eur(0), "r1"))).isEqualTo("INVALID_AMOUNT");
        assertThat(codeOf(() -> intent.refund(Money.of(100, "USD"), "r1"))).isEqualTo("CURRENCY_MISMATCH");
        assertThat(intent.status()).isEqualTo(PaymentStatus.CAPTURED);
    }

    @Test
    void aRefundedIntentCannotBeCapturedAgain() {
        var intent = authorizedFor(1000);
        intent.capture(null);
        intent.refund(eur(1000), "r1");
        assertThat(intent.status()).isEqualTo(PaymentStatus.REFUNDED);
        assertThat(intent.capturedAs(null)).isTrue();
        assertThat(codeOf(() -> intent.capture(eur(10)))).isEqualTo("ALREADY_CAPTURED");
    }
}
