package dev.corner.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.corner.catalog.ProductId;
import dev.corner.common.AccountId;
import dev.corner.common.CornerException;
import dev.corner.common.Money;
import dev.corner.inventory.ReservationId;
import dev.corner.orders.Fulfilment;
import dev.corner.orders.OrderId;
import dev.corner.orders.OrderStatus;
import dev.corner.orders.model.Order;
import dev.corner.orders.model.OrderLine;
import dev.corner.stores.StoreId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderTest {

    static final Instant NOON = Instant.parse("2026-11-23T12:00:00Z");

    static Order placedAtNoon() {
        return Order.place(
                new OrderId("ord_1"),
                new AccountId("acc_h"),
                new StoreId("st_1"),
                Fulfilment.PICKUP,
                List.of(new OrderLine(
                        new ProductId("pr_1"), "Tabs", 2, Money.of(499, "EUR"), new ReservationId("rsv_1"))),
                NOON,
                NOON.plus(Duration.ofMinutes(30)),
                "device:dev_1/main",
                "{\"mode\":\"CANCEL_WINDOW\"}");
    }

    static String codeOf(Runnable action) {
        try {
            action.run();
        } catch (CornerException e) {
            return e.code();
        }
        throw new AssertionError("expected a refusal");
    }

    @Test
    void anOrderTotalsItsLines() {
        assertThat(placedAtNoon().total()).isEqualTo(Money.of(998, "EUR"));
    }

    @Test
    void aPlacedOrderCanBeCancelledUntilTheWindowCloses() {
        var order = placedAtNoon();
        var cancelled = order.cancel(NOON.plus(Duration.ofMinutes(30)));
        assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(cancelled.orderId()).isEqualTo(new OrderId("ord_1"));
    }

    @Test
    void aPlacedOrderCannotBeCancelledAfterTheWindow() {
        var order = placedAtNoon();
        assertThat(codeOf(() -> order.cancel(NOON.plus(Duration.ofMinutes(30)).plusNanos(1000))))
                .isEqualTo("CANCEL_WINDOW_CLOSED");
        assertThat(order.status()).isEqualTo(OrderStatus.PLACED);
    }

    @Test
    void aCancelledOrderChangesNoMore() {
        var order = placedAtNoon();
        order.cancel(NOON);
        assertThat(codeOf(() -> order.cancel(NOON))).isEqualTo("ORDER_CLOSED");
        assertThat(codeOf(order::handOver)).isEqualTo("ORDER_NOT_READY");
        assertThat(codeOf(() -> order.confirm(NOON, NOON, "{}"))).isEqualTo("NOT_AWAITING_CONFIRMATION");
    }

    @Test
    void aHandedOverOrderIsCompleted() {
        var order = placedAtNoon();
        order.handOver();
        assertThat(order.status()).isEqualTo(OrderStatus.COMPLETED);
        assertThat(order.status().isOpen()).isFalse();
        assertThatThrownBy(() -> order.cancel(NOON)).isInstanceOf(CornerException.class);
    }

    static Order awaitingSinceNoon() {
        return Order.awaitConfirmation(
                new OrderId("ord_2"),
                new AccountId("acc_h"),
                new StoreId("st_1"),
                Fulfilment.PICKUP,
                List.of(new OrderLine(
                        new ProductId("pr_1"), "Tabs", 1, Money.of(499, "EUR"), new ReservationId("rsv_2"))),
                NOON,
                NOON.plus(Duration.ofHours(24)),
                "device:dev_1/main");
    }

    @Test
    void anOrderAwaitingConfirmationIsPlacedWhenConfirmedInTimeWithTheEvidence() {
        var order = awaitingSinceNoon();
        assertThat(order.view().cancelUntil()).isNull();
        var placed = order.confirm(
                NOON.plus(Duration.ofHours(23)), NOON.plus(Duration.ofHours(24)), "{\"channel\":\"WEB\"}");
        assertThat(order.status()).isEqualTo(OrderStatus.PLACED);
        assertThat(placed.cancelUntil()).isEqualTo(NOON.plus(Duration.ofHours(24)));
        assertThat(order.consentEvidence()).contains("WEB");
    }

    @Test
    void aConfirmationAfterTheDeadlineIsRefused() {
        var order = awaitingSinceNoon();
        assertThat(codeOf(() -> order.confirm(NOON.plus(Duration.ofHours(24)).plusSeconds(1), NOON, "{}")))
                .isEqualTo("CONFIRMATION_EXPIRED");
        assertThat(order.status()).isEqualTo(OrderStatus.AWAITING_CONFIRMATION);
        assertThat(order.expire()).isPresent();
        assertThat(order.status()).isEqualTo(OrderStatus.EXPIRED);
    }
}
