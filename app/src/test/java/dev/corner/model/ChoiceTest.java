package dev.corner.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.corner.catalog.ProductId;
import dev.corner.common.CornerException;
import dev.corner.common.Money;
import dev.corner.devices.model.Candidate;
import dev.corner.devices.model.Choice;
import dev.corner.devices.model.Consent;
import dev.corner.devices.model.SlotPolicy;
import dev.corner.devices.model.Strategy;
import dev.corner.orders.Fulfilment;
import dev.corner.stores.StoreId;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChoiceTest {

    static final ProductId SPARKLE = new ProductId("pr_sparkle");
    static final ProductId GREEN = new ProductId("pr_green");
    static final StoreId CORNER = new StoreId("st_corner");
    static final StoreId MARKET = new StoreId("st_market");

    static SlotPolicy policy(Strategy strategy, long cap) {
        return new SlotPolicy(
                List.of(SPARKLE, GREEN),
                strategy,
                List.of(CORNER, MARKET),
                null,
                Money.of(cap, "EUR"),
                1,
                Fulfilment.PICKUP,
                Consent.CANCEL_WINDOW);
    }

    static Candidate offer(ProductId product, StoreId store, long price, long available) {
        return new Candidate(product, store, Money.of(price, "EUR"), available);
    }

    @Test
    void fastestOrdersByReadyTimeThenPriceAndPutsClosedStoresLast() {
        var now = java.time.Instant.parse("2026-11-23T09:00:00Z");
        var closed = new Candidate(SPARKLE, CORNER, Money.of(300, "EUR"), 2, null);
        var soonDear = new Candidate(SPARKLE, MARKET, Money.of(650, "EUR"), 2, now.plusSeconds(600));
        var soonCheap = new Candidate(GREEN, MARKET, Money.of(600, "EUR"), 2, now.plusSeconds(600));
        var later = new Candidate(GREEN, CORNER, Money.of(400, "EUR"), 2, now.plusSeconds(3600));

        var ranked = Choice.rank(policy(Strategy.FASTEST, 700), List.of(closed, soonDear, later, soonCheap), 1);

        assertThat(ranked).containsExactly(soonCheap, soonDear, later, closed);
    }

    @Test
    void whenNothingFitsItSaysWhy() {
        var policy = policy(Strategy.CHEAPEST, 700);
        assertThat(Choice.whyNothing(policy, List.of())).isEqualTo("NOT_OFFERED");
        assertThat(Choice.whyNothing(policy, List.of(offer(SPARKLE, CORNER, 701, 5))))
                .isEqualTo("ABOVE_PRICE_CAP");
        assertThat(Choice.whyNothing(policy, List.of(offer(SPARKLE, CORNER, 701, 5), offer(GREEN, CORNER, 650, 0))))
                .isEqualTo("OUT_OF_STOCK");
    }

    @Test
    void preferredKeepsTheHouseholdsOrder() {
        var ranked = Choice.rank(
                policy(Strategy.PREFERRED, 700),
                List.of(offer(SPARKLE, CORNER, 650, 2), offer(GREEN, CORNER, 500, 2)),
                1);
        assertThat(ranked).extracting(Candidate::productId).containsExactly(SPARKLE, GREEN);
    }

    @Test
    void cheapestOrdersByUnitPriceAndKeepsOrderAmongEquals() {
        var ranked = Choice.rank(
                policy(Strategy.CHEAPEST, 700),
                List.of(offer(SPARKLE, CORNER, 650, 2), offer(SPARKLE, MARKET, 500, 2), offer(GREEN, CORNER, 500, 2)),
                1);
        assertThat(ranked)
                .extracting(Candidate::storeId, Candidate::productId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(MARKET, SPARKLE),
                        org.assertj.core.groups.Tuple.tuple(CORNER, GREEN),
                        org.assertj.core.groups.Tuple.tuple(CORNER, SPARKLE));
    }

    @Test
    void nothingAboveTheCapOrShortOfStockIsChosen() {
        var ranked = Choice.rank(
                policy(Strategy.PREFERRED, 600),
                List.of(offer(SPARKLE, CORNER, 601, 9), offer(GREEN, CORNER, 600, 1), offer(GREEN, MARKET, 300, 5)),
                2);
        assertThat(ranked).containsExactly(offer(GREEN, MARKET, 300, 5));
    }

    @Test
    void aPolicyWithoutProductsOrCapIsRefused() {
        assertThatThrownBy(() -> new SlotPolicy(
                        List.of(),
                        Strategy.PREFERRED,
                        List.of(CORNER),
                        null,
                        Money.of(1, "EUR"),
                        1,
                        Fulfilment.PICKUP,
                        Consent.CANCEL_WINDOW))
                .isInstanceOf(CornerException.class);
        assertThatThrownBy(() -> new SlotPolicy(
                        List.of(SPARKLE),
                        Strategy.PREFERRED,
                        List.of(CORNER),
                        null,
                        null,
                        1,
                        Fulfilment.PICKUP,
                        Consent.CANCEL_WINDOW))
                .isInstanceOf(CornerException.class);
        assertThatThrownBy(() -> new SlotPolicy(
                        List.of(SPARKLE, SPARKLE),
                        Strategy.PREFERRED,
                        List.of(CORNER),
                        null,
                        Money.of(1, "EUR"),
                        1,
                        Fulfilment.PICKUP,
                        Consent.CANCEL_WINDOW))
                .isInstanceOf(CornerException.class);
    }

    @Test
    void nothingFitsBecauseNoAllowedStoreOffersAnAcceptableProduct() {
        assertThat(Choice.shortfall(policy(Strategy.PREFERRED, 500), List.of()))
                .isEqualTo(Choice.Shortfall.NOT_OFFERED);
        var inDollars = new Candidate(SPARKLE, CORNER, Money.of(100, "USD"), 5);
        assertThat(Choice.shortfall(policy(Strategy.PREFERRED, 500), List.of(inDollars)))
                .isEqualTo(Choice.Shortfall.NOT_OFFERED);
    }

    @Test
    void nothingFitsBecauseEveryOfferIsAboveTheCapAndTheCheapestIsNamed() {
        var offered = List.of(offer(SPARKLE, CORNER, 520, 5), offer(GREEN, MARKET, 505, 0));
        assertThat(Choice.shortfall(policy(Strategy.CHEAPEST, 500), offered))
                .isEqualTo(Choice.Shortfall.ABOVE_PRICE_CAP);
        assertThat(Choice.cheapestOffer(policy(Strategy.CHEAPEST, 500), offered))
                .map(c -> c.price().amount())
                .contains(505L);
    }

    @Test
    void nothingFitsBecauseTheOffersWithinTheCapAreOutOfStock() {
        var offered = List.of(offer(SPARKLE, CORNER, 520, 5), offer(GREEN, MARKET, 450, 0));
        assertThat(Choice.shortfall(policy(Strategy.PREFERRED, 500), offered)).isEqualTo(Choice.Shortfall.OUT_OF_STOCK);
    }

    @Test
    void tooFewInStockForTheQuantityIsOutOfStock() {
        var offered = List.of(offer(GREEN, MARKET, 450, 1));
        assertThat(Choice.rank(policy(Strategy.PREFERRED, 500), offered, 2)).isEmpty();
        assertThat(Choice.shortfall(policy(Strategy.PREFERRED, 500), offered)).isEqualTo(Choice.Shortfall.OUT_OF_STOCK);
    }
}
