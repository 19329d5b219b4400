package dev.corner.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.corner.common.CornerException;
import dev.corner.common.Money;
import dev.corner.pos.model.Pricing;
import dev.corner.pos.model.RefundSplit;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PricingTest {

    static Money eur(long cents) {
        return Money.of(cents, "EUR");
    }

    @Test
    void aLineDiscountIsRoundedHalfUpToTheCent() {
        // 3 × 0.99 = 2.97; 15 % of it is 0.4455 → 0.45.
        var priced = Pricing.price(List.of(new Pricing.Line(eur(99), 3, 15)), null, "EUR");
        assertThat(priced.get(0).discount()).isEqualTo(eur(45));
        assertThat(priced.get(0).total()).isEqualTo(eur(252));
    }

    @Test
    void aBasketDiscountIsSharedOverTheLinesAndTheirTotalsAddUpToTheSale() {
        var lines = List.of(
                new Pricing.Line(eur(333), 1, 0), new Pricing.Line(eur(333), 1, 0), new Pricing.Line(eur(334), 1, 10));
        var priced = Pricing.price(lines, eur(100), "EUR");
        long total = priced.stream().mapToLong(p -> p.total().amount()).sum();
        long discount = priced.stream().mapToLong(p -> p.discount().amount()).sum();
        // 1000 gross, 33 (10 % of 334, rounded) off the third line, then 100 off the basket.
        assertThat(discount).isEqualTo(133);
        assertThat(total).isEqualTo(1000 - 133);
    }

    @Test
    void aBasketDiscountAboveWhatTheBasketCostsIsRefused() {
        assertThatThrownBy(() -> Pricing.price(List.of(new Pricing.Line(eur(100), 1, 50)), eur(51), "EUR"))
                .isInstanceOf(CornerException.class)
                .hasFieldOrPropertyWithValue("code", "INVALID_DISCOUNT");
    }

    @Test
    void returningEveryUnitInAnyStepsGivesBackExactlyTheLineTotal() {
        var random = new Random(7);
        for (int run = 0; run < 2000; run++) {
            long sold = 1 + random.nextInt(12);
            long lineTotal = random.nextInt(100_000);
            long returned = 0;
            long refunded = 0;
            while (returned < sold) {
                long step = 1 + random.nextInt((int) (sold - returned));
                refunded += Pricing.refundFor(lineTotal, sold, returned, step);
                returned += step;
            }
            assertThat(refunded).isEqualTo(lineTotal);
        }
    }

    @Test
    void returningMoreThanWasSoldIsRefused() {
        assertThatThrownBy(() -> Pricing.refundFor(500, 2, 1, 2))
                .isInstanceOf(CornerException.class)
                .hasFieldOrPropertyWithValue("code", "RETURN_EXCEEDS_SALE");
    }

    @Test
    void aRefundGoesToTheCardsFirstAndTheRestInCash() {
        var parts = RefundSplit.split(
                1000,
                List.of(
                        new RefundSplit.CardLeft(2, 300),
                        new RefundSplit.CardLeft(3, 0),
                        new RefundSplit.CardLeft(4, 500)));
        assertThat(parts)
                .containsExactly(
                        new RefundSplit.Part(2, 300), new RefundSplit.Part(4, 500), new RefundSplit.Part(0, 200));
    }
}
