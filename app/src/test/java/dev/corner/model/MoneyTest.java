package dev.corner.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.corner.common.CornerException;
import dev.corner.common.Money;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void amountsAddAndMultiplyInMinorUnits() {
        assertThat(Money.of(499, "EUR").times(3).plus(Money.of(3, "EUR"))).isEqualTo(Money.of(1500, "EUR"));
        assertThat(Money.of(1000, "EUR").minus(Money.of(1497, "EUR")).belowZero())
                .isTrue();
    }

    @Test
    void currenciesDoNotMix() {
        assertThatThrownBy(() -> Money.of(1, "EUR").plus(Money.of(1, "USD")))
                .isInstanceOf(CornerException.class)
                .extracting(e -> ((CornerException) e).code())
                .isEqualTo("CURRENCY_MISMATCH");
    }

    @Test
    void anUnknownCurrencyIsRefused() {
        assertThatThrownBy(() -> Money.of(1, "XYZ")).isInstanceOf(CornerException.class);
    }

    @Test
    void overflowIsAnErrorNotAWrapAround() {
        assertThatThrownBy(() -> Money.of(Long.MAX_VALUE, "EUR").times(2)).isInstanceOf(ArithmeticException.class);
    }
}
