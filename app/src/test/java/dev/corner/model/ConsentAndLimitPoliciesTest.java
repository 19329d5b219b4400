package dev.corner.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corner.common.Money;
import dev.corner.devices.model.Consent;
import dev.corner.devices.model.ConsentPolicy;
import dev.corner.devices.model.PressStormPolicy;
import dev.corner.devices.model.SpendingLimitPolicy;
import dev.corner.devices.model.SpendingLimitPolicy.Spent;
import org.junit.jupiter.api.Test;

class ConsentAndLimitPoliciesTest {

    static Money eur(long cents) {
        return Money.of(cents, "EUR");
    }

    @Test
    void aSlotThatAsksEachTimeWinsOverEverythingElse() {
        assertThat(new ConsentPolicy(Consent.CANCEL_WINDOW, Consent.CANCEL_WINDOW, Consent.CONFIRM_EACH, 10).mode())
                .isEqualTo(Consent.CONFIRM_EACH);
    }

    @Test
    void aDeviceOverrideReplacesTheHouseholdsModeEitherWay() {
        assertThat(new ConsentPolicy(Consent.CONFIRM_EACH, Consent.CANCEL_WINDOW, Consent.CANCEL_WINDOW, 10).mode())
                .isEqualTo(Consent.CANCEL_WINDOW);
        assertThat(new ConsentPolicy(Consent.CANCEL_WINDOW, Consent.CONFIRM_EACH, Consent.CANCEL_WINDOW, 10).mode())
                .isEqualTo(Consent.CONFIRM_EACH);
        assertThat(new ConsentPolicy(Consent.CONFIRM_EACH, null, Consent.CANCEL_WINDOW, 10).mode())
                .isEqualTo(Consent.CONFIRM_EACH);
    }

    @Test
    void thePriceGuardAsksOnlyAboveItsBoundAndNotWithoutAReference() {
        var policy = new ConsentPolicy(Consent.CANCEL_WINDOW, null, Consent.CANCEL_WINDOW, 10);
        assertThat(policy.confirmationReason(eur(1000), eur(1100))).isNull();
        assertThat(policy.confirmationReason(eur(1000), eur(1101))).isEqualTo("PRICE_GUARD");
        assertThat(policy.confirmationReason(null, eur(99_999))).isNull();
        assertThat(new ConsentPolicy(Consent.CANCEL_WINDOW, null, Consent.CANCEL_WINDOW, 0)
                        .confirmationReason(eur(1000), eur(1001)))
                .isEqualTo("PRICE_GUARD");
    }

    @Test
    void eachLimitIsCheckedAgainstWhatWasSpentPlusTheNewOrder() {
        var limits = new SpendingLimitPolicy(eur(2000), eur(1000), eur(3000), eur(5000));
        assertThat(limits.exceededBy(eur(2001), new Spent(0, 0, 0))).contains("PER_ORDER");
        assertThat(limits.exceededBy(eur(500), new Spent(500, 500, 500))).isEmpty();
        assertThat(limits.exceededBy(eur(501), new Spent(500, 500, 500))).contains("PER_DEVICE_PER_DAY");
        assertThat(limits.exceededBy(eur(500), new Spent(0, 2600, 2600))).contains("PER_DEVICE_PER_MONTH");
        assertThat(limits.exceededBy(eur(500), new Spent(0, 0, 4600))).contains("PER_HOUSEHOLD_PER_MONTH");
        assertThat(new SpendingLimitPolicy(null, null, null, null).exceededBy(eur(1_000_000), new Spent(9, 9, 9)))
                .isEmpty();
    }

    @Test
    void aLimitInAnotherCurrencyDoesNotApply() {
        var limits = new SpendingLimitPolicy(Money.of(100, "CHF"), null, null, null);
        assertThat(limits.exceededBy(eur(5000), new Spent(0, 0, 0))).isEmpty();
    }

    @Test
    void thePressAfterTheBoundWithinAMinuteIsAStorm() {
        var storm = new PressStormPolicy(3);
        assertThat(storm.isStorm(2)).isFalse();
        assertThat(storm.isStorm(3)).isTrue();
    }
}
